import { readdirSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../../cms/env'
import { remindOfDeadlines } from '../../cms/jobs/deadlineReminders'
import type { CaseEvent } from '../../cms/payload-types'
import { INTAKE_LETTERS_TASK, issueIntakeLetters } from '../../hooks/letters/intakeLetters'
import { prepareLetter } from '../../hooks/letters/prepareLetter'
import {
  CASE_LETTER_TASK,
  issueStoredLetter,
  queueLetterRetry,
  type StoredLetter,
} from '../../hooks/letters/retryLetter'
import { readSettings } from '../../hooks/settings/cachedSettings'
import { deliverAll, eventsOf, fileWebComplaint, readyForCases, lettersOf as lettersOfCase } from '../helpers/cases'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/*
 * PITFALLS (Payload 3.90 can hand one job to two workers, or run it again after a crash): every
 * side effect of a job has a unique key the database enforces, so the handler running twice — at
 * the same moment — leaves each letter, notification, reminder and mail exactly once. Mail goes
 * through the real Resend SDK to the local fake, which counts what arrived.
 */

const API_KEY = 're_exactly_once_0123'
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const DAY = 24 * 60 * 60 * 1000

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: StaffUser
let handler: StaffUser

const deliver = () => deliverAll(payload)
const fileComplaint = (name: string, email: string) => fileWebComplaint(ctx, { name, email })
const eventsOfType = async (caseId: string, type: CaseEvent['type']) => eventsOf(payload, caseId, type)

const lettersOf = (caseId: string) => lettersOfCase(payload, caseId)

const messagesOf = async (caseId: string) =>
  (
    await payload.find({
      collection: 'outbox',
      where: { complaint: { equals: caseId } },
      pagination: false,
      overrideAccess: true,
    })
  ).docs

/** The PDFs on disk whose name starts with the case's reference (the letters of that case). */
const filesOf = (reference: string) =>
  readdirSync(path.join(process.env.UPLOAD_DIR ?? '', 'letters')).filter((f) => f.startsWith(`${reference}-`))

const delivered = (email: string) => fake.deliveries.filter((d) => d.to.includes(email))

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  await readyForCases(payload)
  manager = await createStaffUser(payload, 'maria@wp.example', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, 'anton@wp.example', 'Anton Behandelaar', ['handler'])
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('PITFALLS: one job run twice at once leaves every effect once', () => {
  it('Art. 5, Decision 11: the registration letters — the receipt and the UWV notification once each, one file each, each mail delivered once', async () => {
    const c = await fileComplaint('Łukasz Tweemaal', 'lukasz.tweemaal@example.nl')
    const [job] = (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: INTAKE_LETTERS_TASK } },
        sort: '-createdAt',
        limit: 1,
        overrideAccess: true,
      })
    ).docs
    expect(job?.input).toMatchObject({ complaintId: c.id })
    // The handler twice at the same moment, and the queue's own run of the same job beside it.
    await Promise.all([
      issueIntakeLetters(payload, c.id, {}),
      issueIntakeLetters(payload, c.id, {}),
      payload.jobs.runByID({ id: String(job?.id) }),
    ])
    const letters = await lettersOf(c.id)
    expect(letters.map((l) => l.purpose).sort()).toEqual(['receipt', 'uwv_notification'])
    expect(filesOf(c.reference ?? '')).toHaveLength(2)
    expect((await messagesOf(c.id)).map((m) => m.purpose).sort()).toEqual(['receipt', 'uwv_notification'])
    expect(await eventsOfType(c.id, 'receipt_queued')).toHaveLength(1)
    expect(await eventsOfType(c.id, 'uwv_notification_queued')).toHaveLength(1)
    await deliver()
    expect(delivered('lukasz.tweemaal@example.nl')).toHaveLength(1)
    expect(delivered('dd@uwv.example').filter((d) => d.subject.includes(c.reference ?? ''))).toHaveLength(1)
  })

  it('a workflow letter retried by its job: two runs of the same job input issue one letter; another planned letter (control) is a second one', async () => {
    const c = await fileComplaint('Şükrü Herhaling', 'sukru.herhaling@example.nl')
    await deliver()
    const settings = await readSettings(payload)
    const complaint = await payload.update({
      collection: 'complaints',
      id: c.id,
      data: { assignedHandler: handler.id },
      overrideAccess: false,
      user: manager,
    })
    await deliver()
    const prepared = await prepareLetter('handler_change', complaint, settings, { payload })
    if (!prepared.ok) throw new Error(prepared.errors.map((e) => e.message).join(' '))
    const before = (await lettersOf(c.id)).length
    // As the workflow does when issuing failed right after the save: the letter goes to a job.
    await queueLetterRetry(payload, c.id, prepared.letter, {}, null)
    await queueLetterRetry(payload, c.id, prepared.letter, {}, null)
    const jobs = (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: CASE_LETTER_TASK } },
        sort: 'createdAt',
        overrideAccess: true,
      })
    ).docs
    expect(jobs).toHaveLength(2)
    const [first, second] = jobs.map((j) => (j.input as { letter: StoredLetter }).letter)
    expect(first?.effectKey).toMatch(new RegExp(`^case:${c.id}:handler_change:`))
    expect(second?.effectKey).not.toBe(first?.effectKey)
    // The first job's handler twice at once: one letter.
    await Promise.all([
      issueStoredLetter(payload, c.id, first as StoredLetter, {}, null),
      issueStoredLetter(payload, c.id, first as StoredLetter, {}, null),
    ])
    expect((await lettersOf(c.id)).length).toBe(before + 1)
    // Control: the second planned letter is a letter of its own.
    await issueStoredLetter(payload, c.id, second as StoredLetter, {}, null)
    expect((await lettersOf(c.id)).length).toBe(before + 2)
    expect(await eventsOfType(c.id, 'letter_issued')).toHaveLength(2)
    expect(filesOf(c.reference ?? '').filter((f) => f.includes('-nieuwe-contactpersoon'))).toHaveLength(2)
    fake.reset()
    await deliver()
    expect(delivered('sukru.herhaling@example.nl')).toHaveLength(2)
  })

  it('Art. 5: the deadline job twice at once reminds the handler once; the passed date (control) then escalates once', async () => {
    const c = await fileComplaint('Nguyễn Termijn', 'nguyen.termijn@example.nl')
    await payload.update({
      collection: 'complaints',
      id: c.id,
      data: { assignedHandler: handler.id },
      overrideAccess: false,
      user: manager,
    })
    await deliver()
    fake.reset()
    const acknowledgeBy = Date.parse(
      (await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })).deadlines?.acknowledgeBy ??
        '',
    )
    const soon = new Date(acknowledgeBy - DAY)
    // Every open case is looked at (the earlier ones too); this case's effects are counted.
    await Promise.all([remindOfDeadlines(payload, env, soon), remindOfDeadlines(payload, env, soon)])
    expect(await eventsOfType(c.id, 'deadline_reminder_sent')).toHaveLength(1)
    const late = new Date(acknowledgeBy + DAY)
    await Promise.all([remindOfDeadlines(payload, env, late), remindOfDeadlines(payload, env, late)])
    expect(await eventsOfType(c.id, 'deadline_escalated')).toHaveLength(1)
    // Two refreshes of the case at the same moment wrote it one after the other: its selects are stored once.
    const after = await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })
    expect(after.categories).toEqual(c.categories)
    expect(after.nextDeadline?.state).toBe('overdue')
    await deliver()
    const about = (subject: string) => fake.deliveries.filter((d) => d.subject === `${subject}: ${c.reference}`)
    expect(about('Termijn bijna verlopen').map((d) => d.to)).toEqual([['anton@wp.example']])
    expect(about('Termijn verstreken').map((d) => d.to)).toEqual([['maria@wp.example']])
  })
})
