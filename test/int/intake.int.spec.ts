import { createServer, type IncomingMessage, type Server } from 'node:http'

import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import { seedSteps } from '../../cms/seed'
import { UNSTORABLE_CHARACTER } from '../../hooks/complaints/schema'
import type { Complaint } from '../../cms/payload-types'
import { type ComplaintInput } from '../../hooks/complaints/schema'
import { submitComplaint } from '../../site/lib/cms'
import { refusal } from '../helpers/refusal'
import { minimalPdf, tinyPng } from '../helpers/files'
import { intakeForm, validIntake as validForm } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser, staffUserToken } from '../helpers/staff'

let ctx: TestPayload
let payload: Payload
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }

const pdf = minimalPdf()
const png = tinyPng

function intake(
  data: Record<string, unknown>,
  files: { name: string; type: string; bytes: Buffer }[] = [],
  headers: Record<string, string> = SITE,
) {
  return ctx.rest('/complaints/intake', { method: 'POST', body: intakeForm(data, files), headers })
}

const count = async (
  collection: 'complaints' | 'complaint-attachments' | 'case-events' | 'outbox' | 'payload-jobs',
  where?: Where,
) => (await payload.count({ collection, where, overrideAccess: true })).totalDocs

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'arbeidsdeskundige@uwv.example' } },
  })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the intake endpoint (the site’s create-only identity)', () => {
  it('stores a complaint with its attachment and answers with the confirmation only', async () => {
    const before = await count('complaints')
    const response = await intake(validForm(), [{ name: 'afspraken.pdf', type: 'application/pdf', bytes: pdf }])
    expect(response.status).toBe(201)
    const confirmation = (await response.json()) as Record<string, unknown>
    expect(Object.keys(confirmation).sort()).toEqual([
      'callbackRequested',
      'deadlines',
      'emailed',
      'receivedAt',
      'reference',
    ])
    expect(confirmation.reference).toMatch(/^WP-\d{4}-\d{4}$/)
    expect(confirmation.emailed).toBe(true)

    expect(await count('complaints')).toBe(before + 1)
    const { docs } = await payload.find({
      collection: 'complaints',
      where: { reference: { equals: confirmation.reference } },
      overrideAccess: true,
      depth: 1,
    })
    const stored = docs[0]
    expect(stored?.status).toBe('received')
    expect(stored?.channel).toBe('web')
    expect(stored?.complainant.name).toBe('Jan Jansen')
    expect(stored?.complaintText).toBe('Mijn coach kwam drie afspraken niet opdagen en belde niet af.')
    // Consent is given with the form: it is recorded at the moment of receipt.
    expect(stored?.consentAt).toBe(stored?.receivedAt)
    const attachment = stored?.attachments?.[0]
    expect(typeof attachment === 'object' && attachment?.mimeType).toBe('application/pdf')
    expect(typeof attachment === 'object' && attachment?.complaint).toBe(stored?.id)
  })

  // Due dates worked out by hand from a calendar: day 0 is the date of receipt in Amsterdam, a due date
  // is the end of that local day (23:59:59.999 in Amsterdam, given here in UTC).
  it.each([
    {
      moment: '2026-03-27T23:30:00.000Z',
      what: 'Saturday 28 March 00:30 in Amsterdam (still 27 March in UTC); summer time starts on 29 March',
      acknowledgeBy: '2026-04-02T21:59:59.999Z', // Thursday 2 April, day 5
      fourWeeks: '2026-04-25T21:59:59.999Z', // Saturday 25 April
      sixWeeks: '2026-05-09T21:59:59.999Z', // Saturday 9 May
      conductDate: '2026-03-02',
    },
    {
      moment: '2026-10-23T22:30:00.000Z',
      what: 'Saturday 24 October 00:30 in Amsterdam (still 23 October in UTC); winter time starts on 25 October',
      acknowledgeBy: '2026-10-29T22:59:59.999Z', // Thursday 29 October, day 5
      fourWeeks: '2026-11-21T22:59:59.999Z', // Saturday 21 November
      sixWeeks: '2026-12-05T22:59:59.999Z', // Saturday 5 December
      conductDate: '2026-10-01',
    },
  ])(
    'Art. 5, 7: received $what — the answer and the stored case carry exactly these due dates',
    async ({ moment, acknowledgeBy, fourWeeks, sixWeeks, conductDate }) => {
      // Only the clock is set (Date), so the endpoint's own `new Date()` is the moment of receipt.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(moment) })
      let response: Response
      try {
        response = await intake(validForm({ conductDate }))
      } finally {
        vi.useRealTimers()
      }
      expect(response.status).toBe(201)
      const answer = (await response.json()) as {
        reference: string
        receivedAt: string
        deadlines: Record<string, string>
      }
      const deadlines = {
        acknowledgeBy,
        nonAdmissionNoticeBy: fourWeeks,
        decisionTargetBy: fourWeeks,
        decisionLimitBy: sixWeeks,
      }
      expect(answer.receivedAt).toBe(moment)
      expect(answer.deadlines).toEqual(deadlines)
      expect(answer.reference).toMatch(/^WP-2026-\d{4}$/)

      const stored = (
        await payload.find({
          collection: 'complaints',
          where: { reference: { equals: answer.reference } },
          overrideAccess: true,
          depth: 0,
        })
      ).docs[0]
      expect(stored?.receivedAt).toBe(moment)
      expect(stored?.deadlines).toEqual(deadlines)
    },
  )

  it('Art. 5, 9, Decision 11: queues the receipt and the UWV notification in the outbox, and starts the timeline', async () => {
    const response = await intake(validForm({ name: 'Petra Pieters', email: 'petra@example.nl' }))
    const { reference } = (await response.json()) as { reference: string }
    const complaint = (
      await payload.find({
        collection: 'complaints',
        where: { reference: { equals: reference } },
        overrideAccess: true,
      })
    ).docs[0]
    if (!complaint) throw new Error('not stored')
    // Registration answers first, with the reference at once; one job then makes the letters.
    expect(await count('outbox', { complaint: { equals: complaint.id } })).toBe(0)
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    const messages = await payload.find({
      collection: 'outbox',
      where: { complaint: { equals: complaint.id } },
      overrideAccess: true,
      sort: 'createdAt',
    })
    expect(messages.docs.map((m) => [m.to, m.status])).toEqual([
      [['petra@example.nl'], 'queued'],
      [['arbeidsdeskundige@uwv.example'], 'queued'],
    ])
    const [receipt, uwv] = messages.docs
    expect(receipt?.subject).toContain(reference)
    expect(receipt?.text).toContain(reference)
    expect(uwv?.text).toContain('Petra Pieters')
    expect(uwv?.text).toContain(
      'Soort klacht: Iets niet gedaan wat wel had gemoeten (nalatigheid), Verkeerde informatie of slechte communicatie',
    )
    expect(uwv?.attachments ?? []).toEqual([])

    const events = await payload.find({
      collection: 'case-events',
      where: { complaint: { equals: complaint.id } },
      overrideAccess: true,
      sort: 'createdAt',
    })
    expect(events.docs.map((e) => e.type)).toEqual(['received', 'receipt_queued', 'uwv_notification_queued'])
    // The timeline holds what reports count, and no personal data.
    expect(JSON.stringify(events.docs.map((e) => e.data))).not.toMatch(/Petra|petra@|coach/)
    expect(events.docs[0]?.data).toMatchObject({
      channel: 'web',
      role: 'client',
      clientOrganisation: 'uwv',
      categories: ['negligence', 'incorrect_information'],
    })
  })

  it('a repeated form token (double click, back and resubmit) returns the same confirmation and stores nothing new', async () => {
    const form = validForm()
    const first = await intake(form)
    expect(first.status).toBe(201)
    const before = [await count('complaints'), await count('outbox'), await count('case-events')]
    const [again, atOnce] = await Promise.all([intake(form), intake(form)])
    expect([again.status, atOnce.status]).toEqual([200, 200])
    const refs = await Promise.all(
      [first, again, atOnce].map(async (r) => ((await r.clone().json()) as { reference: string }).reference),
    )
    expect(new Set(refs).size).toBe(1)
    expect([await count('complaints'), await count('outbox'), await count('case-events')]).toEqual(before)
  })

  it('two submissions of one form at the very same moment still make one complaint', async () => {
    const form = validForm()
    const before = await count('complaints')
    const answers = await Promise.all([intake(form), intake(form), intake(form)])
    const refs = await Promise.all(answers.map(async (r) => ((await r.json()) as { reference: string }).reference))
    expect(new Set(refs).size).toBe(1)
    expect(await count('complaints')).toBe(before + 1)
  })

  it('a repeated form token uses up no number, also when the posts arrive together: the next complaint gets the very next reference', async () => {
    // The reference counts by the year of receipt in Amsterdam.
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date())
    const reference = async (r: Response) => ((await r.json()) as { reference: string }).reference
    const form = validForm()
    const first = await intake(form)
    expect(first.status).toBe(201)
    const firstRef = await reference(first)
    const again = await intake(form)
    expect(again.status).toBe(200)
    expect(await reference(again)).toBe(firstRef)

    const next = await intake(validForm())
    expect(next.status).toBe(201)
    const n = Number(firstRef.split('-')[2])
    expect(firstRef).toBe(`WP-${year}-${String(n).padStart(4, '0')}`)
    expect(await reference(next)).toBe(`WP-${year}-${String(n + 1).padStart(4, '0')}`)

    // A double click: the posts of one form arrive together, before the first is stored.
    const clicked = validForm()
    const together = await Promise.all([intake(clicked), intake(clicked), intake(clicked)])
    expect(together.map((r) => r.status).sort()).toEqual([200, 200, 201])
    const refs = new Set(await Promise.all(together.map(reference)))
    expect([...refs]).toEqual([`WP-${year}-${String(n + 2).padStart(4, '0')}`])
    expect(await reference(await intake(validForm()))).toBe(`WP-${year}-${String(n + 3).padStart(4, '0')}`)
  })

  it('never reuses a reference: numbers only go up', async () => {
    const a = (await (await intake(validForm())).json()) as { reference: string }
    const b = (await (await intake(validForm())).json()) as { reference: string }
    const n = (ref: string) => Number(ref.split('-')[2])
    expect(n(b.reference)).toBe(n(a.reference) + 1)
  })

  it('refuses invalid input with a Dutch message per field, storing nothing', async () => {
    const before = await count('complaints')
    const response = await intake(
      validForm({ name: '', email: 'geen-adres', categories: [], conductDate: '2999-01-01', consent: false }),
    )
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: Record<string, string> }
    expect(errors).toEqual({
      name: 'Vul uw naam in.',
      email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      categories: 'Kies minstens één soort klacht.',
      conductDate: 'Deze datum ligt in de toekomst. Vul de datum in waarop het gebeurde.',
      consent: 'Geef toestemming om uw gegevens te gebruiken voor de behandeling van uw klacht.',
    })
    expect(await count('complaints')).toBe(before)
  })

  it.each([
    [
      'a program renamed to .pdf',
      'brief.pdf',
      Buffer.from('MZ\x90\x00 not a pdf', 'latin1'),
      /brief\.pdf is geen PDF, JPEG, PNG of Word-bestand/,
    ],
    ['a plain ZIP renamed to .docx', 'brief.docx', Buffer.from('504b030414000000', 'hex'), /brief\.docx is geen PDF/],
  ])('checks the type from the content, not the name: %s is refused', async (_label, name, bytes, message) => {
    const before = [await count('complaints'), await count('complaint-attachments')]
    const response = await intake(validForm(), [{ name, type: 'application/pdf', bytes }])
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Record<string, string> }).errors.attachments).toMatch(message)
    expect([await count('complaints'), await count('complaint-attachments')]).toEqual(before)
  })

  it('refuses a damaged PDF (Payload’s own file check) as an input error, not a failure', async () => {
    const damaged = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n', 'latin1')
    const before = [await count('complaints'), await count('complaint-attachments')]
    const response = await intake(validForm(), [
      { name: 'goed.pdf', type: 'application/pdf', bytes: pdf },
      { name: 'kapot.pdf', type: 'application/pdf', bytes: damaged },
    ])
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Record<string, string> }).errors.attachments).toBe(
      'kapot.pdf is beschadigd of kan niet worden geopend. Kies een ander bestand.',
    )
    expect([await count('complaints'), await count('complaint-attachments')]).toEqual(before)
  })

  it('accepts at most 5 files', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `foto-${i}.png`, type: 'image/png', bytes: png }))
    const response = await intake(validForm(), six)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Record<string, string> }).errors.attachments).toBe(
      'U kunt hoogstens 5 bijlagen meesturen. U koos er 6.',
    )
  })

  it('refuses callers without the intake identity, and the site’s identity cannot read complaints back', async () => {
    expect((await intake(validForm(), [], {})).status).toBe(403)
    const staffLike = await ctx.rest('/complaints?limit=1', { headers: SITE })
    expect(staffLike.status).toBe(403)
    const viaCreate = await ctx.rest('/complaints', {
      method: 'POST',
      headers: { ...SITE, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    })
    expect(viaCreate.status).toBe(403)
    const attachments = await ctx.rest('/complaint-attachments', { headers: SITE })
    expect(attachments.status).toBe(403)
  })
})

