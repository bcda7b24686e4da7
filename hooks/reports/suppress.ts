import { CATEGORIES, CATEGORY_LABELS } from '../complaints/vocabulary'
import { art9Numbers, OUTCOME_LABELS } from './charts'
import type { Art9Report } from './computeReport'

/**
 * The Art. 9 figures as they may be published outside Working Progression ("Klachten in cijfers",
 * Decision 18): a count under 5 (0 included), and any count that could be worked out from the
 * others shown, becomes "minder dan 5". Pure: the report in, the published figures out.
 *
 * What is published, and why only that:
 * - the five numbers of Art. 9 (six rows: "within the term" is reported twice, Decision 18);
 * - the outcomes (every complaint has exactly one, "still open" included);
 * - the categories of Art. 2 (a complaint may have several).
 * Nothing else. No free text from a case ever enters this module's output: only counts and the
 * fixed labels of the vocabulary. Not published: the breakdown per opdrachtgever, the
 * complainant's role and the channel. Working Progression works for a handful of opdrachtgevers;
 * a row "gemeente X: 2 klachten, 1 gegrond" points at a small group of that opdrachtgever's
 * clients, and the opdrachtgever (which knows its own clients) could often tell who complained. The
 * per-opdrachtgever numbers go to the opdrachtgevers in the internal report; the public gets the
 * totals. Lead times and the month trend are left out too: a month with one complaint and its
 * lead time describe a single case.
 */
export const SMALL = 5
export const SUPPRESSED_TEXT = 'minder dan 5'

export type PublishedCount = number | { suppressed: true }
export type PublishedRow = { key: string; label: string; value: PublishedCount }
export type PublishedTable = { id: 'art9' | 'byOutcome' | 'byCategory'; title: string; rows: PublishedRow[] }
export type PublishedFiguresData = {
  period: { from: string; to: string }
  asOf: string
  tables: PublishedTable[]
}

export const isSuppressed = (value: PublishedCount): value is { suppressed: true } => typeof value !== 'number'

/** How the site prints a published count. */
export const printCount = (value: PublishedCount): string => (isSuppressed(value) ? SUPPRESSED_TEXT : String(value))

// ——— The cells and what anyone reading the page knows about how they hang together ———

/** One cell of the published tables: `table.key`. */
export type Cell = string
/** Σ coefficient·cell (= or ≤) 0, every coefficient +1 or −1. */
export type Relation = { terms: readonly (readonly [Cell, 1 | -1])[]; kind: 'eq' | 'le' }

const OUTCOME_KEYS = ['upheld', 'not_upheld', 'decided', 'not_admitted', 'resolved_informally', 'withdrawn', 'open']
/**
 * "Beslist" without an outcome cannot occur in a finished case (Art. 8.3); the row is not printed.
 * The solver still counts it, as a value the reader is assumed to know (the strictest choice: a
 * hidden cell it might otherwise seem to protect gets no protection from it).
 */
const UNPRINTED = new Set<string>(['byOutcome.decided'])
const PRINTED_OUTCOMES = OUTCOME_KEYS.filter((key) => !UNPRINTED.has(`byOutcome.${key}`))
const ENDED_ADMITTED = ['upheld', 'not_upheld', 'decided', 'resolved_informally', 'withdrawn']

const c = (table: string, key: string): Cell => `${table}.${key}`
const sumEq = (total: Cell, parts: Cell[]): Relation => ({
  kind: 'eq',
  terms: [[total, 1], ...parts.map((part) => [part, -1] as const)],
})
/** Σ small ≤ Σ large. */
const atMost = (small: Cell[], large: Cell[]): Relation => ({
  kind: 'le',
  terms: [...small.map((cell) => [cell, 1] as const), ...large.map((cell) => [cell, -1] as const)],
})

/**
 * Every relation between the published cells that holds for every report (computeReport.ts), so
 * that a reader who knows them all still cannot solve a hidden cell back. Listing one relation too
 * many only hides more; listing one too few would leak, so when in doubt a relation is listed.
 */
