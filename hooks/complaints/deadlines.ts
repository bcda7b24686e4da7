import Holidays from 'date-holidays'

import { AMSTERDAM, amsterdamHour, type CivilDate, civilDateIn } from '../dates/amsterdam'
import { DECISION_LIMIT_WEEKS } from './terms'

/**
 * The clocks of Art. 5 and 7, counted from the date of receipt (DOMAIN.md, "Deadlines"):
 * day 0 is the date of receipt, and a due date is the end of that local day in Europe/Amsterdam.
 *
 * Day mode (Decision 1): "binnen vijf dagen" counts calendar days by default; in working-day
 * mode weekends and Dutch public holidays do not count for it, and a receipt on a non-working
 * day counts from the next working day. The week terms (4 and 6 weeks) are weeks in both modes:
 * the text says weeks, and the six-week limit may never be moved (Art. 7 note).
 *
 * Pure: `receivedAt` and the mode are arguments; nothing here reads a clock.
 */
export type DayMode = 'calendar' | 'working'

export type Deadlines = {
  /** Art. 5: the written acknowledgement, within 5 days of receipt. */
  acknowledgeBy: string
  /** Art. 7: the notice of non-admission with its reasons, within 4 weeks. */
  nonAdmissionNoticeBy: string
  /** Art. 7 note: Working Progression's own norm, or the term stated in the acknowledgement. */
  decisionTargetBy: string
  /** Art. 7: six weeks after receipt, never extended. */
  decisionLimitBy: string
}

export const ACKNOWLEDGE_DAYS = 5
export const NON_ADMISSION_WEEKS = 4
export const DEFAULT_DECISION_WEEKS = 4
export { DECISION_LIMIT_WEEKS }

const holidays = new Holidays('NL')

export function addDays(date: CivilDate, days: number): CivilDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

function weekday(date: CivilDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/** Saturday, Sunday or a public holiday of the NL calendar of the date-holidays library. */
export function isNonWorkingDay(date: CivilDate): boolean {
  const day = weekday(date)
  if (day === 0 || day === 6) return true
  const found = holidays.isHoliday(new Date(`${date}T12:00:00`))
  return Array.isArray(found) && found.some((h) => h.type === 'public')
}

/** The first working day on or after `date`. */
function nextWorkingDay(date: CivilDate): CivilDate {
  let current = date
  while (isNonWorkingDay(current)) current = addDays(current, 1)
  return current
}

/** `count` working days after `start` (a receipt on a non-working day counts from the next working day). */
export function addWorkingDays(start: CivilDate, count: number): CivilDate {
  let current = nextWorkingDay(start)
  for (let added = 0; added < count;) {
    current = addDays(current, 1)
    if (!isNonWorkingDay(current)) added += 1
  }
  return current
}

/** The last millisecond of a civil date in Amsterdam, as an ISO instant (summer and winter time alike). */
export function endOfDay(date: CivilDate): string {
  const next = addDays(date, 1)
  const [y, m, d] = next.split('-').map(Number) as [number, number, number]
  // Amsterdam is UTC+1 or UTC+2: find the offset at which local midnight of `next` falls.
  for (const offsetHours of [1, 2]) {
    const midnight = Date.UTC(y, m - 1, d) - offsetHours * 3_600_000
    const local = amsterdamHour(midnight)
    if (civilDateIn(new Date(midnight)) === next && local === '00') return new Date(midnight - 1).toISOString()
  }
  throw new Error(`No local midnight found for ${next} in ${AMSTERDAM}`)
}

/** The four due dates for a complaint received at `receivedAt`. */
export function computeDeadlines(
  receivedAt: Date,
  mode: DayMode,
  decisionWeeks: number = DEFAULT_DECISION_WEEKS,
): Deadlines {
  if (decisionWeeks <= 0 || decisionWeeks > DECISION_LIMIT_WEEKS) {
    throw new RangeError(`The stated term must be between 1 and ${DECISION_LIMIT_WEEKS} weeks (Art. 7 note)`)
  }
  const received = civilDateIn(receivedAt)
  const acknowledge =
    mode === 'working' ? addWorkingDays(received, ACKNOWLEDGE_DAYS) : addDays(received, ACKNOWLEDGE_DAYS)
  return {
    acknowledgeBy: endOfDay(acknowledge),
    nonAdmissionNoticeBy: endOfDay(addDays(received, NON_ADMISSION_WEEKS * 7)),
    decisionTargetBy: endOfDay(addDays(received, decisionWeeks * 7)),
    decisionLimitBy: endOfDay(addDays(received, DECISION_LIMIT_WEEKS * 7)),
  }
}
