import { describe, expect, it } from 'vitest'

import { CATEGORIES } from '../../hooks/complaints/vocabulary'
import type { CaseFacts } from '../../hooks/reports/caseFacts'
import { type Art9Report, computeReport } from '../../hooks/reports/computeReport'
import {
  type Cell,
  hiddenCells,
  printCount,
  publishedCells,
  type Relation,
  relations,
  SMALL,
  suppressForPublication,
} from '../../hooks/reports/suppress'

/**
 * Decision 18: what is published outside Working Progression shows a count under 5, and any count
 * that could be worked out from the others shown, as "minder dan 5", and holds no free text.
 */

const EMPTY: Art9Report = computeReport([], { from: '2026-01-01', to: '2026-12-31' }, '2027-01-15T09:00:00.000Z')

/** A report with the given numbers (the rest as an empty year). */
function report(numbers: Partial<Art9Report>): Art9Report {
  return { ...EMPTY, ...numbers }
}

/** The printed value of every row, `table.key` → "12" or "minder dan 5". */
function printed(r: Art9Report): Record<string, string> {
  const out: Record<string, string> = {}
  for (const table of suppressForPublication(r).tables)
    for (const row of table.rows) out[`${table.id}.${row.key}`] = printCount(row.value)
  return out
}

// Worked out by hand: 20 complaints, 3 not admitted (all on time), 17 admitted.
const YEAR = report({
  total: 20,
  notAdmitted: 3,
  notAdmittedOnTime: 3,
  admitted: 17,
  admittedOnTimeStated: 10,
  admittedOnTimeLimit: 12,
  byOutcome: { upheld: 7, not_upheld: 6, not_admitted: 3, open: 4 },
  byCategory: { negligence: 12, inadequate_action: 8 },
})

describe('Decision 18: counts under 5 are published as "minder dan 5"', () => {
  it('a year with every count 5 or more is published as it is', () => {
    const big = report({
      total: 40,
      notAdmitted: 10,
      notAdmittedOnTime: 8,
      admitted: 30,
      admittedOnTimeStated: 20,
      admittedOnTimeLimit: 25,
      byOutcome: { upheld: 5, not_upheld: 10, not_admitted: 10, resolved_informally: 5, withdrawn: 5, open: 5 },
      byCategory: {
        negligence: 10,
        inadequate_action: 10,
        privacy_breach: 5,
        incorrect_information: 10,
        other_shortcoming: 5,
      },
    })
    // The control for everything below: nothing is hidden when nothing is small.
    expect(Object.values(printed(big))).not.toContain('minder dan 5')
    expect(printed(big)).toMatchObject({
      'art9.total': '40',
      'art9.notAdmittedOnTime': '8',
      'byOutcome.withdrawn': '5',
    })
  })

  it('0 is under 5 too, and so is 4; 5 is shown', () => {
    const out = printed(YEAR)
    expect(out['byOutcome.withdrawn']).toBe('minder dan 5') // 0
    expect(out['byOutcome.open']).toBe('minder dan 5') // 4
    expect(out['byCategory.privacy_breach']).toBe('minder dan 5') // 0
    expect(out['art9.admittedOnTimeStated']).toBe('10')
  })

  it('one small cell in a sum: a second cell of that sum is hidden, so that the first cannot be worked out', () => {
    // total 20 = not admitted 3 + admitted 17: showing 20 and 17 would give away the 3.
    const out = printed(YEAR)
    expect(out['art9.notAdmitted']).toBe('minder dan 5')
    expect(out['art9.admitted']).toBe('minder dan 5')
    // The total stays: hiding the smallest other cell loses least, the total is hidden last.
    expect(out['art9.total']).toBe('20')
    // Without the second suppression the first is solved back: 20 − 17 = 3 (the control).
    const values = publishedCells(YEAR)
    const onlyPrimary = new Set([...values].filter(([, v]) => v < SMALL).map(([cell]) => cell))
    expect(values.get('art9.total')! - values.get('art9.admitted')!).toBe(values.get('art9.notAdmitted'))
    expect(onlyPrimary.has('art9.admitted')).toBe(false)
  })

  it('two hidden cells in a sum are not always enough: hidden zeros that add up to 0 are each 0', () => {
    // 12 complaints, 6 upheld and 6 not upheld: the four hidden outcomes add up to 12 − 6 − 6 = 0,
    // so each of them is 0 although four cells of that sum are hidden.
    const r = report({
      total: 12,
      notAdmitted: 0,
      admitted: 12,
      admittedOnTimeStated: 12,
      admittedOnTimeLimit: 12,
      byOutcome: { upheld: 6, not_upheld: 6 },
      byCategory: { negligence: 12 },
    })
    const values = publishedCells(r)
    const primary = new Set([...values].filter(([, v]) => v < SMALL).map(([cell]) => cell))
    expect(unsafeCellsOf(values, primary)).toEqual(
      expect.arrayContaining(['byOutcome.not_admitted', 'byOutcome.withdrawn', 'byOutcome.open']),
    )
    const out = printed(r)
    // So a count of 5 or more of that sum is hidden as well …
    expect([out['byOutcome.upheld'], out['byOutcome.not_upheld']]).toContain('minder dan 5')
    // … and no hidden cell of this page is determined by what it shows.
    expect(unsafeCells(r)).toEqual([])
  })

  it('holds only counts and the fixed labels: no free text, no opdrachtgever, role or channel', () => {
    const r = report({
      ...YEAR,
      byClientOrganisation: { 'Gemeente Ergens': 20 },
      byRole: { client: 20 },
      byChannel: { web: 20 },
    })
    const json = JSON.stringify(suppressForPublication(r))
    expect(json).not.toMatch(/Gemeente Ergens|byClientOrganisation|byRole|byChannel|leadTime|byMonth/)
    expect(suppressForPublication(r).tables.map((t) => t.id)).toEqual(['art9', 'byOutcome', 'byCategory'])
  })
})

