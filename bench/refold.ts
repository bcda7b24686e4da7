/**
 * The Art. 9 projection on the hot path: a case walked through the real workflow (Local API, a
 * manager records, a handler handles, the outbox delivers through the real Resend SDK against the
 * local fake server), counting per step the timeline entries written and the `case-facts` rows
 * written (each is one refold: hooks/reports/facts/projectCase.ts), and timing the whole walk.
 * A fresh SQLite file with the committed migrations. Prints figures; asserts nothing.
 *   tsx bench/refold.ts [cases]          (default 10 walks; the first is a warm-up)
 */
import { performance } from 'node:perf_hooks'

import { startFakeResend } from '../test/helpers/fakeResend'
import { recordedComplaint } from '../test/helpers/intake'
import { createTestPayload } from '../test/helpers/payload'
import { createStaffUser } from '../test/helpers/staff'

const WALKS = Number(process.argv[2] ?? 10)
const fake = await startFakeResend({ apiKey: 're_bench_refold_key' })
const ctx = await createTestPayload({
  RESEND_API_KEY: 're_bench_refold_key',
  RESEND_BASE_URL: fake.url,
  OUTBOX_RETRY_DELAY_MS: '1',
  NODE_ENV: 'production',
})
const { payload } = ctx
const [{ OUTBOX_QUEUE }] = await Promise.all([import('../cms/email/enqueue')])
const manager = await createStaffUser(payload, 'bench.manager@example.nl', 'Maria Manager', ['manager'])
const handler = await createStaffUser(payload, 'bench.handler@example.nl', 'Anton Behandelaar', ['handler'])
await payload.updateGlobal({
  slug: 'settings',
  data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
})

// Every write of a `case-facts` row, through the adapter's own functions (a spy that calls through).
let factWrites = 0
const db = payload.db as unknown as Record<'upsert' | 'deleteOne', (args: { collection: string }) => Promise<unknown>>
for (const name of ['upsert', 'deleteOne'] as const) {
  const real = db[name].bind(payload.db)
  db[name] = (args) => {
    if (args.collection === 'case-facts') factWrites += 1
    return real(args)
  }
}
const eventCount = async (): Promise<number> =>
  (await payload.count({ collection: 'case-events', overrideAccess: true })).totalDocs

type Step = { name: string; run: (id: string) => Promise<unknown> }
const update = (data: Record<string, unknown>) => (id: string) =>
  payload.update({ collection: 'complaints', id, data, overrideAccess: false, user: handler })
const deliver = () => payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 100 })
const days = (n: number) => new Date(Date.now() + n * 86_400_000)

const STEPS: Step[] = [
  {
    name: 'acknowledge (save)',
    run: update({
      status: 'acknowledged',
      acknowledgement: { factsSummary: 'Drie gemiste afspraken.', statedTermWeeks: 4 },
    }),
  },
  { name: 'travel costs asked (save)', run: update({ hearing: { travelCostRequested: true } }) },
  {
    name: 'delay notice (save)',
    run: update({
      delayNotice: { reason: 'Wij wachten op informatie van UWV.', newTargetDate: days(33).toISOString().slice(0, 10) },
    }),
  },
  {
    name: 'hearing report (save)',
    run: update({
      hearing: {
        travelCostRequested: true,
        at: days(-0.1).toISOString(),
        attendees: [{ name: 'Jan Jansen', role: 'complainant' }],
        report: 'Klager en coach zijn gehoord.',
        sendReport: true,
      },
    }),
  },
  {
    name: 'decide, upheld (save)',
    run: update({
      status: 'decided',
      decision: {
        outcome: 'upheld',
        factsAsSeen: 'De coach heeft drie afspraken gemist.',
        reasonedPosition: 'Afspraken nakomen hoort bij behoorlijke begeleiding.',
        remedy: 'full',
        remedyExplanation: 'Wij plannen de gesprekken opnieuw in.',
      },
    }),
  },
]

type Tally = { events: number; refolds: number; ms: number }
const perStep = new Map<string, Tally>()
const walkTimes: number[] = []
let lastCase = ''
async function measure(name: string, fn: () => Promise<unknown>, keep: boolean): Promise<void> {
  const events = await eventCount()
  const writes = factWrites
  const start = performance.now()
  await fn()
  const ms = performance.now() - start
  const tally = { events: (await eventCount()) - events, refolds: factWrites - writes, ms }
  if (!keep) return
  const sum = perStep.get(name) ?? { events: 0, refolds: 0, ms: 0 }
  perStep.set(name, { events: sum.events + tally.events, refolds: sum.refolds + tally.refolds, ms: sum.ms + tally.ms })
}

for (let walk = 0; walk < WALKS; walk += 1) {
  const keep = walk > 0
  let id = ''
  const start = performance.now()
  await measure(
    'intake (create)',
    async () => {
      const created = await payload.create({
        collection: 'complaints',
        overrideAccess: false,
        user: manager,
        data: recordedComplaint({ assignedHandler: handler.id }),
      })
      id = created.id
    },
    keep,
  )
  await measure('letters of registration (job)', deliver, keep)
  for (const step of STEPS) {
    await measure(step.name, () => step.run(id), keep)
    await measure(`${step.name}: its letters delivered (outbox job)`, deliver, keep)
  }
  if (keep) walkTimes.push(performance.now() - start)
  lastCase = id
}

const walks = WALKS - 1
console.log(`\n${walks} walks through one case (after 1 warm-up), per walk (Node ${process.version}):`)
console.log('| step | timeline entries | case-facts writes (refolds) | ms |')
console.log('|---|---|---|---|')
let total: Tally = { events: 0, refolds: 0, ms: 0 }
for (const [name, t] of perStep) {
  console.log(
    `| ${name} | ${(t.events / walks).toFixed(1)} | ${(t.refolds / walks).toFixed(1)} | ${(t.ms / walks).toFixed(1)} |`,
  )
  total = { events: total.events + t.events, refolds: total.refolds + t.refolds, ms: total.ms + t.ms }
}
console.log(
  `| whole walk | ${(total.events / walks).toFixed(1)} | ${(total.refolds / walks).toFixed(1)} | ${(total.ms / walks).toFixed(1)} |`,
)
walkTimes.sort((a, b) => a - b)
// What one refold costs (the timeline read and the row's upsert), on the last walked case.
const { refoldCase } = await import('../hooks/reports/facts/projectCase')
const refoldTimes: number[] = []
for (let i = 0; i < 50; i += 1) {
  const start = performance.now()
  await refoldCase(payload, lastCase)
  refoldTimes.push(performance.now() - start)
}
refoldTimes.sort((a, b) => a - b)
console.log(
  `one refold of a case of ${total.events / walks} entries, median of 50: ${(refoldTimes[25] ?? 0).toFixed(2)} ms`,
)
console.log(`whole walk, median: ${(walkTimes[Math.floor(walkTimes.length / 2)] ?? 0).toFixed(1)} ms`)
await ctx.cleanup()
await fake.close()
process.exit(0)
