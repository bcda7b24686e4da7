import type { PayloadRequest, Where } from 'payload'

import { INTAKE_LETTERS_TASK, queueIntakeLetters } from './intakeLetters'

const PAGE = 500

/**
 * Art. 5: every complaint is reported to the designated UWV labour expert, on registration —
 * whatever happens later. A complaint registered while no expert was known could not be; once the
 * settings name one, every such complaint gets the job of its letters of registration, which issues
 * only what is still missing (issueIntakeLetters checks the dossier's letters by kind).
 *
 * Exactly once per case: a case whose notification is on its timeline (`uwv_notification_queued`),
 * or whose job is still waiting to run, is left alone — so a second save of the settings sends
 * nothing twice. Trusted bookkeeping reads (ids and kinds only, no personal data).
 */
/**
 * Registration jobs still to run. A job that ran out of retries (hasError) no longer counts as
 * waiting: a new one is queued.
 */
const WAITING_INTAKE_JOBS: Where = {
  and: [
    { taskSlug: { equals: INTAKE_LETTERS_TASK } },
    { completedAt: { exists: false } },
    { hasError: { not_equals: true } },
  ],
}

/**
 * Art. 5: one case's notification, when it has none and no job is waiting for it — after a save
 * that may have made an expert known (the case's own, Decision 11). Trusted bookkeeping reads.
 */
export async function queueUwvNotificationIfMissing(
  req: PayloadRequest,
  complaint: string,
  actor: string | null,
): Promise<void> {
  const { payload } = req
  const { totalDocs } = await payload.count({
    collection: 'case-events',
    where: { and: [{ complaint: { equals: complaint } }, { type: { equals: 'uwv_notification_queued' } }] },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) return
  const { totalDocs: waiting } = await payload.count({
    collection: 'payload-jobs',
    where: { and: [WAITING_INTAKE_JOBS, { 'input.complaintId': { equals: complaint } }] },
    overrideAccess: true,
    req,
  })
  if (waiting === 0) await queueIntakeLetters(payload, complaint, req, actor)
}

export async function queuePendingUwvNotifications(req: PayloadRequest): Promise<string[]> {
  const { payload } = req
  const [{ docs: events }, { docs: jobs }] = await Promise.all([
    payload.find({
      collection: 'case-events',
      where: { type: { equals: 'uwv_notification_queued' } },
      depth: 0,
      pagination: false,
      select: { complaint: true },
      overrideAccess: true,
      req,
    }),
    payload.find({
      collection: 'payload-jobs',
      where: WAITING_INTAKE_JOBS,
      depth: 0,
      pagination: false,
      select: { input: true },
      overrideAccess: true,
      req,
    }),
  ])
  const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? String(v.id) : String(v))
  const settled = new Set(events.map((e) => idOf(e.complaint)))
  for (const job of jobs) {
    const id = (job.input as { complaintId?: unknown } | undefined)?.complaintId
    if (typeof id === 'string') settled.add(id)
  }

  const queued: string[] = []
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'complaints',
      sort: 'receivedAt',
      depth: 0,
      limit: PAGE,
      page,
      select: { status: true },
      overrideAccess: true,
      req,
    })
    for (const { id } of docs) {
      if (settled.has(id)) continue
      // The timeline names whoever completed the settings (nobody for trusted code).
      await queueIntakeLetters(payload, id, req, req.user?.collection === 'users' ? String(req.user.id) : null)
      settled.add(id)
      queued.push(id)
    }
    if (!hasNextPage) break
  }
  if (queued.length > 0)
    payload.logger.info(`Art. 5: the UWV notification of ${queued.length} earlier complaint(s) is queued`)
  return queued
}
