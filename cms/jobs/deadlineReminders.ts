import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import type { Complaint } from '../payload-types'
import { recordEvent } from '../../hooks/caseEvents/recordEvent'
import { OPEN_CASES } from '../../hooks/complaints/queries'
import { formatDutchDate } from '../../hooks/dates/amsterdam'
import { escapeHtml } from '../../hooks/html'
import { deadlineFields } from '../../hooks/complaints/refreshDeadlineState'
import { CLOCK_LABELS } from '../../hooks/complaints/workflow/clocks'
import { delayNoticeNeeded, nextDeadline } from '../../hooks/complaints/workflow/deadlineState'
import { relId } from '../../hooks/relations'
import { enqueueEmailOnce } from '../email/enqueue'
import { senderOf } from '../email/sender'
import type { Env } from '../env'

export const DEADLINES_QUEUE = 'deadlines'

/**
 * Every quarter of an hour (the CMS is the one runner): brings each open case's next deadline
 * up to date for the list, e-mails the handler once when a date is due soon (2 days before the
 * acknowledgement, 7 before the others), and the managers once when it has passed. "Once" is
 * read from the case timeline, which records every reminder and escalation (DOMAIN.md).
 */
export async function remindOfDeadlines(
  payload: Payload,
  env: Env,
  now: Date,
  req?: Partial<PayloadRequest>,
): Promise<{ reminded: number; escalated: number }> {
  // Trusted job code: reads every open case and every manager.
  const open = await payload.find({
    collection: 'complaints',
    where: OPEN_CASES,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  let reminded = 0
  let escalated = 0
  let managers: string[] | undefined
  let from: string | undefined
  // Trusted: the sender is an admin setting; read once per run, and only when a mail goes out.
  const sender = async () =>
    (from ??= senderOf(await payload.findGlobal({ slug: 'settings', overrideAccess: true, req, depth: 0 })))
  const managerAddresses = async () =>
    (managers ??= (
      await payload.find({
        collection: 'users',
        where: { roles: { contains: 'manager' } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).docs.map((u) => u.email))

  for (const complaint of open.docs) {
    const fields = deadlineFields(complaint, now)
    if (
      fields.nextDeadline?.state !== complaint.nextDeadline?.state ||
      fields.nextDeadline?.due !== complaint.nextDeadline?.due
    ) {
      await payload.update({
        collection: 'complaints',
        id: complaint.id,
        data: fields,
        overrideAccess: true,
        context: { systemOperation: 'refreshDeadlines', now: now.toISOString() },
        req,
      })
    }
    const d = complaint.deadlines
    if (!d?.acknowledgeBy || !d.nonAdmissionNoticeBy || !d.decisionTargetBy || !d.decisionLimitBy) continue
    const deadlines = {
      acknowledgeBy: d.acknowledgeBy,
      nonAdmissionNoticeBy: d.nonAdmissionNoticeBy,
      decisionTargetBy: d.decisionTargetBy,
      decisionLimitBy: d.decisionLimitBy,
    }
    const next = nextDeadline(
      { status: complaint.status, deadlines, acknowledgementSentAt: complaint.lettersSent?.acknowledgementAt ?? null },
      now,
    )
    if (!next || next.state === 'on_time') continue

    const type = next.state === 'due_soon' ? 'deadline_reminder_sent' : 'deadline_escalated'
    const { totalDocs } = await payload.count({
      collection: 'case-events',
      where: {
        and: [
          { complaint: { equals: complaint.id } },
          { type: { equals: type } },
          { 'data.clock': { equals: next.clock } },
          { 'data.due': { equals: next.due } },
        ],
      },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) continue

    const handlerId = relId(complaint.assignedHandler)
    const handler = handlerId
      ? await payload.findByID({
          collection: 'users',
          id: handlerId,
          depth: 0,
          overrideAccess: true,
          req,
          disableErrors: true,
        })
      : null
    // Due soon → the handler (or the managers, while nobody has the case); passed → the managers.
    const to = next.state === 'due_soon' && handler ? [handler.email] : await managerAddresses()
    if (to.length === 0) continue
    const delay = delayNoticeNeeded(
      { status: complaint.status, deadlines, delayNoticeSentAt: complaint.lettersSent?.delayNoticeAt ?? null },
      now,
    )
    const message = reminderMessage(complaint, next.clock, next.due, next.state, env, delay)
    // One reminder per case, clock, kind and date, also when this job runs twice at once.
    const { created } = await enqueueEmailOnce(
      payload,
      {
        to,
        ...message,
        purpose: 'system',
        complaint: complaint.id,
        idempotencyKey: `deadline-${type}-${complaint.id}-${next.clock}-${next.due}`,
      },
      { req, defaultFrom: await sender() },
    )
    if (!created) continue
    await recordEvent(
      payload,
      { complaint: complaint.id, type, actorKind: 'system', data: { clock: next.clock, due: next.due } },
      req,
    )
    if (type === 'deadline_reminder_sent') reminded += 1
    else escalated += 1
  }
  return { reminded, escalated }
}

function reminderMessage(
  c: Complaint,
  clock: keyof typeof CLOCK_LABELS,
  due: string,
  state: 'due_soon' | 'overdue',
  env: Env,
  delayNeeded: boolean,
) {
  const what = CLOCK_LABELS[clock].nl
  const link = `${env.CMS_URL}/admin/collections/complaints/${c.id}`
  const subject = state === 'due_soon' ? `Termijn bijna verlopen: ${c.reference}` : `Termijn verstreken: ${c.reference}`
  const lines = [
    state === 'due_soon'
      ? `De termijn "${what}" van klacht ${c.reference} verloopt op ${formatDutchDate(due)}.`
      : `De termijn "${what}" van klacht ${c.reference} is verstreken op ${formatDutchDate(due)}.`,
    delayNeeded
      ? 'Haalt u de gestelde termijn niet? Stuur dan vóór die datum een verdagingsbericht met de reden (art. 7, toelichting).'
      : '',
    `Open de klacht: ${link}`,
  ].filter(Boolean)
  return {
    subject,
    text: lines.join('\n\n'),
    html: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
  }
}

export function deadlineRemindersTask(
  env: Env,
): TaskConfig<{ input: Record<string, never>; output: { reminded: number; escalated: number } }> {
  return {
    slug: 'deadlineReminders',
    label: 'Termijnen bewaken',
    outputSchema: [
      { name: 'reminded', type: 'number', required: true },
      { name: 'escalated', type: 'number', required: true },
    ],
    schedule: [{ cron: '0 */15 * * * *', queue: DEADLINES_QUEUE }],
    handler: async ({ req }) => ({ output: await remindOfDeadlines(req.payload, env, new Date(), req) }),
  }
}
