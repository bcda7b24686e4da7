import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { unzipSync } from 'fflate'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MESSAGE_PURPOSE_LABELS } from '../../cms/email/statuses'
import type { Complaint } from '../../cms/payload-types'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { minimalPdf, tinyPng } from '../helpers/files'
import { deliverAll, fileWebComplaint, readyForCases } from '../helpers/cases'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { pdfToText, squash } from '../helpers/pdfText'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/**
 * The dossier for inspection (AVG art. 15; Art. 6 note: the complainant may inspect the dossier;
 * DOMAIN.md "Contracts added": GET /api/complaints/:id/dossier): a real case through the real
 * workflow (web intake with two attachments, the letters of registration and the acknowledgement
 * delivered through the real Resend SDK against the local fake), and a second case of another
 * complainant that must stay out of it. The overview is read back with poppler's pdftotext.
 */

const API_KEY = 're_dossier_key_123'
const EXPERT = { name: 'Dragoş Deskundige', email: 'dd@uwv.example' }

// The complainant of the case, in Polish, Turkish and Vietnamese letters (DejaVu sets them all).
const A = {
  name: 'Łukasz Nguyễn',
  email: 'lukasz.nguyen@example.nl',
  phone: '06 11122233',
  street: 'Şükrüstraat 7',
  postalCode: '3511 AB',
  city: 'Utrecht',
  involvedName: 'Coach Şükrü Yılmaz',
  description:
    'Mijn coach Şükrü Yılmaz kwam drie afspraken niet opdagen en belde niet af. ' +
    'Ik heb daardoor een sollicitatiegesprek bij Bakkerij Nguyễn gemist. '.repeat(12),
  desiredOutcome: 'Een andere coach en excuses van Trần Thị Hằng.',
  facts: 'De coach zegde drie afspraken in oktober niet af; Łukasz wachtte telkens vergeefs.',
}
const B = {
  name: 'Zofia Kowalczyk',
  email: 'zofia@example.nl',
  phone: '06 99988877',
  involvedName: 'Mevrouw Brzęczyszczykiewicz',
  description: 'Ik kreeg een verkeerde uitleg over mijn uitkering van mevrouw Brzęczyszczykiewicz.',
  desiredOutcome: 'Een juiste uitleg op papier.',
}

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
const users = {} as Record<'manager' | 'handler' | 'otherHandler' | 'admin' | 'editor', StaffUser>
const auth = {} as Record<keyof typeof users, Record<string, string>>
let caseA: Complaint
let caseB: Complaint

const uploadDir = () => process.env.UPLOAD_DIR ?? ''

async function staff(key: keyof typeof users, name: string, roles: StaffUser['roles']) {
  const { user, token } = await createStaffUserWithToken(payload, `${key.toLowerCase()}@dossier.example`, name, roles)
  users[key] = user
  auth[key] = { authorization: `JWT ${token}` }
}

/** Runs the outbox until every message is delivered (the intake letters come from a job that queues more). */
const deliver = () => deliverAll(payload)
const intake = (data: Record<string, unknown>, files: { name: string; type: string; bytes: Buffer }[]) =>
  fileWebComplaint(ctx, data, files)

const read = (id: string) => payload.findByID({ collection: 'complaints', id, overrideAccess: true })

const dossier = (id: string, headers: Record<string, string>) => ctx.rest(`/complaints/${id}/dossier`, { headers })

