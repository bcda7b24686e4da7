import type { Payload, PayloadRequest } from 'payload'

/**
 * A data step for installations from before `privacy.closedAt` (Decision 19: the retention term
 * counts from the closing): every closed case without it gets the moment of its timeline's
 * `status_changed` → `closed` entry. Written through the adapter: a closed case takes no change
 * through the workflow, and this is no change of substance (no timeline entry of its own). Safe to
 * run again: a case that has the date is not read. Returns how many cases it filled in.
 */
export async function backfillClosedAt(payload: Payload, req?: Partial<PayloadRequest>): Promise<number> {
  const { docs } = await payload.find({
    collection: 'complaints',
    where: { and: [{ status: { equals: 'closed' } }, { 'privacy.closedAt': { exists: false } }] },
    select: { privacy: true },
    pagination: false,
    overrideAccess: true,
    depth: 0,
    req,
  })
  let filled = 0
  for (const doc of docs) {
    const { docs: events } = await payload.find({
      collection: 'case-events',
      where: { and: [{ complaint: { equals: doc.id } }, { type: { equals: 'status_changed' } }] },
      sort: 'at',
      pagination: false,
      overrideAccess: true,
      depth: 0,
      req,
    })
    const closing = events.find((e) => (e.data as { to?: unknown } | null)?.to === 'closed')
    if (!closing) continue
    await payload.db.updateOne({
      collection: 'complaints',
      id: doc.id,
      data: { privacy: { ...doc.privacy, closedAt: closing.at } },
      req,
      returning: false,
    })
    filled += 1
  }
  return filled
}
