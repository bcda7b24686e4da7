import type { Payload, Where } from 'payload'

import type { AccessKind } from '../../collections/AccessLog'

/** Who read: a staff member (by user id), or the complainant on their own page (Decision 20). */
export type Reader = { kind: 'staff'; userId: string } | { kind: 'complainant' }

/** Repeated reads of one case by one person within this window are one entry. */
export const ACCESS_LOG_WINDOW_MS = 10 * 60 * 1000

/**
 * Records one read of a case's personal data in `access-log` (DOMAIN.md Contracts added), after the
 * read happened: callers call it once the operation has succeeded, never from `afterRead` (which
 * runs per document and per field). A read of the same case, by the same reader, of the same kind
 * within ACCESS_LOG_WINDOW_MS of a logged one adds nothing. Holds no personal data: who (a staff
 * member's id, or "klager"), when, which case, what kind. Trusted server code.
 * Returns whether an entry was written.
 */
export async function logAccess(
  payload: Payload,
  args: { reader: Reader; complaint: string; kind: AccessKind; at?: Date },
): Promise<boolean> {
  const at = args.at ?? new Date()
  const since = new Date(at.getTime() - ACCESS_LOG_WINDOW_MS).toISOString()
  const who: Where =
    args.reader.kind === 'staff'
      ? { actorKind: { equals: 'staff' }, actor: { equals: args.reader.userId } }
      : { actorKind: { equals: 'complainant' } }
  const recent = await payload.count({
    collection: 'access-log',
    overrideAccess: true,
    where: {
      and: [
        who,
        { complaint: { equals: args.complaint } },
        { kind: { equals: args.kind } },
        { at: { greater_than_equal: since } },
      ],
    },
  })
  if (recent.totalDocs > 0) return false
  await payload.create({
    collection: 'access-log',
    overrideAccess: true,
    depth: 0,
    data: {
      at: at.toISOString(),
      actorKind: args.reader.kind,
      actor: args.reader.kind === 'staff' ? args.reader.userId : null,
      complaint: args.complaint,
      kind: args.kind,
    },
  })
  return true
}
