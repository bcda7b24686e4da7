import type { Payload, PayloadRequest } from 'payload'

import { caseEventWritten } from '../reports/facts/projectCase'
import { EVENT_DATA, type EventDataOf } from './eventData'
import type { ActorKind, CaseEventType } from './eventTypes'

export type EventData = Record<string, string | number | boolean | null | string[]>

export type CaseEvent<T extends CaseEventType = CaseEventType> = {
  complaint: string
  type: T
  actor?: string | null
  actorKind: ActorKind
  data: EventDataOf<T>
  at?: Date
}

/**
 * Appends an entry to a case's timeline. Its `data` is checked against the schema of its type
 * (eventData.ts), which admits no free text: an entry never holds personal data.
 */
export async function recordEvent<T extends CaseEventType>(
  payload: Payload,
  event: CaseEvent<T>,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const parsed = EVENT_DATA[event.type].safeParse(event.data)
  if (!parsed.success)
    throw new Error(
      `Timeline entry ${event.type} refused: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    )
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
      data: parsed.data,
      at: (event.at ?? new Date()).toISOString(),
    },
  })
  // Art. 9: the case's report facts follow its timeline in the same request (hooks/reports/facts/):
  // at once, or once at the end of the save (refoldingOnce) that writes this entry among others.
  await caseEventWritten(payload, event.complaint, req)
}
