import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Complaint } from '../../cms/payload-types'
import { addInformation, withdrawComplaint } from '../../hooks/complainant/actions'
import { complainantCaseView } from '../../hooks/complainant/caseView'
import { formatDutchDate } from '../../hooks/dates/amsterdam'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { deliverAll, fileWebComplaint, readCase, readyForCases, saveAs } from '../helpers/cases'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/**
 * The complainant's own page (Decision 20): what it shows of their case, as an explicit view model.
 * A case driven through the real workflow with every part filled that must stay off the page — a
 * draft whose letter was not issued, the staff involved, another attendee's address, the UWV
 * notification and its expert, staff-only notes, a correction's reason — each holding a unique
 * string that the serialised view must not contain: the class of the leak, not one field.
 */

const API_KEY = 're_complainant_view'
const EMAIL = 'klager.view@example.nl'
const HEARING_AT = '2027-01-14T13:00:00.000Z'

/** Strings that are somewhere in the case, and never on the complainant's page. */
const SECRET = {
  involvedStaffName: 'Ingrid Betrokkenheidsmedewerker',
  involvedStaffEmail: 'betrokken.medewerker@wp.example',
  otherAttendeeEmail: 'andere.aanwezige.geheim@example.nl',
  otherAttendeeName: 'Otto Wederhoorpersoon',
  expertName: 'Udo Uwvdeskundigenaam',
  expertEmail: 'udo.geheim@uwv.example',
  decisionDraft: 'ConceptStandpuntNietVerstuurd77',
  travelCostNote: 'InterneNotitieReiskosten99',
  correctionReason: 'RedenVanDeCorrectieGeheim55',
  withdrawalNote: 'InterneToelichtingIntrekking44',
}

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: StaffUser
let handler: StaffUser
let involved: StaffUser
let full: Complaint

const deliver = () => deliverAll(payload)
const read = (id: string) => readCase(payload, id)
const asStaff = (user: StaffUser, id: string, data: Partial<Complaint>) => saveAs(payload, user, id, data)

