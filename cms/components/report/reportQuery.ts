import { endOfDay } from '../../../hooks/complaints/deadlines'
import type { Period } from '../../../hooks/reports/computeReport'
import { parsePeriod } from '../../../hooks/reports/periods'

/**
 * The question of an Art. 9 report as the endpoint and the admin view read it from a query
 * string: `from`, `to` (dates of receipt, both inclusive), an optional `asOf` (Decision 18) and an
 * optional `format`. Each wrong field gets its own Dutch message, so the form can show it there.
 */
export type ReportFormat = 'json' | 'csv' | 'pdf'
export type FieldError = { field: 'from' | 'to' | 'asOf' | 'format'; message: string }
export type ReportQuery =
  { ok: true; period: Period; asOf: Date; format: ReportFormat } | { ok: false; errors: FieldError[] }

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** A real calendar date (2026-02-30 is none), or the Dutch message saying what is wrong. */
function checkDate(value: unknown, which: 'begindatum' | 'einddatum'): string | null {
  if (typeof value !== 'string' || value === '') return `Vul een ${which} in (jjjj-mm-dd).`
  if (!DATE.test(value)) return `Vul een geldige ${which} in (jjjj-mm-dd).`
  const check = parsePeriod(value, value)
  return check.ok ? null : `De ${which} ${value} bestaat niet.`
}

const single = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)

export function reportQuery(query: Record<string, unknown>, now: Date = new Date()): ReportQuery {
  const from = single(query.from)
  const to = single(query.to)
  const asOfValue = single(query.asOf)
  const formatValue = single(query.format)
  const errors: FieldError[] = []

  const fromError = checkDate(from, 'begindatum')
  if (fromError) errors.push({ field: 'from', message: fromError })
  const toError = checkDate(to, 'einddatum')
  if (toError) errors.push({ field: 'to', message: toError })
  let period: Period | null = null
  if (!fromError && !toError) {
    const checked = parsePeriod(from, to)
    if (checked.ok) period = checked.period
    else errors.push({ field: 'to', message: 'De einddatum ligt voor de begindatum.' })
  }

  let asOf = now
  if (asOfValue !== undefined && asOfValue !== '') {
    const text = typeof asOfValue === 'string' ? asOfValue : ''
    // A date alone means the end of that day in Amsterdam: everything recorded on it counts.
    const instant =
      DATE.test(text) && !checkDate(text, 'begindatum') ? endOfDay(text) : DATE_TIME.test(text) ? text : ''
    const parsed = instant ? new Date(instant) : null
    if (!parsed || Number.isNaN(parsed.getTime()))
      errors.push({ field: 'asOf', message: 'Vul een geldig moment in (jjjj-mm-dd of jjjj-mm-ddTuu:mm:ssZ).' })
    else if (parsed.getTime() > now.getTime())
      errors.push({ field: 'asOf', message: 'De cijfers kunnen niet per een moment in de toekomst worden gegeven.' })
    else asOf = parsed
  }

  let format: ReportFormat = 'json'
  if (formatValue !== undefined && formatValue !== '') {
    if (formatValue === 'csv' || formatValue === 'pdf' || formatValue === 'json') format = formatValue
    else errors.push({ field: 'format', message: 'Kies als bestandsvorm csv of pdf.' })
  }

  if (errors.length > 0 || !period) return { ok: false, errors }
  return { ok: true, period, asOf, format }
}

/** "verantwoording-2026-01-01-2026-03-31.csv": the period in the name, nothing else. */
export function reportFileName(period: Period, extension: 'csv' | 'pdf'): string {
  return `verantwoording-${period.from}-${period.to}.${extension}`
}

/** The endpoint's address for the same period, e.g. for the view's download links. */
export function reportHref(
  period: Period,
  options: { format?: 'csv' | 'pdf'; asOf?: string; apiRoute?: string } = {},
): string {
  const params = new URLSearchParams({ from: period.from, to: period.to })
  // The same moment as the numbers on screen, so the file holds the same numbers (Decision 18).
  if (options.asOf) params.set('asOf', options.asOf)
  if (options.format) params.set('format', options.format)
  const apiRoute = options.apiRoute ?? '/api'
  return `${apiRoute}/complaints/report?${params.toString()}`
}
