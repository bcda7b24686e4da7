import { civilDateIn, formatDutchDate } from '../dates/amsterdam'

/** What a letter says instead of a date that has already passed: what happens now. */
export const AS_SOON_AS_POSSIBLE = 'zo snel mogelijk'

/**
 * A date a letter promises ("uiterlijk 25 november 2026"), as a phrase that reads right in the
 * sentence around it whether or not that date has passed. A letter never promises a date before
 * its own date (the written version of a complaint recorded late, Art. 3 and Decision 8, is dated
 * after the acknowledgement was due): then it says it happens as soon as possible. The due date
 * counts until the end of its day in Amsterdam, so a letter dated on it still promises it.
 * Empty without a date (a required part then refuses the letter, compose.ts).
 */
export function promisedBy(due: string | null | undefined, letterDate: Date): string {
  if (!due) return ''
  if (civilDateIn(due) < civilDateIn(letterDate)) return AS_SOON_AS_POSSIBLE
  return `uiterlijk ${formatDutchDate(due)}`
}
