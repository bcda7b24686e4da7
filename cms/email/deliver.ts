import { createHash } from 'node:crypto'

import { Resend } from 'resend'

export type OutgoingMessage = {
  from: string
  to: string[]
  cc?: string[]
  replyTo?: string
  subject: string
  html: string
  text: string
  attachments?: { filename: string; contentType: string; contentBase64: string }[]
  idempotencyKey: string
}

export type DeliveryResult =
  { ok: true; providerId: string } | { ok: false; permanent: boolean; error: string; statusCode: number | null }

export type DeliveryOptions = { apiKey: string; baseUrl?: string; timeoutMs?: number }

const DEFAULT_TIMEOUT_MS = 20_000
const MAX_ERROR_LENGTH = 300
// What resend 6.x puts in `error.message` when fetch itself threw.
const SDK_FETCH_FAILED = 'Unable to fetch data'

/**
 * Sends one message through the Resend SDK and says whether a failure is worth retrying.
 * Never throws: the outbox stores the result for staff.
 */
export async function deliverMessage(message: OutgoingMessage, options: DeliveryOptions): Promise<DeliveryResult> {
  // With an empty key the SDK silently falls back to RESEND_API_KEY from the environment (or throws).
  if (options.apiKey.trim() === '') {
    return { ok: false, permanent: true, error: 'No Resend API key configured', statusCode: null }
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const signal = AbortSignal.timeout(timeoutMs)

  let result: { data: unknown; error: unknown }
  try {
    // The SDK builds its URL as `${baseUrl}${path}`; a trailing slash would give `//emails`.
    const baseUrl = options.baseUrl?.replace(/\/+$/, '')
    const resend = new Resend(options.apiKey, baseUrl === undefined ? undefined : { baseUrl })
    result = await resend.emails.send(
      {
        from: message.from,
        to: message.to,
        cc: message.cc,
        replyTo: message.replyTo,
        subject: message.subject,
        html: message.html,
        text: message.text,
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.contentBase64,
        })),
      },
      { idempotencyKey: message.idempotencyKey, signal },
    )
  } catch (err) {
    // The SDK turns fetch failures into `{ error }`; what still throws is local (e.g. a key with
    // characters a header cannot hold), so retrying the same input would not help.
    return { ok: false, permanent: true, error: shorten(`Could not call Resend: ${errorText(err)}`), statusCode: null }
  }

  if (result.error === null || result.error === undefined) {
    const id = readString(result.data, 'id')
    if (id !== null && id !== '') return { ok: true, providerId: id }
    // A 2xx without an id (a proxy page, a literal `null` body): unknown whether Resend took it,
    // so retry; the idempotency key makes that safe.
    return { ok: false, permanent: false, error: 'Resend answered without an e-mail id', statusCode: null }
  }
  return classifyError(result.error, signal.aborted, timeoutMs)
}

function classifyError(error: unknown, timedOut: boolean, timeoutMs: number): DeliveryResult {
  const statusCode = readNumber(error, 'statusCode')
  const name = readString(error, 'name')
  const message = readString(error, 'message') ?? JSON.stringify(error)

  if (statusCode === null) {
    // The SDK reports every thrown fetch error (refused, reset, dropped before the answer, timeout
    // abort, unreadable 2xx body) as statusCode null with one fixed message; the cause is lost.
    // A JSON error body without a statusCode (not Resend's shape) also lands here.
    const error = timedOut
      ? `Timed out after ${timeoutMs} ms waiting for Resend`
      : message.startsWith(SDK_FETCH_FAILED)
        ? 'Network error: no answer from Resend'
        : shorten(`Unexpected answer from Resend: ${message}`)
    return { ok: false, permanent: false, error, statusCode: null }
  }
  return {
    ok: false,
    permanent: isPermanent(statusCode, name),
    error: shorten(`HTTP ${statusCode}: ${message}`),
    statusCode,
  }
}

function isPermanent(statusCode: number, name: string | null): boolean {
  if (statusCode === 408 || statusCode === 429) return false
  // Same key while the first request is still running: asking again later returns its answer.
  // The other 409 (same key, different payload) repeats forever and means the message changed.
  if (statusCode === 409) return name !== 'concurrent_idempotent_requests'
  return statusCode >= 400 && statusCode < 500
}

function readString(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null
  const field: unknown = Reflect.get(value, key)
  return typeof field === 'string' ? field : null
}

function readNumber(value: unknown, key: string): number | null {
  if (typeof value !== 'object' || value === null) return null
  const field: unknown = Reflect.get(value, key)
  return typeof field === 'number' && Number.isInteger(field) ? field : null
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > MAX_ERROR_LENGTH ? `${oneLine.slice(0, MAX_ERROR_LENGTH - 1)}…` : oneLine
}

/** Same message id and content give the same key, so a retry after a lost answer is not sent twice. */
export function idempotencyKeyFor(
  messageId: string,
  content: { to: string[]; subject: string; html: string; text: string },
): string {
  // An array, not the object, so the hash does not depend on the caller's property order.
  const digest = createHash('sha256')
    .update(JSON.stringify([content.to, content.subject, content.html, content.text]))
    .digest('hex')
  return `outbox-${messageId}-${digest.slice(0, 16)}`
}
