import { type CivilDate, civilDateIn } from '../dates/amsterdam'
import type { Period } from './computeReport'

/**
 * Art. 9: "at least every quarter". Periods are dates of receipt, both ends inclusive, on the
 * Amsterdam calendar.
 */
export type PeriodPreset = { key: string; label: string; period: Period }

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

export function quarter(year: number, q: 1 | 2 | 3 | 4): Period {
  const first = (q - 1) * 3 + 1
  const last = first + 2
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` }
}

export function year(value: number): Period {
  return { from: `${value}-01-01`, to: `${value}-12-31` }
}

const quarterOfMonth = (month: number) => (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4

/** The quarter before the one `now` falls in: what the quarterly report on the first day covers. */
export function previousQuarter(now: string | Date): { year: number; quarter: 1 | 2 | 3 | 4; period: Period } {
  const [y, m] = civilDateIn(now).split('-').map(Number) as [number, number]
  const current = quarterOfMonth(m)
  const prev = current === 1 ? { year: y - 1, quarter: 4 as const } : { year: y, quarter: (current - 1) as 1 | 2 | 3 }
  return { ...prev, period: quarter(prev.year, prev.quarter) }
}

/** The presets the report view offers: each quarter and the whole year, for this year and the two before. */
export function presets(now: string | Date, years = 3): PeriodPreset[] {
  const thisYear = Number(civilDateIn(now).slice(0, 4))
  const out: PeriodPreset[] = []
  for (let y = thisYear; y > thisYear - years; y -= 1) {
    out.push({ key: `${y}`, label: `${y}`, period: year(y) })
    for (const q of [1, 2, 3, 4] as const)
      out.push({ key: `${y}-Q${q}`, label: `${q}e kwartaal ${y}`, period: quarter(y, q) })
  }
  return out
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A period from query parameters, or a Dutch message saying what is wrong. */
export function parsePeriod(from: unknown, to: unknown): { ok: true; period: Period } | { ok: false; message: string } {
  if (typeof from !== 'string' || !DATE.test(from) || Number.isNaN(Date.parse(`${from}T00:00:00Z`)))
    return { ok: false, message: 'Vul een geldige begindatum in (jjjj-mm-dd).' }
  if (typeof to !== 'string' || !DATE.test(to) || Number.isNaN(Date.parse(`${to}T00:00:00Z`)))
    return { ok: false, message: 'Vul een geldige einddatum in (jjjj-mm-dd).' }
  if (civil(from) !== from || civil(to) !== to) return { ok: false, message: 'Deze datum bestaat niet.' }
  if (from > to) return { ok: false, message: 'De begindatum ligt na de einddatum.' }
  return { ok: true, period: { from, to } }
}

// Rejects dates such as 2026-02-30 that Date.parse rolls over.
const civil = (date: CivilDate): string => new Date(`${date}T12:00:00Z`).toISOString().slice(0, 10)
