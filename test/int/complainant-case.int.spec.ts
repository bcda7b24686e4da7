import { unzipSync } from 'fflate'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../../cms/env'
import type { Complaint } from '../../cms/payload-types'
import { hashServiceKey } from '../../hooks/complaints/serviceKey'
import { keyedHash, newSecret } from '../../hooks/complainant/secrets'
import { openComplainantSession } from '../../hooks/complainant/sessions'
import { caseActionForm, type ComplainantCms, complainantCms } from '../../site/lib/complainant'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { minimalPdf } from '../helpers/files'
import { assign, deliverAll, fileWebComplaint, readCase, readyForCases } from '../helpers/cases'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/*
 * Decision 20, the complainant's own page (part 2: the case). The site's operations
 * (site/lib/complainant.ts: caseActionForm, caseView, download — what the Astro Actions and the
 * download routes call) against the real /api/complainant/case/* endpoints of a real Payload, each
 * for the one case of the session. Every refusal is shown next to the same request accepted.
 */

const API_KEY = 're_complainant_case_0123'
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const FORM_KEY = 'form-only-key-for-the-case-page-0123456'

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: StaffUser
let handler: StaffUser

/** The site's CMS client over the real REST handler (no HTTP), with the seeded site key unless told. */
const cmsWith = (apiKey = env.SITE_API_KEY): ComplainantCms =>
  complainantCms({
    fetch: (url, init) => ctx.rest(String(url).replace('http://cms.test/api', ''), init),
    apiUrl: 'http://cms.test/api',
    apiKey,
  })

const read = (id: string) => readCase(payload, id)
const deliver = () => deliverAll(payload)

/** A session for one case, as pressing the button of a mailed link opens it (the link row as the job stores it). */
async function sessionFor(caseId: string): Promise<string> {
  const token = newSecret()
  await payload.create({
    collection: 'complainant-links',
    overrideAccess: true,
    data: {
      complaint: caseId,
      tokenHash: keyedHash(payload, 'link', token),
      expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    },
  })
  const opened = await openComplainantSession(payload, token)
  if (opened.kind !== 'opened') throw new Error(`no session: ${opened.reason}`)
  return opened.session
}

/** A web complaint, assigned to the handler. */
const webCase = async (name: string, email: string): Promise<Complaint> =>
  assign(payload, (await fileWebComplaint(ctx, { name, email })).id, { manager, handler })

function form(fields: Record<string, string>, files: File[] = []): FormData {
  const f = new FormData()
  for (const [name, value] of Object.entries(fields)) f.set(name, value)
  for (const file of files) f.append('attachments', file, file.name)
  return f
}

const act = (session: string, fields: Record<string, string>, files: File[] = [], cms = cmsWith()) =>
  caseActionForm(form(fields, files), { session, cms })

