import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import type { Complaint, User } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { MESSAGE_NAME_NEEDS_LATIN } from '../../hooks/complaints/schema'
import { type FakeDelivery, type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { minimalPdf } from '../helpers/files'
import { intakeForm, recordedComplaint, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { pdfToText, squash } from '../helpers/pdfText'
import { refusal } from '../helpers/refusal'
import { createStaffUser, staffUserToken } from '../helpers/staff'

/**
 * Names print in letters as the complainant typed them (Art. 5: every letter is addressed to them);
 * a name in a script letters cannot set yet (Arabic, Hebrew…) needs a Latin spelling beside it, asked
 * at intake; any other text letters cannot print refuses the letter at its field before it is sent.
 * Set KEEP_LETTER_PDFS=1 to keep the receipts in /tmp/letters for a person to look at.
 */

type Staff = User & { collection: 'users' }

const API_KEY = 're_letter_names_key'
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }
const EXPERT = { name: 'A. Deskundige', email: 'ad@uwv.example' }
const ARABIC = /[\u0590-\u08ff]/

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: Staff
let handler: Staff

const intake = (data: Record<string, unknown>, files: { name: string; type: string; bytes: Buffer }[] = []) =>
  ctx.rest('/complaints/intake', { method: 'POST', body: intakeForm(data, files), headers: SITE })

const count = async (
  collection: 'complaints' | 'complaint-attachments' | 'case-events' | 'outbox' | 'payload-jobs' | 'letters',
  where?: Where,
) => (await payload.count({ collection, where, overrideAccess: true })).totalDocs
const counts = () =>
  Promise.all(
    (['complaints', 'complaint-attachments', 'case-events', 'outbox', 'payload-jobs', 'letters'] as const).map((c) =>
      count(c),
    ),
  )

const byReference = async (reference: string): Promise<Complaint> => {
  const stored = (
    await payload.find({ collection: 'complaints', where: { reference: { equals: reference } }, overrideAccess: true })
  ).docs[0]
  if (!stored) throw new Error(`${reference} not stored`)
  return stored
}

/** Runs the letters' queue until the fake Resend server holds a message to `to` whose subject starts so. */
async function delivered(to: string, subject: string): Promise<FakeDelivery> {
  for (let round = 0; round < 8; round += 1) {
    const found = fake.deliveries.filter((d) => d.to.includes(to) && d.subject.startsWith(subject)).at(-1)
    if (found) return found
    await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
  }
  throw new Error(
    `no message "${subject}" to ${to}; delivered: ${fake.deliveries.map((d) => `${d.to.join()}: ${d.subject}`).join(' | ')}`,
  )
}

async function pdfText(d: FakeDelivery, keepAs?: string): Promise<string> {
  const pdf = d.attachments.find((a) => a.contentType === 'application/pdf')?.content
  if (!pdf) throw new Error('no PDF attached')
  if (keepAs && process.env.KEEP_LETTER_PDFS) {
    mkdirSync('/tmp/letters', { recursive: true })
    writeFileSync(`/tmp/letters/${keepAs}.pdf`, pdf)
  }
  return squash(await pdfToText(pdf))
}

async function dossierPdfText(complaint: string, purpose: string): Promise<string> {
  const { docs } = await payload.find({
    collection: 'letters',
    where: { and: [{ complaint: { equals: complaint } }, { purpose: { equals: purpose } }] },
    overrideAccess: true,
    depth: 0,
  })
  expect(docs).toHaveLength(1)
  return squash(
    await pdfToText(readFileSync(path.join(process.env.UPLOAD_DIR ?? '', 'letters', docs[0]?.filename ?? ''))),
  )
}

const staff = (email: string, name: string, roles: User['roles']): Promise<Staff> =>
  createStaffUser(payload, email, name, roles)

const recorded = (complainant: Partial<Complaint['complainant']>) =>
  recordedComplaint({
    complainant: { role: 'client', email: 'klager@example.nl', ...complainant } as Complaint['complainant'],
    complaintText: 'Mijn coach kwam drie keer niet opdagen.',
    assignedHandler: handler.id,
  })

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  for (const step of seedSteps.filter((s) => s.name === 'site service account' || s.name === 'letter texts'))
    await step.run(payload, env)
  manager = await staff('manager@example.nl', 'Maria Manager', ['manager'])
  handler = await staff('anton@example.nl', 'Anton Behandelaar', ['handler'])
  await payload.updateGlobal({ slug: 'settings', data: { uwvLabourExpert: EXPERT } })
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('web intake: a name letters cannot print needs a Latin spelling (Art. 5)', () => {
  it('refuses an Arabic name without a Latin spelling at the name field, and stores nothing (not even the attachment)', async () => {
    const before = await counts()
    const response = await intake(validIntake({ name: 'محمد الأحمد', email: 'mohammed@example.nl' }), [
      { name: 'brief.pdf', type: 'application/pdf', bytes: minimalPdf() },
    ])
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Record<string, string> }).errors).toEqual({
      name: MESSAGE_NAME_NEEDS_LATIN,
    })
    expect(await counts()).toEqual(before)
  })

  it('stores it with the Latin spelling beside the name as typed; the receipt and the UWV notification print the Latin spelling', async () => {
    const response = await intake(
      validIntake({ name: 'محمد الأحمد', nameLatin: 'Mohammed al-Ahmad', email: 'mohammed@example.nl' }),
    )
    expect(response.status).toBe(201)
    const { reference } = (await response.json()) as { reference: string }
    const stored = await byReference(reference)
    expect([stored.complainant.name, stored.complainant.nameLatin]).toEqual(['محمد الأحمد', 'Mohammed al-Ahmad'])

    const receipt = await delivered('mohammed@example.nl', 'Wij hebben uw klacht ontvangen')
    expect(receipt.text).toContain('Beste Mohammed al-Ahmad,')
    for (const text of [await pdfText(receipt, 'receipt-latin-spelling'), await dossierPdfText(stored.id, 'receipt')]) {
      expect(text).toContain('Mohammed al-Ahmad')
      expect(text).toContain('Beste Mohammed al-Ahmad,')
      expect(text).toContain(`Kenmerk: ${reference}`)
      expect(text).not.toMatch(ARABIC)
    }
    const uwv = await delivered(EXPERT.email, `Melding nieuwe klacht ${reference}`)
    expect(uwv.text).toContain('Naam cliënt: Mohammed al-Ahmad')
    expect(await dossierPdfText(stored.id, 'uwv_notification')).toContain('Naam cliënt: Mohammed al-Ahmad')
  })

  it('refuses a "Latin" spelling that letters cannot print either, at that field', async () => {
    const before = await counts()
    const response = await intake(validIntake({ name: 'דוד לוי', nameLatin: 'דוד' }))
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Record<string, string> }).errors).toEqual({
      nameLatin:
        'Gebruik hier alleen Latijnse letters, zoals in uw paspoort. Brieven kunnen deze tekens niet afdrukken: ד, ו',
    })
    expect(await counts()).toEqual(before)
  })

  it.each([
    ['Polish', 'Łukasz Żółćkiewicz', 'lukasz@example.nl'],
    ['Vietnamese', 'Nguyễn Thị Ánh Tuyết', 'tuyet@example.nl'],
    ['Turkish', 'Şükrü Öztürk', 'sukru@example.nl'],
    ['Greek', 'Ελένη Παπαδοπούλου', 'eleni@example.nl'],
    ['Cyrillic', 'Юлия Щукина', 'yulia@example.nl'],
  ])('a %s name needs no Latin spelling and prints as typed in the receipt', async (_, name, email) => {
    const response = await intake(
      validIntake({ name, email, street: 'ulica Świętokrzyska 12', postalCode: '1017 GB', city: 'Amsterdam' }),
    )
    expect(response.status).toBe(201)
    const { reference } = (await response.json()) as { reference: string }
    expect((await byReference(reference)).complainant.nameLatin ?? null).toBeNull()
    const receipt = await delivered(email, 'Wij hebben uw klacht ontvangen')
    expect(receipt.text).toContain(`Beste ${name},`)
    const text = await pdfText(receipt, `receipt-${email.split('@')[0]}`)
    expect(text).toContain(`${name} ulica Świętokrzyska 12 1017 GB Amsterdam`)
    expect(text).toContain(`Beste ${name},`)
  })
})

