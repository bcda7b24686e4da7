import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { enqueueEmail, OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser } from '../helpers/staff'

const API_KEY = 're_test_key_0123456789'
let fake: FakeResend
let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({
    RESEND_API_KEY: API_KEY,
    RESEND_BASE_URL: fake.url,
    OUTBOX_MAX_ATTEMPTS: '4',
    // Retries come at once in tests; the schedule itself is Payload's exponential backoff.
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

beforeEach(() => {
  fake.reset()
})

const from = 'Working Progression <klachten@workingprogression.nl>'
const pdf = Buffer.from('%PDF-1.7\n% a tiny letter\n', 'latin1')

async function queue(subject: string, to = ['klager@example.nl']) {
  return enqueueEmail(
    payload,
    {
      to,
      subject,
      html: `<p>${subject}</p>`,
      text: subject,
      purpose: 'system',
      attachments: [{ filename: 'brief.pdf', contentType: 'application/pdf', content: pdf }],
    },
    { defaultFrom: from },
  )
}

/** Runs the outbox queue as the CMS's runner does, until no job is left that may run now. */
async function drain() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    const result = await payload.jobs.run({ queue: OUTBOX_QUEUE })
    if (result.noJobsRemaining) return
  }
}

const reload = (id: string) => payload.findByID({ collection: 'outbox', id, overrideAccess: true })

describe('the outbox delivers through Resend (real SDK, fake server)', () => {
  it('stores first, then delivers once with recipient, subject, both bodies and the attachment', async () => {
    const message = await queue('Ontvangstbevestiging WP-2026-0001')
    expect(message.status).toBe('queued')
    expect(fake.deliveries).toHaveLength(0)

    await drain()
    expect(fake.deliveries).toHaveLength(1)
    const delivered = fake.deliveries[0]
    expect(delivered?.to).toEqual(['klager@example.nl'])
    expect(delivered?.from).toBe(from)
    expect(delivered?.subject).toBe('Ontvangstbevestiging WP-2026-0001')
    expect(delivered?.html).toBe('<p>Ontvangstbevestiging WP-2026-0001</p>')
    expect(delivered?.text).toBe('Ontvangstbevestiging WP-2026-0001')
    expect(delivered?.attachments.map((a) => [a.filename, a.content.equals(pdf)])).toEqual([['brief.pdf', true]])
    expect(delivered?.authorization).toBe(`Bearer ${API_KEY}`)
    expect(delivered?.idempotencyKey).toBe(message.idempotencyKey)

    const stored = await reload(message.id)
    expect(stored.status).toBe('sent')
    expect(stored.providerId).toBe(delivered?.id)
    expect(stored.attempts).toBe(1)
    expect(new Date(stored.sentAt ?? 0).getTime()).toBeGreaterThan(Date.now() - 60_000)
  })

  it('retries a 500 with backoff and delivers exactly once', async () => {
    fake.failNext(2, 500)
    const message = await queue('Na twee keer 500')
    await drain()
    expect(fake.deliveries).toHaveLength(1)
    const stored = await reload(message.id)
    expect([stored.status, stored.attempts]).toEqual(['sent', 3])
  })

  it('a server that accepts, then drops the connection, still yields exactly one delivery', async () => {
    fake.dropNextAfterAccept()
    const message = await queue('Antwoord kwijtgeraakt')
    await drain()
    expect(fake.deliveries).toHaveLength(1)
    const stored = await reload(message.id)
    expect(stored.status).toBe('sent')
    expect(stored.attempts).toBe(2)
    expect(stored.providerId).toBe(fake.deliveries[0]?.id)
  })

  it('marks a 4xx failed at once, with its error, without retrying', async () => {
    fake.rejectNext(422, 'Invalid `to` field.')
    const requestsBefore = fake.requests
    const message = await queue('Ongeldig adres', ['geen-adres'])
    await drain()
    const stored = await reload(message.id)
    expect(stored.status).toBe('failed')
    expect(stored.attempts).toBe(1)
    expect(stored.lastError).toContain('422')
    expect(stored.lastError).toContain('Invalid `to` field.')
    expect(fake.requests - requestsBefore).toBe(1)
    expect(fake.deliveries).toHaveLength(0)
  })

  it('gives up after the last attempt and says so', async () => {
    fake.failNext(4, 503)
    const message = await queue('Blijft mislukken')
    await drain()
    const stored = await reload(message.id)
    expect(stored.status).toBe('failed')
    expect(stored.attempts).toBe(4)
    expect(stored.lastError).toMatch(/^Opgegeven na 4 pogingen: .*503/)
    expect(fake.deliveries).toHaveLength(0)
  })

  it('sends Payload’s own e-mail (e.g. a password reset) through the outbox too', async () => {
    await createStaffUser(payload, 'vergeten@example.nl', 'Vergeetachtig', ['editor'])
    await payload.forgotPassword({ collection: 'users', data: { email: 'vergeten@example.nl' } })
    // Stored right after Payload's own transaction commits.
    const stored = await vi.waitFor(async () => {
      const found = await payload.find({
        collection: 'outbox',
        where: { to: { contains: 'vergeten@example.nl' } },
        overrideAccess: true,
      })
      if (found.docs.length === 0) throw new Error('not stored yet')
      return found
    })
    expect(stored.docs).toHaveLength(1)
    expect(stored.docs[0]?.purpose).toBe('password_reset')
    // Its delivery job is queued right after the message itself.
    await vi.waitFor(async () => {
      await drain()
      if (fake.deliveries.length === 0) throw new Error('not delivered yet')
    })
    expect(fake.deliveries.map((d) => d.to)).toEqual([['vergeten@example.nl']])
  })
})

