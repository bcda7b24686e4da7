import type { CollectionBeforeChangeHook } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { deadlineOutcomes, nextDeadline } from './workflow/deadlineState'
import { isEnding } from './workflow/transitions'

type Merged = Partial<Complaint> & Pick<Complaint, 'status'>

const outcome = (met: boolean | null) => (met === null ? 'not_applicable' : met ? 'met' : 'missed')

/** The next deadline and its state, and — once the case ended — whether each clock was met. */
export function deadlineFields(c: Merged, now: Date): Pick<Complaint, 'nextDeadline' | 'deadlineOutcomes'> {
  const d = c.deadlines
  if (!d?.acknowledgeBy || !d.nonAdmissionNoticeBy || !d.decisionTargetBy || !d.decisionLimitBy) return {}
  const deadlines = {
    acknowledgeBy: d.acknowledgeBy,
    nonAdmissionNoticeBy: d.nonAdmissionNoticeBy,
    decisionTargetBy: d.decisionTargetBy,
    decisionLimitBy: d.decisionLimitBy,
  }
  const next = nextDeadline(
    { status: c.status, deadlines, acknowledgementSentAt: c.lettersSent?.acknowledgementAt ?? null },
    now,
  )
  const result: Pick<Complaint, 'nextDeadline' | 'deadlineOutcomes'> = {
    nextDeadline: next
      ? { clock: next.clock, due: next.due, state: next.state }
      : { clock: null, due: null, state: null },
  }
  const endedAs = c.endedAs ?? (isEnding(c.status) ? c.status : null)
  if (endedAs && c.endedAt) {
    const o = deadlineOutcomes({
      deadlines,
      endedAs,
      endedAt: c.endedAt,
      acknowledgementSentAt: c.lettersSent?.acknowledgementAt ?? null,
      nonAdmissionNoticeSentAt: c.lettersSent?.nonAdmissionNoticeAt ?? null,
      decisionSentAt: c.lettersSent?.decisionAt ?? null,
    })
    result.deadlineOutcomes = {
      acknowledge: outcome(o.acknowledge),
      nonAdmissionNotice: outcome(o.nonAdmissionNotice),
      decisionTarget: outcome(o.decisionTarget),
      decisionLimit: outcome(o.decisionLimit),
    }
  }
  return result
}

/** Runs last before every save: the list's "next deadline" columns and the recorded outcomes stay true. */
export const refreshDeadlineState: CollectionBeforeChangeHook<Complaint> = ({ context, data, originalDoc }) => {
  const merged = {
    ...originalDoc,
    ...data,
    lettersSent: { ...originalDoc?.lettersSent, ...data.lettersSent },
  } as Merged
  // The deadline job passes the moment it judges by, so a save and a run agree.
  const now = typeof context.now === 'string' ? new Date(context.now) : new Date()
  return { ...data, ...deadlineFields(merged, now) }
}
