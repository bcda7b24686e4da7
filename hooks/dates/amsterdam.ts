/**
 * Dates on the calendar of Europe/Amsterdam, the only one the portal uses: the civil date
 * (yyyy-mm-dd), the date as a Dutch reader expects it ("14 maart 2026"), the time ("14:00") and
 * the year. Pure: the site and the CMS both import it (relative imports only, no Payload).
 * Formatters are costly to build; each is built once and serves every call.
 */
export const AMSTERDAM = 'Europe/Amsterdam'

/** A civil date, YYYY-MM-DD. */
export type CivilDate = string

// en-CA writes yyyy-mm-dd: the machine-readable form of the calendar day.
const CIVIL_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: AMSTERDAM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', {
  timeZone: AMSTERDAM,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const DUTCH_TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: AMSTERDAM, hour: '2-digit', minute: '2-digit' })
const YEAR = new Intl.DateTimeFormat('en', { timeZone: AMSTERDAM, year: 'numeric' })
const HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: AMSTERDAM, hour: '2-digit', hourCycle: 'h23' })

const instant = (value: string | number | Date): Date => (value instanceof Date ? value : new Date(value))

/** The civil date of an instant in Amsterdam, YYYY-MM-DD. */
export function civilDateIn(value: string | number | Date): CivilDate {
  return CIVIL_DATE.format(instant(value))
}

/** "14 maart 2026". */
export function formatDutchDate(value: string | number | Date): string {
  return DUTCH_DATE.format(instant(value))
}

/** "14:00". */
export function formatDutchTime(value: string | number | Date): string {
  return DUTCH_TIME.format(instant(value))
}

/** The calendar year of an instant in Amsterdam. */
export function amsterdamYear(value: string | number | Date): number {
  return Number(YEAR.format(instant(value)))
}

/** The local hour, "00" to "23". */
export function amsterdamHour(value: string | number | Date): string {
  return HOUR.format(instant(value))
}