export function relations(categories: readonly string[] = CATEGORIES): Relation[] {
  const a = (key: string) => c('art9', key)
  const o = (key: string) => c('byOutcome', key)
  const total = a('total')
  return [
    // Art. 9: every complaint is either not admitted or admitted (Decision 9, 18).
    sumEq(total, [a('notAdmitted'), a('admitted')]),
    atMost([a('notAdmittedOnTime')], [a('notAdmitted')]),
    // The stated term never lies past the six-week limit (Decision 4); both need an ending.
    atMost([a('admittedOnTimeStated')], [a('admittedOnTimeLimit')]),
    atMost([a('admittedOnTimeLimit')], [a('admitted')]),
    atMost([a('admittedOnTimeLimit')], ENDED_ADMITTED.map(o)),
    // Every complaint has exactly one outcome; an ended non-admission is its outcome, an unended one is open.
    sumEq(total, OUTCOME_KEYS.map(o)),
    atMost([o('not_admitted')], [a('notAdmitted')]),
    atMost([a('notAdmitted')], [o('not_admitted'), o('open')]),
    atMost([a('notAdmittedOnTime')], [o('not_admitted')]),
    atMost(ENDED_ADMITTED.map(o), [a('admitted')]),
    // Art. 2: each complaint has one category or more.
    ...categories.map((key) => atMost([c('byCategory', key)], [total])),
    atMost(
      [total],
      categories.map((key) => c('byCategory', key)),
    ),
  ]
}

// ——— Can a hidden cell be worked out? A small exact solver over the relations ———

type Domain = { lo: number; hi: number }

/** Narrows the domains by each relation until nothing changes; false when no solution is left. */
function propagate(domains: Map<Cell, Domain>, all: readonly Relation[]): boolean {
  for (let changed = true; changed;) {
    changed = false
    for (const relation of all) {
      let min = 0
      let max = 0
      for (const [cell, coef] of relation.terms) {
        const d = domains.get(cell) as Domain
        min += coef > 0 ? d.lo : -d.hi
        max += coef > 0 ? d.hi : -d.lo
      }
      if (min > 0 || (relation.kind === 'eq' && max < 0)) return false
      for (const [cell, coef] of relation.terms) {
        const d = domains.get(cell) as Domain
        const own = { min: coef > 0 ? d.lo : -d.hi, max: coef > 0 ? d.hi : -d.lo }
        // coef·x ≤ −(min of the rest); for an equality also coef·x ≥ −(max of the rest).
        const upper = -(min - own.min)
        const lower = relation.kind === 'eq' ? -(max - own.max) : -Infinity
        const next =
          coef > 0
            ? { lo: Math.max(d.lo, lower), hi: Math.min(d.hi, upper) }
            : { lo: Math.max(d.lo, -upper), hi: Math.min(d.hi, -lower) }
        if (next.lo > next.hi) return false
        if (next.lo !== d.lo || next.hi !== d.hi) {
          domains.set(cell, next)
          changed = true
          min += (coef > 0 ? next.lo : -next.hi) - own.min
          max += (coef > 0 ? next.hi : -next.lo) - own.max
        }
      }
    }
  }
  return true
}

/** Whether some whole-number assignment within the domains meets every relation. */
function solvable(domains: Map<Cell, Domain>, all: readonly Relation[]): boolean {
  const work = new Map(domains)
  if (!propagate(work, all)) return false
  let branch: [Cell, Domain] | undefined
  for (const entry of work)
    if (entry[1].lo < entry[1].hi && (!branch || entry[1].hi - entry[1].lo < branch[1].hi - branch[1].lo))
      branch = entry
  if (!branch) return true
  const [cell, { lo, hi }] = branch
  const mid = Math.floor((lo + hi) / 2)
  return (
    solvable(new Map(work).set(cell, { lo, hi: mid }), all) ||
    solvable(new Map(work).set(cell, { lo: mid + 1, hi }), all)
  )
}

/**
 * The hidden cells a reader can work out from the shown ones and the relations. The reader is
 * taken to know more than the page says: for each hidden cell whether it is under 5 (0–4) or was
 * hidden only so that another cannot be worked out (5 or more). Safe against that reader
 * is safe against anyone who knows less.
 */