const accessLog = async (caseId: string) =>
  (
    await payload.find({
      collection: 'access-log',
      where: { complaint: { equals: caseId } },
      pagination: false,
      overrideAccess: true,
    })
  ).docs.map((d) => `${d.actorKind}:${d.kind}`)

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  await readyForCases(payload)
  await payload.create({
    collection: 'service-accounts',
    overrideAccess: true,
    data: { name: 'form only', scopes: ['complaint-intake'], keyHash: hashServiceKey(payload, FORM_KEY) },
  })
  manager = await createStaffUser(payload, 'maria@wp.example', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, 'anton@wp.example', 'Anton Behandelaar', ['handler'])
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Decision 20: the case page’s actions act on the session’s one case', () => {
  it('Art. 6.2: asking for a hearing is done once; asked again, the refusal is at the hearing button; the other case is untouched', async () => {
    const mine = await webCase('Łukasz Nowak', 'lukasz@example.nl')
    const other = await webCase('Şükrü Yılmaz', 'sukru@example.nl')
    const session = await sessionFor(mine.id)
    expect(await act(session, { action: 'hearing' })).toEqual({ kind: 'done', action: 'hearing' })
    expect((await read(mine.id)).hearing?.requestedBy).toBe('complainant')
    expect((await read(other.id)).hearing?.requestedBy ?? null).toBeNull()
    const again = await act(session, { action: 'hearing' })
    expect(again).toEqual({
      kind: 'invalid',
      errors: { hearing: 'Er is al om een gesprek gevraagd. Wij nemen contact met u op.' },
    })
  })

  it('Art. 6: a text and a PDF are added; a file that is no PDF is refused at the attachments field and nothing is stored', async () => {
    const c = await webCase('Nguyễn Thị Hoa', 'hoa@example.nl')
    const session = await sessionFor(c.id)
    const fake = new File([Buffer.from('MZ this is no pdf')], 'brief.pdf', { type: 'application/pdf' })
    const refused = await act(session, { action: 'information', information: 'Zie de bijlage.' }, [fake])
    expect(refused.kind).toBe('invalid')
    expect(Object.keys(refused.kind === 'invalid' ? refused.errors : {})).toEqual(['attachments'])
    expect((await read(c.id)).complainantAdditions ?? []).toHaveLength(0)

    const pdf = new File([new Uint8Array(minimalPdf('Mail van de coach'))], 'mail van de coach.pdf', {
      type: 'application/pdf',
    })
    expect(await act(session, { action: 'information', information: 'Zie de bijlage.' }, [pdf])).toEqual({
      kind: 'done',
      action: 'information',
    })
    const additions = (await read(c.id)).complainantAdditions ?? []
    expect(additions).toHaveLength(1)
    expect(additions[0]?.text).toBe('Zie de bijlage.')
    expect(additions[0]?.attachments ?? []).toHaveLength(1)
  })

  it('Decision 8: a complaint staff wrote down is corrected; for a web complaint the refusal is at the text field', async () => {
    const recorded = await payload.create({
      collection: 'complaints',
      data: recordedComplaint({
        complainant: { role: 'client', name: 'Piet Telefoon', email: 'piet@example.nl' },
        assignedHandler: handler.id,
      }),
      overrideAccess: false,
      user: handler,
    })
    await deliver()
    const session = await sessionFor(recorded.id)
    const view = await cmsWith().caseView(session)
    expect(view.kind === 'ok' && view.view.writtenVersion).toBe(recorded.complaintText)
    expect(view.kind === 'ok' && view.view.canDo.correctWrittenVersion).toBe(true)
    const corrected = 'Mijn coach kwam drie afspraken niet na. Hij belde ook niet af, en dat vond ik het ergste.'
    expect(await act(session, { action: 'written-version', writtenVersion: corrected })).toEqual({
      kind: 'done',
      action: 'written-version',
    })
    const after = await cmsWith().caseView(session)
    expect(after.kind === 'ok' && after.view.writtenVersion).toBe(corrected)

    const web = await webCase('Wim Web', 'wim@example.nl')
    const refused = await act(await sessionFor(web.id), { action: 'written-version', writtenVersion: corrected })
    expect(refused.kind === 'invalid' && Object.keys(refused.errors)).toEqual(['writtenVersion'])
  })

  it('Decision 9: withdrawing ends the case as the complainant’s step; after that, adding is refused at the field', async () => {
    const c = await webCase('Ilse Intrekker', 'ilse@example.nl')
    const session = await sessionFor(c.id)
    expect(await act(session, { action: 'information', information: 'Nog iets.' })).toEqual({
      kind: 'done',
      action: 'information',
    })
    expect(await act(session, { action: 'withdraw' })).toEqual({ kind: 'done', action: 'withdraw' })
    expect((await read(c.id)).status).toBe('withdrawn')
    const view = await cmsWith().caseView(session)
    if (view.kind !== 'ok') throw new Error('no view')
    expect(view.view.timeline.map((l) => l.what)).toContain('U hebt uw klacht ingetrokken.')
    expect(view.view.canDo).toMatchObject({ withdraw: false, addInformation: false, survey: true })
    const late = await act(session, { action: 'information', information: 'Nog iets.' })
    expect(late.kind === 'invalid' && Object.keys(late.errors)).toEqual(['information'])
  })

  it('ISO 10002: the survey after the end — a missing score is refused at its question, then the answers are taken and the remark stays with the case', async () => {
    const c = await webCase('Sanne Enquête', 'sanne@example.nl')
    const session = await sessionFor(c.id)
    expect(await act(session, { action: 'withdraw' })).toEqual({ kind: 'done', action: 'withdraw' })
    const missing = await act(session, { action: 'survey', careful: '4', clear: '5', surveyText: 'Prima.' })
    expect(missing).toEqual({
      kind: 'invalid',
      errors: { quick: 'Kies een cijfer van 1 tot en met 5 bij "Snel".' },
    })
    expect(
      await act(session, { action: 'survey', careful: '4', quick: '3', clear: '5', surveyText: 'Prima.' }),
    ).toEqual({ kind: 'done', action: 'survey' })
    expect((await read(c.id)).survey?.text).toBe('Prima.')
  })

  it('an unknown action is refused; no session is signed out; the form’s key is not let in (control: the site’s key is)', async () => {
    const c = await webCase('Karel Sleutel', 'karel@example.nl')
    const session = await sessionFor(c.id)
    expect((await act(session, { action: 'delete' })).kind).toBe('invalid')
    expect(await act('z'.repeat(43), { action: 'hearing' })).toEqual({ kind: 'signedOut' })
    expect(await caseActionForm(form({ action: 'hearing' }), { session: undefined, cms: cmsWith() })).toEqual({
      kind: 'signedOut',
    })
    expect(await act(session, { action: 'hearing' }, [], cmsWith(FORM_KEY))).toEqual({ kind: 'unavailable' })
    expect((await read(c.id)).hearing?.requestedBy ?? null).toBeNull()
    expect(await act(session, { action: 'hearing' })).toEqual({ kind: 'done', action: 'hearing' })
  })
})

