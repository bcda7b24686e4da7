import { civilDateIn, type CivilDate } from '../dates/amsterdam'
import { endOfDay } from '../complaints/deadlines'

/**
 * AVG art. 12(3): a request for inspection (art. 15) is answered "binnen een maand na ontvangst".
 * One calendar month on the calendar of Europe/Amsterdam: the same day number of the next month,
 * or that month's last day when it is shorter (31 January → 28 or 29 February, 31 March → 30 April).
 * The due date is the end of that local day, as every due date of the portal (DOMAIN.md, Deadlines).
 * Pure: the date of receipt is the argument.
 */
export function addCalendarMonth(date: CivilDate): CivilDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  // Day 0 of the month after next is the last day of the next month (months counted from 0 here).
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m, Math.min(d, lastOfNext))).toISOString().slice(0, 10)
}

/** The moment by which a request for inspection received at `receivedAt` must be answered. */
export function inspectionDueAt(receivedAt: string | Date): string {
  return endOfDay(addCalendarMonth(civilDateIn(receivedAt)))
}
