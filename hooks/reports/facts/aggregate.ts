import { CATEGORIES, CHANNELS, CLIENT_ORGANISATIONS, COMPLAINANT_ROLES } from '../../complaints/vocabulary'
import { ENDINGS } from '../../complaints/workflow/transitions'
import { DECISION_OUTCOMES } from '../../complaints/vocabulary'
import { type Breakdown, emptyTally, monthsOf, type Period, type Tally, UNKNOWN } from '../computeReport'
import { FLAG_FIELDS, type FlagField } from './rows'

/**
 * The Art. 9 report counted by SQLite over the `case-facts` rows (Decision 18): the rules stay in
 * JS (`classifyCase`, whose flags each row stores as of its `foldedThrough`); the database only
 * sums them. One statement: a SELECT per month of the period over its range of the index on
 * `received_on` (UNION ALL, so the index is scanned once, in order, with no sort), each summing
 * every flag, one SUM per known value of every breakdown, "overdue" against the report's moment,
 * and the lead times of the cases ended as one JSON array. Only rows with `folded_through <= asOf`
 * count here; the caller refolds the others (a report as of the past) and merges them. (The `+`
 * keeps SQLite on the `received_on` index: the `folded_through` one would visit every row.)
 *
 * A value outside the known vocabulary (an older code) is not lost: the known sums then fall
 * short of the total, and that breakdown alone is counted again by GROUP BY.
 */
