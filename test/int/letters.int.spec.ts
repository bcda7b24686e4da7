import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import type { Complaint, LetterTemplate, User } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { type FakeDelivery, type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { intakeForm, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { pdfToText, squash } from '../helpers/pdfText'
import { refusal } from '../helpers/refusal'
import { createStaffUser, staffUserToken } from '../helpers/staff'

/**
 * Every letter the regulation requires (Art. 3, 5, 6, 7, 8; Decisions 8, 9, 11, 12), driven through a real case to the moment it goes
 * out, read back from the fake Resend server (the delivered message) and from its PDF (poppler).
 * Set KEEP_LETTER_PDFS=1 to keep the decision and hearing-report PDFs in /tmp/letters for a person to look at.
 */

type Staff = User & { collection: 'users' }

const API_KEY = 're_letters_key_123'
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }
const EXPERT = { name: 'A. Deskundige', email: 'ad@uwv.example' }
const ORGANISATION = { street: 'Voorbeeldstraat 12', postalCode: '3511 AB', city: 'Utrecht', phone: '030 123 45 67' }

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let admin: Staff
let manager: Staff
let handler: Staff
let editor: Staff
let coach: Staff

// ---------------------------------------------------------------------------------------------
// Helpers: dates as the letters must write them, computed here independently of the source.

const AMS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const DUTCH = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })

/** The civil date (yyyy-mm-dd) of an instant in Amsterdam. */
const civil = (iso: string | Date) => AMS_DAY.format(new Date(iso))
/** "14 maart 2026" for a civil date, optionally `days` later (calendar days). */
function dutch(day: string, days = 0): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number)
  return DUTCH.format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days, 12)))
}
/** A civil date `days` after (or before) another, as yyyy-mm-dd. */
function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days, 12)).toISOString().slice(0, 10)
}
/** "14 maart 2026" for an instant, as read in Amsterdam. */
const dutchAt = (iso: string | Date) => dutch(civil(iso))

// ---------------------------------------------------------------------------------------------
// Helpers: staff, cases, refusals, the outbox.

const staff = (email: string, name: string, roles: User['roles']): Promise<Staff> =>
  createStaffUser(payload, email, name, roles)

/** A complaint recorded by a manager (staff intake, Art. 3), assigned to the handler unless told otherwise. */
async function recordCase(data: Partial<Complaint>): Promise<Complaint> {
  return payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: {
      channel: 'phone',
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
      conduct: { when: 'date', date: '2026-11-02' },
      involved: { kind: 'employee', description: 'Chris Coach' },
      categories: ['negligence'],
      discussedBefore: 'no',
      assignedHandler: handler.id,
      ...data,
    } as Partial<Complaint> as Complaint,
  })
}

const update = (user: Staff, id: string, data: Record<string, unknown>) =>
  payload.update({ collection: 'complaints', id, data: data, overrideAccess: false, user })

const read = (id: string) => payload.findByID({ collection: 'complaints', id, overrideAccess: true })

/**
 * Runs the outbox queue until the fake Resend server holds `count` messages that match (the intake
 * letters come from a job that itself queues the deliveries, so one run may not be enough).
 */
async function delivered(match: (d: FakeDelivery) => boolean, count = 1): Promise<FakeDelivery[]> {
  for (let round = 0; round < 8; round += 1) {
    const found = fake.deliveries.filter(match)
    if (found.length >= count) return found
    await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
  }
  const found = fake.deliveries.filter(match)
  if (found.length < count) {
    throw new Error(
      `expected ${count} matching deliveries, got ${found.length}; delivered: ${fake.deliveries.map((d) => `${d.to.join()}: ${d.subject}`).join(' | ')}`,
    )
  }
  return found
}

/** The one message to `to` whose subject starts with `subject` (the latest when there are more). */
async function deliveredLetter(to: string, subject: string, count = 1): Promise<FakeDelivery> {
  const all = await delivered((d) => d.to.includes(to) && d.subject.startsWith(subject), count)
  const last = all[all.length - 1]
  if (!last) throw new Error('no delivery')
  return last
}

function pdfAttachment(d: FakeDelivery) {
  const pdfs = d.attachments.filter((a) => a.contentType === 'application/pdf')
  expect(pdfs).toHaveLength(1)
  // Dutch file names (hooks/letters/fileName.ts), e.g. WP-2026-0001-2026-12-01-ontvangstbevestiging.pdf; a second
  // letter of the same kind on the same day gets the upload's number (…-uitnodiging-gesprek-1.pdf), the date stays.
  expect(pdfs[0]?.filename).toMatch(/^WP-\d{4}-\d{4}-\d{4}-\d{2}-\d{2}-[a-z-]+(-\d+)?\.pdf$/)
  expect(pdfs[0]?.filename).not.toMatch(/receipt|acknowledg|decision|notice|hearing|withdrawal|written|report/)
  return pdfs[0]?.content ?? Buffer.alloc(0)
}

/** The text of the PDF attached to a delivered letter, whitespace collapsed. */
async function pdfTextOf(d: FakeDelivery): Promise<string> {
  const bytes = pdfAttachment(d)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  return squash(await pdfToText(bytes))
}

/** The stored PDF copy of a letter in the dossier (collection `letters`). */
/** A deadline is met by the sending (DOMAIN.md): the case records the moment the outbox delivered this letter. */
async function expectSendingRecorded(
  complaint: string,
  purpose: string,
  field: keyof NonNullable<Complaint['lettersSent']>,
): Promise<void> {
  const { docs } = await payload.find({
    collection: 'outbox',
    where: {
      and: [{ complaint: { equals: complaint } }, { purpose: { equals: purpose } }, { status: { equals: 'sent' } }],
    },
    sort: '-sentAt',
    limit: 1,
    overrideAccess: true,
  })
  const sentAt = docs[0]?.sentAt
  expect(sentAt, `${purpose} was delivered`).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  expect((await read(complaint)).lettersSent?.[field]).toBe(sentAt)
}

async function storedLetter(complaint: string, purpose: string) {
  const { docs } = await payload.find({
    collection: 'letters',
    where: { and: [{ complaint: { equals: complaint } }, { purpose: { equals: purpose } }] },
    overrideAccess: true,
    sort: 'createdAt',
    depth: 0,
  })
  return docs
}

async function storedPdfText(filename: string | null | undefined): Promise<string> {
  if (!filename) throw new Error('letter without a file')
  const bytes = readFileSync(path.join(process.env.UPLOAD_DIR ?? '', 'letters', filename))
  return squash(await pdfToText(bytes))
}

/** For a person to look at: KEEP_LETTER_PDFS=1 writes the attached PDF to /tmp/letters. */
function keep(name: string, d: FakeDelivery): void {
  if (!process.env.KEEP_LETTER_PDFS) return
  mkdirSync('/tmp/letters', { recursive: true })
  writeFileSync(`/tmp/letters/${name}.pdf`, pdfAttachment(d))
}

/** The lines of an iCalendar file, unfolded (RFC 5545, 3.1), as a map of property name to value. */
function icsProperties(ics: string): Record<string, string> {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/)
  const props: Record<string, string> = {}
  for (const line of lines) {
    const m = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/.exec(line)
    // The first occurrence wins: the VEVENT's DESCRIPTION comes before the alarm's.
    if (m?.[1] && !(m[1] in props)) props[m[1]] = m[2] ?? ''
  }
  return props
}

