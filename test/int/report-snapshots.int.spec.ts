import { readdir } from 'node:fs/promises'

import type { Payload } from 'payload'
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import { freezeQuarterlyReport, REPORTS_QUEUE } from '../../cms/jobs/freezeQuarterlyReport'
import type { Complaint, Outbox, Report } from '../../cms/payload-types'
import { freezeReport, manualKey, reportPdf } from '../../hooks/reports/freezeReport'
import { loadReport } from '../../hooks/reports/loadReport'
import { quarter } from '../../hooks/reports/periods'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { pdfToText, squash } from '../helpers/pdfText'
import { recordedComplaint } from '../helpers/intake'
import { createStaffUser, type StaffUser, staffUserToken } from '../helpers/staff'

const API_KEY = 're_test_key_reports_0123456789'
let fake: FakeResend
let ctx: TestPayload
let payload: Payload
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET, CMS_URL: 'https://klachten.wp.example' })
const staff = {} as Record<'admin' | 'managerA' | 'managerB' | 'adminManager' | 'handler' | 'editor', StaffUser>
const tokens = {} as Record<keyof typeof staff, string>

/** 06:00 in Amsterdam on a civil date (winter time: UTC+1; summer time: UTC+2). */
const amsterdamMorning = (date: string, summer = false) => new Date(`${date}T0${summer ? 4 : 5}:00:00.000Z`)
const COMPLAINANT = 'Jantje Klaagmans'

const reports = async (): Promise<Report[]> =>
  (await payload.find({ collection: 'reports', overrideAccess: true, pagination: false, sort: 'createdAt' })).docs
const reportMails = async (): Promise<Outbox[]> =>
  (
    await payload.find({
      collection: 'outbox',
      where: { purpose: { equals: 'report' } },
      overrideAccess: true,
      pagination: false,
      sort: 'createdAt',
    })
  ).docs
const reportDeliveries = () => fake.deliveries.filter((d) => d.subject.startsWith('Verantwoording klachten'))
const storedFiles = async () => (await readdir(payload.collections.reports.config.upload.staticDir ?? '')).sort()

/** Runs a queue as the CMS's runner does, until no job is left that may run now. */
async function drain(queue: string) {
  for (let i = 0; i < 10; i++) {
    const result = await payload.jobs.run({ queue })
    if (result.noJobsRemaining) return
  }
}

/** The quarterly task through Payload's own queue, at `now` on the job system's clock. */
async function runJobAt(now: Date) {
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(now)
  try {
    await payload.jobs.queue({ task: 'freezeQuarterlyReport', queue: REPORTS_QUEUE, input: {} })
    const ran = await payload.jobs.run({ queue: REPORTS_QUEUE })
    expect(Object.values(ran.jobStatus ?? {}).map((s) => s.status)).toEqual(['success'])
  } finally {
    _internal_resetJobSystemGlobals()
  }
}

async function registerComplaint(receivedAt: string, overrides: Partial<Complaint> = {}): Promise<Complaint> {
  const complaint = await payload.create({
    collection: 'complaints',
    data: recordedComplaint({
      receivedAt,
      conduct: { when: 'unknown' },
      complainant: { role: 'client', name: COMPLAINANT, email: 'jantje@example.nl' },
      ...overrides,
    }),
  })
  return complaint
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({
    RESEND_API_KEY: API_KEY,
    RESEND_BASE_URL: fake.url,
    OUTBOX_RETRY_DELAY_MS: '1',
    CMS_URL: 'https://klachten.wp.example',
  })
  payload = ctx.payload
  staff.admin = await createStaffUser(payload, 'beheerder@example.nl', 'Beheerder', ['admin'])
  staff.managerA = await createStaffUser(payload, 'manager.a@example.nl', 'Manager A', ['manager'])
  staff.managerB = await createStaffUser(payload, 'manager.b@example.nl', 'Manager B', ['manager', 'handler'])
  staff.adminManager = await createStaffUser(payload, 'beheer.manager@example.nl', 'Beheer en manager', [
    'admin',
    'manager',
  ])
  staff.handler = await createStaffUser(payload, 'behandelaar@example.nl', 'Behandelaar', ['handler'])
  staff.editor = await createStaffUser(payload, 'redacteur@example.nl', 'Redacteur', ['editor'])
  for (const [key, user] of Object.entries(staff))
    tokens[key as keyof typeof staff] = await staffUserToken(payload, user.email)
  // One complaint received in the third quarter of 2026, one in the second (outside it).
  await registerComplaint('2026-08-10T09:00:00.000Z')
  await registerComplaint('2026-05-04T09:00:00.000Z', { categories: ['incorrect_information'] })
  // The letters of registration go out first, so that the deliveries below are the report's only.
  await drain(OUTBOX_QUEUE)
})

