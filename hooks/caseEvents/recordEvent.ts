import type { Payload, PayloadRequest } from 'payload'

import type { CaseEventType } from './eventTypes'

export type EventData = Record<string, string | number | boolean | null | string[]>

/** Appends an entry to a case's timeline. `data` must never hold personal data (see eventTypes). */
export async function recordEvent(
  payload: Payload,
  event: { complaint: string; type: CaseEventType; actor?: string | null; actorKind: 'staff' | 'public' | 'system'; data?: EventData; at?: Date },
  req?: Partial<PayloadRequest>,
): Promise<void> {
  // Trusted server code: the timeline has no create access for any role. Depth 0: nobody reads the
  // answer, and populating it would read the whole complaint back (with its joins) on every entry.
  await payload.create({
    collection: 'case-events',
    overrideAccess: true,
    depth: 0,
    req,
    data: {
      complaint: event.complaint,
      type: event.type,
      actor: event.actor ?? null,
      actorKind: event.actorKind,
      data: event.data ?? {},
      at: (event.at ?? new Date()).toISOString(),
    },
  })
}