describe('who may read the outbox', () => {
  it.each([
    [['admin'], true],
    [['manager'], true],
    [['handler'], 'own cases only'],
    [['editor'], false],
  ] as const)('%o reads every message: %s', async (roles, allowed) => {
    const user = await createStaffUser(
      payload,
      `${roles.join('-')}-${Math.random().toString(36).slice(2)}@example.nl`,
      'x',
      [...roles],
    )
    const read = payload.find({ collection: 'outbox', overrideAccess: false, user })
    const all = (await payload.count({ collection: 'outbox', overrideAccess: true })).totalDocs
    expect(all).toBeGreaterThan(0)
    if (allowed === true) expect((await read).totalDocs).toBe(all)
    // No case is assigned to this handler, so none of these messages is theirs.
    else if (allowed === 'own cases only') expect((await read).totalDocs).toBe(0)
    else await expect(read).rejects.toThrow()
  })

  it('nobody creates, edits or deletes a message through the API', async () => {
    const admin = (await payload.find({ collection: 'users', where: { roles: { contains: 'admin' } }, limit: 1 }))
      .docs[0]
    const anyMessage = (await payload.find({ collection: 'outbox', limit: 1, overrideAccess: true })).docs[0]
    if (!admin || !anyMessage) throw new Error('fixtures missing')
    const user = { ...admin, collection: 'users' as const }
    await expect(
      payload.update({ collection: 'outbox', id: anyMessage.id, data: { subject: 'x' }, overrideAccess: false, user }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'outbox', id: anyMessage.id, overrideAccess: false, user }),
    ).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'outbox',
        data: { ...anyMessage, id: undefined, subject: 'Nagemaakt' },
        overrideAccess: false,
        user,
      }),
    ).rejects.toThrow()
    expect((await reload(anyMessage.id)).subject).toBe(anyMessage.subject)
    expect(
      (await payload.count({ collection: 'outbox', where: { subject: { equals: 'Nagemaakt' } }, overrideAccess: true }))
        .totalDocs,
    ).toBe(0)
  })
})
