/**
 * The Art. 9 report and the admin's open-cases list on 100,000 cases, in this process, against
 * hand-written SQL of the same answers in the same run. A fresh SQLite file with the committed
 * migrations; the cases, their timelines and their `case-facts` rows are written at SQL level
 * (the facts folded from the generated events by the portal's own fold), so seeding takes seconds.
 * Prints medians of several runs after a warm-up; asserts nothing.
 *   npm run bench:report [-- cases]          (default 100000)
 *   BENCH_OLD=1 npm run bench:report          (also once: the report folded from every event, as before case-facts)
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { caseGenerator, COMPLAINT_COLUMNS, complaintRow } from '../test/helpers/reportCases'

const CASES = Number(process.argv[2] ?? 100_000)
const RUNS = 9
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-report-'))
Object.assign(process.env, {
  DATABASE_URL: `file:${dir}/bench.db`,
  PAYLOAD_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  DISABLE_PAYLOAD_HMR: 'true',
  NODE_ENV: 'production',
  UPLOAD_DIR: path.join(dir, 'uploads'),
})
const [{ getPayload }, { default: config }, { foldCaseEvents }, { toRow }, reportModule, periods, { computeReport }] =
  await Promise.all([
    import('payload'),
    import('../cms/payload.config'),
    import('../hooks/reports/caseFacts'),
    import('../hooks/reports/facts/rows'),
    import('../hooks/reports/loadReport'),
    import('../hooks/reports/periods'),
    import('../hooks/reports/computeReport'),
  ])
const { loadReport, loadCaseFacts, loadPeriodFacts } = reportModule
const payload = await getPayload({ config, key: 'bench-report' })
await payload.db.migrate()

type Client = {
  execute(stmt: string | { sql: string; args: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>
  batch(stmts: { sql: string; args: unknown[] }[], mode: 'write'): Promise<unknown>
}
const client = (payload.db as unknown as { client: Client }).client

const NOW = Date.now()
// A seeded generator (test/helpers/reportCases.ts, as the SQL-versus-JS test uses): every run seeds the same cases.
const generate = caseGenerator({ seed: 20261202, now: NOW, spanDays: 5 * 365 })

/** Many rows in few statements, all in one transaction per table. */
async function insertRows(table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  const perStatement = Math.floor(30_000 / columns.length)
  const statements: { sql: string; args: unknown[] }[] = []
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement)
    const placeholders = `(${columns.map(() => '?').join(',')})`
    statements.push({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${chunk.map(() => placeholders).join(',')}`,
      args: chunk.flat(),
    })
  }
  for (let i = 0; i < statements.length; i += 40) await client.batch(statements.slice(i, i + 40), 'write')
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

// --- seed -------------------------------------------------------------------------------------
const seedStart = performance.now()
const complaintRows: unknown[][] = []
const categoryRows: unknown[][] = []
const eventRows: unknown[][] = []
const factRows: unknown[][] = []
let factColumns: string[] = []
for (let n = 0; n < CASES; n += 1) {
  const c = generate()
  complaintRows.push(complaintRow(c, n, NOW))
  c.categories.forEach((value, order) => categoryRows.push([order + 1, c.id, value, randomUUID()]))
  for (const event of c.events)
    eventRows.push([randomUUID(), c.id, event.type, event.at, 'system', JSON.stringify(event.data)])
  const last = c.events.at(-1)?.at ?? new Date(c.receivedAt).toISOString()
  const facts = foldCaseEvents(c.id, c.events, last)
  if (!facts) continue
  // The row as the portal writes it (facts and their flags: hooks/reports/facts/rows.ts).
  const row = toRow(facts, last) as unknown as Record<string, unknown>
  if (factColumns.length === 0) factColumns = Object.keys(row)
  factRows.push([randomUUID(), ...factColumns.map((k) => (k === 'categories' ? JSON.stringify(row[k]) : row[k]))])
}
const generated = performance.now()
// A bulk load, for this throw-away file only: no fsync per transaction (synchronous=OFF, WAL), a
// large cache, and the indexes built once after it (random ids into a B-tree cost a page each).
await client.execute('PRAGMA journal_mode = WAL')
await client.execute('PRAGMA synchronous = OFF')
await client.execute('PRAGMA cache_size = -262144')
const SEEDED_TABLES = ['complaints', 'complaints_categories', 'case_events', 'case_facts']
const indexes = (
  await client.execute(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${SEEDED_TABLES.map((t) => `'${t}'`).join(',')})`,
  )
).rows.map((r) => ({ name: String(r.name), sql: String(r.sql) }))
for (const index of indexes) await client.execute(`DROP INDEX "${index.name}"`)
await insertRows('complaints', COMPLAINT_COLUMNS, complaintRows)
await insertRows('complaints_categories', ['order', 'parent_id', 'value', 'id'], categoryRows)
await insertRows('case_events', ['id', 'complaint_id', 'type', 'at', 'actor_kind', 'data'], eventRows)
await insertRows('case_facts', ['id', ...factColumns.map(snake)], factRows)
for (const index of indexes) await client.execute(index.sql)
// No ANALYZE: the portal never runs it, so the planner here chooses as it does there (with the
// statistics it scans the next-deadline index past every closed case for the open-cases list).
const seeded = performance.now()
console.log(
  `seeded ${CASES} cases, ${eventRows.length} events, ${factRows.length} facts rows in ${((seeded - seedStart) / 1000).toFixed(1)} s ` +
    `(generate and fold ${((generated - seedStart) / 1000).toFixed(1)} s, SQL ${((seeded - generated) / 1000).toFixed(1)} s)`,
)