// ——— Brute force: no page can be solved back ———

/**
 * An enumerator written apart from the solver in suppress.ts (no narrowing of domains): for each
 * hidden cell and each other value it could have, a depth-first walk over whole-number values of
 * the other hidden cells, cutting a branch only when some relation cannot hold whatever the cells
 * still open take. The reader is the strict one of suppress.ts: they know for each hidden cell
 * whether it is under 5 or not. A hidden cell is safe when some assignment gives it another value.
 */
function unsafeCells(r: Art9Report): Cell[] {
  const values = publishedCells(r)
  return unsafeCellsOf(values, hiddenCells(values))
}

function unsafeCellsOf(values: Map<Cell, number>, hidden: Set<Cell>, all: readonly Relation[] = relations()): Cell[] {
  const total = values.get('art9.total')!
  const range = (cell: Cell): [number, number] =>
    values.get(cell)! < SMALL ? [0, SMALL - 1] : [SMALL, 2 * Math.max(total, SMALL)]
  const possible = (assigned: Map<Cell, number>) =>
    all.every((relation) => {
      let min = 0
      let max = 0
      for (const [cell, coef] of relation.terms) {
        const known = assigned.get(cell)
        const [lo, hi] = known === undefined ? range(cell) : [known, known]
        min += coef > 0 ? lo : -hi
        max += coef > 0 ? hi : -lo
      }
      return relation.kind === 'eq' ? min <= 0 && max >= 0 : min <= 0
    })
  const someAssignment = (assigned: Map<Cell, number>, open: Cell[]): boolean => {
    if (!possible(assigned)) return false
    const [cell, ...rest] = open
    if (cell === undefined) return true
    const [lo, hi] = range(cell)
    for (let v = lo; v <= hi; v++) if (someAssignment(new Map(assigned).set(cell, v), rest)) return true
    return false
  }
  const shown = new Map([...values].filter(([cell]) => !hidden.has(cell)))
  return [...hidden].filter((cell) => {
    const [lo, hi] = range(cell)
    const others = [...hidden].filter((other) => other !== cell)
    for (let v = lo; v <= hi; v++)
      if (v !== values.get(cell) && someAssignment(new Map(shown).set(cell, v), others)) return false
    return true
  })
}

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** Random cases of 2026 with every ending, on time or late, open at asOf or not. */
function randomFacts(n: number, rnd: () => number): CaseFacts[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const day = 86_400_000
  return Array.from({ length: n }, (_, i) => {
    const received = Date.UTC(2026, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28), 9)
    const iso = (t: number) => new Date(t).toISOString()
    const ending = pick([null, 'decided', 'decided', 'not_admitted', 'resolved_informally', 'withdrawn'] as const)
    // Ended within 4 weeks, between 4 and 6, after 6; or (rarely) not yet at asOf.
    const endedAt = ending === null ? null : iso(received + pick([10, 20, 35, 50, 400]) * day)
    const categories = CATEGORIES.filter(() => rnd() < 0.4)
    return {
      complaint: `c${i}`,
      receivedOn: iso(received).slice(0, 10),
      receivedAt: iso(received),
      channel: 'web',
      role: 'client',
      clientOrganisation: 'uwv',
      categories: categories.length > 0 ? categories : [pick(CATEGORIES)],
      acknowledgeDue: iso(received + 5 * day),
      nonAdmissionNoticeDue: iso(received + 28 * day),
      statedTermDue: iso(received + pick([28, 35, 42]) * day),
      decisionLimitDue: iso(received + 42 * day),
      currentTargetDue: iso(received + 42 * day),
      acknowledgementSentAt: iso(received + 2 * day),
      ending,
      endedAt,
      nonAdmissionNoticeSentAt: ending === 'not_admitted' ? endedAt : null,
      outcome: ending === 'decided' ? pick(['upheld', 'not_upheld'] as const) : null,
      delayNotices: 0,
      hearings: 0,
      travelCostRequests: 0,
    } satisfies CaseFacts
  })
}