describe('when storing fails half-way', () => {
  it('leaves no half complaint and no orphan attachment behind', async () => {
    const collections = ['complaints', 'complaint-attachments', 'case-events', 'outbox', 'payload-jobs'] as const
    const before = await Promise.all(collections.map((c) => count(c)))
    // The disk fills up after the attachment, the complaint and its timeline were written: the letters' job cannot be stored.
    const written: string[] = []
    const original = payload.db.create.bind(payload.db)
    payload.db.create = async (args) => {
      if (args.collection === 'payload-jobs') throw new Error('SQLITE_FULL: database or disk is full')
      const doc: unknown = await original(args)
      written.push(args.collection)
      return doc
    }
    try {
      const response = await intake(validForm(), [{ name: 'bewijs.pdf', type: 'application/pdf', bytes: pdf }])
      expect(response.status).toBe(503)
    } finally {
      payload.db.create = original
    }
    expect(written).toEqual(expect.arrayContaining(['complaint-attachments', 'complaints', 'case-events']))
    expect(await Promise.all(collections.map((c) => count(c)))).toEqual(before)
  })
})

describe('Art. 3: the complaint is stored as the complainant wrote it, or refused — never cut', () => {
  it('control: a description with line breaks and a tab is stored whole', async () => {
    const description = 'Eerste regel.\nTweede regel,\tmet een tab en een 😀.'
    const response = await intake(validForm({ description }))
    expect(response.status).toBe(201)
    const { reference } = (await response.json()) as { reference: string }
    const stored = (
      await payload.find({
        collection: 'complaints',
        where: { reference: { equals: reference } },
        overrideAccess: true,
      })
    ).docs[0]
    expect(stored?.complaintText).toBe(description)
  })

  it.each([
    [
      'a NUL in the description',
      { description: 'Mijn coach kwam niet\u0000 opdagen bij de afspraken.' },
      'description',
      UNSTORABLE_CHARACTER.text,
    ],
    ['a NUL in the name', { name: 'Jan\u0000 Jansen' }, 'name', UNSTORABLE_CHARACTER.line],
    [
      'an escape character in the desired outcome',
      { desiredOutcome: 'Een andere coach\u001b[0m' },
      'desiredOutcome',
      UNSTORABLE_CHARACTER.text,
    ],
  ])(
    'the intake endpoint answers 400 at the field for %s, and stores nothing',
    async (_what, overrides, field, message) => {
      const before = [await count('complaints'), await count('case-events'), await count('payload-jobs')]
      const response = await intake(validForm(overrides))
      expect(response.status).toBe(400)
      expect(((await response.json()) as { errors: Record<string, string> }).errors).toEqual({ [field]: message })
      expect([await count('complaints'), await count('case-events'), await count('payload-jobs')]).toEqual(before)
    },
  )

  it('a description over 10,000 characters is refused at the field, not cut', async () => {
    const response = await intake(validForm({ description: 'a'.repeat(10_001) }))
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Record<string, string> }).errors).toEqual({
      description: 'Uw beschrijving is te lang: gebruik hoogstens 10.000 tekens, of stuur een bijlage mee.',
    })
  })

  it('the collection’s own validation refuses it too (staff intake through the Local API)', async () => {
    const data = {
      channel: 'phone' as const,
      receivedAt: new Date().toISOString(),
      complainant: { role: 'client' as const, name: 'Jan Jansen' },
      conduct: { when: 'unknown' as const },
      involved: { kind: 'unknown' as const },
      categories: ['negligence' as const],
      discussedBefore: 'no' as const,
    }
    const before = await count('complaints')
    expect(
      await refusal(
        payload.create({
          collection: 'complaints',
          data: {
            ...data,
            complaintText: 'Aan de telefoon verteld:\u0000 de coach kwam niet.',
          } as Partial<Complaint> as Complaint,
        }),
      ),
    ).toEqual({
      complaintText: UNSTORABLE_CHARACTER.text,
    })
    expect(await count('complaints')).toBe(before)
    // Control: the same complaint without the NUL is stored.
    const stored = await payload.create({
      collection: 'complaints',
      data: {
        ...data,
        complaintText: 'Aan de telefoon verteld: de coach kwam niet.',
      } as Partial<Complaint> as Complaint,
    })
    expect(stored.complaintText).toBe('Aan de telefoon verteld: de coach kwam niet.')
  })
})