afterAll(async () => {
  _internal_resetJobSystemGlobals()
  await ctx?.cleanup()
  await fake?.close()
})

const MANAGERS = ['beheer.manager@example.nl', 'manager.a@example.nl', 'manager.b@example.nl']

describe('Art. 9: the quarterly report, frozen by the job and mailed to the managers once', () => {
  it('is a daily task on its own queue, which the CMS runs', async () => {
    const task = payload.config.jobs.tasks?.find((t) => t.slug === 'freezeQuarterlyReport')
    expect(task?.schedule).toEqual([{ cron: '0 0 6 * * *', queue: REPORTS_QUEUE }])
    // The test instance runs no crons; the portal's own configuration does, for this queue too.
    const { default: config } = await import('../../cms/payload.config')
    const autoRun = (await config).jobs.autoRun
    expect(Array.isArray(autoRun) ? autoRun.map((a) => a.queue) : []).toContain(REPORTS_QUEUE)
  })

  it('Art. 9: on the first day of a quarter the job freezes the previous quarter and mails each manager once, with its PDF', async () => {
    const now = amsterdamMorning('2026-10-01', true)
    await runJobAt(now)
    const [report, ...others] = await reports()
    expect(others).toEqual([])
    expect(report).toMatchObject({
      key: 'quarter:2026-Q3',
      kind: 'quarterly',
      madeByKind: 'system',
      periodFrom: '2026-07-01',
      periodTo: '2026-09-30',
      asOf: now.toISOString(),
      title: 'Verantwoording klachten (art. 9), 3e kwartaal 2026',
      mailedAt: now.toISOString(),
    })
    expect(report?.madeBy ?? null).toBeNull()
    // The numbers are the report as loadReport gives it for that period at that moment.
    const expected = await loadReport(payload, quarter(2026, 3), now)
    expect(report?.numbers).toEqual(JSON.parse(JSON.stringify(expected)))
    expect((report?.numbers as { total: number }).total).toBe(1)
    const pdf = await reportPdf(payload, report as Report)
    const text = squash(await pdfToText(pdf))
    expect(text).toContain('Verantwoording klachten (art. 9), 3e kwartaal 2026')
    expect(text).toMatch(/Ontvangen klachten:? 1\b/)

    // One message per manager (not the admin, handler or editor), each with the stored PDF.
    const mails = await reportMails()
    expect(mails.map((m) => m.to).sort()).toEqual(MANAGERS.map((m) => [m]))
    for (const mail of mails) {
      expect(mail.subject).toBe('Verantwoording klachten, 3e kwartaal 2026')
      expect(mail.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
        ['verantwoording-2026-Q3.pdf', 'application/pdf'],
      ])
      expect(Buffer.from(mail.attachments?.[0]?.contentBase64 ?? '', 'base64').equals(pdf)).toBe(true)
      expect(mail.text).toContain('van 1 juli 2026 tot en met 30 september 2026')
      expect(mail.text).toContain(`https://klachten.wp.example/admin/collections/reports/${report?.id}`)
      // No personal data of complainants (DOMAIN.md, Reporting).
      for (const body of [mail.subject, mail.text, mail.html]) {
        expect(body).not.toContain(COMPLAINANT)
        expect(body).not.toContain('jantje@example.nl')
      }
    }

    // Delivered through the real Resend SDK, each once, with the PDF.
    await drain(OUTBOX_QUEUE)
    const delivered = reportDeliveries()
    expect(delivered.map((d) => d.to).sort()).toEqual(MANAGERS.map((m) => [m]))
    for (const d of delivered) expect(d.attachments.map((a) => a.content.equals(pdf))).toEqual([true])
  })

  it('Art. 9: the job run again, the same day and the days after, adds no report and no message', async () => {
    const before = (await reports())[0]
    await runJobAt(amsterdamMorning('2026-10-01', true))
    await runJobAt(amsterdamMorning('2026-10-02', true))
    expect(await freezeQuarterlyReport(payload, env, amsterdamMorning('2026-11-15'))).toEqual({
      report: before?.id,
      key: 'quarter:2026-Q3',
      frozen: false,
      mailed: 0,
    })
    // A crash after the mails were queued but before `mailedAt` was stored: the retry sends nothing more.
    await payload.db.updateOne({ collection: 'reports', id: before?.id ?? '', data: { mailedAt: null } })
    await runJobAt(amsterdamMorning('2026-10-03', true))
    await drain(OUTBOX_QUEUE)
    expect((await reports()).map((r) => [r.id, r.asOf])).toEqual([[before?.id, before?.asOf]])
    expect(await reportMails()).toHaveLength(3)
    expect(reportDeliveries()).toHaveLength(3)
    expect(await storedFiles()).toEqual([before?.filename])
  })

  it('Decision 18: the frozen numbers and PDF stay as they were when a complaint of that quarter is recorded later', async () => {
    const [frozen] = await reports()
    const pdfBefore = await reportPdf(payload, frozen as Report)
    // A letter received in September, recorded by staff in December (Art. 3).
    await registerComplaint('2026-09-20T09:00:00.000Z')
    // Control: the live report of the same quarter has moved on.
    const live = await loadReport(payload, quarter(2026, 3))
    expect(live.total).toBe(2)
    // The snapshot has not, nor does the job make it again.
    await runJobAt(amsterdamMorning('2026-12-01'))
    const [after, ...more] = await reports()
    expect(more).toEqual([])
    expect(after?.numbers).toEqual(frozen?.numbers)
    expect((after?.numbers as { total: number }).total).toBe(1)
    expect((await reportPdf(payload, after as Report)).equals(pdfBefore)).toBe(true)
  })

  it('Art. 9: two runs at once leave one report and one message per manager; a new quarter (control) makes a second report', async () => {
    const now = amsterdamMorning('2027-01-01')
    const results = await Promise.all([
      freezeQuarterlyReport(payload, env, now),
      freezeQuarterlyReport(payload, env, now),
    ])
    expect(results.map((r) => r.key)).toEqual(['quarter:2026-Q4', 'quarter:2026-Q4'])
    expect(results.map((r) => r.frozen).sort()).toEqual([false, true])
    expect(new Set(results.map((r) => r.report)).size).toBe(1)
    expect(results.reduce((sum, r) => sum + r.mailed, 0)).toBe(3)
    // And twice through the queue, at the same moment.
    _internal_jobSystemGlobals.getCurrentDate = () => new Date(now)
    try {
      await payload.jobs.queue({ task: 'freezeQuarterlyReport', queue: REPORTS_QUEUE, input: {} })
      await payload.jobs.queue({ task: 'freezeQuarterlyReport', queue: REPORTS_QUEUE, input: {} })
      await Promise.all([
        payload.jobs.run({ queue: REPORTS_QUEUE, limit: 1 }),
        payload.jobs.run({ queue: REPORTS_QUEUE, limit: 1 }),
      ])
      await drain(REPORTS_QUEUE)
    } finally {
      _internal_resetJobSystemGlobals()
    }
    const all = await reports()
    expect(all.map((r) => r.key)).toEqual(['quarter:2026-Q3', 'quarter:2026-Q4'])
    const q4 = all[1]
    const mails = (await reportMails()).filter((m) => m.subject === 'Verantwoording klachten, 4e kwartaal 2026')
    expect(mails.map((m) => m.to).sort()).toEqual(MANAGERS.map((m) => [m]))
    await drain(OUTBOX_QUEUE)
    expect(reportDeliveries().filter((d) => d.subject.endsWith('4e kwartaal 2026'))).toHaveLength(3)
    // Only the winner's PDF is kept: the loser's file was removed.
    expect(await storedFiles()).toEqual([all[0]?.filename, q4?.filename].sort())
  })

  it('Art. 9: a missed first day is made up by the next run', async () => {
    // Nothing ran on 1 April 2027; the run of 3 April freezes the first quarter and mails it.
    await runJobAt(amsterdamMorning('2027-04-03', true))
    const q1 = (await reports()).find((r) => r.key === 'quarter:2027-Q1')
    expect(q1).toMatchObject({ periodFrom: '2027-01-01', periodTo: '2027-03-31', kind: 'quarterly' })
    const mails = (await reportMails()).filter((m) => m.subject === 'Verantwoording klachten, 1e kwartaal 2027')
    expect(mails.map((m) => m.to).sort()).toEqual(MANAGERS.map((m) => [m]))
  })
})

