import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Complaint } from '../../cms/payload-types'
import {
  addInformation,
  correctWrittenVersion,
  NOT_OPEN_MESSAGE,
  requestHearing,
  requestTravelCosts,
  withdrawComplaint,
} from '../../hooks/complainant/actions'
import { submitSurvey } from '../../hooks/complainant/survey'
import { quarterOf } from '../../hooks/complainant/quarter'
import { loadReport } from '../../hooks/reports/loadReport'
import { reportTables } from '../../hooks/reports/charts'
import { civilDateIn } from '../../hooks/dates/amsterdam'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { minimalPdf } from '../helpers/files'
import { assign, deliverAll, fileWebComplaint, readCase, readyForCases } from '../helpers/cases'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/**
 * What the complainant can do on their own page (Decision 20), as server functions for the one case
 * the session is for: each on a real case driven through the real workflow (web intake, staff intake,
 * assignment), e-mail through the real Resend SDK against the local fake. Each action is first shown
 * accepted on an open case, then refused where it is not allowed (Decision 16).
 */

const API_KEY = 're_complainant_actions'
const HANDLER_EMAIL = 'anton@wp.example'
const NAME = 'Henriëtte Uniekenaam'
const EMAIL = 'henriette.uniek@example.nl'

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: StaffUser
let handler: StaffUser

const deliver = () => deliverAll(payload)
const read = (id: string) => readCase(payload, id)

/** A web complaint (the form), assigned to the handler: open, status `received`. */
const webCase = async (): Promise<Complaint> =>
  assign(payload, (await fileWebComplaint(ctx, { name: NAME, email: EMAIL })).id, { manager, handler })

/** A complaint staff recorded by phone (Art. 3), with the version they wrote down sent to the complainant (Decision 8). */
async function phoneCase(): Promise<Complaint> {
  const created = await payload.create({
    collection: 'complaints',
    data: recordedComplaint({
      complainant: { role: 'client', name: NAME, email: EMAIL },
      assignedHandler: handler.id,
    }),
    overrideAccess: false,
    user: handler,
  })
  await deliver()
  await payload.update({
    collection: 'complaints',
    id: created.id,
    data: { writtenVersion: { draft: 'Mijn coach kwam drie keer niet, zoals opgeschreven door Anton.', send: true } },
    overrideAccess: false,
    user: handler,
  })
  await deliver()
  return read(created.id)
}

async function withdrawn(): Promise<Complaint> {
  const c = await webCase()
  expect(await withdrawComplaint(payload, c.id)).toEqual({ ok: true })
  await deliver()
  return read(c.id)
}

const timeline = async (id: string) =>
  (
    await payload.find({
      collection: 'case-events',
      where: { complaint: { equals: id } },
      sort: 'at',
      pagination: false,
      overrideAccess: true,
    })
  ).docs