const unescapeIcs = (value: string) => value.replace(/\\n/gi, '\n').replace(/\\([\\;,])/g, '$1')

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  // The site's identity and the seeded letter texts, as a start of the portal makes them.
  for (const step of seedSteps.filter((s) => s.name === 'site service account' || s.name === 'letter texts'))
    await step.run(payload, env)
  admin = await staff('beheer@example.nl', 'Bert Beheerder', ['admin'])
  manager = await staff('manager@example.nl', 'Maria Manager', ['manager'])
  handler = await staff('anton@example.nl', 'Anton Behandelaar', ['handler'])
  editor = await staff('redactie@example.nl', 'Rita Redacteur', ['editor'])
  coach = await staff('coach@example.nl', 'Chris Coach', ['handler'])
  await payload.updateGlobal({
    slug: 'settings',
    data: {
      address: { street: ORGANISATION.street, postalCode: ORGANISATION.postalCode, city: ORGANISATION.city },
      phone: ORGANISATION.phone,
      contactEmail: 'klachten@wp.example',
      uwvLabourExpert: EXPERT,
      uwvComplaintProcedure: 'https://www.uwv.example/klacht',
    },
  })
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

// ---------------------------------------------------------------------------------------------
// The letters of registration.

describe('letters of registration', () => {
  let webRef: string
  let webId: string

  it('Art. 5, 7: the receipt of a web complaint states the reference, the date of receipt, the acknowledge-by and decision-by dates', async () => {
    const form = intakeForm(
      validIntake({
        name: 'Wendy Web',
        email: 'wendy@example.nl',
        involvedName: 'Mijn coach',
        categories: ['incorrect_information'],
        description: 'Ik kreeg verkeerde informatie over mijn sollicitatieplicht.',
      }),
    )
    const response = await ctx.rest('/complaints/intake', { method: 'POST', body: form, headers: SITE })
    expect(response.status).toBe(201)
    webRef = ((await response.json()) as { reference: string }).reference
    const stored = (
      await payload.find({ collection: 'complaints', where: { reference: { equals: webRef } }, overrideAccess: true })
    ).docs[0]
    if (!stored) throw new Error('not stored')
    webId = stored.id
    expect(stored.channel).toBe('web')

    const mail = await deliveredLetter('wendy@example.nl', 'Wij hebben uw klacht ontvangen')
    expect(mail.to).toEqual(['wendy@example.nl'])
    expect(mail.subject).toBe(`Wij hebben uw klacht ontvangen (${webRef})`)
    const received = civil(stored.receivedAt)
    // Art. 5: acknowledgement within five days; Art. 7: WP's own four-week norm and the six-week limit (calendar days, Decision 1).
    const expected = [
      webRef,
      `ontvangen op ${dutch(received)}`,
      `Uiterlijk ${dutch(received, 5)}`,
      `uiterlijk ${dutch(received, 28)}`,
      `in elk geval uiterlijk ${dutch(received, 42)}`,
    ]
    for (const part of expected) expect(mail.text).toContain(part)
    expect(mail.html).toContain(`ontvangen op ${dutch(received)}`)
    const pdf = await pdfTextOf(mail)
    for (const part of expected) expect(pdf).toContain(part)
    expect(pdf).toContain(`Kenmerk: ${webRef}`)
    expect(pdf).toContain('Wendy Web')
  })

  it('Art. 5, 9: the web complaint is also reported to the UWV labour expert', async () => {
    const mail = await deliveredLetter(EXPERT.email, `Melding nieuwe klacht ${webRef}`)
    expect(mail.text).toContain('Wendy Web')
    expect((await storedLetter(webId, 'receipt')).map((l) => l.channel)).toEqual(['email'])
  })

  it('Art. 3, Decision 8: a complaint taken down from a phone call is sent back as written, with the invitation to correct it', async () => {
    const text =
      'Mijn coach heeft mijn cv zonder overleg naar drie werkgevers gestuurd.\nDaar heb ik nooit toestemming voor gegeven.'
    const c = await recordCase({
      complainant: { role: 'client', name: 'Tineke Telefoon', email: 'tineke@example.nl' },
      complaintText: text,
    })
    const mail = await deliveredLetter('tineke@example.nl', 'Uw klacht zoals wij die hebben opgeschreven')
    expect(mail.subject).toBe(`Uw klacht zoals wij die hebben opgeschreven (${c.reference})`)
    const parts = [
      `U hebt op ${dutchAt(c.receivedAt)} een klacht bij ons ingediend`,
      'Klopt dit niet, of wilt u iets aanvullen? Laat het ons binnen een week weten.',
      c.reference ?? '',
    ]
    // The complaint exactly as written down, line break included.
    expect(mail.text).toContain(text)
    for (const part of parts) expect(mail.text).toContain(part)
    const pdf = await pdfTextOf(mail)
    expect(pdf).toContain(squash(text))
    for (const part of parts) expect(pdf).toContain(part)
    // The case records that it was sent (Decision 8), by the outbox's delivery.
    await delivered((d) => d.to.includes(EXPERT.email) && d.subject.includes(c.reference ?? '?'))
    await expectSendingRecorded(c.id, 'written_version', 'writtenVersionAt')
  })

  it('Art. 3, 5, Decision 8: a complaint recorded late promises no date that has passed: the acknowledgement comes as soon as possible', async () => {
    // Received by phone ten days ago, recorded only now: the acknowledgement was due five days after receipt.
    const receivedAt = new Date(Date.now() - 10 * 86_400_000).toISOString()
    const c = await recordCase({
      receivedAt,
      complainant: { role: 'client', name: 'Laura Laat', email: 'laura@example.nl' },
      complaintText: 'Mijn coach heeft mijn sollicitatiebrief kwijtgemaakt en dat niet gemeld.',
    })
    const mail = await deliveredLetter('laura@example.nl', 'Uw klacht zoals wij die hebben opgeschreven')
    const acknowledgeBy = dutchAt(c.deadlines?.acknowledgeBy ?? '')
    expect(mail.text).toContain('Zo snel mogelijk krijgt u een brief met de naam van de behandelaar.')
    expect(mail.text).not.toContain(acknowledgeBy)
    // The decision is still ahead: that date is promised as it stands.
    expect(mail.text).toContain(`Ons antwoord krijgt u uiterlijk ${dutchAt(c.deadlines?.decisionTargetBy ?? '')}.`)
    const pdf = await pdfTextOf(mail)
    expect(pdf).toContain('Zo snel mogelijk krijgt u een brief')
    expect(pdf).not.toContain(acknowledgeBy)
  })

  it('Decision 12: without an e-mail address the written version is a PDF for post, with the postal address, and its posting date counts as sent', async () => {
    const c = await recordCase({
      channel: 'letter',
      complainant: {
        role: 'client',
        name: 'Henk de Vries',
        street: 'Dorpsstraat 1',
        postalCode: '1234 AB',
        city: 'Ergens',
      },
      complaintText: 'Ik heb geen e-mail en kreeg nooit antwoord op mijn brief.',
    })
    // The intake job has run once the UWV notification of this case went out.
    await delivered((d) => d.to.includes(EXPERT.email) && d.subject.includes(c.reference ?? '?'))
    const [letter, ...more] = await storedLetter(c.id, 'written_version')
    expect(more).toEqual([])
    expect([letter?.channel, letter?.message ?? null, letter?.mimeType]).toEqual(['post', null, 'application/pdf'])
    const pdf = await storedPdfText(letter?.filename)
    expect(pdf).toContain('Henk de Vries Dorpsstraat 1 1234 AB Ergens')
    expect(pdf).toContain('Ik heb geen e-mail en kreeg nooit antwoord op mijn brief.')
    expect(pdf).toContain('Klopt dit niet, of wilt u iets aanvullen?')
    // No e-mail for the complainant: the only message of this case is the UWV notification.
    const outbox = await payload.find({
      collection: 'outbox',
      where: { complaint: { equals: c.id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(outbox.docs.map((m) => m.purpose)).toEqual(['uwv_notification'])
    expect(fake.deliveries.filter((d) => d.subject.includes(c.reference ?? '?')).map((d) => d.to)).toEqual([
      [EXPERT.email],
    ])
    expect((await read(c.id)).lettersSent?.writtenVersionAt ?? null).toBeNull()

    const postedAt = new Date().toISOString()
    await payload.update({
      collection: 'letters',
      id: letter?.id ?? '',
      data: { postedAt },
      overrideAccess: false,
      user: handler,
    })
    expect((await read(c.id)).lettersSent?.writtenVersionAt).toBe(postedAt)
  })

  it('Art. 5, 9, Decision 11: the UWV notification goes to the expert with reference, date of receipt, client, categories and description, without attachments; its PDF stays in the dossier', async () => {
    const text = 'De coach van mijn broer deelt zijn medische gegevens met zijn werkgever.'
    const c = await recordCase({
      channel: 'email',
      complainant: {
        role: 'other',
        onBehalfOf: true,
        onBehalfOfName: 'Mijn broer, Klaas',
        name: 'Petra Helper',
        email: 'petra@example.nl',
      },
      // Decision 11: the cliënt's own name, a field of its own when someone else complains.
      clientName: 'Klaas Cliënt',
      categories: ['privacy_breach', 'other_shortcoming'],
      complaintText: text,
    })
    const mail = await deliveredLetter(EXPERT.email, `Melding nieuwe klacht ${c.reference}`)
    expect(mail.to).toEqual([EXPERT.email])
    const parts = [
      `Kenmerk: ${c.reference}`,
      `Datum van ontvangst: ${dutchAt(c.receivedAt)}`,
      // The client, not the person who complained on their behalf.
      'Naam cliënt: Klaas Cliënt',
      'Soort klacht: Mijn privacy is geschonden, Iets anders in de dienstverlening',
      text,
    ]
    for (const part of parts) expect(mail.text).toContain(part)
    expect(mail.text).not.toContain('Mijn broer')
    expect(mail.text).not.toContain('Petra')
    expect(mail.attachments).toEqual([])
    const [copy, ...more] = await storedLetter(c.id, 'uwv_notification')
    expect(more).toEqual([])
    expect([copy?.channel, copy?.mimeType]).toEqual(['email', 'application/pdf'])
    const pdf = await storedPdfText(copy?.filename)
    for (const part of parts) expect(pdf).toContain(part)
    expect(pdf).toContain(EXPERT.name)
  })
})

// ---------------------------------------------------------------------------------------------
// One case through its letters: acknowledgement, delay, hearing, report, agreements, decision.

describe('the letters of a case handled to its decision', () => {
  const EMAIL = 'jan@example.nl'
  const COMPLAINT =
    'Mijn coach kwam in oktober steeds te laat of helemaal niet.\nIk heb daardoor een sollicitatiegesprek gemist.'
  const FACTS = 'Tussen 5 en 30 oktober zijn vier afspraken met de coach niet doorgegaan.'
  let id: string
  let ref: string

  beforeAll(async () => {
    const c = await recordCase({
      complainant: {
        role: 'client',
        name: 'Jan Jansen',
        email: EMAIL,
        street: 'Kerkstraat 3',
        postalCode: '2000 AA',
        city: 'Haarlem',
      },
      conduct: { when: 'period', from: '2026-10-05', to: '2026-10-30' },
      involvedStaff: [coach.id],
      complaintText: COMPLAINT,
    })
    id = c.id
    ref = c.reference ?? ''
    // The letters of registration first (the UWV notification is what acknowledging needs).
    await deliveredLetter(EMAIL, 'Uw klacht zoals wij die hebben opgeschreven')
    await deliveredLetter(EXPERT.email, `Melding nieuwe klacht ${ref}`)
  })

  it('Art. 5, Decision 2: the acknowledgement names the conduct dates, its own date, the handler, the facts, the possible outcomes, the decision date and the right to inspect the dossier', async () => {
    const saved = await update(handler, id, {
      status: 'acknowledged',
      acknowledgement: { factsSummary: FACTS, statedTermWeeks: 4 },
    })
    const today = dutchAt(new Date())
    const mail = await deliveredLetter(EMAIL, 'Bevestiging van uw klacht')
    expect(mail.subject).toBe(`Bevestiging van uw klacht (${ref})`)
    const decisionBy = dutch(civil(saved.receivedAt), 28)
    expect(dutchAt(saved.deadlines?.decisionTargetBy ?? '')).toBe(decisionBy)
    const parts = [
      'Datum van de gedraging: 5 oktober 2026 tot en met 30 oktober 2026',
      `Datum van deze bevestiging: ${today}`,
      'Behandelaar van uw klacht: Anton Behandelaar',
      // Art. 5: every complaint is reported to the UWV labour expert, and the complainant is told.
      `Uw klacht hebben wij gemeld aan ${EXPERT.name} (${EXPERT.email}).`,
      FACTS,
      'gegrond',
      'ongegrond',
      'niet in behandeling',
      `U krijgt onze beslissing uiterlijk ${decisionBy}`,
      'recht om uw dossier in te zien',
    ]
    for (const part of parts) expect(mail.text).toContain(part)
    const pdf = await pdfTextOf(mail)
    for (const part of parts) expect(pdf).toContain(part)
    // Signed by the handler.
    expect(pdf).toContain('Anton Behandelaar behandelaar van uw klacht')
    await expectSendingRecorded(id, 'acknowledgement', 'acknowledgementAt')
  })

  it('Decision 14: letters carry Working Progression’s address and phone from the settings', async () => {
    const mail = await deliveredLetter(EMAIL, 'Bevestiging van uw klacht')
    const pdf = await pdfTextOf(mail)
    expect(pdf).toContain(
      `Working Progression ${ORGANISATION.street} ${ORGANISATION.postalCode} ${ORGANISATION.city} Telefoon ${ORGANISATION.phone}`,
    )
    expect(mail.text).toContain(`${ORGANISATION.street}, ${ORGANISATION.postalCode} ${ORGANISATION.city}`)
    expect(mail.text).toContain(`Telefoon: ${ORGANISATION.phone}`)
  })

  it('Art. 7 note: a delay notice past six weeks is refused at the new date', async () => {
    const c = await read(id)
    const tooLate = addDays(civil(c.deadlines?.decisionLimitBy ?? ''), 1)
    const errors = await refusal(
      update(handler, id, { delayNotice: { reason: 'Ziekte van de behandelaar.', newTargetDate: tooLate } }),
    )
    expect(errors['delayNotice.newTargetDate']).toMatch(/nooit later .*zes weken/)
    expect(
      fake.deliveries.some((d) => d.subject.startsWith('Uw klacht: het antwoord komt later') && d.to.includes(EMAIL)),
    ).toBe(false)
  })

  it('Art. 7 note: the delay notice gives the reason and the new date, never past six weeks', async () => {
    const c = await read(id)
    const limit = civil(c.deadlines?.decisionLimitBy ?? '')
    const newDate = addDays(limit, -2)
    const promised = civil(c.deadlines?.decisionTargetBy ?? '')
    const reason = 'Wij wachten nog op het verslag van uw coach bij UWV.'
    const saved = await update(handler, id, { delayNotice: { reason, newTargetDate: newDate } })
    expect(civil(saved.deadlines?.decisionTargetBy ?? '')).toBe(newDate)
    const mail = await deliveredLetter(EMAIL, 'Uw klacht: het antwoord komt later')
    const parts = [
      // The date it moves, as the acknowledgement stated it.
      `Wij hebben u beloofd dat u onze beslissing op uw klacht op ${dutch(promised)} zou krijgen.`,
      reason,
      `U krijgt onze beslissing nu uiterlijk ${dutch(newDate)}`,
      `zes weken na ontvangst van uw klacht (uiterlijk ${dutch(limit)})`,
    ]
    for (const part of parts) expect(mail.text).toContain(part)
    const pdf = await pdfTextOf(mail)
    for (const part of parts) expect(pdf).toContain(part)
    expect(newDate <= limit).toBe(true)
    await expectSendingRecorded(id, 'delay_notice', 'delayNoticeAt')
  })

  it('Art. 7 note: the delay notice goes out once; a later save of the case does not send it again', async () => {
    const before = fake.deliveries.filter((d) => d.to.includes(EMAIL)).length
    // Art. 6.1: recording that the documents were reviewed together is an ordinary save of the case.
    await update(handler, id, { hearing: { documentsReviewedAt: new Date().toISOString() } })
    // Decision 16: the reason of a notice already sent is what the complainant read; a handler cannot rewrite it.
    const reason = (await read(id)).delayNotice?.reason ?? ''
    const errors = await refusal(update(handler, id, { delayNotice: { reason: `${reason} (aangevuld)` } }))
    expect(errors['delayNotice.reason']).toMatch(/besluit 16/)
    expect((await read(id)).delayNotice?.reason).toBe(reason)
    await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
    expect((await storedLetter(id, 'delay_notice')).length).toBe(1)
    expect(
      fake.deliveries
        .filter((d) => d.to.includes(EMAIL))
        .slice(before)
        .map((d) => d.subject),
    ).toEqual([])
  })

  it('Art. 6: an invitation without a place is refused by name, at the place', async () => {
    const errors = await refusal(
      update(handler, id, { hearing: { at: '2026-12-10T13:00:00.000Z', durationMinutes: 90, sendInvitation: true } }),
    )
    expect(Object.keys(errors)).toEqual(['hearing.place'])
    expect(errors['hearing.place']).toMatch(/plaats/)
    expect(errors['hearing.place']).toMatch(/Uitnodiging voor een gesprek/)
  })

  let uid: string
  let firstSequence: number

  it('Art. 6: the hearing invitation gives date, time (Amsterdam) and place, with a calendar file at the same moment', async () => {
    const place = 'Kantoor Utrecht, Voorbeeldstraat 12; kamer 3'
    await update(handler, id, {
      hearing: {
        requestedBy: 'complainant',
        at: '2026-12-10T13:00:00.000Z',
        durationMinutes: 90,
        place,
        sendInvitation: true,
      },
    })
    const mail = await deliveredLetter(EMAIL, 'Uitnodiging voor een gesprek over uw klacht')
    expect(mail.subject).toBe(`Uitnodiging voor een gesprek over uw klacht (${ref})`)
    // 13:00 UTC is 14:00 in Amsterdam in December (CET).
    const parts = [
      'Datum: 10 december 2026',
      'Tijd: 14:00 uur',
      `Plaats: ${place}`,
      'Met: Anton Behandelaar',
      // Art. 6: everyone who will attend (no attendees recorded yet: the complainant and the handler).
      'Wie zijn er bij het gesprek?',
      '- Jan Jansen (klager)',
      '- Anton Behandelaar (behandelaar)',
    ]
    for (const part of parts) expect(mail.text).toContain(part)
    const pdf = await pdfTextOf(mail)
    for (const part of parts) expect(pdf).toContain(part)

    const calendars = mail.attachments.filter((a) => a.contentType?.startsWith('text/calendar'))
    expect(calendars).toHaveLength(1)
    expect(calendars[0]?.filename).toMatch(/\.ics$/)
    const ics = icsProperties(calendars[0]?.content.toString('utf8') ?? '')
    expect(ics.DTSTART).toBe('20261210T130000Z')
    expect(ics.DTEND).toBe('20261210T143000Z')
    expect(unescapeIcs(ics.LOCATION ?? '')).toBe(place)
    // One UID per case's hearing; the first invitation is sequence 0.
    expect(ics.UID).toBe(`gesprek-${id}@klachtenportaal.workingprogression.nl`)
    expect(ics.SEQUENCE).toBe('0')
    uid = ics.UID ?? ''
    firstSequence = Number(ics.SEQUENCE)
    expect((await read(id)).hearing?.sendInvitation).toBe(false)
    await expectSendingRecorded(id, 'hearing_invitation', 'hearingInvitationAt')
  })

  it('Art. 6: moving a hearing the complainant was invited to, without a new invitation, is refused at the box to tick', async () => {
    const errors = await refusal(
      update(handler, id, { hearing: { at: '2026-12-17T08:30:00.000Z', place: 'Online via Teams' } }),
    )
    expect(Object.keys(errors)).toEqual(['hearing.sendInvitation'])
    expect(errors['hearing.sendInvitation']).toMatch(/al uitgenodigd/)
  })

  it('Art. 6: a second invitation after moving the hearing keeps the calendar UID and raises SEQUENCE', async () => {
    await update(handler, id, {
      hearing: { at: '2026-12-17T08:30:00.000Z', place: 'Online via Teams', sendInvitation: true },
    })
    const mail = await deliveredLetter(EMAIL, 'Uitnodiging voor een gesprek over uw klacht', 2)
    for (const part of ['Datum: 17 december 2026', 'Tijd: 09:30 uur', 'Plaats: Online via Teams'])
      expect(mail.text).toContain(part)
    const calendar = mail.attachments.find((a) => a.contentType?.startsWith('text/calendar'))
    const ics = icsProperties(calendar?.content.toString('utf8') ?? '')
    expect(ics.UID).toBe(uid)
    expect(Number(ics.SEQUENCE)).toBeGreaterThan(firstSequence)
    expect(ics.DTSTART).toBe('20261217T083000Z')
    expect(unescapeIcs(ics.LOCATION ?? '')).toBe('Online via Teams')
    expect(await pdfTextOf(mail)).toContain('Tijd: 09:30 uur')
  })

  /**
   * A report records a hearing that took place (Art. 6.3): saved on the afternoon of the hearing of
   * 17 December 2026, by a clock of the test's own (only `Date`; restored after the save).
   */
  async function afterTheHearing<T>(save: () => Promise<T>): Promise<T> {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-17T14:00:00.000Z'))
    try {
      return await save()
    } finally {
      vi.useRealTimers()
    }
  }

  it('Art. 6.3: a report without its text is refused by name, at the report', async () => {
    const errors = await refusal(
      afterTheHearing(() =>
        update(handler, id, {
          hearing: { attendees: [{ name: 'Jan Jansen', role: 'complainant' }], sendReport: true },
        }),
      ),
    )
    expect(Object.keys(errors)).toEqual(['hearing.report'])
    expect(errors['hearing.report']).toMatch(/verslag/)
  })

  const REPORT = 'De klager lichtte toe dat vier afspraken niet doorgingen. De coach erkende twee gemiste afspraken.'
  const AGREEMENTS =
    'De klager krijgt een nieuwe coach. Wij bellen de klager op 5 januari 2027 om te horen hoe het gaat.'

  it('Art. 6.3: the hearing report is sent for signature with the attendees, a signature line each, and that the complainant need not sign', async () => {
    await afterTheHearing(() =>
      update(handler, id, {
        hearing: {
          attendees: [
            { name: 'Jan Jansen', role: 'complainant' },
            { name: 'Chris Coach', role: 'complained_about', email: 'chris.coach@wp.example' },
            { name: 'Anton Behandelaar', role: 'handler', email: 'anton@wp.example' },
          ],
          report: REPORT,
          sendReport: true,
        },
      }),
    )
    const mail = await deliveredLetter(EMAIL, 'Verslag van het gesprek over uw klacht')
    keep('hearing-report', mail)
    const parts = [
      REPORT,
      'Jan Jansen (klager)',
      'Chris Coach (over wie geklaagd wordt)',
      'Anton Behandelaar (behandelaar)',
      'U bent niet verplicht om te tekenen',
      'Op 17 december 2026',
    ]
    for (const part of parts) expect(mail.text).toContain(part)
    expect(mail.text?.match(/Handtekening:/g)).toHaveLength(3)
    for (const name of ['Jan Jansen', 'Chris Coach', 'Anton Behandelaar'])
      expect(mail.text).toContain(`Naam: ${name}\nHandtekening:`)
    const pdf = await pdfTextOf(mail)
    for (const part of parts) expect(pdf).toContain(part)
    expect(pdf.match(/Handtekening:/g)).toHaveLength(3)
    for (const name of ['Jan Jansen', 'Chris Coach', 'Anton Behandelaar'])
      expect(pdf).toContain(`Naam: ${name} Handtekening:`)
    // The agreements come by their own letter, not in the report.
    expect(mail.text).not.toContain(AGREEMENTS)
    await expectSendingRecorded(id, 'hearing_report', 'hearingReportAt')
  })

  it('Art. 6.3: the report also goes, for signature, to the other attendee with an address (not to the handler who sends it)', async () => {
    const mail = await deliveredLetter('chris.coach@wp.example', 'Verslag van het gesprek over klacht')
    expect(mail.text).toContain('Beste Chris Coach,')
    expect(mail.text).toContain('was u aanwezig bij het gesprek')
    expect(mail.text).toContain(REPORT)
    expect(mail.text).toContain('terugsturen aan Anton Behandelaar')
    expect(await pdfTextOf(mail)).toContain(REPORT)
    expect(fake.deliveries.filter((d) => d.to.includes('anton@wp.example'))).toEqual([])
    expect(await storedLetter(id, 'hearing_report_attendee')).toHaveLength(1)
  })

  it('Art. 6.3: an agreements letter without agreements is refused by name, at the agreements', async () => {
    const errors = await refusal(update(handler, id, { hearing: { sendAgreements: true } }))
    expect(Object.keys(errors)).toEqual(['hearing.agreements'])
    expect(errors['hearing.agreements']).toMatch(/afspraken/)
  })

  it('Art. 6.3: the agreements are confirmed by a separate letter', async () => {
    const before = fake.deliveries.filter((d) => d.to.includes(EMAIL)).length
    await update(handler, id, { hearing: { agreements: AGREEMENTS, sendAgreements: true } })
    const mail = await deliveredLetter(EMAIL, 'Bevestiging van onze afspraken')
    expect(mail.subject).toBe(`Bevestiging van onze afspraken (${ref})`)
    expect(mail.text).toContain(AGREEMENTS)
    expect(mail.text).not.toContain(REPORT)
    expect(await pdfTextOf(mail)).toContain(AGREEMENTS)
    // Exactly one new message: the report was not sent again.
    const fresh = fake.deliveries
      .filter((d) => d.to.includes(EMAIL))
      .slice(before)
      .map((d) => d.subject)
    expect(fresh.filter((s) => s.startsWith('Bevestiging van onze afspraken'))).toEqual([
      `Bevestiging van onze afspraken (${ref})`,
    ])
    expect(fresh.filter((s) => s.startsWith('Verslag van het gesprek'))).toEqual([])
    expect((await storedLetter(id, 'agreements_confirmation')).length).toBe(1)
    await expectSendingRecorded(id, 'agreements_confirmation', 'agreementsConfirmationAt')
  })

  it('Art. 8.2: the decision holds the complaint as formulated, the facts as seen, the reasoned position, the outcome, the remedy, and refers to the UWV expert by name', async () => {
    const decision = {
      outcome: 'upheld',
      factsAsSeen: 'De coach heeft twee afspraken gemist en niet afgebeld.',
      reasonedPosition: 'Afspraken nakomen of tijdig afzeggen hoort bij behoorlijke begeleiding.',
      remedy: 'partial',
      remedyExplanation:
        'Het gemiste sollicitatiegesprek kunnen wij niet terughalen; wij bieden extra begeleiding aan.',
    }
    await update(handler, id, { status: 'decided', decision })
    const mail = await deliveredLetter(EMAIL, 'Beslissing op uw klacht')
    keep('decision', mail)
    expect(mail.subject).toBe(`Beslissing op uw klacht (${ref})`)
    const parts = [
      decision.factsAsSeen,
      decision.reasonedPosition,
      'wij vinden uw klacht gegrond',
      'De gevolgen zijn gedeeltelijk te herstellen.',
      decision.remedyExplanation,
      'De behandelaar van uw klacht neemt contact met u op over de oplossing',
      `arbeidsdeskundige van UWV: ${EXPERT.name} (${EXPERT.email})`,
      'klachtenregeling van UWV',
      // Art. 8: how to reach UWV's procedure (settings) and the handler directly (users).
      'Zo bereikt u de klachtenregeling van UWV: https://www.uwv.example/klacht',
      'Neem dan contact op met Anton Behandelaar, de behandelaar van uw klacht, via anton@example.nl.',
    ]
    // The complaint exactly as the complainant formulated it.
    expect(mail.text).toContain(COMPLAINT)
    for (const part of parts) expect(mail.text).toContain(part)
    const pdf = await pdfTextOf(mail)
    expect(pdf).toContain(squash(COMPLAINT))
    for (const part of parts) expect(pdf).toContain(part)
    expect(pdf).toContain('Jan Jansen Kerkstraat 3 2000 AA Haarlem')
    await expectSendingRecorded(id, 'decision', 'decisionAt')
  })
})

// ---------------------------------------------------------------------------------------------
// The other endings.

describe('the other endings', () => {
  it('Art. 7, 8.5: the notice of non-admission gives the ground, the reasons, the case’s UWV labour expert by name and UWV’s complaint procedure', async () => {
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Nico Niet', email: 'nico@example.nl' },
      complaintText: 'Mijn coach was in september een keer te laat.',
      // Decision 11: the client's own labour expert instead of the default.
      uwvLabourExpert: { name: 'B. Eigen', email: 'b.eigen@uwv.example' },
    })
    await deliveredLetter('b.eigen@uwv.example', `Melding nieuwe klacht ${c.reference}`)
    const reasons = 'Over dezelfde afspraak hebt u in augustus al geklaagd; die klacht is afgehandeld.'
    await update(handler, c.id, {
      status: 'not_admitted',
      nonAdmission: { ground: 'already_subject', earlierReference: 'WP-2026-0001', reasons },
    })
    const mail = await deliveredLetter('nico@example.nl', 'Wij nemen uw klacht niet in behandeling')
    const parts = [
      'De reden: Dezelfde gedraging was al eerder onderwerp van een klacht (WP-2026-0001).',
      reasons,
      'arbeidsdeskundige van UWV: B. Eigen (b.eigen@uwv.example)',
      'klachtenregeling van UWV',
      `klacht van ${dutchAt(c.receivedAt)}`,
    ]
    for (const part of parts) expect(mail.text).toContain(part)
    expect(mail.text).not.toContain(EXPERT.name)
    const pdf = await pdfTextOf(mail)
    for (const part of parts) expect(pdf).toContain(part)
    await expectSendingRecorded(c.id, 'non_admission_notice', 'nonAdmissionNoticeAt')
  })

  it('Art. 8.5: the other ground, insufficient interest, is named as such', async () => {
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Ina Interesse', email: 'ina@example.nl' },
      complaintText: 'De koffie bij het gesprek was koud.',
    })
    await update(handler, c.id, {
      status: 'not_admitted',
      nonAdmission: { ground: 'insufficient_interest', reasons: 'Koude koffie raakt uw traject niet.' },
    })
    const mail = await deliveredLetter('ina@example.nl', 'Wij nemen uw klacht niet in behandeling')
    expect(mail.text).toContain('De reden: Uw belang of het gewicht van de gedraging is kennelijk onvoldoende.')
    expect(mail.text).toContain(`${EXPERT.name} (${EXPERT.email})`)
  })

  it('a letter that cannot be stored right after its save (disk full) is not lost: the save stands, and a job issues the letter as composed', async () => {
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Vera Vol', email: 'vera@example.nl' },
      complaintText: 'Niemand belde terug.',
    })
    const original = payload.db.create.bind(payload.db)
    let refused = 0
    payload.db.create = async (args) => {
      if (args.collection === 'letters' && refused === 0) {
        refused += 1
        throw new Error('SQLITE_FULL: database or disk is full')
      }
      return original(args) as Promise<unknown>
    }
    try {
      await update(handler, c.id, {
        status: 'not_admitted',
        nonAdmission: { ground: 'insufficient_interest', reasons: 'Eén gemist telefoontje raakt uw traject niet.' },
      })
    } finally {
      payload.db.create = original
    }
    expect(refused).toBe(1)
    expect((await read(c.id)).status).toBe('not_admitted')
    expect(
      (
        await payload.count({
          collection: 'letters',
          where: { and: [{ complaint: { equals: c.id } }, { purpose: { equals: 'non_admission_notice' } }] },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)

    const mail = await deliveredLetter('vera@example.nl', 'Wij nemen uw klacht niet in behandeling')
    expect(mail.text).toContain('Eén gemist telefoontje raakt uw traject niet.')
    expect(await storedLetter(c.id, 'non_admission_notice')).toHaveLength(1)
    const events = await payload.find({
      collection: 'case-events',
      where: { and: [{ complaint: { equals: c.id } }, { type: { equals: 'letter_issued' } }] },
      overrideAccess: true,
    })
    expect(events.docs.map((e) => e.data)).toEqual([
      expect.objectContaining({ purpose: 'non_admission_notice', retried: true }),
    ])
  })

  it('Art. 5 note: the informal settlement is confirmed with the oral answer and the agreements', async () => {
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Ilse Informeel', email: 'ilse@example.nl' },
      complaintText: 'Niemand belde mij terug.',
    })
    const informal = {
      oralAnswer: 'Wij hebben u op 20 november gebeld en onze excuses aangeboden voor het uitblijven van een reactie.',
      agreements: 'Uw coach belt u voortaan elke maandag.',
      satisfactionConfirmedAt: new Date().toISOString(),
    }
    await update(handler, c.id, { status: 'resolved_informally', informal })
    const mail = await deliveredLetter('ilse@example.nl', 'Afspraken over uw klacht')
    expect(mail.subject).toBe(`Afspraken over uw klacht (${c.reference})`)
    const parts = [
      informal.oralAnswer,
      informal.agreements,
      'naar tevredenheid is afgehandeld',
      'dossier altijd inzien',
    ]
    for (const part of parts) expect(mail.text).toContain(part)
    const pdf = await pdfTextOf(mail)
    for (const part of parts) expect(pdf).toContain(part)
  })

  it('Art. 8.2: a decision not upheld says so and offers no remedy, with the UWV referral', async () => {
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Olga Ongegrond', email: 'olga@example.nl' },
      complaintText: 'Mijn coach was onaardig.',
    })
    await update(handler, c.id, {
      status: 'acknowledged',
      acknowledgement: { factsSummary: 'Een gesprek op 2 november.', statedTermWeeks: 4 },
    })
    await update(handler, c.id, {
      status: 'decided',
      decision: {
        outcome: 'not_upheld',
        factsAsSeen: 'Het gesprek verliep zakelijk.',
        reasonedPosition: 'Wij zien geen onbehoorlijk gedrag.',
      },
    })
    const mail = await deliveredLetter('olga@example.nl', 'Beslissing op uw klacht')
    expect(mail.text).toContain('wij vinden uw klacht ongegrond')
    expect(mail.text).toContain('Mijn coach was onaardig.')
    expect(mail.text).not.toMatch(/te herstellen/)
    expect(mail.text).toContain(`arbeidsdeskundige van UWV: ${EXPERT.name}`)
  })
})