describe('Art. 9: a report frozen by hand (POST /api/reports/freeze)', () => {
  const freeze = (body: unknown, token?: string) =>
    ctx.rest('/reports/freeze', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: JSON.stringify(body),
    })

  it('a manager freezes a period: the report of that period now, by that manager, mailed to nobody', async () => {
    const before = await reportMails()
    const response = await freeze({ from: '2026-05-01', to: '2026-09-30' }, tokens.managerA)
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as { id: string }
    const report = await payload.findByID({ collection: 'reports', id, overrideAccess: true, depth: 0 })
    expect(report).toMatchObject({
      kind: 'manual',
      madeByKind: 'staff',
      madeBy: staff.managerA.id,
      periodFrom: '2026-05-01',
      periodTo: '2026-09-30',
    })
    expect(report.key).toBe(`manual:2026-05-01:2026-09-30:${report.asOf}`)
    expect(report.title).toMatch(/^Verantwoording klachten \(art\. 9\), 1 mei 2026 – 30 september 2026, cijfers per /)
    expect((report.numbers as { total: number }).total).toBe(3)
    const expected = await loadReport(payload, { from: '2026-05-01', to: '2026-09-30' }, new Date(report.asOf))
    expect(report.numbers).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(squash(await pdfToText(await reportPdf(payload, report)))).toMatch(/Ontvangen klachten:? 3\b/)
    expect((await reportMails()).length).toBe(before.length)
  })

  it('the same period at the same moment, frozen twice at once (a double click), is one report', async () => {
    const period = { from: '2026-07-01', to: '2026-07-31' }
    const asOf = new Date('2026-12-01T10:03:00.000Z')
    const input = { period, asOf, kind: 'manual' as const, key: manualKey(period, asOf), madeBy: staff.managerB.id }
    const before = (await reports()).length
    const [a, b] = await Promise.all([freezeReport(payload, input), freezeReport(payload, input)])
    expect([a.created, b.created].sort()).toEqual([false, true])
    expect(a.report.id).toBe(b.report.id)
    expect((await reports()).length).toBe(before + 1)
  })

  it.each([
    ['anonymous', undefined, 401],
    ['the admin (Decision 15)', 'admin', 403],
    ['a handler', 'handler', 403],
    ['an editor', 'editor', 403],
  ] as const)('%s cannot freeze a report (%s)', async (_who, actor, status) => {
    const before = (await reports()).length
    const response = await freeze({ from: '2026-01-01', to: '2026-03-31' }, actor ? tokens[actor] : undefined)
    expect(response.status).toBe(status)
    expect(((await response.json()) as { error: string }).error).toMatch(/Log eerst in|Alleen een manager/)
    expect((await reports()).length).toBe(before)
  })

  it('an admin who is also a manager may (roles add up)', async () => {
    const response = await freeze({ from: '2026-04-01', to: '2026-06-30' }, tokens.adminManager)
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as { id: string }
    const report = await payload.findByID({ collection: 'reports', id, overrideAccess: true, depth: 0 })
    expect([report.madeBy, (report.numbers as { total: number }).total]).toEqual([staff.adminManager.id, 1])
  })

  it.each([
    [{ from: '2026-13-01', to: '2026-03-31' }, { from: 'Vul een geldige begindatum in (jjjj-mm-dd).' }],
    [{ from: '2026-01-01', to: '2026-02-30' }, { to: 'Vul een geldige einddatum in (jjjj-mm-dd).' }],
    [{}, { from: 'Vul een geldige begindatum in (jjjj-mm-dd).', to: 'Vul een geldige einddatum in (jjjj-mm-dd).' }],
    [{ from: '2026-04-01', to: '2026-03-31' }, { to: 'De einddatum ligt voor de begindatum.' }],
  ])('bad input %j gets a Dutch message at its field, and stores nothing', async (body, errors) => {
    const before = (await reports()).length
    const response = await freeze(body, tokens.managerB)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: unknown }).errors).toEqual(errors)
    expect((await reports()).length).toBe(before)
  })

  it('nobody writes a report through the API, not even a manager (the collection has no create access)', async () => {
    const response = await ctx.rest('/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${tokens.managerA}` },
      body: JSON.stringify({ key: 'quarter:2030-Q1', title: 'Nep', kind: 'quarterly' }),
    })
    expect(response.status).toBe(403)
  })
})
