import { docAccessOperation, type Payload } from 'payload'
import { renderToReadableStream } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CaseDashboard } from '../../cms/components/CaseDashboard'
import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import type { Complaint, User } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { CALLBACK_PROMISE } from '../../hooks/complaints/vocabulary'
import { FROZEN_MESSAGE } from '../../hooks/complaints/workflow/frozen'
import { intakeForm, recordedComplaint, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/**
 * Art. 3: staff record a complaint received by phone, letter, e-mail or in person (Decision 8),
 * handlers and managers alike — not admins, who read no case (Decision 15), nor editors; and a
 * complainant who asks for help writing the complaint down gets a call-back, a written version to
 * correct, and every version kept (Decision 16).
 */
type Staff = StaffUser
let ctx: TestPayload
let payload: Payload
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }
const PASSWORD = 'een-lang-wachtwoord-voor-de-test'
const tokens: Record<string, string> = {}
const people: Record<'handler' | 'manager' | 'admin' | 'editor' | 'colleague', Staff> = {} as never

async function staff(email: string, roles: User['roles']): Promise<Staff> {
  const { user, token } = await createStaffUserWithToken(payload, email, email.split('@')[0] ?? email, roles, PASSWORD)
  tokens[user.id] = token
  return user
}

/** A complaint as a handler takes it down on the phone: everything the site's form asks. */
const phoneComplaint = (overrides: Partial<Complaint> = {}): Complaint =>
  recordedComplaint({
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    complainant: {
      role: 'client',
      clientOrganisation: 'uwv',
      name: 'Truus Telefoon',
      email: 'truus@example.nl',
      phone: '06 11122233',
      street: 'Belweg 1',
      postalCode: '1234 AB',
      city: 'Utrecht',
    },
    involved: { kind: 'employee', description: 'Mijn coach' },
    complaintText: 'Mijn coach belde twee keer niet terug, hoewel dat was afgesproken.',
    desiredOutcome: 'Een vaste belafspraak.',
    ...overrides,
  })

const read = (id: string): Promise<Complaint> =>
  payload.findByID({ collection: 'complaints', id, depth: 0, overrideAccess: true })

const lettersOf = async (id: string) =>
  (
    await payload.find({
      collection: 'letters',
      where: { complaint: { equals: id } },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
  ).docs.map((l) => l.purpose)

const messagesOf = async (id: string, purpose: string) =>
  (
    await payload.find({
      collection: 'outbox',
      where: { and: [{ complaint: { equals: id } }, { purpose: { equals: purpose } }] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
  ).docs

const update = (user: Staff | null, id: string, data: Record<string, unknown>) =>
  user
    ? payload.update({ collection: 'complaints', id, data: data, overrideAccess: false, user })
    : payload.update({ collection: 'complaints', id, data: data, overrideAccess: true })

const refusalOf = async (work: Promise<unknown>) => {
  try {
    await work
  } catch (error) {
    const data = (error as { data?: { errors?: { path: string; message: string }[] } }).data
    return { name: (error as Error).name, errors: data?.errors ?? [] }
  }
  return null
}

async function webComplaint(overrides: Record<string, unknown>): Promise<Complaint> {
  const response = await ctx.rest('/complaints/intake', {
    method: 'POST',
    body: intakeForm(validIntake(overrides)),
    headers: SITE,
  })
  const body = (await response.json()) as { reference: string; callbackRequested: boolean }
  expect(response.status).toBe(201)
  const found = await payload.find({
    collection: 'complaints',
    where: { reference: { equals: body.reference } },
    overrideAccess: true,
  })
  const doc = found.docs[0]
  if (!doc) throw new Error('not stored')
  return Object.assign(doc, { confirmationCallback: body.callbackRequested })
}

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'arbeidsdeskundige@uwv.example' } },
  })
  people.handler = await staff('hanna@wp.example', ['handler'])
  people.colleague = await staff('kees@wp.example', ['handler'])
  people.manager = await staff('marja@wp.example', ['manager'])
  people.admin = await staff('bert@wp.example', ['admin'])
  people.editor = await staff('eva@wp.example', ['editor'])
})

afterAll(async () => {
  await ctx?.cleanup()
})

/** A field's permission as the admin reads it from the sanitised answer: `true` for all, a missing key for none. */
type Permissions = { fields?: true | Record<string, true | Record<string, unknown>> }
function may(permissions: Permissions, field: string, operation: 'read' | 'create'): boolean {
  if (permissions.fields === true) return true
  const p = permissions.fields?.[field]
  return p === true || (typeof p === 'object' && p[operation] === true)
}

