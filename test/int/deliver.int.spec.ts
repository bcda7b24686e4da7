import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { deliverMessage, idempotencyKeyFor, type OutgoingMessage } from '../../cms/email/deliver'
import { startFakeResend, type FakeResend } from '../helpers/fakeResend'

const API_KEY = 're_test_0123456789'
// A few bytes that are not valid UTF-8, so a text round trip would corrupt them.
const PDF_BYTES = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0xfe, 0x00, 0x80, 0x0a])

let fake: FakeResend

beforeEach(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
})

afterEach(async () => {
  vi.unstubAllEnvs()
  await fake.close()
})

function message(id: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const content = {
    to: ['indiener@example.nl'],
    subject: `Ontvangstbevestiging klacht ${id}`,
    html: '<p>Wij hebben uw klacht ontvangen.</p>',
    text: 'Wij hebben uw klacht ontvangen.',
  }
  return {
    from: 'Klachtenportaal <klachten@example.nl>',
    ...content,
    cc: ['behandelaar@example.nl'],
    replyTo: 'klachten@example.nl',
    attachments: [
      {
        filename: 'ontvangstbevestiging.pdf',
        contentType: 'application/pdf',
        contentBase64: PDF_BYTES.toString('base64'),
      },
    ],
    idempotencyKey: idempotencyKeyFor(id, content),
    ...overrides,
  }
}

function options(extra: { apiKey?: string; timeoutMs?: number } = {}) {
  return { apiKey: API_KEY, baseUrl: fake.url, ...extra }
}

