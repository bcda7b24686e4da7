/** Dates as a Dutch reader expects them ("14 maart 2026"), on the calendar of Europe/Amsterdam. */
const TIME_ZONE = 'Europe/Amsterdam'
const long = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' })
// en-CA writes yyyy-mm-dd: the machine-readable form of the same calendar day, for <time datetime>.
const civil = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})

export function dutchDate(instant: string | Date): { text: string; iso: string } {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  return { text: long.format(date), iso: civil.format(date) }
}