async function webCase(): Promise<Complaint> {
  const found = await fileWebComplaint(ctx, { name: 'Vera Viewklager', email: EMAIL })
  await deliver()
  return found
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  await readyForCases(payload, { uwvLabourExpert: { name: SECRET.expertName, email: SECRET.expertEmail } })
  manager = await createStaffUser(payload, 'maria@wp.example', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, 'anton@wp.example', 'Anton Behandelaar', ['handler'])
  involved = await createStaffUser(payload, SECRET.involvedStaffEmail, SECRET.involvedStaffName, ['handler'])

  // The case with everything filled: assigned, staff involved, acknowledged, corrected by a manager
  // with a reason, a hearing with another attendee and an invitation sent, drafts left unissued.
  const c = await webCase()
  await asStaff(manager, c.id, { assignedHandler: handler.id, involvedStaff: [involved.id] })
  await asStaff(handler, c.id, {
    status: 'acknowledged',
    acknowledgement: { factsSummary: 'Drie afspraken zijn niet doorgegaan.', statedTermWeeks: 4 },
  })
  await deliver()
  await asStaff(manager, c.id, {
    acknowledgement: { factsSummary: 'Drie afspraken in oktober zijn niet doorgegaan.', statedTermWeeks: 4 },
    correction: { reason: SECRET.correctionReason },
  })
  await deliver()
  await asStaff(handler, c.id, {
    hearing: {
      requestedBy: 'working_progression',
      at: HEARING_AT,
      durationMinutes: 60,
      place: 'Kantoor Utrecht, kamer 3',
      sendInvitation: true,
      attendees: [
        { name: 'Vera Viewklager', role: 'complainant' },
        { name: SECRET.otherAttendeeName, email: SECRET.otherAttendeeEmail, role: 'complained_about' },
      ],
      travelCostNote: SECRET.travelCostNote,
    },
  })
  await deliver()
  await asStaff(handler, c.id, {
    decision: { factsAsSeen: SECRET.decisionDraft, reasonedPosition: SECRET.decisionDraft },
    withdrawal: { note: SECRET.withdrawalNote },
  })
  expect(await addInformation(payload, c.id, { text: 'Nog een aanvulling van mij.' })).toEqual({ ok: true })
  await deliver()
  full = await read(c.id)
  // Every secret is really in the case (or its letters and messages): the test below means something.
  const stored = JSON.stringify(full)
  for (const key of ['decisionDraft', 'travelCostNote', 'otherAttendeeEmail', 'withdrawalNote'] as const)
    expect(stored, key).toContain(SECRET[key])
  expect(JSON.stringify(full.correction)).toContain(SECRET.correctionReason)
  expect((full.involvedStaff ?? []).map((u) => (typeof u === 'string' ? u : u.id))).toEqual([involved.id])
  expect(fake.deliveries.some((d) => d.to.includes(SECRET.expertEmail))).toBe(true)
}, 180_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Decision 20: the complainant’s page shows their case in plain Dutch', () => {
  it('the status, what happens next and by which date (Art. 7), and who handles it (name only)', async () => {
    const view = await complainantCaseView(payload, full.id, new Date())
    expect(view.reference).toBe(full.reference)
    expect(view.status).toEqual({
      code: 'acknowledged',
      label: 'In behandeling',
      explanation: 'Wij onderzoeken uw klacht.',
      next: 'U krijgt een brief met onze beslissing over uw klacht.',
      nextBy: formatDutchDate(full.deadlines?.decisionTargetBy ?? ''),
    })
    expect(view.handler).toEqual({ name: 'Anton Behandelaar' })
  })

  it('Art. 6.2: the hearing the complainant was invited to, with its calendar file', async () => {
    const view = await complainantCaseView(payload, full.id, new Date())
    expect(view.hearing?.at).toBe(HEARING_AT)
    // 13:00 UTC is 14:00 in Amsterdam in January.
    expect(view.hearing?.atLabel).toBe('14 januari 2027 om 14:00')
    expect(view.hearing?.place).toBe('Kantoor Utrecht, kamer 3')
    expect(view.hearing?.ics).toContain('BEGIN:VEVENT')
    expect(view.hearing?.ics).toContain('DTSTART:20270114T130000Z')
    // The same appointment as the invitation's own calendar file: same UID and SEQUENCE (RFC 5545, lines unfolded).
    const unfold = (ics: string) => ics.replace(/\r\n /g, '')
    const invitation = fake.deliveries
      .flatMap((d) => d.attachments)
      .find((a) => a.contentType?.startsWith('text/calendar'))
    const lineOf = (ics: string, name: string) =>
      unfold(ics)
        .split('\r\n')
        .find((l) => l.startsWith(`${name}:`))
    const sent = invitation?.content.toString('utf8') ?? ''
    expect(lineOf(view.hearing?.ics ?? '', 'UID')).toBe(`UID:gesprek-${full.id}@klachtenportaal.workingprogression.nl`)
    expect(lineOf(view.hearing?.ics ?? '', 'UID')).toBe(lineOf(sent, 'UID'))
    expect(lineOf(view.hearing?.ics ?? '', 'SEQUENCE')).toBe(lineOf(sent, 'SEQUENCE'))
  })

  it('every letter to the complainant that was issued, with its id, kind in Dutch and date; none to UWV or another attendee', async () => {
    const view = await complainantCaseView(payload, full.id, new Date())
    const stored = await payload.find({
      collection: 'letters',
      where: { complaint: { equals: full.id } },
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
    })
    expect(stored.docs.map((l) => l.purpose)).toContain('uwv_notification')
    expect(view.letters.map((l) => l.kind)).toEqual(
      stored.docs.map((l) => l.purpose).filter((p) => p !== 'uwv_notification' && p !== 'hearing_report_attendee'),
    )
    expect(view.letters.map((l) => l.kind)).toEqual([
      'receipt',
      'acknowledgement',
      'acknowledgement',
      'hearing_invitation',
    ])
    expect(view.letters[0]).toEqual({
      id: stored.docs.find((l) => l.purpose === 'receipt')?.id,
      kind: 'receipt',
      label: 'Bevestiging van ontvangst',
      date: formatDutchDate(stored.docs[0]?.createdAt ?? ''),
    })
  })

  it('the timeline in the complainant’s words: what they did, what we sent them, where it stands', async () => {
    const view = await complainantCaseView(payload, full.id, new Date())
    const lines = view.timeline.map((l) => l.what)
    expect(lines[0]).toBe('Wij hebben uw klacht ontvangen.')
    expect(lines).toContain('Anton Behandelaar behandelt uw klacht.')
    expect(lines).toContain('Wij hebben bevestigd dat wij uw klacht behandelen.')
    expect(lines).toContain('Wij hebben u een brief gestuurd per e-mail: uitnodiging voor een gesprek (horen).')
    expect(lines).toContain('U hebt informatie toegevoegd.')
    // The handling's own bookkeeping is not theirs to read: field changes, corrections, the UWV notification.
    expect(lines.some((l) => /Gegevens gewijzigd|gecorrigeerd|UWV|arbeidsdeskundige/i.test(l))).toBe(false)
  })

  it('holds nothing of the drafts, the staff involved, other attendees, UWV, internal notes or a correction’s reason', async () => {
    const serialised = JSON.stringify(await complainantCaseView(payload, full.id, new Date()))
    for (const [what, secret] of Object.entries(SECRET)) expect(serialised, what).not.toContain(secret)
    expect(serialised).not.toContain(involved.id)
    // The view is built field by field: no field of the stored document's own shape comes along.
    for (const key of ['involvedStaff', 'attendees', 'uwvLabourExpert', 'correction', 'decision', 'complainant'])
      expect(serialised).not.toContain(`"${key}"`)
  })

  it('what the complainant can do follows the case: open now, the survey only once it ended (Decision 16)', async () => {
    const open = await complainantCaseView(payload, full.id, new Date())
    expect(open.canDo).toEqual({
      addInformation: true,
      correctWrittenVersion: false,
      requestHearing: false,
      requestTravelCosts: true,
      withdraw: true,
      survey: false,
    })
    const other = await webCase()
    expect(await withdrawComplaint(payload, other.id)).toEqual({ ok: true })
    await deliver()
    const ended = await complainantCaseView(payload, other.id, new Date())
    expect(ended.status.code).toBe('withdrawn')
    expect(ended.status.label).toBe('Ingetrokken')
    expect(ended.timeline.map((l) => l.what)).toContain('U hebt uw klacht ingetrokken.')
    expect(ended.letters.map((l) => l.kind)).toContain('withdrawal_confirmation')
    expect(ended.canDo).toEqual({
      addInformation: false,
      correctWrittenVersion: false,
      requestHearing: false,
      requestTravelCosts: false,
      withdraw: false,
      survey: true,
    })
  })
})