describe('deliverMessage through the Resend SDK', () => {
  it('delivers one message with its recipients, subject, both bodies and the attachment bytes', async () => {
    const msg = message('m1')
    const result = await deliverMessage(msg, options())

    expect(fake.deliveries).toHaveLength(1)
    const [delivery] = fake.deliveries
    if (delivery === undefined) throw new Error('no delivery recorded')
    expect(result).toEqual({ ok: true, providerId: delivery.id })
    expect(delivery.from).toBe('Klachtenportaal <klachten@example.nl>')
    expect(delivery.to).toEqual(['indiener@example.nl'])
    expect(delivery.cc).toEqual(['behandelaar@example.nl'])
    expect(delivery.replyTo).toEqual(['klachten@example.nl'])
    expect(delivery.subject).toBe('Ontvangstbevestiging klacht m1')
    expect(delivery.html).toBe('<p>Wij hebben uw klacht ontvangen.</p>')
    expect(delivery.text).toBe('Wij hebben uw klacht ontvangen.')
    expect(delivery.attachments).toHaveLength(1)
    expect(delivery.attachments[0]?.filename).toBe('ontvangstbevestiging.pdf')
    expect(delivery.attachments[0]?.contentType).toBe('application/pdf')
    expect(delivery.attachments[0]?.content.equals(PDF_BYTES)).toBe(true)
  })

  it('sends the key in the Idempotency-Key header and the API key as a bearer token', async () => {
    const msg = message('m2')
    await deliverMessage(msg, options())
    expect(fake.deliveries[0]?.idempotencyKey).toBe(msg.idempotencyKey)
    expect(fake.deliveries[0]?.authorization).toBe(`Bearer ${API_KEY}`)
  })

  it('accepts a base URL with a trailing slash', async () => {
    const result = await deliverMessage(message('m3'), { apiKey: API_KEY, baseUrl: `${fake.url}/` })
    expect(result.ok).toBe(true)
    expect(fake.deliveries).toHaveLength(1)
  })

  it('after two 500s, a retry with the same key delivers exactly once; a later repeat returns the same id', async () => {
    fake.failNext(2, 500)
    const msg = message('m4')

    const first = await deliverMessage(msg, options())
    expect(first).toEqual({
      ok: false,
      permanent: false,
      statusCode: 500,
      error: 'HTTP 500: Scripted failure (HTTP 500).',
    })
    const second = await deliverMessage(msg, options())
    expect(second).toMatchObject({ ok: false, permanent: false, statusCode: 500 })
    const third = await deliverMessage(msg, options())
    const fourth = await deliverMessage(msg, options())

    expect(fake.requests).toBe(4)
    expect(fake.deliveries).toHaveLength(1)
    expect(third).toEqual({ ok: true, providerId: fake.deliveries[0]?.id })
    expect(fourth).toEqual(third)
  })

  it('lost answer: the connection drops after Resend accepted; the retry with the same key gets the same id, one delivery', async () => {
    fake.dropNextAfterAccept()
    const msg = message('m5')

    const first = await deliverMessage(msg, options())
    expect(first).toEqual({
      ok: false,
      permanent: false,
      statusCode: null,
      error: 'Network error: no answer from Resend',
    })
    expect(fake.deliveries).toHaveLength(1)

    const retry = await deliverMessage(msg, options())
    expect(retry).toEqual({ ok: true, providerId: fake.deliveries[0]?.id })
    expect(fake.deliveries).toHaveLength(1)
    expect(fake.requests).toBe(2)
  })

  it('timeout: gives up after timeoutMs; while Resend still works on it a retry is refused as concurrent (retryable), later it returns the same id', async () => {
    fake.delayNextAnswer(400)
    const msg = message('m6')

    const first = await deliverMessage(msg, options({ timeoutMs: 100 }))
    expect(first).toEqual({
      ok: false,
      permanent: false,
      statusCode: null,
      error: 'Timed out after 100 ms waiting for Resend',
    })

    const during = await deliverMessage(msg, options())
    expect(during).toMatchObject({ ok: false, permanent: false, statusCode: 409 })
    if (during.ok) throw new Error('expected a refusal')
    expect(during.error).toMatch(/^HTTP 409: Same idempotency key used while original request is still in progress/)

    await new Promise((resolve) => setTimeout(resolve, 500))
    const later = await deliverMessage(msg, options())
    expect(later).toEqual({ ok: true, providerId: fake.deliveries[0]?.id })
    expect(fake.deliveries).toHaveLength(1)
  })

  it('the same key with a different payload is a permanent 409: the message changed under its key', async () => {
    const msg = message('m7')
    expect((await deliverMessage(msg, options())).ok).toBe(true)

    const changed = await deliverMessage({ ...msg, attachments: [] }, options())
    expect(changed).toEqual({
      ok: false,
      permanent: true,
      statusCode: 409,
      error:
        'HTTP 409: Same idempotency key used with a different request payload. Change your idempotency key or payload.',
    })
    expect(fake.deliveries).toHaveLength(1)
  })

  it("a 422 is permanent and keeps Resend's message for staff", async () => {
    fake.rejectNext(422, 'Invalid `to` field. The email address needs to follow the `email@example.com` format.')
    const result = await deliverMessage(message('m8'), options())
    expect(result).toEqual({
      ok: false,
      permanent: true,
      statusCode: 422,
      error: 'HTTP 422: Invalid `to` field. The email address needs to follow the `email@example.com` format.',
    })
    expect(fake.deliveries).toHaveLength(0)
  })

  it.each([
    { status: 400, permanent: true },
    { status: 401, permanent: true },
    { status: 403, permanent: true },
    { status: 404, permanent: true },
    { status: 408, permanent: false },
    { status: 422, permanent: true },
    { status: 429, permanent: false },
    { status: 500, permanent: false },
    { status: 503, permanent: false },
  ])('HTTP $status is permanent: $permanent', async ({ status, permanent }) => {
    fake.rejectNext(status, `scripted ${status}`)
    const result = await deliverMessage(message(`s${status}`), options())
    expect(result).toEqual({ ok: false, permanent, statusCode: status, error: `HTTP ${status}: scripted ${status}` })
  })

  it('a wrong API key is refused by Resend (403 invalid_api_key) and is permanent', async () => {
    const result = await deliverMessage(message('m9'), options({ apiKey: 're_wrong' }))
    expect(result).toEqual({ ok: false, permanent: true, statusCode: 403, error: 'HTTP 403: API key is invalid.' })
    expect(fake.deliveries).toHaveLength(0)
  })

  it("a request without an API key gets Resend's 401 missing_api_key", async () => {
    const response = await fetch(`${fake.url}/emails`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ statusCode: 401, name: 'missing_api_key' })
  })

  it('an empty API key is permanent and never falls back to RESEND_API_KEY from the environment', async () => {
    vi.stubEnv('RESEND_API_KEY', API_KEY)
    const result = await deliverMessage(message('m10'), options({ apiKey: '' }))
    expect(result).toEqual({ ok: false, permanent: true, statusCode: null, error: 'No Resend API key configured' })
    expect(fake.requests).toBe(0)
  })

  it('a 502 with an HTML body (a proxy, not Resend) keeps its status and is retryable', async () => {
    fake.failNext(1, 502, '<html><body>Bad Gateway</body></html>')
    const result = await deliverMessage(message('m11'), options())
    expect(result).toMatchObject({ ok: false, permanent: false, statusCode: 502 })
    if (result.ok) throw new Error('expected a failure')
    expect(result.error).toMatch(/^HTTP 502: /)
  })

  it("a JSON error without Resend's shape hides the status from the SDK, so it is retried and shown as is", async () => {
    fake.failNext(1, 400, '{"error":"nope"}')
    const result = await deliverMessage(message('m13'), options())
    expect(result).toEqual({
      ok: false,
      permanent: false,
      statusCode: null,
      error: 'Unexpected answer from Resend: {"error":"nope"}',
    })
  })

  it('an API key that cannot be sent in a header is permanent, without a request', async () => {
    const result = await deliverMessage(message('m14'), options({ apiKey: 're_abc\ndef' }))
    expect(result).toMatchObject({ ok: false, permanent: true, statusCode: null })
    if (result.ok) throw new Error('expected a failure')
    expect(result.error).toMatch(/^Could not call Resend: /)
    expect(fake.requests).toBe(0)
  })

  it('nothing listening is a retryable network error', async () => {
    const gone = await startFakeResend()
    await gone.close()
    const result = await deliverMessage(message('m12'), { apiKey: API_KEY, baseUrl: gone.url })
    expect(result).toEqual({
      ok: false,
      permanent: false,
      statusCode: null,
      error: 'Network error: no answer from Resend',
    })
  })
})

describe('idempotencyKeyFor', () => {
  const content = { to: ['a@example.nl'], subject: 'Onderwerp', html: '<p>Tekst</p>', text: 'Tekst' }

  it('is the same for the same message id and content, across calls', () => {
    const key = idempotencyKeyFor('42', content)
    expect(key).toMatch(/^outbox-42-[0-9a-f]{16}$/)
    expect(idempotencyKeyFor('42', { ...content, to: [...content.to] })).toBe(key)
  })

  it.each([
    { change: 'recipient', other: { ...content, to: ['b@example.nl'] } },
    { change: 'subject', other: { ...content, subject: 'Ander onderwerp' } },
    { change: 'html', other: { ...content, html: '<p>Andere tekst</p>' } },
    { change: 'text', other: { ...content, text: 'Andere tekst' } },
  ])('changes when the $change changes', ({ other }) => {
    expect(idempotencyKeyFor('42', other)).not.toBe(idempotencyKeyFor('42', content))
  })

  it('changes with the message id', () => {
    expect(idempotencyKeyFor('43', content)).not.toBe(idempotencyKeyFor('42', content))
  })
})
