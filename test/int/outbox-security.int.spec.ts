import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { enqueueEmail, OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { REDACTED_BODY } from '../../cms/email/statuses'
import type { Complaint, Outbox, User } from '../../cms/payload-types'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

const API_KEY = 're_test_key_0123456789'
const FROM = 'Working Progression <klachten@workingprogression.nl>'
let fake: FakeResend
let ctx: TestPayload
let payload: Payload

type Actor = 'admin' | 'manager' | 'handlerA' | 'handlerB' | 'editor' | 'adminHandler'
const ROLES: Record<Actor, User['roles']> = {
  admin: ['admin'],
  manager: ['manager'],
  handlerA: ['handler'],
  handlerB: ['handler'],
  editor: ['editor'],
  adminHandler: ['admin', 'handler'],
}
const users = {} as Record<Actor, StaffUser>
const jwt = {} as Record<Actor, string>
let complaint: Complaint

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({
    RESEND_API_KEY: API_KEY,
    RESEND_BASE_URL: fake.url,
    OUTBOX_MAX_ATTEMPTS: '2',
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
  for (const [actor, roles] of Object.entries(ROLES) as [Actor, User['roles']][]) {
    const { user, token } = await createStaffUserWithToken(payload, `${actor.toLowerCase()}@example.nl`, actor, roles)
    users[actor] = user
    jwt[actor] = token
  }
  complaint = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: users.manager,
    data: recordedComplaint({
      complainant: { role: 'client', name: 'Klara Klager', email: 'klara@example.nl' },
      conduct: { when: 'unknown' },
      involved: { kind: 'unknown' },
      complaintText: 'Aan de telefoon verteld: de coach kwam niet opdagen.',
      assignedHandler: users.handlerA.id,
    }),
  })
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

beforeEach(() => fake.reset())

/** Runs the outbox queue as the CMS's runner does, until no job is left that may run now. */
async function drain() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    const result = await payload.jobs.run({ queue: OUTBOX_QUEUE })
    if (result.noJobsRemaining) return
  }
}

const queue = (subject: string, options: { complaint?: string } = {}) =>
  enqueueEmail(
    payload,
    {
      to: ['klara@example.nl'],
      cc: ['kopie@example.nl'],
      replyTo: 'behandelaar@workingprogression.nl',
      subject,
      html: `<p>Beste Klara Klager, ${subject}</p>`,
      text: `Beste Klara Klager, ${subject}`,
      purpose: 'acknowledgement',
      complaint: options.complaint,
      attachments: [
        { filename: 'brief.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7\n', 'latin1') },
      ],
    },
    { defaultFrom: FROM },
  )

const rest = (actor: Actor | null, path: string, init: RequestInit = {}) =>
  ctx.rest(path, {
    ...init,
    headers: { ...(init.headers ?? {}), ...(actor ? { authorization: `JWT ${jwt[actor]}` } : {}) },
  })
const reload = (id: string) => payload.findByID({ collection: 'outbox', id, overrideAccess: true })

describe('Decision 20: a delivered message that carries a credential keeps no usable token', () => {
  it('a password reset: the fake Resend received the token; the outbox, through REST and the Local API, holds it nowhere', async () => {
    const forgot = await ctx.rest('/users/forgot-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: users.editor.email }),
    })
    expect(forgot.status).toBe(200)
    // Stored right after Payload's own transaction commits.
    const message = await vi.waitFor(async () => {
      const found = (
        await payload.find({
          collection: 'outbox',
          where: { purpose: { equals: 'password_reset' } },
          overrideAccess: true,
        })
      ).docs[0]
      if (!found) throw new Error('not stored yet')
      return found
    })
    const token = (
      await payload.findByID({ collection: 'users', id: users.editor.id, showHiddenFields: true, overrideAccess: true })
    ).resetPasswordToken
    expect(token).toMatch(/^[0-9a-f]{20,}$/)
    // Before delivery the body holds the link, and still nobody reads it through the API — not even a manager.
    expect(message.html).toContain(token)
    const queued = (await (await rest('manager', `/outbox/${message.id}?depth=0`)).json()) as Record<string, unknown>
    expect(queued.status).toBe('queued')
    expect(JSON.stringify(queued)).not.toContain(String(token))

    await vi.waitFor(
      async () => {
        await drain()
        if ((await reload(message.id)).status !== 'sent') throw new Error('not delivered yet')
      },
      { timeout: 20_000 },
    )
    // Control: the person got the link.
    const mails = fake.deliveries.filter((d) => d.to.includes(users.editor.email))
    expect(mails).toHaveLength(1)
    expect(`${mails[0]?.html}${mails[0]?.text}`).toContain(String(token))

    const local = await reload(message.id)
    expect(local.status).toBe('sent')
    expect(local.text).toBe(REDACTED_BODY.text)
    expect(local.html).toBe(REDACTED_BODY.html)
    expect(JSON.stringify(local)).not.toContain(String(token))
    for (const actor of ['admin', 'manager'] as const) {
      const body = await (await rest(actor, `/outbox/${message.id}?depth=1`)).text()
      expect(body).toContain('"status":"sent"')
      expect(body).not.toContain(String(token))
    }
    const list = await (await rest('manager', `/outbox?depth=0&limit=100`)).text()
    expect(list).not.toContain(String(token))
  })

  it('control: an ordinary letter keeps its body after delivery (the PDF in the dossier is the record)', async () => {
    const message = await queue('Bevestiging van uw klacht (WP-2026-0100)')
    await drain()
    const stored = await reload(message.id)
    expect(stored.status).toBe('sent')
    expect(stored.text).toBe('Beste Klara Klager, Bevestiging van uw klacht (WP-2026-0100)')
  })
})

