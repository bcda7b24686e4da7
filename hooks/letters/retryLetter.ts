import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'

import { recordEvent } from '../caseEvents/recordEvent'
import { readSettings } from '../settings/cachedSettings'
import { issueLetter, type PreparedLetter } from './issueLetter'

/** A prepared letter as job input: JSON, its extra attachments in base64. */
export type StoredLetter = Omit<PreparedLetter, 'extraAttachments'> & {
  extraAttachments?: { filename: string; contentType: string; contentBase64: string }[]
}

export const toStoredLetter = (letter: PreparedLetter): StoredLetter => ({
  ...letter,
  extraAttachments: letter.extraAttachments?.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    contentBase64: a.content.toString('base64'),
  })),
})

const fromStoredLetter = (letter: StoredLetter): PreparedLetter => ({
  ...letter,
  extraAttachments: letter.extraAttachments?.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.contentBase64, 'base64'),
  })),
})

export const CASE_LETTER_TASK = 'issueCaseLetter'

/** Queues a letter whose issuing failed after its save, to be issued by a job (with retries). */
export async function queueLetterRetry(
  payload: Payload,
  complaintId: string,
  letter: PreparedLetter,
  req: Partial<PayloadRequest>,
  actor: string | null,
): Promise<void> {
  await payload.jobs.queue({
    task: CASE_LETTER_TASK,
    queue: OUTBOX_QUEUE,
    // The key travels in the job's input: every run of this job issues the same one letter.
    input: {
      complaintId,
      letter: toStoredLetter({
        ...letter,
        effectKey: letter.effectKey ?? `case:${complaintId}:${letter.kind}:${randomUUID()}`,
      }),
      actor,
    },
    req: req as PayloadRequest,
  })
}

export async function issueStoredLetter(
  payload: Payload,
  complaintId: string,
  stored: StoredLetter,
  req: Partial<PayloadRequest>,
  actor: string | null,
): Promise<string> {
  // Trusted job code: the letter needs the whole case.
  const complaint = await payload.findByID({
    collection: 'complaints',
    id: complaintId,
    depth: 0,
    joins: false,
    overrideAccess: true,
    req,
  })
  const settings = await readSettings(payload)
  const issued = await issueLetter(complaint, fromStoredLetter(stored), settings, { ...req, payload })
  // Issued by an earlier run of this job (its key): that run wrote the timeline entry.
  if (!issued.created) return issued.letter.id
  // Issued: a failing timeline entry must not make the job issue it again.
  await recordEvent(
    payload,
    {
      complaint: complaintId,
      type: 'letter_issued',
      actor,
      actorKind: actor ? 'staff' : 'system',
      data: {
        purpose: stored.kind,
        channel: issued.messageId ? 'email' : 'post',
        letter: issued.letter.id,
        message: issued.messageId,
        retried: true,
        ...(stored.correction ? { correction: true } : {}),
      },
    },
    req,
  ).catch((error: unknown) =>
    payload.logger.error({
      err: error,
      msg: `Letter ${issued.letter.id} was issued; its timeline entry could not be written`,
    }),
  )
  return issued.letter.id
}