const handlerMails = (reference: string) =>
  fake.deliveries.filter((d) => d.to.includes(HANDLER_EMAIL) && d.subject === `Nieuw van de klager: ${reference}`)

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  await readyForCases(payload)
  manager = await createStaffUser(payload, 'maria@wp.example', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, HANDLER_EMAIL, 'Anton Behandelaar', ['handler'])
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Decision 20, Art. 6: the complainant adds information while the case is open', () => {
  it('a text and a PDF are kept on the case, the timeline says the complainant did it, the handler is told', async () => {
    const c = await webCase()
    const result = await addInformation(payload, c.id, {
      text: 'Ik heb nog een e-mail van mijn coach gevonden.',
      files: [{ name: 'mail van coach.pdf', size: minimalPdf().byteLength, bytes: minimalPdf('Mail') }],
    })
    expect(result).toEqual({ ok: true })
    const saved = await read(c.id)
    const additions = saved.complainantAdditions ?? []
    expect(additions).toHaveLength(1)
    expect(additions[0]?.text).toBe('Ik heb nog een e-mail van mijn coach gevonden.')
    const attachmentIds = (additions[0]?.attachments ?? []).map((a) => (typeof a === 'string' ? a : a.id))
    expect(attachmentIds).toHaveLength(1)
    const attachment = await payload.findByID({
      collection: 'complaint-attachments',
      id: attachmentIds[0] ?? '',
      overrideAccess: true,
    })
    expect(attachment.mimeType).toBe('application/pdf')
    expect(attachment.filename).toBe('mail-van-coach.pdf')

    const events = await timeline(c.id)
    const added = events.find((e) => e.type === 'complainant_action')
    expect(added?.actorKind).toBe('complainant')
    expect(added?.data).toEqual({ action: 'information_added', files: 1 })

    await deliver()
    const mails = handlerMails(saved.reference ?? '')
    expect(mails).toHaveLength(1)
    // The reference only: nothing the complainant wrote, nor who they are, is in the e-mail.
    for (const secret of [NAME, EMAIL, 'coach gevonden', 'mail van coach'])
      expect(JSON.stringify(mails[0])).not.toContain(secret)
  })

  it('refuses a file that is not a PDF, JPEG, PNG or Word file, with the form’s message, and stores nothing', async () => {
    const c = await webCase()
    const before = await payload.count({ collection: 'complaint-attachments', overrideAccess: true })
    const result = await addInformation(payload, c.id, {
      text: 'Zie bijlage.',
      files: [{ name: 'script.exe', size: 4, bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00]) }],
    })
    expect(result).toEqual({
      ok: false,
      errors: { files: 'script.exe is geen PDF, JPEG, PNG of Word-bestand (.docx). Kies een ander bestand.' },
    })
    expect((await payload.count({ collection: 'complaint-attachments', overrideAccess: true })).totalDocs).toBe(
      before.totalDocs,
    )
    expect((await read(c.id)).complainantAdditions ?? []).toEqual([])
  })

  it('refuses an empty addition, with a message at the text', async () => {
    const c = await webCase()
    expect(await addInformation(payload, c.id, { text: '   ', files: [] })).toEqual({
      ok: false,
      errors: { text: 'Schrijf wat u wilt aanvullen, of kies een bestand om mee te sturen.' },
    })
  })

  it('Decision 16: refuses once the case has ended', async () => {
    const c = await withdrawn()
    expect(await addInformation(payload, c.id, { text: 'Nog iets.' })).toEqual({
      ok: false,
      errors: { form: NOT_OPEN_MESSAGE },
    })
    expect((await read(c.id)).complainantAdditions ?? []).toEqual([])
  })
})

describe('Decision 8, 16: the complainant corrects the version staff wrote down', () => {
  it('a new version is kept beside the earlier ones, marked as the complainant’s; the handler is told', async () => {
    const c = await phoneCase()
    expect(c.writtenVersion?.versions).toHaveLength(1)
    const writtenVersionLetters = async () =>
      (
        await payload.find({
          collection: 'letters',
          where: { and: [{ complaint: { equals: c.id } }, { purpose: { equals: 'written_version' } }] },
          overrideAccess: true,
        })
      ).totalDocs
    const lettersBefore = await writtenVersionLetters()
    const text = 'Mijn coach kwam drie keer niet opdagen en belde ook niet af, dat staat er niet goed.'
    expect(await correctWrittenVersion(payload, c.id, text)).toEqual({ ok: true })
    const saved = await read(c.id)
    const versions = saved.writtenVersion?.versions ?? []
    expect(versions.map((v) => v.text)).toEqual([c.writtenVersion?.versions?.[0]?.text, text])
    // No staff member wrote it: the complainant did (the timeline names them).
    expect(versions[1]?.by ?? null).toBeNull()
    // The original text as registered stays.
    expect(saved.complaintText).toBe(c.complaintText)
    const events = await timeline(c.id)
    expect(events.filter((e) => e.type === 'complainant_action').map((e) => [e.actorKind, e.data])).toEqual([
      ['complainant', { action: 'written_version_corrected', version: 2 }],
    ])
    // The complainant's own correction is not sent back to them as a new "written version" letter.
    expect(await writtenVersionLetters()).toBe(lettersBefore)
    await deliver()
    expect(handlerMails(saved.reference ?? '')).toHaveLength(1)
  })

  it('refuses for a complaint the complainant wrote themselves on the form', async () => {
    const c = await webCase()
    const result = await correctWrittenVersion(payload, c.id, 'Een andere tekst van mijn klacht, lang genoeg.')
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.errors.text).toMatch(/zelf opgeschreven via het formulier/)
  })

  it('refuses a text too short for a complaint, with the form’s message', async () => {
    const c = await phoneCase()
    expect(await correctWrittenVersion(payload, c.id, 'Te kort')).toEqual({
      ok: false,
      errors: { text: 'Beschrijf wat er is gebeurd (minstens 20 tekens).' },
    })
  })

  it('Decision 16: refuses once the case has ended', async () => {
    const c = await phoneCase()
    expect(await withdrawComplaint(payload, c.id)).toEqual({ ok: true })
    expect(await correctWrittenVersion(payload, c.id, 'Mijn verbeterde versie van de klacht, lang genoeg.')).toEqual({
      ok: false,
      errors: { text: NOT_OPEN_MESSAGE },
    })
    expect((await read(c.id)).writtenVersion?.versions).toHaveLength(1)
  })
})

