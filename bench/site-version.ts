/**
 * What the content version check costs (site/server.ts, createVersionCheck). Prints figures, asserts nothing.
 * 1. Per request when no check is due (the usual case): a million calls of beforeServing().
 * 2. A check that is due: GET /api/site-version on a running CMS, 200 times one after another.
 *
 *   tsx bench/site-version.ts [cmsUrl]      (or CMS_URL=…; default http://127.0.0.1:3000)
 */
import { performance } from 'node:perf_hooks'

import { createVersionCheck } from '../site/server'

const cmsUrl = (process.argv[2] ?? process.env.CMS_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '')

const check = createVersionCheck({
  read: () => Promise.resolve('v1'),
  intervalMs: 2000,
  maxAgeMs: 300_000,
  drop: () => {},
  log: () => {},
})
await check.beforeServing()
const calls = 1_000_000
const started = performance.now()
let due = 0
for (let i = 0; i < calls; i++) if (check.beforeServing() !== undefined) due += 1
const perCallNs = ((performance.now() - started) * 1e6) / calls
console.log(`not due: ${perCallNs.toFixed(0)} ns per request (${due} of ${calls} calls had a check due)`)

const times: number[] = []
let bytes = 0
for (let i = 0; i < 200; i++) {
  const at = performance.now()
  const response = await fetch(`${cmsUrl}/api/site-version`)
  bytes = (await response.text()).length
  if (!response.ok) throw new Error(`GET /api/site-version: HTTP ${response.status}`)
  times.push(performance.now() - at)
}
times.sort((a, b) => a - b)
const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(1)
console.log(`due: GET /api/site-version answers ${bytes} bytes in p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`)
