/** Dates as Dutch readers expect them: "14 maart 2026", in Europe/Amsterdam. */
const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

export function formatDutchDate(iso: string | Date): string {
  return DUTCH_DATE.format(new Date(iso))
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
