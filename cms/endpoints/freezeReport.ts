import type { Endpoint } from 'payload'

import { hasRole } from '../../collections/access/roles'
import type { Period } from '../../hooks/reports/computeReport'
import { freezeReport, manualKey, startOfMinute } from '../../hooks/reports/freezeReport'

const json = (body: unknown, status: number) => Response.json(body, { status })

const DATE = /^\d{4}-\d{2}-\d{2}$/
/** A real calendar date (2026-02-30 is none: Date rolls it over; 2026-13-01 is no date at all). */
function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false
  const date = new Date(`${value}T12:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The period from the body, or a Dutch message per field (`from`, `to`). */
export function periodFromBody(
  body: unknown,
): { ok: true; period: Period } | { ok: false; errors: Record<string, string> } {
  const { from, to } = (body && typeof body === 'object' ? body : {}) as { from?: unknown; to?: unknown }
  const errors: Record<string, string> = {}
  if (!isDate(from)) errors.from = 'Vul een geldige begindatum in (jjjj-mm-dd).'
  if (!isDate(to)) errors.to = 'Vul een geldige einddatum in (jjjj-mm-dd).'
  else if (isDate(from) && from > to) errors.to = 'De einddatum ligt voor de begindatum.'
  if (isDate(from) && isDate(to) && !errors.to) return { ok: true, period: { from, to } }
  return { ok: false, errors }
}

/**
 * POST /api/reports/freeze with `{ from, to }` (dates of receipt, both inclusive): a manager
 * freezes the Art. 9 report of that period as it stands now (Decision 18), with its PDF. Answers
 * 201 with the new report's id, or 200 with the same id when that period was frozen this very
 * minute already (a double click makes one report). A custom endpoint is public until it checks
 * the user: this one does first. A thin adapter over `freezeReport` (hooks/reports/freezeReport.ts).
 */
export const freezeReportEndpoint: Endpoint = {
  path: '/freeze',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return json({ error: 'Log eerst in.' }, 401)
    if (!hasRole(req.user, 'manager'))
      return json({ error: 'Alleen een manager mag een verantwoording vastleggen.' }, 403)
    let body: unknown
    try {
      body = req.json ? await req.json() : undefined
    } catch {
      body = undefined
    }
    const parsed = periodFromBody(body)
    if (!parsed.ok) return json({ errors: parsed.errors }, 400)
    const asOf = startOfMinute(new Date())
    const { report, created } = await freezeReport(
      req.payload,
      {
        period: parsed.period,
        asOf,
        kind: 'manual',
        key: manualKey(parsed.period, asOf),
        madeBy: String(req.user.id),
      },
      req,
    )
    return json({ id: report.id, title: report.title, created }, created ? 201 : 200)
  },
}
