import { civilDateIn, formatDutchDate } from '../../hooks/dates/amsterdam'

/** A date as a Dutch reader expects it ("14 maart 2026") and its yyyy-mm-dd for <time datetime>, in Amsterdam. */
export function dutchDate(instant: string | Date): { text: string; iso: string } {
  return { text: formatDutchDate(instant), iso: civilDateIn(instant) }
}
