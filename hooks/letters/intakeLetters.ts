import type { Payload, PayloadRequest } from 'payload'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'

import { recordEvent } from '../caseEvents/recordEvent'
import { refoldingOnce } from '../reports/facts/projectCase'
import { readSettings } from '../settings/cachedSettings'
import { issueLetter } from './issueLetter'
import type { LetterKind } from './kinds'
import { expertOf } from './placeholders'
import { prepareLetter } from './prepareLetter'

export const INTAKE_LETTERS_TASK = 'issueIntakeLetters'

/**
 * Queues the letters of registration as one job, so that registering a complaint writes only the
 * complaint, its first timeline entry and this job, and answers at once. The job is in
 * the database with the complaint: a crash after the answer loses no letter.
 */
export async function queueIntakeLetters(
  payload: Payload,
  complaintId: string,
  req?: Partial<PayloadRequest>,
  actor?: string | null,
): Promise<void> {
  await payload.jobs.queue({
    task: INTAKE_LETTERS_TASK,
    queue: OUTBOX_QUEUE,
    input: { complaintId, actor: actor ?? null },
    req: req as PayloadRequest | undefined,
  })
}

/**
 * The letters of registration: to the complainant the receipt (web form) or the written version
 * of a complaint received orally, to correct (staff intake, Art. 3 and Decision 8) — by e-mail, or
 * as a PDF for post without an address (Decision 12); and the notification of the designated UWV
 * labour expert (Art. 5, 9; Decision 11). Idempotent: a retried job issues only what is missing.
 * Art. 9: the case's report facts are folded once, after the entries of all its letters.
 */
export async function issueIntakeLetters(
  payload: Payload,
  complaintId: string,
  req: Partial<PayloadRequest>,
  actor: string | null = null,
): Promise<LetterKind[]> {
  return refoldingOnce(payload, req, () => issueMissingIntakeLetters(payload, complaintId, req, actor))
}

async function issueMissingIntakeLetters(
  payload: Payload,
  complaintId: string,
  req: Partial<PayloadRequest>,
  actor: string | null,
): Promise<LetterKind[]> {
  // Trusted job code: the letters need the whole case.
  const complaint = await payload.findByID({
    collection: 'complaints',
    id: complaintId,
    depth: 0,
    joins: false,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  // An intake that was undone leaves nothing to write to.
  if (!complaint) return []
  const settings = await readSettings(payload)
  const { docs } = await payload.find({
    collection: 'letters',
    where: { complaint: { equals: complaintId } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { purpose: true },
  })
  const done = new Set(docs.map((d) => d.purpose))
  const actorKind = actor ? 'staff' : complaint.channel === 'web' ? 'public' : 'system'

  const kinds: { kind: LetterKind; event: 'receipt_queued' | 'written_version_queued' | 'uwv_notification_queued' }[] =
    []
  const web = complaint.channel === 'web'
  kinds.push(
    web ? { kind: 'receipt', event: 'receipt_queued' } : { kind: 'written_version', event: 'written_version_queued' },
  )
  if (expertOf(complaint, settings)?.email) kinds.push({ kind: 'uwv_notification', event: 'uwv_notification_queued' })
  else
    payload.logger.warn(
      `Complaint ${complaint.reference}: no UWV labour expert known; the Art. 5 notification follows once one is set`,
    )

  const issuedNow: LetterKind[] = []
  for (const { kind, event } of kinds) {
    if (done.has(kind)) continue
    const prepared = await prepareLetter(
      kind,
      complaint,
      settings,
      req as Partial<PayloadRequest> & { payload: Payload },
    )
    if (!prepared.ok)
      throw new Error(`Letter ${kind} of ${complaint.reference}: ${prepared.errors.map((e) => e.message).join(' ')}`)
    // One registration letter of each kind per case, also when this job runs twice at once.
    const issued = await issueLetter(
      complaint,
      { ...prepared.letter, effectKey: `intake:${complaint.id}:${kind}` },
      settings,
      { ...req, payload },
    )
    if (!issued.created) continue
    await recordEvent(
      payload,
      {
        complaint: complaint.id,
        type: event,
        actor,
        actorKind,
        data: { letter: issued.letter.id, message: issued.messageId, channel: issued.messageId ? 'email' : 'post' },
      },
      req,
    )
    issuedNow.push(kind)
  }
  return issuedNow
}