describe('Art. 6.2, 6.4: the complainant asks for a hearing, and for travel costs', () => {
  it('Art. 6.2: the hearing is asked by the complainant, once; the timeline and the handler know', async () => {
    const c = await webCase()
    expect(await requestHearing(payload, c.id)).toEqual({ ok: true })
    const saved = await read(c.id)
    expect(saved.hearing?.requestedBy).toBe('complainant')
    const events = await timeline(c.id)
    expect(events.find((e) => e.type === 'complainant_action')?.data).toEqual({ action: 'hearing_requested' })
    await deliver()
    expect(handlerMails(saved.reference ?? '')).toHaveLength(1)
    expect(await requestHearing(payload, c.id)).toEqual({
      ok: false,
      errors: { form: 'Er is al om een gesprek gevraagd. Wij nemen contact met u op.' },
    })
  })

  it('Art. 6.4: travel costs are asked by the complainant, counted as a request on the timeline', async () => {
    const c = await webCase()
    expect(await requestTravelCosts(payload, c.id)).toEqual({ ok: true })
    expect((await read(c.id)).hearing?.travelCostRequested).toBe(true)
    const events = await timeline(c.id)
    expect(events.filter((e) => e.type === 'travel_costs_requested').map((e) => e.actorKind)).toEqual(['complainant'])
    await deliver()
    expect(handlerMails(c.reference ?? '')).toHaveLength(1)
    expect((await requestTravelCosts(payload, c.id)).ok).toBe(false)
  })

  it('Decision 16: neither once the case has ended', async () => {
    const c = await withdrawn()
    expect(await requestHearing(payload, c.id)).toEqual({ ok: false, errors: { form: NOT_OPEN_MESSAGE } })
    expect(await requestTravelCosts(payload, c.id)).toEqual({ ok: false, errors: { form: NOT_OPEN_MESSAGE } })
    expect((await read(c.id)).hearing?.travelCostRequested ?? false).toBe(false)
  })
})