export type SqlClient = {
  execute(stmt: { sql: string; args: (string | number)[] }): Promise<{ rows: Record<string, unknown>[] }>
}

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`

const OUTCOME_KEYS = [...DECISION_OUTCOMES, ...ENDINGS, 'open']

type BreakdownKey = 'byCategory' | 'byRole' | 'byClientOrganisation' | 'byChannel' | 'byOutcome'
/** Per breakdown: the expression of a row's value, its known values, and how a row's value is tested. */
const VOCABULARY: Record<BreakdownKey, { values: readonly string[]; test: (value: string) => string }> = {
  byRole: { values: COMPLAINANT_ROLES, test: (v) => `"role" IS ${literal(v)}` },
  byChannel: { values: CHANNELS, test: (v) => `"channel" IS ${literal(v)}` },
  byClientOrganisation: {
    values: CLIENT_ORGANISATIONS,
    test: (v) => `coalesce("client_organisation", ${literal(UNKNOWN)}) IS ${literal(v)}`,
  },
  byOutcome: { values: OUTCOME_KEYS, test: (v) => `"outcome_key" IS ${literal(v)}` },
  // The categories as stored (a JSON array of codes): a code present counts once.
  byCategory: { values: CATEGORIES, test: (v) => `instr("categories", ${literal(JSON.stringify(v))}) > 0` },
}
/** What the known sums of a breakdown must add up to: one value per case, or (categories) every code stored. */
const EXPECTED: Record<BreakdownKey, string> = {
  byRole: 'count(*)',
  byChannel: 'count(*)',
  byClientOrganisation: 'count(*)',
  byOutcome: 'count(*)',
  byCategory: 'coalesce(sum(json_array_length("categories")), 0)',
}
/** The same breakdown by GROUP BY, for when a value outside the vocabulary turns up. */
const GROUPED: Record<BreakdownKey, { from: string; key: string }> = {
  byRole: { from: '"case_facts"', key: '"role"' },
  byChannel: { from: '"case_facts"', key: '"channel"' },
  byClientOrganisation: { from: '"case_facts"', key: `coalesce("client_organisation", ${literal(UNKNOWN)})` },
  byOutcome: { from: '"case_facts"', key: '"outcome_key"' },
  byCategory: { from: '"case_facts", json_each("case_facts"."categories") AS "j"', key: '"j"."value"' },
}

type Column = {
  /** A whole aggregate, or (`bit`) a 0/1 of the row, never NULL, summed packed with two others. */
  sql: string
  bit?: boolean
  add: (tally: Tally, month: number, value: number) => void
  breakdown?: BreakdownKey
}

const FLAG_TARGET: Partial<Record<FlagField, keyof Tally['report']>> = {
  notAdmitted: 'notAdmitted',
  notAdmittedOnTime: 'notAdmittedOnTime',
  admitted: 'admitted',
  admittedOnTimeStated: 'admittedOnTimeStated',
  admittedOnTimeLimit: 'admittedOnTimeLimit',
  ended: 'ended',
  acknowledged: 'acknowledged',
  acknowledgedOnTime: 'acknowledgedOnTime',
  hasDelayNotice: 'casesWithDelayNotice',
  informal: 'informalSettlements',
  withdrawn: 'withdrawals',
  travel: 'travelCostRequests',
}

type Counts = { [K in keyof Tally['report']]-?: Tally['report'][K] extends number ? K : never }[keyof Tally['report']]
const addTo =
  (key: Counts) =>
  (tally: Tally, _month: number, value: number): void => {
    tally.report[key] += value
  }
const monthRow = (tally: Tally, month: number) => tally.report.byMonth[month]

function columns(): Column[] {
  const out: Column[] = [
    {
      sql: 'count(*)',
      add: (tally, month, value) => {
        tally.report.total += value
        const row = monthRow(tally, month)
        if (row) row.total += value
      },
    },
  ]
  for (const name of FLAG_FIELDS) {
    const target = FLAG_TARGET[name]
    if (!target) continue
    out.push({
      sql: `"${snake(name)}"`,
      bit: true,
      add: (tally, month, value) => {
        addTo(target as Counts)(tally, month, value)
        const row = monthRow(tally, month)
        if (!row) return
        if (name === 'notAdmitted') row.notAdmitted += value
        if (name === 'admitted') row.admitted += value
        if (name === 'ended') row.ended += value
      },
    })
  }
  out.push(
    { sql: 'count(*) - coalesce(sum("ended"), 0)', add: addTo('open') },
    // Overdue depends on the report's moment (?2, epoch ms): the row keeps only its input.
    { sql: '("ended" = 0 AND coalesce("overdue_from" < ?2, 0))', bit: true, add: addTo('openOverdue') },
    { sql: 'coalesce(sum("delay_notices"), 0)', add: addTo('delayNotices') },
    { sql: 'coalesce(sum("hearings"), 0)', add: addTo('hearings') },
  )
  for (const [key, { values, test }] of Object.entries(VOCABULARY) as [
    BreakdownKey,
    (typeof VOCABULARY)[BreakdownKey],
  ][])
    for (const value of values)
      out.push({
        sql: `(${test(value)})`,
        bit: true,
        breakdown: key,
        add: (tally, _month, n) => {
          if (n > 0) tally.report[key][value] = (tally.report[key][value] ?? 0) + n
        },
      })
  return out
}

const COLUMNS = columns()
/**
 * Three 0/1 sums in one: SUM(a + (b << 17) + (c << 34)) stays below 2^53 (a JS number) while a
 * month has fewer than 2^17 cases; each aggregate step costs about as much as the row's read, and
 * this makes some 45 of them 15. A month with more cases is counted in JS instead (`null`).
 */
const SLOT = 2 ** 17
const WHOLE = COLUMNS.filter((column) => !column.bit)
const PACKS: Column[][] = []
for (const column of COLUMNS.filter((c) => c.bit)) {
  const last = PACKS.at(-1)
  if (last && last.length < 3) last.push(column)
  else PACKS.push([column])
}
const BREAKDOWN_KEYS = Object.keys(VOCABULARY) as BreakdownKey[]
/** A compound SELECT has at most 500 parts in SQLite: longer periods take several statements. */
const ARMS_PER_STATEMENT = 200

function statement(arms: number): string {
  const select = [
    ...WHOLE.map((column, i) => `${column.sql} AS "c${i}"`),
    ...PACKS.map(
      (pack, i) =>
        `coalesce(sum(${pack.map((column, slot) => (slot === 0 ? column.sql : `(${column.sql} << ${17 * slot})`)).join(' + ')}), 0) AS "p${i}"`,
    ),
    ...BREAKDOWN_KEYS.map((key) => `${EXPECTED[key]} AS "e_${key}"`),
    `json_group_array("lead_time_days") FILTER (WHERE "lead_time_days" IS NOT NULL) AS "lead_times"`,
  ].join(', ')
  return Array.from(
    { length: arms },
    (_, i) =>
      `SELECT ${i} AS "arm", ${select} FROM "case_facts" WHERE "received_on" >= ?${3 + 2 * i} AND "received_on" <= ?${4 + 2 * i} AND +"folded_through" <= ?1`,
  ).join(' UNION ALL ')
}

/** The tally of the period's rows folded through `asOf` (ISO, as toISOString writes it). */
export async function aggregateFacts(client: SqlClient, period: Period, asOf: string): Promise<Tally | null> {
  const tally = emptyTally(period, asOf)
  const asOfMs = Date.parse(asOf)
  const months = monthsOf(period).map((month, index) => ({
    index,
    from: `${month}-01` < period.from ? period.from : `${month}-01`,
    to: `${month}-31` > period.to ? period.to : `${month}-31`,
  }))
  const short = new Set<BreakdownKey>()
  for (let start = 0; start < months.length; start += ARMS_PER_STATEMENT) {
    const chunk = months.slice(start, start + ARMS_PER_STATEMENT)
    const { rows } = await client.execute({
      sql: statement(chunk.length),
      args: [asOf, asOfMs, ...chunk.flatMap((m) => [m.from, m.to])],
    })
    for (const row of rows) {
      const month = chunk[Number(row.arm)]?.index ?? -1
      const known: Partial<Record<BreakdownKey, number>> = {}
      const count = (column: Column, value: number) => {
        column.add(tally, month, value)
        if (column.breakdown) known[column.breakdown] = (known[column.breakdown] ?? 0) + value
      }
      if (Number(row.c0) >= SLOT) return null
      WHOLE.forEach((column, i) => count(column, Number(row[`c${i}`] ?? 0)))
      PACKS.forEach((pack, i) => {
        const packed = Number(row[`p${i}`] ?? 0)
        pack.forEach((column, slot) => count(column, Math.floor(packed / SLOT ** slot) % SLOT))
      })
      for (const days of JSON.parse(String(row.lead_times ?? '[]')) as number[]) tally.leadTimes.push(Number(days))
      for (const key of BREAKDOWN_KEYS) if ((known[key] ?? 0) !== Number(row[`e_${key}`] ?? 0)) short.add(key)
    }
  }
  // A breakdown whose known values fall short of its rows: counted again, every value, by GROUP BY.
  await regroup(client, period, asOf, tally, short)
  return tally
}

async function regroup(
  client: SqlClient,
  period: Period,
  asOf: string,
  tally: Tally,
  keys: ReadonlySet<BreakdownKey>,
): Promise<void> {
  for (const key of keys) {
    const { from, key: value } = GROUPED[key]
    const { rows } = await client.execute({
      sql: `SELECT ${value} AS "k", count(*) AS "n" FROM ${from} WHERE "received_on" >= ?1 AND "received_on" <= ?2 AND "folded_through" <= ?3 GROUP BY "k"`,
      args: [period.from, period.to, asOf],
    })
    const breakdown: Breakdown = {}
    for (const row of rows) breakdown[String(row.k)] = Number(row.n)
    tally.report[key] = breakdown
  }
}
