/**
 * GET /klachtenreglement on a running site, beside the same bytes served by a bare node:http server
 * in this process: requests per second and latency at 50 concurrent keep-alive connections, and the
 * site's throughput as a share of the bare server's (target: at least 50%). Prints figures, asserts nothing.
 *
 *   tsx bench/site-regulation.ts [siteUrl]      (or SITE_URL=…; default http://127.0.0.1:4321)
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50       (defaults)
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'

const siteUrl = (process.argv[2] ?? process.env.SITE_URL ?? 'http://127.0.0.1:4321').replace(/\/$/, '')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const WARM_UP_MS = 1000

const BARE_SERVER = `
const http = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')
const body = Buffer.from(workerData.body)
const server = http.createServer((_, response) => {
  response.writeHead(200, { 'content-type': workerData.contentType, 'content-length': body.byteLength })
  response.end(body)
})
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }))
`

type Result = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number }

/** One GET on a keep-alive socket; resolves with the status once the whole body has arrived. */
function get(url: URL, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      response.on('data', () => {})
      response.on('end', () => resolve(response.statusCode ?? 0))
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

/** `connections` loops, each sending its next request when the previous answer is complete, until the time is up. */
async function load(
  url: URL,
  durationMs: number,
  record: boolean,
): Promise<{ latencies: number[]; errors: number; elapsedMs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const latencies: number[] = []
  let errors = 0
  const started = performance.now()
  const deadline = started + durationMs
  const loop = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now()
      try {
        const status = await get(url, agent)
        if (status !== 200) errors++
        else if (record) latencies.push(performance.now() - sent)
      } catch {
        // A refused or reset connection counts as an error; the loop carries on with a new request.
        errors++
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, loop))
  const elapsedMs = performance.now() - started
  agent.destroy()
  return { latencies, errors, elapsedMs }
}

async function measure(url: URL): Promise<Result> {
  await load(url, WARM_UP_MS, false)
  const { latencies, errors, elapsedMs } = await load(url, seconds * 1000, true)
  latencies.sort((a, b) => a - b)
  const at = (share: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? Number.NaN
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / (elapsedMs / 1000),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  }
}

function line(name: string, result: Result): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9)
  return `${name.padEnd(24)} ${result.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(result.p50)}   p95 ${ms(result.p95)}   p99 ${ms(result.p99)}   ${result.requests} ok, ${result.errors} errors`
}

async function main() {
  const pageUrl = new URL('/klachtenreglement', siteUrl)
  const first = await fetch(pageUrl)
  const body = Buffer.from(await first.arrayBuffer())
  if (first.status !== 200)
    throw new Error(`${pageUrl} answered ${first.status}; is the site running with a reachable CMS?`)
  const contentType = first.headers.get('content-type') ?? 'text/html'

  // The same bytes without Astro: the ceiling for this machine, this client and Node's HTTP stack. It runs on a
  // worker thread, so that it has an event loop of its own as the site has, not the load client's.
  const bare = new Worker(BARE_SERVER, { eval: true, workerData: { body, contentType } })
  const port = await new Promise<number>((resolve, reject) => {
    bare.once('message', (message: { port: number }) => resolve(message.port))
    bare.once('error', reject)
  })
  const bareUrl = new URL(`http://127.0.0.1:${port}/klachtenreglement`)

  console.log(
    `GET /klachtenreglement (${body.byteLength} bytes), ${connections} connections, ${seconds} s each after ${WARM_UP_MS} ms warm-up`,
  )
  const site = await measure(pageUrl)
  console.log(line(`site ${pageUrl.host}`, site))
  const same = await measure(bareUrl)
  console.log(line('same bytes, node:http', same))
  await bare.terminate()
  console.log(`ratio site / bare: ${((site.rps / same.rps) * 100).toFixed(1)}% (target >= 50%)`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