export function determinedCells(
  values: ReadonlyMap<Cell, number>,
  hidden: ReadonlySet<Cell>,
  all: readonly Relation[],
): Cell[] {
  // A hidden count of 5 or more has no upper bound the reader knows but the relations; twice the
  // total (at least 10) stands in for "any", and keeps a hidden total itself from being pinned.
  const ceiling = 2 * Math.max(values.get('art9.total') ?? 0, SMALL)
  const domains = new Map<Cell, Domain>()
  for (const [cell, value] of values) {
    if (!hidden.has(cell)) domains.set(cell, { lo: value, hi: value })
    else domains.set(cell, value < SMALL ? { lo: 0, hi: SMALL - 1 } : { lo: SMALL, hi: ceiling })
  }
  const determined: Cell[] = []
  for (const cell of hidden) {
    const value = values.get(cell) as number
    const d = domains.get(cell) as Domain
    const below = value > d.lo && solvable(new Map(domains).set(cell, { lo: d.lo, hi: value - 1 }), all)
    const above = !below && value < d.hi && solvable(new Map(domains).set(cell, { lo: value + 1, hi: d.hi }), all)
    if (!below && !above) determined.push(cell)
  }
  return determined
}

// ——— The suppression itself ———

/** The cells of a report that the page shows, with their true values. */
export function publishedCells(report: Art9Report): Map<Cell, number> {
  const values = new Map<Cell, number>()
  for (const row of art9Numbers(report).rows) values.set(c('art9', row.key), row.value)
  for (const key of OUTCOME_KEYS) values.set(c('byOutcome', key), report.byOutcome[key] ?? 0)
  for (const key of CATEGORIES) values.set(c('byCategory', key), report.byCategory[key] ?? 0)
  return values
}

/**
 * Primary suppression (every count under 5), then complementary suppression: while some hidden
 * cell can be worked out, hide one more cell of a relation it is in — the smallest shown count, so
 * that as little as possible is lost, and the total last. Each round hides one more cell, so it ends.
 */
export function hiddenCells(values: ReadonlyMap<Cell, number>, all: readonly Relation[] = relations()): Set<Cell> {
  const printed = (cell: Cell) => !UNPRINTED.has(cell)
  const hidden = new Set([...values].filter(([cell, value]) => printed(cell) && value < SMALL).map(([cell]) => cell))
  for (;;) {
    const determined = determinedCells(values, hidden, all)
    if (determined.length === 0) return hidden
    const around = new Set(
      all
        .filter((relation) => relation.terms.some(([cell]) => determined.includes(cell)))
        .flatMap((relation) => relation.terms.map(([cell]) => cell))
        .filter((cell) => printed(cell) && !hidden.has(cell)),
    )
    const pool = around.size > 0 ? [...around] : [...values.keys()].filter((cell) => printed(cell) && !hidden.has(cell))
    if (pool.length === 0) return hidden
    pool.sort(
      (x, y) =>
        Number(x === 'art9.total') - Number(y === 'art9.total') ||
        (values.get(x) as number) - (values.get(y) as number) ||
        x.localeCompare(y),
    )
    hidden.add(pool[0] as Cell)
  }
}

const labelOf = (labels: Record<string, { nl: string } | string>, key: string): string => {
  const label = labels[key]
  return typeof label === 'string' ? label : (label?.nl ?? key)
}

/** The published figures of a report: counts and fixed labels only, small and derivable counts hidden. */
export function suppressForPublication(report: Art9Report): PublishedFiguresData {
  const values = publishedCells(report)
  const hidden = hiddenCells(values)
  const shown = (cell: Cell): PublishedCount => (hidden.has(cell) ? { suppressed: true } : (values.get(cell) as number))
  return {
    period: { from: report.period.from, to: report.period.to },
    asOf: report.asOf,
    tables: [
      {
        id: 'art9',
        title: 'De getallen van artikel 9',
        rows: art9Numbers(report).rows.map((row) => ({
          key: row.key,
          label: row.label,
          value: shown(c('art9', row.key)),
        })),
      },
      {
        id: 'byOutcome',
        title: 'Uitkomst',
        rows: PRINTED_OUTCOMES.map((key) => ({
          key,
          label: labelOf(OUTCOME_LABELS, key),
          value: shown(c('byOutcome', key)),
        })),
      },
      {
        id: 'byCategory',
        title: 'Soort klacht',
        rows: CATEGORIES.map((key) => ({
          key,
          label: labelOf(CATEGORY_LABELS, key),
          value: shown(c('byCategory', key)),
        })),
      },
    ],
  }
}
