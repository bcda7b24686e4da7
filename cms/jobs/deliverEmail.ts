import type { TaskConfig } from 'payload'

import { deliverMessage } from '../email/deliver'
import { carriesCredential, REDACTED_BODY } from '../email/statuses'
import type { Env } from '../env'

export type DeliverEmailTask = { input: { messageId: string }; output: { status: string } }

/**
 * Delivers one outbox message through Resend. A temporary failure (5xx, 429, network) throws,
 * so the jobs queue tries again with exponential backoff; the idempotency key stored with the
 * message makes every retry safe. A permanent failure (other 4xx) or the last attempt marks
 * the message failed, visible in the outbox and on its case.
 */
export function deliverEmailTask(env: Env): TaskConfig<DeliverEmailTask> {
  return {
    slug: 'deliverEmail',
    label: 'E-mail versturen',
    inputSchema: [{ name: 'messageId', type: 'text', required: true }],
    outputSchema: [{ name: 'status', type: 'text', required: true }],
    // More retries than our own limit, so the message, not the job, decides when to give up.
    retries: { attempts: env.OUTBOX_MAX_ATTEMPTS, backoff: { type: 'exponential', delay: env.OUTBOX_RETRY_DELAY_MS } },
    handler: async ({ input, req }) => {
      const { payload } = req
      // Trusted job code: the outbox has no update access for any user.
      const message = await payload.findByID({
        collection: 'outbox',
        id: input.messageId,
        req,
        overrideAccess: true,
        depth: 0,
      })
      if (message.status === 'sent' || message.status === 'failed') return { output: { status: message.status } }

      if (!env.RESEND_API_KEY) {
        await payload.update({
          collection: 'outbox',
          id: message.id,
          req,
          overrideAccess: true,
          data: {
            status: 'held',
            lastError: 'Niet verstuurd: er is geen e-maildienst ingesteld (RESEND_API_KEY ontbreekt).',
          },
        })
        return { output: { status: 'held' } }
      }

      const attempts = (message.attempts ?? 0) + 1
      const result = await deliverMessage(
        {
          from: message.from,
          to: message.to ?? [],
          cc: message.cc?.length ? message.cc : undefined,
          replyTo: message.replyTo ?? undefined,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            contentBase64: a.contentBase64,
          })),
          idempotencyKey: message.idempotencyKey,
        },
        { apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL },
      )

      if (result.ok) {
        // A delivered key to an account is not kept (Decision 20): the mailbox has it, the outbox
        // keeps only that it was sent. The idempotency key is a hash prefix and gives nothing back.
        const redacted = carriesCredential(message.purpose) ? { ...REDACTED_BODY, attachments: [] } : {}
        await payload.update({
          collection: 'outbox',
          id: message.id,
          req,
          overrideAccess: true,
          data: {
            status: 'sent',
            attempts,
            providerId: result.providerId,
            sentAt: new Date().toISOString(),
            lastError: null,
            failureKind: null,
            ...redacted,
          },
        })
        return { output: { status: 'sent' } }
      }

      const givingUp = result.permanent || attempts >= env.OUTBOX_MAX_ATTEMPTS
      const lastError = result.permanent
        ? result.error
        : givingUp
          ? `Opgegeven na ${attempts} pogingen: ${result.error}`
          : result.error
      await payload.update({
        collection: 'outbox',
        id: message.id,
        req,
        overrideAccess: true,
        depth: 0,
        // Whether it certainly did not arrive decides how a manager may send it again (resendMessage):
        // a 4xx refused it, except a 409 (the key was used before, so something may have gone out).
        data: {
          status: givingUp ? 'failed' : 'queued',
          attempts,
          lastError,
          failureKind: givingUp ? (result.permanent && result.statusCode !== 409 ? 'refused' : 'gave_up') : null,
        },
      })
      if (givingUp) return { output: { status: 'failed' } }
      throw new Error(`Delivery of outbox message ${message.id} failed, will retry: ${result.error}`)
    },
  }
}