/** The files of a case as stored on disk: folder name in the upload dir → file name → bytes. */
async function storedFiles(id: string) {
  const letters = await payload.find({
    collection: 'letters',
    where: { complaint: { equals: id } },
    pagination: false,
    overrideAccess: true,
  })
  const attachments = await payload.find({
    collection: 'complaint-attachments',
    where: { complaint: { equals: id } },
    pagination: false,
    overrideAccess: true,
  })
  return {
    letters: letters.docs.map((l) => ({
      doc: l,
      bytes: readFileSync(path.join(uploadDir(), 'letters', l.filename ?? '')),
    })),
    attachments: attachments.docs.map((a) => ({
      doc: a,
      bytes: readFileSync(path.join(uploadDir(), 'complaints', a.filename ?? '')),
    })),
  }
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  await readyForCases(payload, { uwvLabourExpert: EXPERT, retentionYears: 3 })
  await staff('manager', 'Maria Manager', ['manager'])
  await staff('handler', 'Anton Behandelaar', ['handler'])
  await staff('otherHandler', 'Olga Andere', ['handler'])
  await staff('admin', 'Bert Beheerder', ['admin'])
  await staff('editor', 'Rita Redacteur', ['editor'])

  // Case A: a web complaint with two attachments; the letters of registration go out.
  caseA = await intake(
    {
      name: A.name,
      email: A.email,
      phone: A.phone,
      street: A.street,
      postalCode: A.postalCode,
      city: A.city,
      involvedName: A.involvedName,
      description: A.description,
      desiredOutcome: A.desiredOutcome,
    },
    [
      { name: 'verslag-Łukasz.pdf', type: 'application/pdf', bytes: minimalPdf('Verslag van het gesprek') },
      { name: 'foto.png', type: 'image/png', bytes: tinyPng },
    ],
  )
  // Case B: another complainant, one attachment, the same handler.
  caseB = await intake(
    {
      name: B.name,
      email: B.email,
      phone: B.phone,
      involvedName: B.involvedName,
      description: B.description,
      desiredOutcome: B.desiredOutcome,
    },
    [{ name: 'brief-zofia.pdf', type: 'application/pdf', bytes: minimalPdf('Brief van Zofia') }],
  )
  await deliver()
  // The manager assigns the handler; the handler acknowledges case A (Art. 5) and the letter goes out.
  for (const c of [caseA, caseB])
    await payload.update({
      collection: 'complaints',
      id: c.id,
      data: { assignedHandler: users.handler.id },
      overrideAccess: false,
      user: users.manager,
    })
  await payload.update({
    collection: 'complaints',
    id: caseA.id,
    data: { status: 'acknowledged', acknowledgement: { factsSummary: A.facts, statedTermWeeks: 4 } },
    overrideAccess: false,
    user: users.handler,
  })
  await deliver()
  caseA = await read(caseA.id)
  caseB = await read(caseB.id)
  expect(fake.deliveries.some((d) => d.to.includes(A.email) && d.subject.startsWith('Bevestiging van uw klacht'))).toBe(
    true,
  )
}, 180_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('AVG art. 15, Art. 6 note: the dossier for inspection holds exactly the case’s own files', () => {
  let entries: Record<string, Uint8Array>
  let response: Response

  beforeAll(async () => {
    response = await dossier(caseA.id, auth.handler)
    expect(response.status).toBe(200)
    entries = unzipSync(new Uint8Array(await response.arrayBuffer()))
    // For a person to look at: KEEP_DOSSIER=1 writes the overview to /tmp/dossier-overzicht.pdf.
    if (process.env.KEEP_DOSSIER)
      writeFileSync('/tmp/dossier-overzicht.pdf', entries['overzicht.pdf'] ?? new Uint8Array())
  }, 60_000)

  it('answers a ZIP named after the reference, as a download that no cache keeps', () => {
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${caseA.reference}-inzage.zip"`)
    expect(caseA.reference).toMatch(/^WP-\d{4}-\d{4}$/)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('holds the overview, every letter PDF under brieven/ and every attachment under bijlagen/, bytes as stored, nothing else', async () => {
    const stored = await storedFiles(caseA.id)
    // The real workflow made the receipt, the UWV notification and the acknowledgement.
    expect(stored.letters.map((l) => l.doc.purpose).sort()).toEqual(['acknowledgement', 'receipt', 'uwv_notification'])
    expect(stored.attachments).toHaveLength(2)

    const names = Object.keys(entries).sort()
    const letterNames = names.filter((n) => n.startsWith('brieven/'))
    const attachmentNames = names.filter((n) => n.startsWith('bijlagen/'))
    expect(names).toEqual(['overzicht.pdf', ...attachmentNames, ...letterNames].sort())
    expect(letterNames).toHaveLength(stored.letters.length)
    expect(attachmentNames.sort()).toEqual(stored.attachments.map((a) => `bijlagen/${a.doc.filename ?? ''}`).sort())
    // Readable Dutch names: the day the letter was made and the kind of letter, as the admin lists it.
    const day = (at: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(at))
    expect(letterNames.sort()).toEqual(
      stored.letters
        .map((l) => `brieven/${day(l.doc.createdAt)} ${MESSAGE_PURPOSE_LABELS[l.doc.purpose].nl.toLowerCase()}.pdf`)
        .sort(),
    )

    // Every stored file is in the ZIP exactly once, byte for byte.
    const zipped = [...letterNames, ...attachmentNames].map((n) => Buffer.from(entries[n] ?? new Uint8Array()))
    for (const file of [...stored.letters, ...stored.attachments])
      expect(
        zipped.filter((bytes) => bytes.equals(file.bytes)),
        file.doc.filename ?? '',
      ).toHaveLength(1)
    const overview = entries['overzicht.pdf']
    expect(
      Buffer.from(overview ?? new Uint8Array())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  it('holds nothing of the other complainant’s case: none of its files, none of its data in the overview', async () => {
    const other = await storedFiles(caseB.id)
    expect(other.letters.length).toBeGreaterThan(0)
    const all = Object.values(entries).map((bytes) => Buffer.from(bytes))
    for (const file of [...other.letters, ...other.attachments])
      expect(
        all.some((bytes) => bytes.equals(file.bytes)),
        file.doc.filename ?? '',
      ).toBe(false)
    const text = squash(await pdfToText(entries['overzicht.pdf'] ?? new Uint8Array()))
    for (const value of [
      B.name,
      B.email,
      B.phone,
      B.involvedName,
      B.description,
      B.desiredOutcome,
      caseB.reference ?? '',
    ])
      expect(text, value).not.toContain(value)
  })

  it('the overview names every personal datum of the case with its Dutch label, in plain words (Łukasz, Şükrü, Nguyễn print as typed)', async () => {
    const text = squash(await pdfToText(entries['overzicht.pdf'] ?? new Uint8Array()))
    const expected = [
      `Klager: Naam: ${A.name}`,
      `Klager: E-mailadres: ${A.email}`,
      `Klager: Telefoon: ${A.phone}`,
      `Klager: Straat en huisnummer: ${A.street}`,
      `Klager: Postcode: ${A.postalCode}`,
      `Klager: Plaats: ${A.city}`,
      A.involvedName,
      // A long text wraps and flows on: read back whole.
      squash(A.description),
      `Gewenste uitkomst: ${A.desiredOutcome}`,
      A.facts,
      'Anton Behandelaar',
      'Maria Manager',
      caseA.reference ?? '',
    ]
    for (const value of expected) expect(text, value).toContain(value)
    // Attachments, letters, the timeline, purposes, recipients, the term, the supervisory authority.
    for (const part of [
      'bijlagen/',
      'brieven/',
      'Wat er met uw klacht is gebeurd',
      'Status gewijzigd van Ontvangen naar Ontvangst bevestigd',
      'Waarom wij uw gegevens hebben',
      `Arbeidsdeskundige van UWV bij uw klacht: ${EXPERT.name}`,
      'tot 3 jaar nadat uw klacht is afgesloten',
      'Autoriteit Persoonsgegevens',
      'autoriteitpersoonsgegevens.nl',
    ])
      expect(text, part).toContain(part)
    // The long complaint text flows onto a further page.
    const pages = (await pdfToText(entries['overzicht.pdf'] ?? new Uint8Array())).replace(/\f$/, '').split('\f')
    expect(pages.length).toBeGreaterThan(1)
  })

  it('each delivery is on the timeline as "inspection_provided" (no personal data) and in the access log as "dossier"', async () => {
    const events = await payload.find({
      collection: 'case-events',
      where: { complaint: { equals: caseA.id }, type: { equals: 'inspection_provided' } },
      overrideAccess: true,
      depth: 0,
    })
    expect(events.docs.map((e) => ({ actor: e.actor, actorKind: e.actorKind, data: e.data }))).toEqual([
      { actor: users.handler.id, actorKind: 'staff', data: { via: 'staff', letters: 3, attachments: 2 } },
    ])
    const log = await payload.find({
      collection: 'access-log',
      where: { complaint: { equals: caseA.id }, kind: { equals: 'dossier' } },
      overrideAccess: true,
      depth: 0,
    })
    expect(log.docs.map((e) => ({ actor: e.actor, actorKind: e.actorKind }))).toEqual([
      { actor: users.handler.id, actorKind: 'staff' },
    ])
    // Nothing was recorded for the other case.
    const otherEvents = await payload.count({
      collection: 'case-events',
      where: { complaint: { equals: caseB.id }, type: { equals: 'inspection_provided' } },
      overrideAccess: true,
    })
    expect(otherEvents.totalDocs).toBe(0)
  })
})

describe('Decision 15: GET /api/complaints/:id/dossier only for managers and the assigned handler', () => {
  it('control: the assigned handler and a manager get the ZIP', async () => {
    for (const who of ['handler', 'manager'] as const) {
      const response = await dossier(caseB.id, auth[who])
      expect(response.status, who).toBe(200)
      expect(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())))).toContain('overzicht.pdf')
    }
  })

  it('without a login: 401, and nothing recorded', async () => {
    const before = await payload.count({ collection: 'access-log', overrideAccess: true })
    const response = await dossier(caseB.id, {})
    expect(response.status).toBe(401)
    expect((await response.json()) as unknown).toEqual({ error: 'Log eerst in.' })
    expect((await payload.count({ collection: 'access-log', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it.each(['admin', 'editor', 'otherHandler'] as const)('%s: 403, no ZIP, nothing recorded', async (who) => {
    const events = () =>
      payload.count({
        collection: 'case-events',
        where: { complaint: { equals: caseB.id }, type: { equals: 'inspection_provided' } },
        overrideAccess: true,
      })
    const before = (await events()).totalDocs
    const response = await dossier(caseB.id, auth[who])
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toMatch(/json/)
    expect((await events()).totalDocs).toBe(before)
  })

  it('an unknown case: 404 for a manager', async () => {
    const response = await dossier('00000000-0000-4000-8000-000000000000', auth.manager)
    expect(response.status).toBe(404)
  })
})