describe('Decision 20, AVG art. 15: the complainant’s downloads are of their own case only', () => {
  it('a letter to the complainant as its PDF (logged as the complainant’s); another case’s letter and the UWV notification are not found', async () => {
    const mine = await webCase('Łukasz Brief', 'lukasz.brief@example.nl')
    const other = await webCase('Anna Ander', 'anna@example.nl')
    const session = await sessionFor(mine.id)
    const view = await cmsWith().caseView(session)
    if (view.kind !== 'ok') throw new Error('no view')
    const letter = view.view.letters[0]
    expect(letter?.label).toBe('Bevestiging van ontvangst')
    const download = await cmsWith().download(session, `/case/letters/${letter?.id}`)
    if (typeof download === 'string') throw new Error(download)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('cache-control')).toBe('no-store')
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    expect(await accessLog(mine.id)).toContain('complainant:letter_downloaded')

    const letterOf = async (caseId: string, purpose: string) =>
      (
        await payload.find({
          collection: 'letters',
          where: { and: [{ complaint: { equals: caseId } }, { purpose: { equals: purpose } }] },
          overrideAccess: true,
        })
      ).docs[0]?.id
    // Another case's receipt, and this case's notification to the UWV labour expert: neither is there for them.
    const othersReceipt = await letterOf(other.id, 'receipt')
    const ownNotification = await letterOf(mine.id, 'uwv_notification')
    expect([othersReceipt, ownNotification].every(Boolean)).toBe(true)
    expect(await cmsWith().download(session, `/case/letters/${othersReceipt}`)).toBe('notFound')
    expect(await cmsWith().download(session, `/case/letters/${ownNotification}`)).toBe('notFound')
    expect(await cmsWith().download('z'.repeat(43), `/case/letters/${letter?.id}`)).toBe('signedOut')
  })

  it('the dossier as a ZIP with the case’s letters; the timeline and the access log say the complainant had it', async () => {
    const c = await webCase('Nguyễn Dossier', 'dossier@example.nl')
    const session = await sessionFor(c.id)
    const download = await cmsWith().download(session, '/case/dossier')
    if (typeof download === 'string') throw new Error(download)
    expect(download.headers.get('content-type')).toBe('application/zip')
    const entries = Object.keys(unzipSync(new Uint8Array(await download.arrayBuffer())))
    expect(entries).toContain('overzicht.pdf')
    expect(entries.some((name) => name.startsWith('brieven/'))).toBe(true)
    expect(await accessLog(c.id)).toContain('complainant:dossier')
    const provided = (
      await payload.find({
        collection: 'case-events',
        where: { and: [{ complaint: { equals: c.id } }, { type: { equals: 'inspection_provided' } }] },
        overrideAccess: true,
      })
    ).docs
    expect(provided.map((e) => e.actorKind)).toEqual(['complainant'])
  })

  it('no hearing planned: the calendar file is not found', async () => {
    const c = await webCase('Geen Gesprek', 'geen.gesprek@example.nl')
    expect(await cmsWith().download(await sessionFor(c.id), '/case/hearing.ics')).toBe('notFound')
  })
})
