import type { Payload, PayloadRequest } from 'payload'

import { recordEvent } from './recordEvent'

/** A timeline entry as this module reads it. */
export type TimelineEntry = { type: string; at: string; data: unknown }

export type MilestoneType = 'delay_notice_sent' | 'hearing_recorded'
export type Milestone = { type: MilestoneType; letter: string; at: string }

/**
 * The letters whose sending is itself a fact of the case: a delay notice (Art. 7 note) and the
 * hearing's report (Art. 6.3; Decision 18: "a hearing counts once its report was sent").
 */
export const MILESTONE_OF_PURPOSE: Readonly<Record<string, MilestoneType>> = {
  delay_notice: 'delay_notice_sent',
  hearing_report: 'hearing_recorded',
}
export const MILESTONE_PURPOSES = Object.keys(MILESTONE_OF_PURPOSE)
const MILESTONES = new Set<string>(Object.values(MILESTONE_OF_PURPOSE))

/**
 * The `delay_notice_sent` and `hearing_recorded` entries a timeline lacks, in the order of its
 * events (by `at`). Written when the letter was *sent* (delivered by the outbox, or posted:
 * Decision 12), as every other fact the Art. 9 report counts: foldCaseEvents counts each entry
 * once, so there is exactly one per letter, at its first sending. Not for a corrected letter
 * (Decision 16: the same notice, stated again) nor for a corrected posting date (Decision 17: the
 * same letter). Pure: the live writer (recordSending) and the backfill (deriveEvents) share it.
 */
export function missingMilestones(events: readonly TimelineEntry[]): Milestone[] {
  const letterOfMessage = new Map<string, string>()
  const corrections = new Set<string>()
  const done = new Set<string>()
  for (const event of events) {
    const data = (event.data ?? {}) as { letter?: string; message?: string | null; correction?: boolean }
    if (event.type === 'letter_issued' && data.letter) {
      if (data.message) letterOfMessage.set(data.message, data.letter)
      if (data.correction) corrections.add(data.letter)
    }
    if (MILESTONES.has(event.type) && data.letter) done.add(`${event.type}:${data.letter}`)
  }
  const missing: Milestone[] = []
  for (const event of events) {
    if (event.type !== 'letter_sent') continue
    const data = (event.data ?? {}) as { purpose?: string; letter?: string; message?: string }
    const type = data.purpose ? MILESTONE_OF_PURPOSE[data.purpose] : undefined
    if (!type) continue
    // The outbox records the message it delivered; the letter is the one issued with that message.
    const letter = data.letter ?? (data.message ? (letterOfMessage.get(data.message) ?? data.message) : undefined)
    if (!letter || corrections.has(letter)) continue
    const key = `${type}:${letter}`
    if (done.has(key)) continue
    done.add(key)
    missing.push({ type, letter, at: event.at })
  }
  return missing
}

/** The timeline entries missingMilestones reads, of one case, in the order they happened. */
export async function milestoneSources(
  payload: Payload,
  complaint: string,
  req?: Partial<PayloadRequest>,
): Promise<TimelineEntry[]> {
  // Trusted read of the timeline's own bookkeeping: ids and codes, no personal data.
  const { docs } = await payload.find({
    collection: 'case-events',
    where: {
      and: [{ complaint: { equals: complaint } }, { type: { in: ['letter_issued', 'letter_sent', ...MILESTONES] } }],
    },
    sort: 'at',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { type: true, at: true, data: true },
    req,
  })
  return docs.map((doc) => ({ type: doc.type, at: doc.at, data: doc.data }))
}

/** Appends what missingMilestones finds missing for one case; returns how many entries it wrote. */
export async function recordLetterMilestones(
  payload: Payload,
  complaint: string,
  req?: Partial<PayloadRequest>,
  actor: string | null = null,
): Promise<number> {
  const missing = missingMilestones(await milestoneSources(payload, complaint, req))
  for (const milestone of missing) {
    await recordEvent(
      payload,
      {
        complaint,
        type: milestone.type,
        actor,
        actorKind: actor ? 'staff' : 'system',
        data: { letter: milestone.letter },
        at: new Date(milestone.at),
      },
      req,
    )
  }
  return missing.length
}
