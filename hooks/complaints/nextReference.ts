import type { Payload, PayloadRequest } from 'payload'

/**
 * The next complaint reference for a year, `WP-2026-0001`: from a counter that only goes up, so
 * a number is never reused, not even after an intake that was undone. One atomic increment in the
 * database (`$inc`, as Payload's own login counter uses, on SQLite and MongoDB alike), so no
 * two callers — in this process or another — ever get the same number; the unique index on
 * `reference` guards the rest. Adapter-level calls: counters have no hooks and no access for any
 * role, and an intake must not pay for Payload's document machinery to add one.
 */
export async function nextReference(payload: Payload, year: number, req?: Partial<PayloadRequest>): Promise<string> {
  const key = `complaint-reference-${year}`
  for (let attempt = 0; attempt < 3; attempt++) {
    const value = await increment(payload, key, req)
    if (value !== null) return formatReference(year, value)
    // The year's first complaint: start the counter. The unique index on `key` lets only one
    // of two simultaneous first complaints create it; the other increments it on its next turn.
    try {
      const now = new Date().toISOString()
      await payload.db.create({
        collection: 'sequences',
        data: { key, value: 1, createdAt: now, updatedAt: now },
        req,
        returning: false,
      })
      return formatReference(year, 1)
    } catch (error) {
      if (attempt === 2) throw error
    }
  }
  throw new Error(`No reference for ${year}`)
}

/** The counter's new value, or null when the year has no counter yet. */
async function increment(payload: Payload, key: string, req?: Partial<PayloadRequest>): Promise<number | null> {
  const doc = await payload.db.updateOne({
    collection: 'sequences',
    where: { key: { equals: key } },
    data: { value: { $inc: 1 }, updatedAt: new Date().toISOString() },
    options: { atomic: true },
    req,
  })
  const value = (doc as { value?: unknown } | null)?.value
  return typeof value === 'number' ? value : null
}

export function formatReference(year: number, value: number): string {
  return `WP-${year}-${String(value).padStart(4, '0')}`
}