describe('back, edit, send again with the same form token', () => {
  it('the first version stands, the answer says the edit was not stored, and nothing new is stored', async () => {
    const form = validForm()
    const first = await intake(form)
    expect(first.status).toBe(201)
    const { reference } = (await first.json()) as { reference: string }
    const before = [await count('complaints'), await count('case-events'), await count('payload-jobs')]

    // Control: the same content again is a plain repeat.
    const same = await intake({ ...form, description: `  ${String(form.description)}  ` })
    expect(same.status).toBe(200)
    expect(await same.json()).toMatchObject({ reference, resubmission: 'same' })

    const edited = await intake({
      ...form,
      description: 'Mijn coach kwam drie afspraken niet opdagen, en belde ook niet terug.',
    })
    expect(edited.status).toBe(200)
    expect(await edited.json()).toMatchObject({ reference, resubmission: 'changed' })
    const withFile = await intake(form, [{ name: 'bewijs.pdf', type: 'application/pdf', bytes: pdf }])
    expect(await withFile.json()).toMatchObject({ reference, resubmission: 'changed' })

    expect([await count('complaints'), await count('case-events'), await count('payload-jobs')]).toEqual(before)
    const stored = (
      await payload.find({
        collection: 'complaints',
        where: { reference: { equals: reference } },
        overrideAccess: true,
      })
    ).docs[0]
    expect(stored?.complaintText).toBe(form.description)
  })
})

