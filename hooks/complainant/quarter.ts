import { civilDateIn } from '../dates/amsterdam'

/** The quarter of a moment in Amsterdam, as "2026-Q4": as close as an unlinkable survey row comes to a date. */
export function quarterOf(at: string | Date): string {
  const day = civilDateIn(at)
  const month = Number(day.slice(5, 7))
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`
}

/** The quarters a period of dates (YYYY-MM-DD, both inclusive) touches. */
export function quartersOf(from: string, to: string): string[] {
  const out: string[] = []
  let year = Number(from.slice(0, 4))
  let q = Math.ceil(Number(from.slice(5, 7)) / 3)
  const endYear = Number(to.slice(0, 4))
  const endQ = Math.ceil(Number(to.slice(5, 7)) / 3)
  while (year < endYear || (year === endYear && q <= endQ)) {
    out.push(`${year}-Q${q}`)
    q += 1
    if (q > 4) {
      q = 1
      year += 1
    }
  }
  return out
}
