import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { once } from '../../hooks/effects/once'
import type { Outbox } from '../payload-types'
import { idempotencyKeyFor } from './deliver'
import type { MessagePurpose } from './statuses'

export const OUTBOX_QUEUE = 'outbox'

export type EmailInput = {
  to: string[]
  cc?: string[]
  replyTo?: string
  from?: string
  subject: string
  html: string
  text: string
  attachments?: { filename: string; contentType: string; content: Buffer }[]
  /** What kind of message this is; letters of the regulation record their sending on the case. */
  purpose: MessagePurpose
  /** The case it belongs to, if any: its failures show on the case, its handler may read it. */
  complaint?: string
}

/**
 * Stores a message in the outbox and queues its delivery. Nothing is sent here. SQLite runs
 * without transactions (cms/db.ts), so the two writes are not atomic: a crash between them leaves
 * a queued message without a job, and the next start gives it one (recoverOutbox). `req` is passed
 * on so that the writes join a transaction where the database has one (MongoDB with a replica set).
 */
export async function enqueueEmail(
  payload: Payload,
  input: EmailInput,
  options: { req?: Partial<PayloadRequest>; defaultFrom: string },
): Promise<Outbox> {
  const { data } = outboxMessage(input, options.defaultFrom)
  // Trusted server code: the outbox has no create access for anyone, by design.
  // Depth 0: callers use the message's own fields; populating would read its complaint back.
  const message = await payload.create({ collection: 'outbox', overrideAccess: true, depth: 0, req: options.req, data })
  await queueDelivery(payload, message.id, options.req)
  return message
}

/**
 * As `enqueueEmail`, but at most one message per `idempotencyKey`, ever: for a job that may run
 * twice (PITFALLS). The key is the message's idempotency key, unique in the outbox, so the
 * database lets one of two simultaneous runs store the message and queue its delivery; the other
 * gets the stored message back (`created: false`) and queues nothing. The key is sent to Resend
 * too, so make it deterministic and specific (`report-<report>-<recipient>`).
 */
export async function enqueueEmailOnce(
  payload: Payload,
  input: EmailInput & { idempotencyKey: string },
  options: { req?: Partial<PayloadRequest>; defaultFrom: string },
): Promise<{ message: Outbox; created: boolean }> {
  const { doc, created } = await once(payload, {
    collection: 'outbox',
    field: 'idempotencyKey',
    key: input.idempotencyKey,
    make: () => outboxMessage(input, options.defaultFrom),
    req: options.req,
  })
  if (created) await queueDelivery(payload, doc.id, options.req)
  return { message: doc, created }
}

function outboxMessage(input: EmailInput & { idempotencyKey?: string }, defaultFrom: string) {
  const to = input.to.map((a) => a.trim()).filter(Boolean)
  if (to.length === 0) throw new Error('An e-mail needs at least one recipient')
  // Every message has a plain-text body: for mail readers that show no HTML, and for screen readers.
  const content = {
    to,
    subject: input.subject,
    html: input.html,
    text: input.text.trim() ? input.text : htmlToText(input.html),
  }
  return {
    data: {
      ...content,
      cc: input.cc,
      replyTo: input.replyTo,
      from: input.from ?? defaultFrom,
      purpose: input.purpose,
      complaint: input.complaint ?? null,
      status: 'queued' as const,
      attempts: 0,
      // A fresh token per message, plus its content: stable across every retry of this message.
      idempotencyKey: input.idempotencyKey ?? idempotencyKeyFor(randomUUID(), content),
      attachments: input.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        size: a.content.byteLength,
        contentBase64: a.content.toString('base64'),
      })),
    },
  }
}

export async function queueDelivery(payload: Payload, messageId: string, req?: Partial<PayloadRequest>): Promise<void> {
  await payload.jobs.queue({
    task: 'deliverEmail',
    queue: OUTBOX_QUEUE,
    input: { messageId },
    req: req as PayloadRequest | undefined,
  })
}

/** A readable plain-text version of simple HTML (Payload's own mails come without one). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<a\b[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, '$2 ($1)')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
