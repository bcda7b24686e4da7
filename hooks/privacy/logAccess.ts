import type { Payload, Where } from 'payload'

import type { AccessKind } from '../../collections/AccessLog'
import { once } from '../effects/once'

/** Who read: a staff member (by user id), or the complainant on their own page (Decision 20). */
export type Reader = { kind: 'staff'; userId: string } | { kind: 'complainant' }

/** Repeated reads of one case by one person within this window are one entry. */
export const ACCESS_LOG_WINDOW_MS = 10 * 60 * 1000

/**
 * Records one read of a case's personal data in `access-log` (DOMAIN.md Contracts added), after the
 * read happened: callers call it once the operation has succeeded, never from `afterRead` (which
 * runs per document and per field). A read of the same case, by the same reader, of the same kind
 * within ACCESS_LOG_WINDOW_MS of a logged one adds nothing. Holds no personal data of the
 * complainant: who (a staff member's id, or "klager"), when, which case, what kind. Trusted server
 * code. Returns whether an entry was written.
 *
 * Race-safe through the database: a new entry carries the unique `windowKey` "reader, case, kind,
 * after entry X" (X the latest entry of that reader, case and kind; "first" when there is none).
 * Two reads at the same moment both find the same X (or none), both try the same key, and the
 * unique index lets exactly one through (`once()`); the other returns the winner. A key per
 * fixed 10-minute slot would be race-safe too, but would log twice for reads at 10:09 and 10:11;
 * chaining on the previous entry keeps the window sliding from the last logged read.
 *
 * Written outside the caller's transaction (no `req`): a read has nothing to roll back, and a
 * unique violation must not end the transaction of the operation that read.
 */
export async function logAccess(
  payload: Payload,
  args: { reader: Reader; complaint: string; kind: AccessKind; at?: Date },
): Promise<boolean> {
  const at = args.at ?? new Date()
  const who: Where =
    args.reader.kind === 'staff'
      ? { actorKind: { equals: 'staff' }, actor: { equals: args.reader.userId } }
      : { actorKind: { equals: 'complainant' } }
  const { docs } = await payload.find({
    collection: 'access-log',
    overrideAccess: true,
    depth: 0,
    limit: 1,
    sort: '-at',
    select: { at: true },
    where: { and: [who, { complaint: { equals: args.complaint } }, { kind: { equals: args.kind } }] },
  })
  const latest = docs[0]
  if (latest && at.getTime() - new Date(latest.at).getTime() < ACCESS_LOG_WINDOW_MS) return false
  const readerKey = args.reader.kind === 'staff' ? `staff:${args.reader.userId}` : 'complainant'
  const { created } = await once(payload, {
    collection: 'access-log',
    field: 'windowKey',
    key: `${readerKey}|${args.complaint}|${args.kind}|after:${latest ? latest.id : 'first'}`,
    make: () => ({
      data: {
        at: at.toISOString(),
        actorKind: args.reader.kind,
        actor: args.reader.kind === 'staff' ? args.reader.userId : null,
        complaint: args.complaint,
        kind: args.kind,
      },
    }),
  })
  return created
}
