/**
 * Where a registration's time goes, in this process: one after another (no concurrency), on a fresh
 * SQLite file. Prints wall and CPU ms per registration, SQL statements per registration and the
 * time spent inside them. Modes: `bare` (payload.create of a complaint, as bench/intake.ts),
 * `register` (registerWebComplaint: token check, create, confirmation), `rest` (the intake
 * endpoint through Payload's REST handler, without Next), `adapter` (the database write alone,
 * `payload.db.create`: the floor of a write path around Payload's operation). SHOW_SQL=1 lists one registration's SQL.
 *   tsx bench/intake-profile.ts [bare|register|rest|adapter] [count]
 *   node --cpu-prof --import tsx bench/intake-profile.ts register 1000     (a CPU profile)
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { civilDateIn } from '../hooks/dates/amsterdam'

const dir = mkdtempSync(path.join(os.tmpdir(), 'prof-'))
Object.assign(process.env, {
  DATABASE_URL: `file:${dir}/bench.db`,
  PAYLOAD_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  DISABLE_PAYLOAD_HMR: 'true',
  NODE_ENV: 'production',
})
const [
  { getPayload },
  { default: config },
  { toComplaintData },
  { complaintSchema },
  { registerWebComplaint },
  { computeDeadlines },
] = await Promise.all([
  import('payload'),
  import('../cms/payload.config'),
  import('../hooks/complaints/mapping'),
  import('../hooks/complaints/schema'),
  import('../hooks/complaints/registerComplaint'),
  import('../hooks/complaints/deadlines'),
])
const payload = await getPayload({ config, key: 'prof' })
await payload.db.migrate()
const { handleEndpoints } = await import('payload')
const { parseEnv } = await import('../cms/env')
const { seedSteps } = await import('../cms/seed')
const seedEnv = parseEnv({ PAYLOAD_SECRET: process.env.PAYLOAD_SECRET })
for (const step of seedSteps) await step.run(payload, seedEnv)
const siteKey = seedEnv.SITE_API_KEY
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
const input = complaintSchema({ today: civilDateIn(new Date()), emailRequired: true }).parse(complaint)

// Count and time every statement.
const client = (
  payload.db as unknown as { client: Record<'execute' | 'batch', (...args: unknown[]) => Promise<unknown>> }
).client
let queries = 0,
  sqlMs = 0
const log: string[] = []
for (const name of ['execute', 'batch'] as const) {
  const orig = client[name].bind(client)
  client[name] = async (...args: unknown[]) => {
    const t = performance.now()
    try {
      return await orig(...args)
    } finally {
      queries++
      sqlMs += performance.now() - t
      if (process.env.SHOW_SQL) {
        const a = args[0] as { sql?: string } | string
        log.push(
          `${(performance.now() - t).toFixed(2)}ms ${typeof a === 'string' ? a : (a?.sql ?? JSON.stringify(a).slice(0, 200))}`.slice(
            0,
            300,
          ),
        )
      }
    }
  }
}
const mode = process.argv[2] ?? 'bare'
const n = Number(process.argv[3] ?? 200)
const once = async () => {
  const now = new Date()
  if (mode === 'bare') {
    await payload.create({
      collection: 'complaints',
      overrideAccess: true,
      data: {
        ...toComplaintData(input),
        channel: 'web',
        receivedAt: now.toISOString(),
        consentAt: now.toISOString(),
        formToken: randomUUID(),
      } as never,
    })
  } else if (mode === 'adapter') {
    // What the database write alone costs, without Payload's operation (no validation, hooks, access, afterRead):
    // the floor of any write path that goes around payload.create.
    const at = now.toISOString()
    await payload.db.create({
      collection: 'complaints',
      data: {
        ...toComplaintData(input),
        channel: 'web',
        receivedAt: at,
        consentAt: at,
        formToken: randomUUID(),
        status: 'received',
        reference: `B-${randomUUID().slice(0, 8)}`,
        deadlines: computeDeadlines(now, 'calendar'),
        createdAt: at,
        updatedAt: at,
      },
    })
  } else if (mode === 'rest') {
    const body = new FormData()
    body.set('data', JSON.stringify({ ...complaint, consent: true, formToken: randomUUID() }))
    const r = await handleEndpoints({
      config,
      payloadInstanceCacheKey: 'prof',
      request: new Request('http://localhost:3000/api/complaints/intake', {
        method: 'POST',
        body,
        headers: { authorization: `service-accounts API-Key ${siteKey}` },
      }),
    })
    if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`)
  } else {
    const r = await registerWebComplaint(payload, { ...complaint, consent: true, formToken: randomUUID() }, [], {})
    if (r.kind !== 'stored') throw new Error(JSON.stringify(r))
  }
}
for (let i = 0; i < 20; i++) await once()
queries = 0
sqlMs = 0
log.length = 0
const cpu0 = process.cpuUsage()
const t = performance.now()
for (let i = 0; i < n; i++) await once()
const ms = performance.now() - t
const cpu = process.cpuUsage(cpu0)
process.stdout.write(
  `${mode}: ${(ms / n).toFixed(2)} ms/op, cpu ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms/op, ${(queries / n).toFixed(1)} statements/op, ${(sqlMs / n).toFixed(2)} ms in SQL/op\n`,
)
if (process.env.SHOW_SQL) process.stdout.write(log.slice(-Math.round(queries / n)).join('\n') + '\n')
await payload.destroy()
process.exit(0)