describe('Decision 15: recipients, subject and bodies only for managers and the case’s handler; admins see the delivery state', () => {
  const CONTENT = ['subject', 'to', 'cc', 'replyTo', 'text', 'html', 'attachments'] as const
  const STATE = ['status', 'purpose', 'attempts', 'idempotencyKey', 'createdAt'] as const
  let caseMessage: Outbox
  let systemMessage: Outbox

  beforeAll(async () => {
    caseMessage = await queue('Uw klacht WP-2026-0101', { complaint: complaint.id })
    systemMessage = await queue('Systeembericht')
  })
  // Delivered before the next tests script Resend's answers.
  afterAll(drain)

  it.each([
    ['manager', 'case', true],
    ['manager', 'system', true],
    ['handlerA', 'case', true],
    ['admin', 'case', false],
    ['admin', 'system', false],
    ['adminHandler', 'case', false],
  ] as const)(
    '%s reading a %s message through REST: content visible: %s; the delivery state always',
    async (actor, which, visible) => {
      const id = which === 'case' ? caseMessage.id : systemMessage.id
      const response = await rest(actor, `/outbox/${id}?depth=0`)
      expect(response.status).toBe(200)
      const doc = (await response.json()) as Record<string, unknown>
      for (const field of STATE) expect(doc[field], field).not.toBeUndefined()
      expect(doc.status).toBe('queued')
      for (const field of CONTENT) {
        // Payload answers a hidden array as an empty one.
        if (field === 'attachments')
          expect((doc.attachments as unknown[] | undefined)?.length ?? 0, field).toBe(visible ? 1 : 0)
        else expect(field in doc, `${field}: ${JSON.stringify(doc[field])}`).toBe(visible)
      }
      const text = JSON.stringify(doc)
      for (const personal of ['klara@example.nl', 'kopie@example.nl', 'Klara Klager', 'WP-2026-0101', 'brief.pdf']) {
        if (which === 'case' || personal !== 'WP-2026-0101') expect(text.includes(personal), personal).toBe(visible)
      }
      // The list shows the same.
      const list = (await (await rest(actor, `/outbox?depth=0&limit=100&where[id][equals]=${id}`)).json()) as {
        docs: Record<string, unknown>[]
      }
      expect(list.docs.map((d) => 'to' in d)).toEqual([visible])
    },
  )

  it.each([
    ['handlerB', 'case'],
    ['editor', 'case'],
    ['handlerA', 'system'],
  ] as const)('%s cannot read a %s message at all', async (actor, which) => {
    const id = which === 'case' ? caseMessage.id : systemMessage.id
    const response = await rest(actor, `/outbox/${id}?depth=0`)
    expect([403, 404]).toContain(response.status)
    expect(await response.text()).not.toContain('klara@example.nl')
  })

  it('an admin cannot find messages by recipient or subject either (control: a manager can)', async () => {
    const byRecipient = '/outbox?depth=0&where[to][equals]=klara@example.nl'
    const manager = (await (await rest('manager', byRecipient)).json()) as { totalDocs: number }
    expect(manager.totalDocs).toBeGreaterThan(0)
    for (const path of [byRecipient, '/outbox?depth=0&where[subject][like]=WP-2026']) {
      const response = await rest('admin', path)
      expect(response.status).toBe(400)
      expect(await response.text()).not.toContain('klara@example.nl')
    }
  })
})

