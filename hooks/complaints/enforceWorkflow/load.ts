import type { PayloadRequest } from 'payload'

import { hasRole } from '../../../collections/access/roles'
import type { LetterKind } from '../../letters/kinds'
import { CASE_LETTER_TASK } from '../../letters/retryLetter'
import type { Person } from '../workflow/plan/refusal'

/**
 * The reads of the workflow's hook (enforceWorkflow): who saves and by which clock, and what the
 * database holds that the planners need. Each read is trusted (it says why) and reads no more than
 * the planners use.
 */

/** `context.now` lets trusted code (and tests) judge by a clock of their own; a person always gets the real one. */
export const clockOf = (context: Record<string, unknown>, req: PayloadRequest): Date =>
  typeof context.now === 'string' && !req.user ? new Date(context.now) : new Date()

/**
 * The complainant of this case on their own page (Decision 20): trusted server code
 * (hooks/complainant/actions.ts) names the case in `context.complainant`; with a logged-in user it
 * is that user's save, whatever the context says.
 */
export const byComplainant = (context: Record<string, unknown>, req: PayloadRequest, caseId: string): boolean =>
  !req.user && typeof context.complainant === 'string' && context.complainant === caseId

/** Admins hold no case rights (Decision 15): a person is a manager or handler only by those roles. */
export const personOf = (req: PayloadRequest): Person =>
  req.user?.collection === 'users'
    ? { id: String(req.user.id), isManager: hasRole(req.user, 'manager'), isHandler: hasRole(req.user, 'handler') }
    : null

/** Whether the chosen handler holds a role that may handle cases; null when no handler is chosen. */
export async function handlerMayHandle(req: PayloadRequest, id: string | null): Promise<boolean | null> {
  if (!id) return null
  // Trusted read: whether the handler holds a role that may handle cases.
  const candidate = await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
    select: { roles: true },
  })
  return Boolean(candidate && hasRole({ collection: 'users', roles: candidate.roles }, 'handler', 'manager'))
}

/** How many UWV notifications the case's timeline records as queued (Art. 5: UWV hears of every complaint). */
export async function countUwvNotifications(req: PayloadRequest, complaint: string): Promise<number> {
  // Trusted read of the timeline's own bookkeeping (a count; no personal data is read).
  const { totalDocs } = await req.payload.count({
    collection: 'case-events',
    where: { and: [{ complaint: { equals: complaint } }, { type: { equals: 'uwv_notification_queued' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

type HearingPurpose = 'hearing_invitation' | 'hearing_cancellation' | 'hearing_report'
const HEARING_PURPOSES = new Set<string>(['hearing_invitation', 'hearing_cancellation', 'hearing_report'])

/** The kinds of letter the case's dossier holds or a retry job will still issue, and its latest hearing letter. */
export async function letterHistory(
  req: PayloadRequest,
  complaint: string,
): Promise<{ issued: Set<LetterKind>; latestHearing: HearingPurpose | undefined }> {
  // Trusted reads of the dossier's own bookkeeping (no personal data is read).
  const [{ docs }, { docs: jobs }] = await Promise.all([
    req.payload.find({
      collection: 'letters',
      where: { complaint: { equals: complaint } },
      sort: 'createdAt',
      depth: 0,
      pagination: false,
      select: { purpose: true },
      overrideAccess: true,
      req,
    }),
    req.payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: CASE_LETTER_TASK } },
          { 'input.complaintId': { equals: complaint } },
          { completedAt: { exists: false } },
        ],
      },
      depth: 0,
      pagination: false,
      select: { input: true },
      overrideAccess: true,
      req,
    }),
  ])
  const issued = new Set<LetterKind>(docs.map((d) => d.purpose).filter((p): p is LetterKind => p !== 'system'))
  for (const job of jobs) {
    const kind = (job.input as { letter?: { kind?: LetterKind } } | undefined)?.letter?.kind
    if (kind) issued.add(kind)
  }
  const hearingLetters = docs.filter((d) => HEARING_PURPOSES.has(d.purpose))
  return { issued, latestHearing: hearingLetters.at(-1)?.purpose as HearingPurpose | undefined }
}