// --- measure ----------------------------------------------------------------------------------
async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn()
  await fn()
  const times: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? 0
}

/** The five numbers of Art. 9 by hand, over the same rows (string order is time order: every instant is toISOString). */
const FIVE = `SELECT count(*) AS total,
  coalesce(sum(ending = 'not_admitted'), 0) AS notAdmitted,
  coalesce(sum(ending = 'not_admitted' AND non_admission_notice_sent_at <= ?1 AND non_admission_notice_sent_at <= non_admission_notice_due), 0) AS notAdmittedOnTime,
  coalesce(sum(ending IS NOT 'not_admitted'), 0) AS admitted,
  coalesce(sum(ending IS NOT 'not_admitted' AND ended_at <= ?1 AND ended_at <= stated_term_due), 0) AS admittedOnTimeStated,
  coalesce(sum(ending IS NOT 'not_admitted' AND ended_at <= ?1 AND ended_at <= decision_limit_due), 0) AS admittedOnTimeLimit
  FROM case_facts WHERE received_on >= ?2 AND received_on <= ?3`

const asOf = new Date(NOW)
const lastYear = periods.year(new Date(NOW).getUTCFullYear() - 1)
const lastQuarter = periods.previousQuarter(asOf).period
const rows: [string, number, number, string][] = []

for (const [label, period] of [
  ['quarter', lastQuarter],
  ['year', lastYear],
] as const) {
  let json = ''
  const portal = await median(async () => {
    json = JSON.stringify(await loadReport(payload, period, asOf))
  })
  let five: Record<string, unknown> = {}
  const sql = await median(async () => {
    five = (await client.execute({ sql: FIVE, args: [asOf.toISOString(), period.from, period.to] })).rows[0] ?? {}
    JSON.stringify(five)
  })
  const report = JSON.parse(json) as Record<string, unknown>
  // Where the portal's time goes: the read of the rows, and the count over them.
  let facts: Awaited<ReturnType<typeof loadPeriodFacts>> = []
  const read = await median(async () => {
    facts = await loadPeriodFacts(payload, period, asOf.toISOString())
  })
  const count = await median(async () => {
    JSON.stringify(computeReport(facts, period, asOf.toISOString()))
  })
  console.log(`${label}: read ${read.toFixed(1)} ms, count and JSON ${count.toFixed(1)} ms`)
  const keys = ['total', 'notAdmitted', 'notAdmittedOnTime', 'admitted', 'admittedOnTimeStated', 'admittedOnTimeLimit']
  const same = keys.every((k) => Number(five[k]) === report[k])
  rows.push([
    `report, ${label} ${period.from}…${period.to} (${String(report.total)} cases, JSON ${(json.length / 1024).toFixed(1)} kB)`,
    portal,
    sql,
    same ? 'same five numbers' : `DIFFERENT: ${JSON.stringify(five)}`,
  ])
}