describe('a failed message is sent again by a manager or an admin', () => {
  async function failedMessage(subject: string, how: 'refused' | 'no answer', options: { complaint?: string } = {}) {
    if (how === 'refused') fake.rejectNext(422, 'Invalid `to` field.')
    else fake.failNext(2, 503)
    const message = await queue(subject, options)
    await drain()
    const stored = await reload(message.id)
    expect(stored.status).toBe('failed')
    expect(stored.failureKind).toBe(how === 'refused' ? 'refused' : 'gave_up')
    fake.reset()
    return stored
  }
  const resend = (actor: Actor | null, id: string) => rest(actor, `/outbox/${id}/resend`, { method: 'POST' })

  it.each([
    [null, 401],
    ['editor', 403],
    ['handlerA', 403],
  ] as const)('%s is refused (%i), and nothing is queued', async (actor, status) => {
    const message = await failedMessage(`Geweigerd ${actor}`, 'refused', { complaint: complaint.id })
    expect((await resend(actor, message.id)).status).toBe(status)
    await drain()
    expect(fake.deliveries).toHaveLength(0)
    const after = await reload(message.id)
    expect([after.status, after.idempotencyKey, after.resends ?? []]).toEqual(['failed', message.idempotencyKey, []])
  })

  it.each(['manager', 'admin'] as const)(
    '%s: refused by Resend before, so it goes again with a NEW key, is delivered once, and recorded on the message and the case',
    async (actor) => {
      const message = await failedMessage(`Opnieuw door ${actor}`, 'refused', { complaint: complaint.id })
      const response = await resend(actor, message.id)
      expect(response.status).toBe(202)
      expect(await response.json()).toMatchObject({ newKey: true })
      await drain()
      await drain()
      expect(fake.deliveries.map((d) => d.subject)).toEqual([`Opnieuw door ${actor}`])
      const after = await reload(message.id)
      expect(after.status).toBe('sent')
      expect(after.idempotencyKey).not.toBe(message.idempotencyKey)
      expect(fake.deliveries[0]?.idempotencyKey).toBe(after.idempotencyKey)
      expect(after.resends?.map((r) => [typeof r.by === 'object' ? r.by?.id : r.by, r.newKey])).toEqual([
        [users[actor].id, true],
      ])
      expect(Date.parse(after.resends?.[0]?.at ?? '')).toBeGreaterThan(Date.now() - 60_000)
      const events = await payload.find({
        collection: 'case-events',
        where: { and: [{ complaint: { equals: complaint.id } }, { type: { equals: 'message_resent' } }] },
        overrideAccess: true,
        sort: '-at',
      })
      const event = events.docs.find((e) => (e.data as { message?: string }).message === message.id)
      expect(event?.actorKind).toBe('staff')
      expect(typeof event?.actor === 'object' ? event?.actor?.id : event?.actor).toBe(users[actor].id)
      expect(event?.data).toEqual({ message: message.id, purpose: 'acknowledgement', newKey: true })
    },
  )

  it('no certain answer before (it may have arrived): it goes again with the SAME key, so Resend never delivers it twice', async () => {
    const message = await failedMessage('Misschien al aangekomen', 'no answer')
    const response = await resend('manager', message.id)
    expect(response.status).toBe(202)
    expect(await response.json()).toMatchObject({ newKey: false })
    await drain()
    const after = await reload(message.id)
    expect(after.status).toBe('sent')
    expect(after.idempotencyKey).toBe(message.idempotencyKey)
    expect(fake.deliveries.map((d) => d.idempotencyKey)).toEqual([message.idempotencyKey])
    // No case: recorded on the message only.
    expect(after.resends?.map((r) => r.newKey)).toEqual([false])
  })

  it('only a failed message: a sent one is not sent again (409), an unknown id is 404', async () => {
    const message = await queue('Al verstuurd')
    await drain()
    expect((await reload(message.id)).status).toBe('sent')
    expect((await resend('manager', message.id)).status).toBe(409)
    expect((await resend('manager', '00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await resend('manager', 'geen-id')).status).toBe(404)
  })
})