describe('staff intake and changes: the same rule on every path', () => {
  it('Art. 3: a manager recording a Hebrew name (Local API) is refused at the name until the Latin spelling is given', async () => {
    const before = await count('complaints')
    const errors = await refusal(
      payload.create({
        collection: 'complaints',
        overrideAccess: false,
        user: manager,
        data: recorded({ name: 'דוד לוי' }),
      }),
    )
    expect(errors).toEqual({ 'complainant.name': MESSAGE_NAME_NEEDS_LATIN })
    expect(await count('complaints')).toBe(before)
    // Trusted code without a user is held to it as well.
    expect(
      await refusal(
        payload.create({ collection: 'complaints', overrideAccess: true, data: recorded({ name: 'דוד לוי' }) }),
      ),
    ).toEqual({ 'complainant.name': MESSAGE_NAME_NEEDS_LATIN })

    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: recorded({ name: 'דוד לוי', nameLatin: 'David Levi', email: 'david@example.nl' }),
    })
    expect(c.complainant.nameLatin).toBe('David Levi')
    const written = await delivered('david@example.nl', 'Uw klacht zoals wij die hebben opgeschreven')
    expect(await pdfText(written)).toContain('Beste David Levi,')
  })

  it('over REST, a change that removes the Latin spelling of such a name, or makes it unprintable, is refused at its field', async () => {
    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: true,
      data: recorded({ name: 'سارا', nameLatin: 'Sara', email: 'sara@example.nl' }),
    })
    const token = await staffUserToken(payload, manager.email)
    const patch = (complainant: Record<string, unknown>) =>
      ctx.rest(`/complaints/${c.id}`, {
        method: 'PATCH',
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ complainant }),
      })
    const fieldErrors = async (response: Response) => {
      const body = (await response.json()) as { errors?: { data?: { errors?: { path: string; message: string }[] } }[] }
      return Object.fromEntries((body.errors?.[0]?.data?.errors ?? []).map((e) => [e.path, e.message]))
    }
    // Control: a change of the phone number goes through.
    expect((await patch({ phone: '06 12345678' })).status).toBe(200)
    const cleared = await patch({ nameLatin: '' })
    expect(cleared.status).toBe(400)
    expect(await fieldErrors(cleared)).toEqual({ 'complainant.name': MESSAGE_NAME_NEEDS_LATIN })
    const unprintable = await patch({ nameLatin: 'سارا' })
    expect(unprintable.status).toBe(400)
    expect(Object.keys(await fieldErrors(unprintable))).toEqual(['complainant.nameLatin'])
    expect(
      (await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })).complainant.nameLatin,
    ).toBe('Sara')
  })
})