describe('Decision 18: no page of published figures can be solved back (brute force)', () => {
  const year = { from: '2026-01-01', to: '2026-12-31' }
  const asOf = '2027-06-01T00:00:00.000Z'

  it('the relations the solver assumes hold for every report computeReport makes', () => {
    // If one did not hold, the enumerator below would miss assignments a reader could not rule out.
    const rnd = random(7)
    for (let k = 0; k < 300; k++) {
      const values = publishedCells(computeReport(randomFacts(Math.floor(rnd() * 30), rnd), year, asOf))
      for (const relation of relations()) {
        const sum = relation.terms.reduce((acc, [cell, coef]) => acc + coef * values.get(cell)!, 0)
        expect(relation.kind === 'eq' ? sum === 0 : sum <= 0, JSON.stringify(relation)).toBe(true)
      }
    }
  })

  it('for 200 small years (0 to 14 complaints), every hidden count has at least two possible values', () => {
    const rnd = random(2026)
    let hiddenSeen = 0
    for (let k = 0; k < 200; k++) {
      const r = computeReport(randomFacts(Math.floor(rnd() * 15), rnd), year, asOf)
      expect(unsafeCells(r), JSON.stringify([...publishedCells(r)])).toEqual([])
      hiddenSeen += hiddenCells(publishedCells(r)).size
    }
    // The run met many hidden cells, complementary ones included (not only a trivial page).
    expect(hiddenSeen).toBeGreaterThan(1000)
  }, 120_000)

  it('the control: with only the counts under 5 hidden, the same enumerator finds pages that give a count away', () => {
    // Without complementary suppression the enumerator must find leaks, or the test above proves nothing.
    const primary = (values: Map<Cell, number>) =>
      new Set([...values].filter(([cell, v]) => v < SMALL && cell !== 'byOutcome.decided').map(([cell]) => cell))
    const values = publishedCells(YEAR)
    expect(unsafeCellsOf(values, primary(values))).toContain('art9.notAdmitted')
    const rnd = random(2026)
    let leaking = 0
    for (let k = 0; k < 100; k++) {
      const v = publishedCells(computeReport(randomFacts(Math.floor(rnd() * 17), rnd), year, asOf))
      if (unsafeCellsOf(v, primary(v)).length > 0) leaking += 1
    }
    expect(leaking).toBeGreaterThan(20)
  })
})