describe('Decision 9: the complainant withdraws the complaint', () => {
  it('the case becomes withdrawn as the complainant’s step, and the confirmation goes to the complainant', async () => {
    const c = await webCase()
    expect(await withdrawComplaint(payload, c.id)).toEqual({ ok: true })
    const saved = await read(c.id)
    expect(saved.status).toBe('withdrawn')
    expect(saved.endedAs).toBe('withdrawn')
    const events = await timeline(c.id)
    const change = events.find((e) => e.type === 'status_changed')
    expect([change?.actorKind, change?.data]).toEqual(['complainant', { from: 'received', to: 'withdrawn' }])
    // The letter is the portal's doing, not the complainant's.
    const issued = events.find(
      (e) => e.type === 'letter_issued' && (e.data as { purpose?: string }).purpose === 'withdrawal_confirmation',
    )
    expect(issued?.actorKind).toBe('system')
    await deliver()
    expect(
      fake.deliveries.filter(
        (d) => d.to.includes(EMAIL) && d.attachments.some((a) => a.contentType === 'application/pdf'),
      ).length,
    ).toBeGreaterThan(0)
    const letters = await payload.find({
      collection: 'letters',
      where: { and: [{ complaint: { equals: c.id } }, { purpose: { equals: 'withdrawal_confirmation' } }] },
      overrideAccess: true,
    })
    expect(letters.totalDocs).toBe(1)
  })

  it('refused once the case has ended; and the complainant can fire no other step of the workflow', async () => {
    const c = await withdrawn()
    expect(await withdrawComplaint(payload, c.id)).toEqual({ ok: false, errors: { form: NOT_OPEN_MESSAGE } })
    const open = await webCase()
    const refusal = await payload
      .update({
        collection: 'complaints',
        id: open.id,
        data: { status: 'resolved_informally' },
        overrideAccess: true,
        context: { complainant: open.id },
      })
      .then(
        () => null,
        (error: unknown) => (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors,
      )
    expect(refusal).toEqual([
      { path: 'status', message: 'Dit kunt u niet zelf doen. Neem contact op met de behandelaar van uw klacht.' },
    ])
    expect((await read(open.id)).status).toBe('received')
  })
})

describe('ISO 10002: the satisfaction survey after the case ended', () => {
  let ended: Complaint

  beforeAll(async () => {
    ended = await withdrawn()
  }, 60_000)

  it('refused while the case is open (the control below is the same answer on an ended case)', async () => {
    const c = await webCase()
    expect(await submitSurvey(payload, c.id, { careful: 4, quick: 3, clear: 5 })).toEqual({
      ok: false,
      errors: { form: 'U kunt deze vragen beantwoorden als uw klacht is afgehandeld.' },
    })
  })

  it('refuses a score outside 1 to 5, at its question', async () => {
    const result = await submitSurvey(payload, ended.id, { careful: 6, quick: 3, clear: 5 })
    expect(result).toEqual({ ok: false, errors: { careful: 'Kies een cijfer van 1 tot en met 5 bij "Zorgvuldig".' } })
  })

  it('stores the scores without any link to the case or the person, the remark on the case for managers only', async () => {
    const before = await payload.find({ collection: 'survey-responses', pagination: false, overrideAccess: true })
    expect(before.totalDocs).toBe(0)
    const remark = 'Vriendelijk geholpen door Anton, UniekeOpmerking42.'
    expect(await submitSurvey(payload, ended.id, { careful: 4, quick: 2, clear: 5, text: remark })).toEqual({
      ok: true,
    })
    const rows = await payload.find({ collection: 'survey-responses', pagination: false, overrideAccess: true })
    expect(rows.totalDocs).toBe(1)
    const row = rows.docs[0] as unknown as Record<string, unknown>
    expect(Object.keys(row).sort()).toEqual(['careful', 'clear', 'endedQuarter', 'id', 'quick', 'receivedQuarter'])
    expect(row).toMatchObject({ careful: 4, quick: 2, clear: 5, receivedQuarter: quarterOf(ended.receivedAt) })
    const serialised = JSON.stringify(row)
    for (const trace of [ended.id, ended.reference ?? '', NAME, EMAIL, remark]) expect(serialised).not.toContain(trace)

    const saved = await read(ended.id)
    expect(saved.survey?.text).toBe(remark)
    // Managers read the remark; the case's own handler does not.
    const asManager = await payload.findByID({
      collection: 'complaints',
      id: ended.id,
      overrideAccess: false,
      user: manager,
    })
    expect(asManager.survey?.text).toBe(remark)
    const asHandler = await payload.findByID({
      collection: 'complaints',
      id: ended.id,
      overrideAccess: false,
      user: handler,
    })
    expect(asHandler.survey?.text).toBeUndefined()
    expect(asHandler.survey?.submittedAt).toBe(saved.survey?.submittedAt)

    const events = await timeline(ended.id)
    const answered = events.find((e) => e.type === 'complainant_action')
    expect([answered?.actorKind, answered?.data]).toEqual(['complainant', { action: 'survey_submitted' }])
  })

  it('one survey per case: a second answer is refused and not counted', async () => {
    expect(await submitSurvey(payload, ended.id, { careful: 1, quick: 1, clear: 1 })).toEqual({
      ok: false,
      errors: { form: 'U hebt deze vragen al beantwoord. Bedankt!' },
    })
    expect((await payload.count({ collection: 'survey-responses', overrideAccess: true })).totalDocs).toBe(1)
  })

  it('one survey per case also when two answers arrive at once', async () => {
    const other = await withdrawn()
    const results = await Promise.all([
      submitSurvey(payload, other.id, { careful: 3, quick: 3, clear: 3 }),
      submitSurvey(payload, other.id, { careful: 1, quick: 1, clear: 1 }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await payload.count({ collection: 'survey-responses', overrideAccess: true })).totalDocs).toBe(2)
  })

  it('Art. 9: the report counts the answers of the period as its own table, with the average per question', async () => {
    const today = civilDateIn(new Date())
    const report = await loadReport(payload, { from: today, to: today })
    expect(report.satisfaction).toEqual({ responses: 2, careful: 3.5, quick: 2.5, clear: 4 })
    const table = reportTables(report).find((t) => t.id === 'satisfaction')
    expect(table?.title).toBe('Tevredenheid')
    expect(table?.rows.map((r) => [r.key, r.value])).toEqual([
      ['responses', 2],
      ['careful', 3.5],
      ['quick', 2.5],
      ['clear', 4],
    ])
  })

  it('the case may be closed and still be answered (Decision 16: the survey writes after closed)', async () => {
    const c = await withdrawn()
    await payload.update({
      collection: 'complaints',
      id: c.id,
      data: { status: 'closed' },
      overrideAccess: false,
      user: handler,
    })
    expect((await read(c.id)).status).toBe('closed')
    expect(await submitSurvey(payload, c.id, { careful: 5, quick: 5, clear: 5 })).toEqual({ ok: true })
    expect((await read(c.id)).survey?.submittedAt).toMatch(/^\d{4}-/)
  })
})
