import type { PayloadRequest, Where } from 'payload'

/** Letters for post (Decision 12) whose posting date nobody has recorded yet: not sent as far as the case knows. */
export const UNPOSTED_LETTERS: Where = { and: [{ channel: { equals: 'post' } }, { postedAt: { exists: false } }] }

/** The purposes of the case's letters for post without a posting date (trusted bookkeeping read, no personal data). */
export async function unpostedLettersOf(req: PayloadRequest, complaint: string): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'letters',
    where: { and: [{ complaint: { equals: complaint } }, UNPOSTED_LETTERS] },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    select: { purpose: true },
    overrideAccess: true,
    req,
  })
  return docs.map((d) => d.purpose)
}
