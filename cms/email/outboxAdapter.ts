import type { EmailAdapter, SendEmailOptions } from 'payload'

import { enqueueEmail } from './enqueue'

type AddressLike = string | { address: string; name?: string }

function addresses(value: AddressLike | AddressLike[] | undefined): string[] {
  if (!value) return []
  return (Array.isArray(value) ? value : [value]).map((a) =>
    typeof a === 'string' ? a : a.name ? `${a.name} <${a.address}>` : a.address,
  )
}

function asBuffer(content: unknown): Buffer {
  if (Buffer.isBuffer(content)) return content
  if (typeof content === 'string') return Buffer.from(content)
  throw new Error('Only Buffer or string attachments can be stored in the outbox')
}

/**
 * Payload's own e-mail (password reset) goes the same way as ours: into the outbox first, then
 * delivered by the job. Never lost, always visible — but, as a key to an account, its body is
 * readable through no API and is removed once delivered (Decision 20).
 */
export const outboxEmailAdapter =
  (defaultFrom: string): EmailAdapter<void> =>
  ({ payload }) => {
    const match = /^(.*)<(.+)>$/.exec(defaultFrom)
    return {
      name: 'outbox',
      defaultFromName: match?.[1]?.trim() || 'Working Progression',
      defaultFromAddress: match?.[2]?.trim() || defaultFrom,
      sendEmail: async (message: SendEmailOptions) => {
        const input = {
          to: addresses(message.to as AddressLike | AddressLike[] | undefined),
          cc: addresses(message.cc as AddressLike | AddressLike[] | undefined),
          from: addresses(message.from)[0],
          subject: String(message.subject ?? ''),
          html: typeof message.html === 'string' ? message.html : '',
          text: typeof message.text === 'string' ? message.text : '',
          // Payload sends only its authentication mail through the adapter (forgot password; e-mail
          // verification is off): each carries a key to an account. All our own mail is queued
          // with enqueueEmail and its own purpose.
          purpose: 'password_reset' as const,
          attachments: (
            (message.attachments ?? []) as { filename?: string | false; contentType?: string; content?: unknown }[]
          ).map((a) => ({
            filename: String(a.filename ?? 'bijlage'),
            contentType: String(a.contentType ?? 'application/octet-stream'),
            content: asBuffer(a.content),
          })),
        }
        // Payload calls sendEmail inside its own transaction (e.g. forgot password) without
        // handing us its req. On SQLite a second writer waits for that transaction, so the
        // message is stored right after it commits instead of deadlocking inside it.
        void enqueueEmail(payload, input, { defaultFrom }).catch((error: unknown) =>
          payload.logger.error({ err: error, msg: `Could not store e-mail "${input.subject}" in the outbox` }),
        )
      },
    }
  }