describe('a letter with text it cannot print is refused at the field, before anything is sent', () => {
  let id: string

  beforeAll(async () => {
    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: recorded({ name: 'Jan Jansen', email: 'jan@example.nl' }),
    })
    id = c.id
    // The letters of registration first (the UWV notification is what acknowledging needs).
    await delivered(EXPERT.email, `Melding nieuwe klacht ${c.reference}`)
  })

  it('Art. 5: an acknowledgement whose facts hold Arabic is refused at the facts, naming the part; the case and the outbox stay as they were', async () => {
    const before = [
      await count('outbox', { complaint: { equals: id } }),
      await count('letters', { complaint: { equals: id } }),
    ]
    const errors = await refusal(
      payload.update({
        collection: 'complaints',
        id,
        overrideAccess: false,
        user: handler,
        data: {
          status: 'acknowledged',
          acknowledgement: { factsSummary: 'De coach zei: لا أستطيع', statedTermWeeks: 4 },
        },
      }),
    )
    expect(errors).toEqual({
      'acknowledgement.factsSummary':
        'De brief "Ontvangstbevestiging" kan niet weg: in het deel "korte omschrijving van de feiten" staan tekens die brieven nog niet kunnen afdrukken: ل, ا, أ, س, ت, ط, ي, ع. Schrijf ze in Latijnse letters of laat ze weg.',
    })
    const after = await payload.findByID({ collection: 'complaints', id, overrideAccess: true })
    expect([after.status, after.acknowledgement?.factsSummary ?? null]).toEqual(['received', null])
    expect([
      await count('outbox', { complaint: { equals: id } }),
      await count('letters', { complaint: { equals: id } }),
    ]).toEqual(before)
  })

  it('Art. 5: the same acknowledgement with the facts in Latin letters (diacritics included) goes out as typed', async () => {
    const facts = 'De coach zei: “ik kan niet”. Gesprek met Łukasz en Nguyễn.'
    const saved = await payload.update({
      collection: 'complaints',
      id,
      overrideAccess: false,
      user: handler,
      data: { status: 'acknowledged', acknowledgement: { factsSummary: facts, statedTermWeeks: 4 } },
    })
    expect(saved.status).toBe('acknowledged')
    const mail = await delivered('jan@example.nl', 'Bevestiging van uw klacht')
    expect(await pdfText(mail)).toContain(facts)
  })
})