// ---------------------------------------------------------------------------------------------
// A hearing that will not take place, and a withdrawal.

describe('a hearing that does not take place, and a withdrawal', () => {
  /** A moment `days` ahead at 10:00 UTC: a hearing still to come whenever the test runs. */
  const ahead = (days: number) => {
    const d = new Date(Date.now() + days * 86_400_000)
    d.setUTCHours(10, 0, 0, 0)
    return d.toISOString()
  }
  const dutchTime = (iso: string) =>
    new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(
      new Date(iso),
    )
  const calendarOf = (mail: FakeDelivery) => {
    const files = mail.attachments.filter((a) => a.contentType?.startsWith('text/calendar'))
    expect(files).toHaveLength(1)
    return { file: files[0], ics: icsProperties(files[0]?.content.toString('utf8') ?? '') }
  }
  const invite = async (id: string, email: string, at: string, count = 1) => {
    await update(handler, id, {
      hearing: { requestedBy: 'complainant', at, durationMinutes: 60, place: 'Kantoor Utrecht', sendInvitation: true },
    })
    return calendarOf(await deliveredLetter(email, 'Uitnodiging voor een gesprek over uw klacht', count)).ics
  }

  it('Art. 6: clearing the date of a hearing the complainant was invited to calls it off in writing, and removes it from their calendar (same UID, higher SEQUENCE, CANCEL)', async () => {
    const email = 'gert@example.nl'
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Gert Gesprek', email },
      complaintText: 'Mijn coach zei afspraken af.',
    })
    const at = ahead(9)
    const invitation = await invite(c.id, email, at)

    await update(handler, c.id, { hearing: { at: null } })
    const mail = await deliveredLetter(email, 'Het gesprek over uw klacht gaat niet door')
    expect(mail.subject).toBe(`Het gesprek over uw klacht gaat niet door (${c.reference})`)
    const parts = [
      `gesprek op ${dutchAt(at)} om ${dutchTime(at)} uur over uw klacht`,
      'Dat gesprek gaat niet door.',
      'In de bijlage vindt u een bericht voor uw agenda.',
      `Noem daarbij uw kenmerk: ${c.reference}`,
    ]
    for (const part of parts) expect(mail.text).toContain(part)
    const pdf = await pdfTextOf(mail)
    for (const part of parts.slice(0, 2)) expect(pdf).toContain(part)
    keep('hearing-cancellation', mail)
    const { file, ics } = calendarOf(mail)
    expect(file?.contentType).toContain('method=CANCEL')
    expect(ics.METHOD).toBe('CANCEL')
    expect(ics.STATUS).toBe('CANCELLED')
    expect(ics.UID).toBe(invitation.UID)
    expect(Number(ics.SEQUENCE)).toBeGreaterThan(Number(invitation.SEQUENCE))
    expect(ics.DTSTART).toBe(invitation.DTSTART)
    expect((await read(c.id)).hearing?.at ?? null).toBeNull()
    await expectSendingRecorded(c.id, 'hearing_cancellation', 'hearingCancellationAt')

    // Planned again: a new appointment with a UID of its own (some calendars never revive a cancelled UID).
    // Setting a date does not ask for an invitation now: the last one was called off.
    await update(handler, c.id, { hearing: { at: ahead(16) } })
    const again = await invite(c.id, email, ahead(16), 2)
    expect(again.UID).not.toBe(invitation.UID)
    expect(again.UID).toMatch(/^gesprek-.+@klachtenportaal\.workingprogression\.nl$/)
    expect(Number(again.SEQUENCE)).toBeGreaterThan(Number(ics.SEQUENCE))
    expect(again.METHOD).toBe('PUBLISH')
    // Called off once more: the cancellation matches that second appointment.
    await update(handler, c.id, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
    const second = calendarOf(await deliveredLetter(email, 'Het gesprek over uw klacht gaat niet door', 2)).ics
    expect(second.UID).toBe(again.UID)
    expect(second.METHOD).toBe('CANCEL')
    expect(Number(second.SEQUENCE)).toBeGreaterThan(Number(again.SEQUENCE))
  })

  it('Decision 9: a withdrawal is confirmed in writing with its date; a hearing still ahead is called off with it', async () => {
    const email = 'wim@example.nl'
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Wim Weg', email },
      complaintText: 'Mijn coach was te laat.',
    })
    const at = ahead(12)
    await invite(c.id, email, at)
    const withdrawnAt = new Date().toISOString()
    await update(handler, c.id, { status: 'withdrawn', withdrawal: { withdrawnAt, note: 'Telefonisch ingetrokken.' } })

    const confirmation = await deliveredLetter(email, 'U hebt uw klacht ingetrokken')
    expect(confirmation.subject).toBe(`U hebt uw klacht ingetrokken (${c.reference})`)
    const parts = [
      `Datum van intrekking: ${dutchAt(withdrawnAt)}`,
      `uw klacht van ${dutchAt(c.receivedAt)} intrekt`,
      'geen beslissing',
    ]
    for (const part of parts) expect(confirmation.text).toContain(part)
    const pdf = await pdfTextOf(confirmation)
    for (const part of parts) expect(pdf).toContain(part)
    keep('withdrawal-confirmation', confirmation)
    await expectSendingRecorded(c.id, 'withdrawal_confirmation', 'withdrawalConfirmationAt')

    const cancellation = await deliveredLetter(email, 'Het gesprek over uw klacht gaat niet door')
    expect(cancellation.text).toContain(`gesprek op ${dutchAt(at)} om ${dutchTime(at)} uur over uw klacht`)
    expect(calendarOf(cancellation).ics.METHOD).toBe('CANCEL')
    // The case keeps the hearing as it was planned: the dossier shows what was called off.
    expect((await read(c.id)).hearing?.at).toBe(at)
  })

  it('Art. 6: a second hearing, after a first one with its report, is called off like any other', async () => {
    const email = 'tom@example.nl'
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Tom Tweemaal', email },
      complaintText: 'Mijn coach luisterde niet.',
    })
    await invite(c.id, email, ahead(-2))
    await update(handler, c.id, {
      hearing: {
        attendees: [{ name: 'Tom Tweemaal', role: 'complainant' }],
        report: 'Eerste gesprek.',
        sendReport: true,
      },
    })
    await deliveredLetter(email, 'Verslag van het gesprek over uw klacht')
    const at = ahead(6)
    await invite(c.id, email, at, 2)
    await update(handler, c.id, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
    const mail = await deliveredLetter(email, 'Het gesprek over uw klacht gaat niet door')
    expect(mail.text).toContain(`gesprek op ${dutchAt(at)} om ${dutchTime(at)} uur`)
  })

  it('Art. 6: nothing to call off for a hearing nobody was invited to, or one that already took place', async () => {
    const email = 'nora@example.nl'
    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Nora Nooit', email },
      complaintText: 'Ik kreeg geen verslag.',
    })
    await update(handler, c.id, { hearing: { at: ahead(5), place: 'Kantoor Utrecht' } })
    await update(handler, c.id, { hearing: { at: null } })

    const past = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Piet Verleden', email: 'piet@example.nl' },
      complaintText: 'Het gesprek liep uit.',
    })
    // The hearing took place yesterday; then the complainant withdraws.
    await invite(past.id, 'piet@example.nl', ahead(-1))
    await update(handler, past.id, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
    await deliveredLetter('piet@example.nl', 'U hebt uw klacht ingetrokken')

    // A report of a hearing whose date lies ahead is refused (Art. 6.3, test/int/case-rules.int.spec.ts).

    await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
    for (const id of [c.id, past.id]) expect(await storedLetter(id, 'hearing_cancellation')).toHaveLength(0)
    const addresses = [email, 'piet@example.nl']
    expect(
      fake.deliveries.filter(
        (d) =>
          d.subject.startsWith('Het gesprek over uw klacht gaat niet door') &&
          addresses.some((to) => d.to.includes(to)),
      ),
    ).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// The texts of the letters, as editors maintain them.

describe('letter texts (collection letter-templates)', () => {
  const templateOf = async (kind: LetterTemplate['kind']) => {
    const doc = (
      await payload.find({
        collection: 'letter-templates',
        where: { kind: { equals: kind } },
        overrideAccess: true,
        depth: 0,
      })
    ).docs[0]
    if (!doc) throw new Error(`no template ${kind}`)
    return doc
  }
  const editTemplate = (user: Staff, id: string, data: Partial<LetterTemplate>) =>
    payload.update({ collection: 'letter-templates', id, data, overrideAccess: false, user })

  it('Art. 5: an editor cannot save the acknowledgement without {{feiten}}; the refusal names it', async () => {
    const t = await templateOf('acknowledgement')
    const errors = await refusal(editTemplate(editor, t.id, { body: t.body.replace('{{feiten}}', '') }))
    expect(errors.body).toContain('{{feiten}}')
    expect(errors.body).toMatch(/[Aa]rtikel 5/)
    expect((await templateOf('acknowledgement')).body).toBe(t.body)
  })

  it('an unknown placeholder {{foo}} is refused', async () => {
    const t = await templateOf('acknowledgement')
    const errors = await refusal(editTemplate(editor, t.id, { body: `${t.body}\n\nGroet van {{foo}}.` }))
    expect(errors.body).toContain('{{foo}}')
    const subject = await refusal(editTemplate(editor, t.id, { subject: 'Bevestiging {{foo}}' }))
    expect(subject.subject).toContain('{{foo}}')
  })

  it('Art. 8: a placeholder of another letter is refused too ({{feiten}} is not part of the decision)', async () => {
    const t = await templateOf('decision')
    const errors = await refusal(editTemplate(editor, t.id, { body: `${t.body}\n\n{{feiten}}` }))
    expect(errors.body).toContain('{{feiten}}')
  })

  it('Art. 8: the notice of non-admission keeps the referral to the UWV labour expert and UWV’s complaint procedure, on every path', async () => {
    const t = await templateOf('non_admission_notice')
    // Control: a reworded referral that keeps both is saved by the editor.
    const reworded = t.body.replace(
      /Bent u het niet eens met deze beslissing.*via de klachtenregeling van UWV\./,
      'Niet eens met ons besluit? Bel de arbeidsdeskundige van UWV: {{arbeidsdeskundige}}. Of gebruik de klachtenregeling van UWV.',
    )
    expect(reworded).not.toBe(t.body)
    expect((await editTemplate(editor, t.id, { body: reworded })).body).toBe(reworded)

    const withoutProcedure = reworded.replace('Of gebruik de klachtenregeling van UWV.', 'Of bel UWV.')
    const withoutExpert = reworded.replace(': {{arbeidsdeskundige}}', '')
    const asEditor = await refusal(editTemplate(editor, t.id, { body: withoutProcedure }))
    expect(asEditor.body).toContain(
      'de verwijzing naar de klachtenregeling van UWV (artikel 8) (met de woorden "klachtenregeling van UWV")',
    )
    expect((await refusal(editTemplate(editor, t.id, { body: withoutExpert }))).body).toContain(
      '{{arbeidsdeskundige}} (de arbeidsdeskundige van UWV)',
    )
    // The Local API without a user (trusted code) and the REST API refuse it too.
    const trusted = await refusal(
      payload.update({
        collection: 'letter-templates',
        id: t.id,
        data: { body: withoutProcedure },
        overrideAccess: true,
      }),
    )
    expect(trusted.body).toBe(asEditor.body)
    const token = await staffUserToken(payload, editor.email)
    const rest = await ctx.rest(`/letter-templates/${t.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: withoutProcedure }),
    })
    expect(rest.status).toBe(400)
    expect((await templateOf('non_admission_notice')).body).toBe(reworded)
    await editTemplate(editor, t.id, { body: t.body })
  })

  it('Art. 5: an editor’s change applies to the next acknowledgement, without a restart', async () => {
    const sentence = 'Heeft u vragen over deze brief? Bel ons gerust op werkdagen tussen 9 en 17 uur.'
    expect(fake.deliveries.some((d) => d.text?.includes(sentence))).toBe(false)
    const t = await templateOf('acknowledgement')
    const saved = await editTemplate(editor, t.id, { body: `${t.body}\n\n${sentence}` })
    expect(typeof saved.lastEditedBy === 'object' ? saved.lastEditedBy?.id : saved.lastEditedBy).toBe(editor.id)

    const c = await recordCase({
      channel: 'email',
      complainant: { role: 'client', name: 'Nina Nieuw', email: 'nina@example.nl' },
      complaintText: 'Mijn dossier is zoek.',
    })
    await deliveredLetter(EXPERT.email, `Melding nieuwe klacht ${c.reference}`)
    await update(handler, c.id, {
      status: 'acknowledged',
      acknowledgement: { factsSummary: 'Het dossier was tijdelijk niet te vinden.', statedTermWeeks: 3 },
    })
    const mail = await deliveredLetter('nina@example.nl', 'Bevestiging van uw klacht')
    expect(mail.text).toContain(sentence)
    expect(await pdfTextOf(mail)).toContain(sentence)
    // Art. 7 note: the stated term of three weeks is the decision date.
    expect(mail.text).toContain(`U krijgt onze beslissing uiterlijk ${dutch(civil(c.receivedAt), 21)}`)
    await editTemplate(editor, t.id, { body: t.body })
  })

  describe('access per role (deny by default)', () => {
    let informalId: string
    beforeAll(async () => {
      informalId = (await templateOf('informal_confirmation')).id
    })

    it('an editor and an admin read and update the letter texts', async () => {
      for (const user of [editor, admin]) {
        const { docs } = await payload.find({ collection: 'letter-templates', overrideAccess: false, user, limit: 100 })
        expect(docs.map((d) => d.kind).sort()).toEqual(
          [
            'acknowledgement',
            'agreements_confirmation',
            'decision',
            'delay_notice',
            'handler_change',
            'hearing_cancellation',
            'hearing_invitation',
            'hearing_report',
            'hearing_report_attendee',
            'informal_confirmation',
            'non_admission_notice',
            'receipt',
            'uwv_notification',
            'withdrawal_confirmation',
            'written_version',
          ].sort(),
        )
        const closing = `Hartelijke groet van ${user.name},`
        const saved = await editTemplate(user, informalId, { closing })
        expect(saved.closing).toBe(closing)
      }
      await editTemplate(editor, informalId, { closing: 'Met vriendelijke groet,' })
    })

    it('a manager reads them but cannot change them', async () => {
      const { docs } = await payload.find({
        collection: 'letter-templates',
        overrideAccess: false,
        user: manager,
        limit: 100,
      })
      expect(docs).toHaveLength(15)
      await expect(editTemplate(manager, informalId, { closing: 'Groet van de manager,' })).rejects.toThrow()
      expect((await templateOf('informal_confirmation')).closing).toBe('Met vriendelijke groet,')
    })

    it('a handler cannot read them', async () => {
      await expect(
        payload.find({ collection: 'letter-templates', overrideAccess: false, user: handler }),
      ).rejects.toThrow()
      await expect(
        payload.findByID({ collection: 'letter-templates', id: informalId, overrideAccess: false, user: handler }),
      ).rejects.toThrow()
      await expect(editTemplate(handler, informalId, { closing: 'Groet,' })).rejects.toThrow()
    })

    it('nobody creates or deletes a letter text, not even an admin', async () => {
      const t = await templateOf('informal_confirmation')
      for (const user of [admin, manager, handler, editor]) {
        await expect(
          payload.create({
            collection: 'letter-templates',
            overrideAccess: false,
            user,
            data: {
              kind: 'informal_confirmation',
              subject: t.subject,
              salutation: t.salutation,
              body: t.body,
              closing: t.closing,
            },
          }),
        ).rejects.toThrow()
        await expect(
          payload.delete({ collection: 'letter-templates', id: informalId, overrideAccess: false, user }),
        ).rejects.toThrow()
      }
      expect((await payload.count({ collection: 'letter-templates', overrideAccess: true })).totalDocs).toBe(15)
    })

    it('the same through the REST API', async () => {
      const token = async (user: Staff) => ({ authorization: `JWT ${await staffUserToken(payload, user.email)}` })
      const as = {
        admin: await token(admin),
        manager: await token(manager),
        handler: await token(handler),
        editor: await token(editor),
      }
      const status = async (method: string, url: string, headers: Record<string, string> | undefined, body?: unknown) =>
        (
          await ctx.rest(url, {
            method,
            headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
          })
        ).status

      expect(await status('GET', '/letter-templates', undefined)).toBe(403)
      expect(await status('GET', '/letter-templates', as.handler)).toBe(403)
      for (const who of [as.editor, as.admin, as.manager])
        expect(await status('GET', `/letter-templates/${informalId}`, who)).toBe(200)
      expect(await status('PATCH', `/letter-templates/${informalId}`, as.manager, { closing: 'Groet,' })).toBe(403)
      expect(
        await status('PATCH', `/letter-templates/${informalId}`, as.editor, { closing: 'Met vriendelijke groet,' }),
      ).toBe(200)
      expect(
        await status('PATCH', `/letter-templates/${informalId}`, as.editor, { body: 'Alleen {{afspraken}}.' }),
      ).toBe(400)
      for (const who of [as.admin, as.editor]) {
        expect(
          await status('POST', '/letter-templates', who, {
            kind: 'decision',
            subject: 'x',
            salutation: 'x',
            body: 'x',
            closing: 'x',
          }),
        ).toBe(403)
        expect(await status('DELETE', `/letter-templates/${informalId}`, who)).toBe(403)
      }
    })
  })
})
