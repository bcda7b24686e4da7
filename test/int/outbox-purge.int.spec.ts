import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { enqueueEmail, OUTBOX_QUEUE } from '../../cms/email/enqueue'
import type { Complaint, Outbox } from '../../cms/payload-types'
import { PURGED_BODY, purgeDeliveredMessages } from '../../hooks/privacy/purgeDeliveredMessages'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/**
 * Decision 19: delivered outbox bodies are purged after 30 days (the PDF in the dossier is the
 * record). Messages go through the real outbox: stored, delivered by the job through the real
 * Resend SDK to the local fake server.
 */
const API_KEY = 're_test_key_0123456789'
const FROM = 'Working Progression <klachten@workingprogression.nl>'
const DAY = 24 * 60 * 60 * 1000
let fake: FakeResend
let ctx: TestPayload
let payload: Payload
let manager: StaffUser
let managerJwt: string
let complaint: Complaint

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({
    RESEND_API_KEY: API_KEY,
    RESEND_BASE_URL: fake.url,
    OUTBOX_MAX_ATTEMPTS: '1',
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
  ;({ user: manager, token: managerJwt } = await createStaffUserWithToken(payload, 'manager@purge.example', 'Manager', [
    'manager',
  ]))
  complaint = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: recordedComplaint({ complainant: { role: 'client', name: 'Klara Klager', email: 'klara@example.nl' } }),
  })
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

async function drain() {
  for (let i = 0; i < 10; i++) {
    const result = await payload.jobs.run({ queue: OUTBOX_QUEUE })
    if (result.noJobsRemaining) return
  }
}

const queue = (subject: string) =>
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
      complaint: complaint.id,
      attachments: [
        { filename: 'brief.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7\n', 'latin1') },
      ],
    },
    { defaultFrom: FROM },
  )

const reload = (id: string) => payload.findByID({ collection: 'outbox', id, overrideAccess: true, depth: 0 })

/** The message as delivered `days` ago: its delivery moment set back (the test's clock is `now`). */
async function deliveredDaysAgo(subject: string, days: number, now: Date): Promise<Outbox> {
  const message = await queue(subject)
  await drain()
  expect((await reload(message.id)).status).toBe('sent')
  return payload.update({
    collection: 'outbox',
    id: message.id,
    overrideAccess: true,
    depth: 0,
    data: { sentAt: new Date(now.getTime() - days * DAY).toISOString() },
  })
}

/** What the purge keeps: the metadata and the recipients (those go when the case is anonymised). */
const kept = (m: Outbox) => ({
  status: m.status,
  purpose: m.purpose,
  complaint: m.complaint,
  sentAt: m.sentAt,
  providerId: m.providerId,
  idempotencyKey: m.idempotencyKey,
  attempts: m.attempts,
  to: m.to,
  cc: m.cc,
  replyTo: m.replyTo,
  subject: m.subject,
  from: m.from,
})

const NOW = new Date()
let old: Outbox
let recent: Outbox
let failed: Outbox
let queued: Outbox

describe('Decision 19: a delivered message loses its body and attachments 30 days after delivery', () => {
  it('31 days after delivery: body and attachments gone, metadata and recipients kept; 29 days: all kept', async () => {
    old = await deliveredDaysAgo('Ontvangstbevestiging (oud)', 31, NOW)
    recent = await deliveredDaysAgo('Ontvangstbevestiging (recent)', 29, NOW)
    // The control: as delivered, both hold the letter and its PDF.
    for (const message of [old, recent]) {
      expect(message.text).toContain('Beste Klara Klager')
      expect(message.attachments?.map((a) => [a.filename, a.contentBase64])).toEqual([
        ['brief.pdf', Buffer.from('%PDF-1.7\n', 'latin1').toString('base64')],
      ])
    }

    expect(await purgeDeliveredMessages(payload, NOW)).toEqual({ purged: 1 })

    const purged = await reload(old.id)
    expect([purged.text, purged.html]).toEqual([PURGED_BODY.text, PURGED_BODY.html])
    expect(purged.attachments).toEqual([])
    expect(JSON.stringify(purged)).not.toContain('Beste Klara Klager')
    expect(kept(purged)).toEqual(kept(old))
    expect(kept(purged)).toMatchObject({ status: 'sent', to: ['klara@example.nl'], complaint: complaint.id })

    const untouched = await reload(recent.id)
    expect(untouched.text).toBe(recent.text)
    expect(untouched.html).toBe(recent.html)
    expect(untouched.attachments?.map((a) => a.contentBase64)).toEqual(recent.attachments?.map((a) => a.contentBase64))
  })

  it('a failed or queued message is never purged, however old; a second run writes nothing', async () => {
    fake.rejectNext(422, 'Invalid `to` field.')
    const refused = await queue('Geweigerd')
    await drain()
    failed = await reload(refused.id)
    expect(failed.status).toBe('failed')
    queued = await queue('Nog in de wachtrij')

    const yearLater = new Date(NOW.getTime() + 365 * DAY)
    // A year on, every delivered message still holding its body has passed its 30 days (the recent
    // one, and the case's own letters); the failed and the queued one have not been delivered.
    const delivered = await payload.count({
      collection: 'outbox',
      overrideAccess: true,
      where: { and: [{ status: { equals: 'sent' } }, { text: { not_equals: PURGED_BODY.text } }] },
    })
    expect(await purgeDeliveredMessages(payload, yearLater)).toEqual({ purged: delivered.totalDocs })
    expect((await reload(recent.id)).text).toBe(PURGED_BODY.text)
    for (const message of [failed, queued]) {
      const after = await reload(message.id)
      expect(after.text).toBe(message.text)
      expect(after.attachments?.map((a) => a.contentBase64)).toEqual(message.attachments?.map((a) => a.contentBase64))
    }

    // Idempotent: nothing left to purge, and nothing is written again.
    const before = await reload(old.id)
    expect(await purgeDeliveredMessages(payload, yearLater)).toEqual({ purged: 0 })
    expect((await reload(old.id)).updatedAt).toBe(before.updatedAt)
  })
})

describe('Decision 19: a purged message is never sent again as an empty mail', () => {
  const resend = (id: string) =>
    ctx.rest(`/outbox/${id}/resend`, { method: 'POST', headers: { authorization: `JWT ${managerJwt}` } })

  it('control: a failed message that kept its body is sent again', async () => {
    fake.reset()
    const response = await resend(failed.id)
    expect(response.status).toBe(202)
    await drain()
    expect((await reload(failed.id)).status).toBe('sent')
    expect(fake.deliveries.find((d) => d.subject === 'Geweigerd')?.text).toBe(failed.text)
  })

  it('a purged message (even one marked failed) is refused with a Dutch reason, and nothing is mailed', async () => {
    fake.reset()
    const delivered = await resend(old.id)
    expect(delivered.status).toBe(409)
    expect(await delivered.json()).toEqual({
      error:
        'Dit bericht kan niet opnieuw worden verstuurd: de inhoud is 30 dagen na bezorging verwijderd. De brief staat als PDF in het dossier.',
    })
    // A purged message whose state says it failed: its body is the purge's note, not the letter.
    await payload.update({
      collection: 'outbox',
      id: old.id,
      overrideAccess: true,
      data: { status: 'failed', failureKind: 'refused' },
    })
    const response = await resend(old.id)
    expect(response.status).toBe(409)
    expect(((await response.json()) as { error: string }).error).toContain('30 dagen na bezorging verwijderd')
    await drain()
    expect(fake.deliveries).toEqual([])
    const after = await reload(old.id)
    expect([after.status, after.resends ?? []]).toEqual(['failed', []])
  })
})
