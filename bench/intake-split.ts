/**
 * The same valid complaint through the public form (site → CMS) and straight to the CMS intake
 * endpoint (as the site sends it), so the site's share and the CMS's share show apart. Reads
 * PAYLOAD_SECRET (or SITE_API_KEY) from .env like `npm start`.
 *   CLIENTS=20 SECONDS=10 WHICH=form,direct tsx bench/intake-split.ts [siteUrl] [cmsUrl]
 * Without SECONDS each client sends COUNT (default 60) complaints.
 * On Linux it also prints the CPU the CMS (next-server) and the site (site/server.ts) spent per
 * request, from /proc/<pid>/stat (the CMS's share includes the letter jobs it ran meanwhile).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { loadDotenv } from '../cms/scripts/lib/dotenv'
import { getEnv } from '../cms/env'
loadDotenv(new URL('../.env', import.meta.url).pathname)
const env = getEnv()
const site = (process.argv[2] ?? 'http://127.0.0.1:4321').replace(/\/$/, ''),
  cms = (process.argv[3] ?? 'http://127.0.0.1:3000').replace(/\/$/, '')
const n = Number(process.env.COUNT ?? 60)
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
async function form() {
  const f = new FormData()
  for (const [k, v] of Object.entries(complaint))
    if (Array.isArray(v)) for (const x of v) f.append(k, x)
    else f.append(k, v)
  f.append('consent', 'on')
  f.append('formToken', randomUUID())
  f.append('website', '')
  const r = await fetch(`${site}/klacht-indienen`, {
    method: 'POST',
    body: f,
    headers: { origin: site },
    redirect: 'manual',
  })
  await r.arrayBuffer()
  if (r.status !== 303) throw new Error(`form ${r.status}`)
}
async function direct() {
  const f = new FormData()
  f.append('data', JSON.stringify({ ...complaint, consent: true, formToken: randomUUID() }))
  const r = await fetch(`${cms}/api/complaints/intake`, {
    method: 'POST',
    body: f,
    headers: { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` },
  })
  await r.arrayBuffer()
  if (r.status !== 201) throw new Error(`direct ${r.status}`)
}
const clients = Number(process.env.CLIENTS ?? 1)
const seconds = Number(process.env.SECONDS ?? 0)
const which = (process.env.WHICH ?? 'form,direct').split(',')
const fns = { form, direct } as const
/** utime + stime of the first process whose command line matches, in ms; undefined where /proc or pgrep is missing. */
function cpuMs(pattern: string): number | undefined {
  try {
    const pid = execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim().split('\n')[0]
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // clock ticks of 10 ms (USER_HZ 100)
  } catch {
    return undefined
  }
}
const PROCESSES = { cms: 'next-server', site: 'site/server.ts' } as const

for (const name of which) {
  const fn = fns[name as keyof typeof fns]
  for (let i = 0; i < 5; i++) await fn()
  const cpuBefore = Object.fromEntries(Object.entries(PROCESSES).map(([k, p]) => [k, cpuMs(p)]))
  const l: number[] = []
  const start = performance.now()
  const until = start + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      let k = 0
      while (seconds ? performance.now() < until : k++ < n) {
        const t = performance.now()
        await fn()
        l.push(performance.now() - t)
      }
    }),
  )
  const ms = performance.now() - start
  l.sort((a, b) => a - b)
  const at = (q: number) => (l[Math.min(l.length - 1, Math.floor(q * l.length))] ?? 0).toFixed(1)
  console.log(
    `${name.padEnd(8)} x${clients}: ${((l.length / ms) * 1000).toFixed(1)} req/s  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms  mean ${(l.reduce((a, b) => a + b, 0) / l.length).toFixed(1)} ms`,
  )
  const perRequest = Object.entries(PROCESSES).map(([k, p]) => {
    const [before, after] = [cpuBefore[k], cpuMs(p)]
    return before === undefined || after === undefined
      ? `${k} n/a`
      : `${k} ${((after - before) / l.length).toFixed(1)} ms`
  })
  console.log(`${' '.repeat(8)} CPU per request: ${perRequest.join(', ')}`)
}
