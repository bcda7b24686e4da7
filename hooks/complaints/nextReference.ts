import type { Payload, PayloadRequest } from 'payload'

let queue: Promise<unknown> = Promise.resolve()

/**
 * The next complaint reference for a year, `WP-2026-0001`: from a counter that only goes up, so
 * a number is never reused, not even after an intake that was undone. One process (the CMS)
 * writes complaints; calls are serialised here, and the unique index on `reference` guards the rest.
 */
export function nextReference(payload: Payload, year: number, req?: Partial<PayloadRequest>): Promise<string> {
  const run = queue.then(async () => {
    const key = `complaint-reference-${year}`
    // Trusted server code: counters have no access for any role.
    const { docs } = await payload.find({ collection: 'sequences', where: { key: { equals: key } }, limit: 1, overrideAccess: true, req, depth: 0 })
    const current = docs[0]
    let value: number
    if (current) {
      value = current.value + 1
      await payload.update({ collection: 'sequences', id: current.id, data: { value }, overrideAccess: true, depth: 0, req })
    } else {
      value = 1
      await payload.create({ collection: 'sequences', data: { key, value }, overrideAccess: true, depth: 0, req })
    }
    return formatReference(year, value)
  })
  queue = run.catch(() => undefined)
  return run
}

export function formatReference(year: number, value: number): string {
  return `WP-${year}-${String(value).padStart(4, '0')}`
}
