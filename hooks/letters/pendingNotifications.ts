import type { PayloadRequest } from 'payload'

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
      // A job that ran out of retries (hasError) no longer counts as pending: a new one is queued.
      where: {
        and: [
          { taskSlug: { equals: INTAKE_LETTERS_TASK } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
        ],
      },
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
