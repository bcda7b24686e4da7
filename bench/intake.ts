/**
 * Valid complaint submissions through the public form (POST /klacht-indienen, multipart, as a
 * browser without JavaScript sends it) at 20 concurrent clients, beside a bare Payload `create`
 * of the same complaint on a fresh SQLite file in this process. Prints p50/p95 latency, throughput
 * and the ratio; asserts nothing. Targets: p95 under 250 ms, overhead under 2x.
 *
 * Start the portal with the rate limit raised first, e.g.
 *   SITE_RATE_LIMIT_PER_HOUR=1000000 SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR=1000000 DATABASE_URL=file:/tmp/bench/portal.db npm start
 * then: tsx bench/intake.ts [siteUrl]        (BENCH_SECONDS=10 BENCH_CLIENTS=20)
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { civilDateIn } from '../hooks/dates/amsterdam'

const siteUrl = (process.argv[2] ?? process.env.SITE_URL ?? 'http://127.0.0.1:4321').replace(/\/$/, '')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const clients = Number(process.env.BENCH_CLIENTS ?? 20)

const complaint = {
  complainantRole: 'client',
  clientOrganisation: 'uwv',
  name: 'Jan Jansen',
  email: 'jan@example.nl',
  phone: '06 12345678',
  conductWhen: 'date',
  conductDate: '2026-11-02',
  involvedKind: 'employee',
  involvedName: 'Mijn coach',
  categories: ['negligence'],
  description: 'Mijn coach kwam drie afspraken niet opdagen en belde niet af.',
  desiredOutcome: 'Een andere coach.',
  discussedBefore: 'no',
}

type Figures = { ok: number; failed: number; rps: number; p50: number; p95: number }

function summarise(latencies: number[], failed: number, ms: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { ok: latencies.length, failed, rps: (latencies.length / ms) * 1000, p50: at(0.5), p95: at(0.95) }
}

async function load(once: () => Promise<boolean>): Promise<Figures> {
  const latencies: number[] = []
  let failed = 0
  const start = performance.now()
  const until = start + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now()
        if (await once()) latencies.push(performance.now() - t)
        else failed += 1
      }
    }),
  )
  return summarise(latencies, failed, performance.now() - start)
}

async function submitForm(): Promise<boolean> {
  const form = new FormData()
  for (const [key, value] of Object.entries(complaint)) {
    if (Array.isArray(value)) for (const v of value) form.append(key, v)
    else form.append(key, value)
  }
  form.append('consent', 'on')
  form.append('formToken', randomUUID())
  form.append('website', '')
  const response = await fetch(`${siteUrl}/klacht-indienen`, {
    method: 'POST',
    body: form,
    headers: { origin: siteUrl },
    redirect: 'manual',
  })
  await response.arrayBuffer()
  return response.status === 303 && (response.headers.get('location') ?? '').includes('/klacht-indienen/ontvangen')
}

async function bareCreate(): Promise<{ once: () => Promise<boolean>; done: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-intake-'))
  Object.assign(process.env, {
    DATABASE_URL: `file:${dir}/bench.db`,
    PAYLOAD_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    DISABLE_PAYLOAD_HMR: 'true',
    NODE_ENV: 'production',
  })
  const [{ getPayload }, { default: config }, { toComplaintData }, { complaintSchema }] = await Promise.all([
    import('payload'),
    import('../cms/payload.config'),
    import('../hooks/complaints/mapping'),
    import('../hooks/complaints/schema'),
  ])
  const payload = await getPayload({ config, key: 'bench' })
  await payload.db.migrate()
  const input = complaintSchema({ today: civilDateIn(new Date()), emailRequired: true }).parse(complaint)
  return {
    once: async () => {
      const now = new Date().toISOString()
      await payload.create({
        collection: 'complaints',
        overrideAccess: true,
        data: {
          ...toComplaintData(input),
          channel: 'web',
          receivedAt: now,
          consentAt: now,
          formToken: randomUUID(),
        } as never,
      })
      return true
    },
    done: async () => {
      await payload.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const line = (label: string, f: Figures) =>
  `${label.padEnd(34)} ${f.rps.toFixed(1).padStart(7)} req/s   p50 ${f.p50.toFixed(1).padStart(6)} ms   p95 ${f.p95.toFixed(1).padStart(6)} ms   ${f.ok} ok, ${f.failed} failed`

if (!(await submitForm())) {
  process.stderr.write(
    `No valid submission at ${siteUrl}/klacht-indienen: is the portal running, with SITE_RATE_LIMIT_PER_HOUR and SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR raised?\n`,
  )
  process.exit(1)
}
process.stdout.write(`Valid complaints, ${clients} concurrent clients, ${seconds} s each\n`)
const site = await load(submitForm)
process.stdout.write(`${line('form POST (site → CMS → database)', site)}\n`)
const bare = await bareCreate()
await bare.once()
const direct = await load(bare.once)
process.stdout.write(`${line('bare Payload create (Local API)', direct)}\n`)
await bare.done()
process.stdout.write(
  `p95 ${site.p95.toFixed(0)} ms (target < 250 ms); overhead p95 ${(site.p95 / direct.p95).toFixed(2)}x, throughput ${(direct.rps / site.rps).toFixed(2)}x (target < 2x)\n`,
)
process.exit(0)