// The admin's list: open cases, next deadline first, page 1 of 25, with its total.
const manager = await payload.create({
  collection: 'users',
  data: {
    email: 'bench.manager@example.nl',
    name: 'Bench Manager',
    password: 'paars-fietsrek-onweer-7-kaneel',
    roles: ['manager'],
  },
  overrideAccess: true,
})
const user = { ...manager, collection: 'users' as const }
const openWhere = { status: { in: ['received', 'acknowledged'] } }
// As the admin's list view asks (@payloadcms/next views/List with `admin.enableListViewSelectAPI`):
// only the active columns (collections/Complaints/index.ts `defaultColumns`), draft, lock status.
const listSelect = {
  reference: true,
  receivedAt: true,
  status: true,
  assignedHandler: true,
  nextDeadline: { due: true, state: true },
  callback: { state: true },
} as const
let listTotal = 0
const listPortal = await median(async () => {
  const result = await payload.find({
    collection: 'complaints',
    depth: 0,
    draft: true,
    fallbackLocale: null,
    includeLockStatus: true,
    limit: 25,
    page: 1,
    overrideAccess: false,
    user,
    select: listSelect,
    sort: 'nextDeadline.due',
    where: openWhere,
  })
  listTotal = result.totalDocs
  JSON.stringify(result)
})
// The same page of whole documents (the list before `enableListViewSelectAPI`): the case's joins and 100+ fields.
const wholeDocuments = await median(async () => {
  JSON.stringify(
    await payload.find({
      collection: 'complaints',
      depth: 0,
      draft: true,
      includeLockStatus: true,
      limit: 25,
      page: 1,
      overrideAccess: false,
      user,
      sort: 'nextDeadline.due',
      where: openWhere,
    }),
  )
})
console.log(`open-cases list as whole documents (no select): ${wholeDocuments.toFixed(1)} ms`)
if (process.env.BENCH_LIST_VARIANTS) {
  // Where the open-cases list's time goes: the same page through cheaper options of Payload's `find`,
  // the adapter alone (no access, hooks or afterRead), and the count alone.
  const base = {
    collection: 'complaints' as const,
    depth: 0,
    limit: 25,
    page: 1,
    select: listSelect,
    sort: 'nextDeadline.due',
    where: openWhere,
  }
  const variants: [string, () => Promise<unknown>][] = [
    [
      'as the admin asks',
      () =>
        payload.find({
          ...base,
          draft: true,
          fallbackLocale: null,
          includeLockStatus: true,
          overrideAccess: false,
          user,
        }),
    ],
    [
      'without includeLockStatus',
      () => payload.find({ ...base, draft: true, fallbackLocale: null, overrideAccess: false, user }),
    ],
    ['without draft', () => payload.find({ ...base, includeLockStatus: true, overrideAccess: false, user })],
    [
      'pagination: false (no count)',
      () =>
        payload.find({ ...base, draft: true, includeLockStatus: true, overrideAccess: false, user, pagination: false }),
    ],
    [
      'select: reference only',
      () =>
        payload.find({
          ...base,
          select: { reference: true },
          draft: true,
          includeLockStatus: true,
          overrideAccess: false,
          user,
        }),
    ],
    [
      'overrideAccess: true (no access, no user)',
      () => payload.find({ ...base, draft: true, includeLockStatus: true }),
    ],
    ['all cheap options together', () => payload.find({ ...base, overrideAccess: false, user, pagination: false })],
    [
      'payload.count alone (same where, as the manager)',
      () => payload.count({ collection: 'complaints', where: openWhere, overrideAccess: false, user }),
    ],
    [
      'adapter alone: payload.db.find (with count)',
      () =>
        payload.db.find({
          collection: 'complaints',
          where: openWhere,
          limit: 25,
          page: 1,
          sort: 'nextDeadline.due',
          select: listSelect,
        }),
    ],
    [
      'adapter alone: payload.db.find, pagination: false',
      () =>
        payload.db.find({
          collection: 'complaints',
          where: openWhere,
          limit: 25,
          page: 1,
          sort: 'nextDeadline.due',
          select: listSelect,
          pagination: false,
        }),
    ],
  ]
  console.log('\nopen-cases list, variants (median ms):')
  for (const [name, fn] of variants)
    console.log(`  ${name}: ${(await median(async () => JSON.stringify(await fn()))).toFixed(1)}`)
}
const LIST_SQL = `SELECT id, reference, received_at, status, assigned_handler_id, next_deadline_due, next_deadline_state, callback_state
  FROM complaints WHERE status IN ('received', 'acknowledged') ORDER BY next_deadline_due LIMIT 25`
let sqlTotal = 0
const listSql = await median(async () => {
  const page = await client.execute(LIST_SQL)
  const count = await client.execute(
    "SELECT count(*) AS n FROM complaints WHERE status IN ('received', 'acknowledged')",
  )
  sqlTotal = Number(count.rows[0]?.n)
  JSON.stringify({ docs: page.rows, totalDocs: sqlTotal })
})
rows.push([
  `open-cases list, page 1 of 25 by next deadline (${listTotal} open)`,
  listPortal,
  listSql,
  listTotal === sqlTotal ? 'same total' : `DIFFERENT total: ${sqlTotal}`,
])

console.log(
  `\nmedian of ${RUNS} runs after 2 warm-ups, ms (${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version})`,
)
console.log('| what | portal | hand-written SQL | ratio | check |')
console.log('|---|---|---|---|---|')
for (const [what, portal, sql, check] of rows)
  console.log(`| ${what} | ${portal.toFixed(1)} | ${sql.toFixed(1)} | ${(portal / sql).toFixed(2)}× | ${check} |`)

for (const plan of [
  { sql: FIVE, args: [asOf.toISOString(), lastYear.from, lastYear.to] },
  { sql: LIST_SQL, args: [] },
]) {
  const { rows: steps } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${plan.sql}`, args: plan.args })
  console.log(`\nplan: ${plan.sql.split('\n')[0]?.slice(0, 60)}…\n  ${steps.map((s) => String(s.detail)).join('\n  ')}`)
}

if (process.env.BENCH_OLD) {
  const start = performance.now()
  const facts = await loadCaseFacts(payload, asOf.toISOString())
  console.log(
    `\nbefore case-facts: every event read and folded, once: ${(performance.now() - start).toFixed(0)} ms (${facts.length} cases)`,
  )
}
await payload.destroy()
process.exit(0)