describe('Art. 3, Decision 15: handlers and managers record a complaint received by phone or letter', () => {
  const INTAKE_FIELDS = ['channel', 'receivedAt', 'complainant', 'conduct', 'involved', 'categories', 'complaintText']

  it.each(['handler', 'manager'] as const)(
    "the admin's new-complaint form lets a %s fill in the complainant, the channel and the complaint (Local API and REST)",
    async (role) => {
      const user = people[role]
      // What the admin's document view asks for a new document: the permissions with `{ _status: 'draft' }` as its data.
      const local = await docAccessOperation({
        collection: payload.collections.complaints,
        data: { _status: 'draft' },
        req: { payload, user, t: ((key: string) => key) as never } as never,
      })
      const rest = (await (
        await ctx.rest('/complaints/access', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[user.id]}` },
          body: JSON.stringify({ _status: 'draft' }),
        })
      ).json()) as typeof local
      for (const permissions of [local, rest]) {
        expect(permissions.create).toBe(true)
        for (const field of INTAKE_FIELDS)
          expect([field, may(permissions, field, 'read'), may(permissions, field, 'create')]).toEqual([
            field,
            true,
            true,
          ])
      }
    },
  )

  it('control: on a stored case in the queue, a handler still reads no personal data (Decision 15)', async () => {
    const queued = await payload.create({ collection: 'complaints', data: phoneComplaint(), overrideAccess: true })
    const response = await ctx.rest(`/complaints/access/${queued.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[people.handler.id]}` },
      body: JSON.stringify({}),
    })
    const permissions = (await response.json()) as Permissions
    expect(may(permissions, 'complainant', 'read')).toBe(false)
    expect(may(permissions, 'complaintText', 'read')).toBe(false)
    expect(may(permissions, 'reference', 'read')).toBe(true)
    expect(may(permissions, 'callback', 'read')).toBe(true)
  })

  for (const way of ['local', 'rest'] as const) {
    it.each(['handler', 'manager'] as const)(
      `a %s records a phone complaint (${way}): reference at once, then the written version and the UWV notification`,
      async (role) => {
        const user = people[role]
        const name = `Truus ${role} ${way}`
        const data = phoneComplaint({ complainant: { ...phoneComplaint().complainant, name } })
        let id: string
        let reference: string | null | undefined
        if (way === 'local') {
          const doc = await payload.create({ collection: 'complaints', data, overrideAccess: false, user })
          id = doc.id
          reference = doc.reference
        } else {
          const response = await ctx.rest('/complaints', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[user.id]}` },
            body: JSON.stringify(data),
          })
          expect(response.status).toBe(201)
          const body = (await response.json()) as { doc: { id: string; reference: string } }
          id = body.doc.id
          reference = body.doc.reference
        }
        expect(reference).toMatch(/^WP-\d{4}-\d{4}$/)
        const stored = await read(id)
        expect(stored).toMatchObject({
          channel: 'phone',
          status: 'received',
          complaintText: data.complaintText,
          categories: ['negligence'],
          complainant: { role: 'client', name, email: 'truus@example.nl', phone: '06 11122233', city: 'Utrecht' },
          conduct: { when: 'date', date: '2026-11-02' },
        })
        await payload.jobs.run({ queue: OUTBOX_QUEUE })
        expect(await lettersOf(id)).toEqual(['written_version', 'uwv_notification'])
        const [toComplainant] = await messagesOf(id, 'written_version')
        expect(toComplainant?.to).toEqual(['truus@example.nl'])
        expect(toComplainant?.text).toContain(data.complaintText)
      },
    )
  }

  it.each(['admin', 'editor'] as const)('an %s records no complaint (Local API and REST)', async (role) => {
    const user = people[role]
    // Control: the same data from a handler is stored (above); from this role, nothing.
    const before = (await payload.count({ collection: 'complaints', overrideAccess: true })).totalDocs
    const local = await refusalOf(
      payload.create({ collection: 'complaints', data: phoneComplaint(), overrideAccess: false, user }),
    )
    expect(local?.name).toBe('Forbidden')
    const response = await ctx.rest('/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[user.id]}` },
      body: JSON.stringify(phoneComplaint()),
    })
    expect(response.status).toBe(403)
    expect((await payload.count({ collection: 'complaints', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('anonymous callers record no complaint (Local API without a user, REST without a login)', async () => {
    const before = (await payload.count({ collection: 'complaints', overrideAccess: true })).totalDocs
    const local = await refusalOf(
      payload.create({ collection: 'complaints', data: phoneComplaint(), overrideAccess: false }),
    )
    expect(local?.name).toBe('Forbidden')
    const response = await ctx.rest('/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(phoneComplaint()),
    })
    expect(response.status).toBe(403)
    expect((await payload.count({ collection: 'complaints', overrideAccess: true })).totalDocs).toBe(before)
  })
})

describe('Art. 3: "help me write my complaint" is a call-back task until someone records the call', () => {
  const pendingWhere = 'where[callback.state][equals]=pending'
  const queue = async (user: Staff) => {
    const response = await ctx.rest(`/complaints?${pendingWhere}&depth=0`, {
      headers: { authorization: `JWT ${tokens[user.id]}` },
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { docs: Complaint[] }).docs
  }
  const dashboard = async (user: Staff) => {
    const element = await CaseDashboard({ payload, user: user })
    if (!element) throw new Error('no dashboard for this user')
    // The managers' part of the dashboard is an async server component: render as Next does, waiting for it.
    const stream = await renderToReadableStream(element)
    await stream.allReady
    return await new Response(stream).text()
  }
  const pendingTile = (html: string) => {
    const tile =
      /<a href="([^"]+)"[^>]*><strong[^>]*>(\d+)<\/strong><span[^>]*>Terugbelverzoek: nog bellen<\/span>/.exec(html)
    return tile ? { href: tile[1]?.replaceAll('&amp;', '&') ?? '', count: Number(tile[2]) } : null
  }

  it('appears in the queue (a handler may filter on it, without personal data) and on the dashboard, and disappears once called', async () => {
    const before = pendingTile(await dashboard(people.manager))
    const asked = await webComplaint({ name: 'Bella Bellen', wantsHelpWriting: true, phone: '06 99988877' })
    const notAsked = await webComplaint({ name: 'Nico Niet', wantsHelpWriting: false })
    expect(asked.callback?.state).toBe('pending')
    expect(notAsked.callback?.state ?? null).toBeNull()

    // The handler's queue: the task by reference, the request shown, the complainant hidden.
    const seen = await queue(people.handler)
    const row = seen.find((c) => c.id === asked.id)
    expect(row?.reference).toBe(asked.reference)
    expect(row?.wantsHelpWriting).toBe(true)
    expect(row?.callback?.state).toBe('pending')
    expect(row?.complainant).toBeUndefined()
    expect(seen.some((c) => c.id === notAsked.id)).toBe(false)

    // The managers' dashboard counts it and links to exactly that list.
    const tile = pendingTile(await dashboard(people.manager))
    expect(tile?.count).toBe((before?.count ?? 0) + 1)
    const link = new URL(tile?.href ?? '', 'http://localhost')
    expect(link.pathname).toBe('/admin/collections/complaints')
    expect(link.searchParams.get('where[and][1][callback.state][equals]')).toBe('pending')

    // The handler takes the case, calls, and records it: who and when.
    await update(people.handler, asked.id, { assignedHandler: people.handler.id })
    const t0 = new Date().toISOString()
    const done = await update(people.handler, asked.id, { callback: { done: true } })
    expect(done.callback?.state).toBe('done')
    const stored = await read(asked.id)
    expect(stored.callback?.doneBy).toBe(people.handler.id)
    expect((stored.callback?.doneAt ?? '') >= t0).toBe(true)

    expect((await queue(people.handler)).some((c) => c.id === asked.id)).toBe(false)
    expect(pendingTile(await dashboard(people.manager))?.count).toBe(before?.count ?? 0)
  })

  it('who and when are the portal’s: a write cannot set them, nor undo the call-back, on any path', async () => {
    const asked = await webComplaint({ name: 'Rita Recht', wantsHelpWriting: true, phone: '06 12121212' })
    await update(people.manager, asked.id, { assignedHandler: people.handler.id })
    // Without a person, nobody called: refused, and the task stays.
    const system = await refusalOf(update(null, asked.id, { callback: { done: true } }))
    expect(system?.errors[0]?.path).toBe('callback.done')
    // Trusted code cannot name someone else or another moment either.
    await update(null, asked.id, { callback: { doneAt: '2020-01-01T00:00:00.000Z', doneBy: people.colleague.id } })
    expect((await read(asked.id)).callback).toMatchObject({ state: 'pending', doneAt: null, doneBy: null })

    await update(people.handler, asked.id, { callback: { done: true } })
    const undo = await refusalOf(update(people.manager, asked.id, { callback: { done: false } }))
    expect(undo?.errors[0]?.path).toBe('callback.done')
    expect((await read(asked.id)).callback?.state).toBe('done')
  })

  it('the confirmation and the receipt mention the call-back only when it was asked for (no date is promised)', async () => {
    const asked = (await webComplaint({
      name: 'Wim Wens',
      email: 'wim@example.nl',
      wantsHelpWriting: true,
      phone: '06 34343434',
    })) as Complaint & { confirmationCallback: boolean }
    const notAsked = (await webComplaint({ name: 'Nel Nee', email: 'nel@example.nl' })) as Complaint & {
      confirmationCallback: boolean
    }
    expect(asked.confirmationCallback).toBe(true)
    expect(notAsked.confirmationCallback).toBe(false)
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    const [withRequest] = await messagesOf(asked.id, 'receipt')
    const [without] = await messagesOf(notAsked.id, 'receipt')
    expect(withRequest?.text).toContain(CALLBACK_PROMISE)
    expect(without?.text).toContain(notAsked.reference ?? '-')
    expect(without?.text).not.toContain('bellen u op')
    expect(CALLBACK_PROMISE).not.toMatch(/\d/)
  })
})

describe('Art. 3, Decision 8 and 16: the written version is a new version beside the original, sent to the complainant', () => {
  it('keeps the original text and every version with who and when, and sends each to the complainant to correct', async () => {
    const original = 'Ik ben boos. Coach komt niet. Niemand belt.'
    const web = await webComplaint({
      name: 'Olga Opschrijven',
      email: 'olga@example.nl',
      wantsHelpWriting: true,
      phone: '06 56565656',
      description: original,
    })
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    await update(people.manager, web.id, { assignedHandler: people.handler.id })

    const first =
      'Mijn coach is in oktober drie keer niet op de afspraak gekomen en heeft niet afgebeld. Ik ben niet teruggebeld.'
    const t0 = new Date().toISOString()
    await update(people.handler, web.id, { writtenVersion: { draft: first, send: true } })
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    let stored = await read(web.id)
    expect(stored.complaintText).toBe(original)
    expect(stored.writtenVersion?.versions?.map((v) => [v.text, v.by])).toEqual([[first, people.handler.id]])
    expect((stored.writtenVersion?.versions?.[0]?.at ?? '') >= t0).toBe(true)
    expect(stored.writtenVersion).toMatchObject({ draft: null, send: false })
    let letters = await messagesOf(web.id, 'written_version')
    expect(letters.map((m) => m.to)).toEqual([['olga@example.nl']])
    expect(letters[0]?.text).toContain(first)
    expect(letters[0]?.text).toContain('Klopt dit niet')

    // The complainant corrects it: a second version, the first one kept beside it.
    const second = `${first} Het ging om drie afspraken in oktober en een in november.`
    await update(people.handler, web.id, { writtenVersion: { draft: second, send: true } })
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    stored = await read(web.id)
    expect(stored.complaintText).toBe(original)
    expect(stored.writtenVersion?.versions?.map((v) => v.text)).toEqual([first, second])
    letters = await messagesOf(web.id, 'written_version')
    expect(letters.map((m) => m.text.includes(second))).toEqual([false, true])

    // Versions cannot be rewritten or removed through any write.
    await update(people.handler, web.id, { writtenVersion: { versions: [{ text: 'iets anders', at: t0 }] } })
    await update(null, web.id, { writtenVersion: { versions: [] } })
    expect((await read(web.id)).writtenVersion?.versions?.map((v) => v.text)).toEqual([first, second])
  })

  it('a frozen letter is never contradicted: after the non-admission quoted the complaint, no new version (Decision 16)', async () => {
    const phone = await payload.create({
      collection: 'complaints',
      data: phoneComplaint({ assignedHandler: people.handler.id }),
      overrideAccess: false,
      user: people.manager,
    })
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    const version = 'Mijn coach belde twee keer niet terug, hoewel wij dat zo hadden afgesproken in september.'
    // Control: before the ending letter a version is accepted.
    await update(people.handler, phone.id, { writtenVersion: { draft: version, send: true } })
    await update(people.handler, phone.id, {
      status: 'not_admitted',
      nonAdmission: { ground: 'insufficient_interest', reasons: 'Twee gemiste telefoontjes raken uw traject niet.' },
    })
    const refused = await refusalOf(
      update(people.handler, phone.id, { writtenVersion: { draft: `${version} Nog iets.`, send: true } }),
    )
    expect(refused?.errors.map((e) => e.message)).toContain(FROZEN_MESSAGE)
    expect((await read(phone.id)).writtenVersion?.versions?.map((v) => v.text)).toEqual([version])
  })

  it('refuses an empty or unstorable version at the field, storing nothing', async () => {
    const phone = await payload.create({
      collection: 'complaints',
      data: phoneComplaint({ assignedHandler: people.handler.id }),
      overrideAccess: false,
      user: people.manager,
    })
    const empty = await refusalOf(update(people.handler, phone.id, { writtenVersion: { draft: ' ', send: true } }))
    expect(empty?.errors[0]?.path).toBe('writtenVersion.draft')
    const control = await refusalOf(
      update(people.handler, phone.id, {
        writtenVersion: { draft: 'Tekst met\u0007 een belteken erin, te veel.', send: true },
      }),
    )
    expect(control?.errors[0]?.path).toBe('writtenVersion.draft')
    expect((await read(phone.id)).writtenVersion?.versions ?? []).toEqual([])
  })
})