describe('"was the complaint with this form token stored?" (the site’s narrow check after a timeout)', () => {
  const status = (formToken: unknown, headers: Record<string, string> = SITE) =>
    ctx.rest('/complaints/intake/status', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ formToken }),
    })

  it('answers the confirmation for a stored token, and only "not stored" for another', async () => {
    const form = validForm()
    const stored = (await (await intake(form)).json()) as Record<string, unknown>
    const found = await status(form.formToken)
    expect(found.status).toBe(200)
    expect(await found.json()).toEqual({ stored: true, ...stored })
    const other = await status(crypto.randomUUID())
    expect(await other.json()).toEqual({ stored: false })
  })

  it('opens only with the site’s key, and takes only a form token', async () => {
    const form = validForm()
    await intake(form)
    expect((await status(form.formToken, {})).status).toBe(403)
    const staff = await createStaffUser(payload, 'manager.status@example.nl', 'M', ['manager'])
    const token = await staffUserToken(payload, staff.email)
    expect((await status(form.formToken, { authorization: `JWT ${token}` })).status).toBe(403)
    const malformed = await status({ in: ['x'] })
    expect(malformed.status).toBe(400)
  })
})

describe('the site when the CMS stalls or is down (a real HTTP server in front of the real CMS)', () => {
  type Front = { url: string; close: () => Promise<void>; stored: Promise<void> }

  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => resolve(Buffer.concat(chunks)))
      req.on('error', reject)
    })

  /**
   * Forwards to the CMS, but holds the intake until the site gave up waiting (its connection
   * closes), and only then lets the CMS store it: the stalled CMS that stores afterwards. With
   * `storeAfterCheck`, the store happens only after the site's check by token was answered.
   */
  async function stallingFront({ storeAfterCheck }: { storeAfterCheck: boolean }): Promise<Front> {
    let markStored: () => void = () => undefined
    const stored = new Promise<void>((resolve) => (markStored = resolve))
    let checked: () => void = () => undefined
    const checkAnswered = new Promise<void>((resolve) => (checked = resolve))
    const forward = async (req: IncomingMessage, body: Buffer) =>
      ctx.rest((req.url ?? '').replace(/^\/api/, ''), {
        method: req.method,
        headers: Object.fromEntries(
          Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
        ),
        body: new Uint8Array(body),
      })
    const server: Server = createServer((req, res) => {
      void readBody(req).then(async (body) => {
        if (req.url === '/api/complaints/intake') {
          res.on('close', () => {
            void (async () => {
              if (storeAfterCheck) await checkAnswered
              await (await forward(req, body)).arrayBuffer()
              markStored()
            })()
          })
          return
        }
        if (!storeAfterCheck) await stored
        const answer = await forward(req, body)
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
        res.end(Buffer.from(await answer.arrayBuffer()))
        checked()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    return {
      url: `http://127.0.0.1:${address.port}/api`,
      stored,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    }
  }

  const siteInput = (form: Record<string, unknown>) => {
    const { formToken: _t, consent: _c, ...input } = form
    return input as unknown as ComplaintInput
  }
  // The intake's own timeout, short here: the front never answers the intake, so no timing is tested.
  const TIMEOUT = { timeoutMs: 300, lookupTimeoutMs: 30_000 }

  it('a stalled CMS that stores afterwards: the site finds it by form token and shows the proof, not "not stored"', async () => {
    const front = await stallingFront({ storeAfterCheck: false })
    try {
      const form = validForm({ name: 'Stil Staan' })
      const before = await count('complaints')
      const result = await submitComplaint(
        { input: siteInput(form), consent: true, formToken: String(form.formToken), files: [] },
        { apiUrl: front.url, apiKey: env.SITE_API_KEY, ...TIMEOUT },
      )
      expect(await count('complaints')).toBe(before + 1)
      const stored = (
        await payload.find({
          collection: 'complaints',
          where: { formToken: { equals: form.formToken } },
          overrideAccess: true,
        })
      ).docs[0]
      expect(result).toMatchObject({ kind: 'stored', reference: stored?.reference })
    } finally {
      await front.close()
    }
  })

  it('stored only after the check: the site says it is not sure; the same form sent again finds the first one', async () => {
    const front = await stallingFront({ storeAfterCheck: true })
    const form = validForm({ name: 'Laat Komer' })
    const request = { input: siteInput(form), consent: true as const, formToken: String(form.formToken), files: [] }
    try {
      const before = await count('complaints')
      expect(await submitComplaint(request, { apiUrl: front.url, apiKey: env.SITE_API_KEY, ...TIMEOUT })).toEqual({
        kind: 'uncertain',
      })
      await front.stored
      expect(await count('complaints')).toBe(before + 1)
    } finally {
      await front.close()
    }
    // "Try again later with the same form": the CMS answers with the complaint it stored, and stores no second.
    const before = await count('complaints')
    const again = await submitComplaint(request, {
      fetch: (url, init) => ctx.rest((url as string | URL).toString().replace('http://cms.test/api', ''), init),
      apiUrl: 'http://cms.test/api',
      apiKey: env.SITE_API_KEY,
    })
    const stored = (
      await payload.find({
        collection: 'complaints',
        where: { formToken: { equals: form.formToken } },
        overrideAccess: true,
      })
    ).docs[0]
    expect(again).toMatchObject({ kind: 'stored', repeated: true, changed: false, reference: stored?.reference })
    expect(await count('complaints')).toBe(before)
  })

  it('connection refused (the CMS is down): certainly not stored, and nothing is', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const address = closed.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const form = validForm()
    const before = await count('complaints')
    const result = await submitComplaint(
      { input: siteInput(form), consent: true, formToken: String(form.formToken), files: [] },
      { apiUrl: `http://127.0.0.1:${address.port}/api`, apiKey: env.SITE_API_KEY },
    )
    expect(result).toEqual({ kind: 'notStored', reason: 'unreachable' })
    expect(await count('complaints')).toBe(before)
  })
})
