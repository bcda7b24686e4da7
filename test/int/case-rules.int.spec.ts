import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { configToSchema } from '@payloadcms/graphql'
import type { GraphQLSchema } from 'graphql'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import type { Complaint, User } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { type FakeDelivery, type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { pdfToText, squash } from '../helpers/pdfText'
import { refusal } from '../helpers/refusal'
import { createStaffUser, type StaffUser, staffUserToken } from '../helpers/staff'

/**
 * Rules of a case the handler's admin relies on, on every path (the admin and REST through Payload's
 * handler, the Local API with and without a user):
 * - Decision 12: a case closes only once every letter for post has its posting date;
 * - Art. 6.3: a hearing report records a hearing that took place, never one still ahead;
 * - Decision 3: a new handler is the complainant's new contact person, and the complainant is told.
 * GraphQL is switched off (its route answers 404); were it switched on, its `updateComplaint` would
 * meet the same rules: the last block runs Payload's own resolvers on a schema built from this configuration.
 */

type Staff = StaffUser

const API_KEY = 're_case_rules_key'
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: Staff
let handler: Staff
let other: Staff
let schema: GraphQLSchema

const staff = (email: string, name: string, roles: User['roles']): Promise<Staff> =>
  createStaffUser(payload, email, name, roles)

/** A complaint recorded by a manager (staff intake, Art. 3), assigned to the handler unless told otherwise. */
async function recordCase(data: Partial<Complaint>): Promise<Complaint> {
  return payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: recordedComplaint({ assignedHandler: handler.id, ...data }),
  })
}

const update = (user: Staff | null, id: string, data: Record<string, unknown>) =>
  user
    ? payload.update({ collection: 'complaints', id, data: data, overrideAccess: false, user })
    : payload.update({ collection: 'complaints', id, data: data })

/** Runs the outbox queue (the letters of registration come from a job that queues the deliveries). */
async function runJobs(): Promise<void> {
  for (let round = 0; round < 4; round += 1) await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
}

async function deliveredTo(to: string, subject: string): Promise<FakeDelivery[]> {
  await runJobs()
  return fake.deliveries.filter((d) => d.to.includes(to) && d.subject.startsWith(subject))
}

const lettersOf = async (complaint: string, purpose?: string) =>
  (
    await payload.find({
      collection: 'letters',
      where: { complaint: { equals: complaint }, ...(purpose ? { purpose: { equals: purpose } } : {}) },
      sort: 'createdAt',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

/** REST as the admin sends it (Payload's own handler), with a staff member's session. */
async function restAs(user: Staff, method: string, route: string, body: unknown): Promise<Response> {
  const token = await staffUserToken(payload, user.email)
  return ctx.rest(route, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  })
}

/** A moment `days` ahead (or back, when negative) at 10:00 UTC. */
const ahead = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000)
  d.setUTCHours(10, 0, 0, 0)
  return d.toISOString()
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  for (const step of seedSteps.filter((s) => s.name === 'letter texts')) await step.run(payload, env)
  manager = await staff('manager@example.nl', 'Maria Manager', ['manager'])
  handler = await staff('anton@example.nl', 'Anton Behandelaar', ['handler'])
  other = await staff('bea@example.nl', 'Bea Opvolger', ['handler'])
  schema = configToSchema(payload.config).schema
  await payload.updateGlobal({
    slug: 'settings',
    data: {
      address: { street: 'Voorbeeldstraat 12', postalCode: '3511 AB', city: 'Utrecht' },
      phone: '030 123 45 67',
      uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' },
    },
  })
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Decision 12: closing a case with letters for post', () => {
  it('refuses closing while a letter for post has no posting date, at the status and naming the letters; with every date recorded the same close is accepted', async () => {
    const c = await recordCase({
      complainant: { role: 'client', name: 'Piet Post', street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Ede' },
    })
    await runJobs()
    await update(handler, c.id, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
    const unposted = await lettersOf(c.id)
    expect(unposted.filter((l) => l.channel === 'post').map((l) => l.purpose)).toEqual([
      'written_version',
      'withdrawal_confirmation',
    ])

    const errors = await refusal(update(manager, c.id, { status: 'closed' }))
    expect(Object.keys(errors)).toEqual(['status'])
    expect(errors.status).toContain('besluit 12')
    expect(errors.status).toContain('2 brieven voor de post hebben nog geen verzenddatum')
    expect(errors.status).toContain('Schriftelijke versie van een mondelinge klacht')
    expect(errors.status).toContain('Bevestiging: klacht ingetrokken')
    // Trusted code without a user is held to it too, and so is REST.
    expect(Object.keys(await refusal(update(null, c.id, { status: 'closed' })))).toEqual(['status'])
    const rest = await restAs(manager, 'PATCH', `/complaints/${c.id}`, { status: 'closed' })
    expect(rest.status).toBe(400)
    expect(JSON.stringify(await rest.json())).toContain('besluit 12')

    // One posted, one not: still refused, naming only the one left.
    const [first, second] = unposted.filter((l) => l.channel === 'post')
    const post = (id: string) =>
      payload.update({
        collection: 'letters',
        id,
        data: { postedAt: new Date().toISOString() },
        overrideAccess: false,
        user: handler,
      })
    await post(first?.id ?? '')
    const left = await refusal(update(manager, c.id, { status: 'closed' }))
    expect(left.status).toContain(
      'Eén brief voor de post heeft nog geen verzenddatum (Bevestiging: klacht ingetrokken)',
    )

    // Control: every letter posted, the same request closes the case.
    await post(second?.id ?? '')
    expect((await update(manager, c.id, { status: 'closed' })).status).toBe('closed')
  })

  it('control: a case whose letters all went by e-mail closes without posting dates', async () => {
    const c = await recordCase({ complainant: { role: 'client', name: 'Eva Mail', email: 'eva@example.nl' } })
    await runJobs()
    await update(handler, c.id, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
    expect((await lettersOf(c.id)).every((l) => l.channel === 'email')).toBe(true)
    expect((await update(manager, c.id, { status: 'closed' })).status).toBe('closed')
  })
})

describe('Art. 6.3: a hearing report records a hearing that took place', () => {
  const REPORT = 'De klager en de coach vertelden elk hun kant van het verhaal.'
  const attendees = [{ name: 'Hanna Hoor', role: 'complainant' }]

  it('refuses a report, and sending it, while the hearing lies ahead — with the planned moment in the message; after the hearing the same report goes out', async () => {
    const email = 'hanna@example.nl'
    const c = await recordCase({ complainant: { role: 'client', name: 'Hanna Hoor', email } })
    await update(handler, c.id, { hearing: { at: ahead(3), place: 'Kantoor Utrecht' } })

    const written = await refusal(update(handler, c.id, { hearing: { attendees, report: REPORT, sendReport: true } }))
    expect(Object.keys(written)).toEqual(['hearing.report'])
    expect(written['hearing.report']).toContain('art. 6')
    expect(written['hearing.report']).toContain('Het gesprek staat gepland op')
    // Not stored half: the report is not on the case, and no letter went.
    const stored = await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })
    expect(stored.hearing?.report ?? null).toBeNull()
    expect(await lettersOf(c.id, 'hearing_report')).toHaveLength(0)
    // Without a user, and through REST, the same.
    expect(Object.keys(await refusal(update(null, c.id, { hearing: { report: REPORT } })))).toEqual(['hearing.report'])
    const rest = await restAs(handler, 'PATCH', `/complaints/${c.id}`, { hearing: { report: REPORT } })
    expect(rest.status).toBe(400)
    expect(JSON.stringify(await rest.json())).toContain('hearing.report')

    // Control: the hearing took place yesterday; the same save is accepted and the report is sent.
    await update(handler, c.id, { hearing: { at: ahead(-1) } })
    await update(handler, c.id, { hearing: { attendees, report: REPORT, sendReport: true } })
    expect(await lettersOf(c.id, 'hearing_report')).toHaveLength(1)
    expect((await deliveredTo(email, 'Verslag van het gesprek over uw klacht'))[0]?.text).toContain(REPORT)
  })

  it('refuses ticking "send the report" for a hearing moved ahead, at the box; the report of the hearing before stays', async () => {
    const c = await recordCase({ complainant: { role: 'client', name: 'Kees Keer', email: 'kees@example.nl' } })
    await update(handler, c.id, { hearing: { at: ahead(-2), attendees, report: REPORT } })
    // A next hearing is planned: the report of the first one stays on the case.
    await update(handler, c.id, { hearing: { at: ahead(4) } })
    const errors = await refusal(update(handler, c.id, { hearing: { sendReport: true } }))
    expect(Object.keys(errors)).toEqual(['hearing.sendReport'])
    expect(errors['hearing.sendReport']).toContain('art. 6')
  })

  it('refuses a complaint recorded with a report of a hearing still ahead (create); recorded after the hearing it is accepted', async () => {
    const errors = await refusal(
      recordCase({
        complainant: { role: 'client', name: 'Nina Nu' },
        hearing: { at: ahead(2), place: 'Kantoor', report: REPORT },
      }),
    )
    expect(Object.keys(errors)).toEqual(['hearing.report'])
    const rest = await restAs(
      manager,
      'POST',
      '/complaints',
      recordedComplaint({
        receivedAt: new Date().toISOString(),
        complainant: { role: 'client', name: 'Nina Nu' },
        hearing: { at: ahead(2), place: 'Kantoor', report: REPORT },
      }),
    )
    expect(rest.status).toBe(400)
    expect(JSON.stringify(await rest.json())).toContain('hearing.report')
    // Control.
    const held = await recordCase({
      complainant: { role: 'client', name: 'Nina Nu' },
      hearing: { at: ahead(-1), place: 'Kantoor', report: REPORT },
    })
    expect(held.hearing?.report).toBe(REPORT)
  })
})

describe('Decision 3: a new handler is the new contact person', () => {
  const acknowledge = (id: string) =>
    update(handler, id, {
      status: 'acknowledged',
      acknowledgement: { factsSummary: 'Drie afspraken gingen niet door.', statedTermWeeks: 4 },
    })

  it('the complainant gets a letter naming the new contact person, in the save that changes the handler', async () => {
    const email = 'wouter@example.nl'
    const c = await recordCase({ complainant: { role: 'client', name: 'Wouter Wissel', email } })
    await runJobs()
    await acknowledge(c.id)
    expect(await lettersOf(c.id, 'handler_change')).toHaveLength(0)

    await update(manager, c.id, { assignedHandler: other.id })
    // Issued with the save (in the dossier at once), delivered by the outbox.
    const [letter] = await lettersOf(c.id, 'handler_change')
    expect(letter?.channel).toBe('email')
    const [mail] = await deliveredTo(email, 'Uw klacht heeft een nieuwe behandelaar')
    expect(mail?.subject).toBe(`Uw klacht heeft een nieuwe behandelaar (${c.reference})`)
    const parts = [
      'Beste Wouter Wissel,',
      'heeft een nieuwe behandelaar: Bea Opvolger',
      'Deze persoon is vanaf nu uw contactpersoon',
      `Noem daarbij uw kenmerk: ${c.reference}`,
    ]
    for (const part of parts) expect(mail?.text).toContain(part)
    const pdf = squash(
      await pdfToText(readFileSync(path.join(process.env.UPLOAD_DIR ?? '', 'letters', letter?.filename ?? ''))),
    )
    for (const part of parts) expect(pdf).toContain(part)
    // Signed by the new handler, not the old one.
    expect(pdf).toContain('Bea Opvolger behandelaar van uw klacht')
    expect(mail?.text).not.toContain('Anton Behandelaar')

    // A later save that keeps the handler sends nothing again.
    await update(other, c.id, { hearing: { documentsReviewedAt: new Date().toISOString() } })
    expect(await lettersOf(c.id, 'handler_change')).toHaveLength(1)
  })

  it('no such letter for the first assignment, nor for a change before the acknowledgement named anyone', async () => {
    const c = await recordCase({
      assignedHandler: null,
      complainant: { role: 'client', name: 'Fien Eerst', email: 'fien@example.nl' },
    })
    await runJobs()
    await update(manager, c.id, { assignedHandler: handler.id })
    await update(manager, c.id, { assignedHandler: other.id })
    expect(await lettersOf(c.id, 'handler_change')).toHaveLength(0)
    expect(await deliveredTo('fien@example.nl', 'Uw klacht heeft een nieuwe behandelaar')).toEqual([])
  })
})

// The copy of graphql that @payloadcms/graphql (loaded by Node itself) builds its schema with; Vite would resolve another one.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql')

/**
 * `mutation { updateComplaint(id, data) }` through Payload's own resolver, as `user`: the field
 * errors of a refusal by path (empty when accepted) and the status it answers. Payload's update
 * input marks the groups with required fields (complainant, conduct, involved) required, so a
 * GraphQL client sends them with every update: here as stored, unless `data` gives them.
 */
async function updateThroughGraphQL(
  user: Staff,
  id: string,
  changes: Record<string, unknown>,
): Promise<{ errors: Record<string, string>; status: string | null }> {
  const stored = await payload.findByID({ collection: 'complaints', id, overrideAccess: true, depth: 0 })
  const data = {
    complainant: { role: stored.complainant?.role, name: stored.complainant?.name },
    conduct: { when: stored.conduct?.when },
    involved: { kind: stored.involved?.kind },
    ...changes,
  }
  const args = schema.getMutationType()?.getFields().updateComplaint?.args ?? []
  const typeOf = (name: string) => String(args.find((arg) => arg.name === name)?.type)
  const req = await createLocalReq({ user }, payload)
  req.payloadAPI = 'GraphQL'
  const result = await graphql({
    schema,
    source: `mutation ($id: ${typeOf('id')}, $data: ${typeOf('data')}) { updateComplaint(id: $id, data: $data) { id status } }`,
    contextValue: { req, headers: {} },
    variableValues: { id, data },
  })
  const errors: Record<string, string> = {}
  for (const error of result.errors ?? []) {
    const fields = (error.originalError as { data?: { errors?: { path: string; message: string }[] } } | undefined)
      ?.data?.errors
    if (!fields?.length) throw error
    for (const field of fields) errors[field.path] = field.message
  }
  const answer = (result.data as { updateComplaint?: { status?: string } } | null | undefined)?.updateComplaint
  return { errors, status: answer?.status ?? null }
}

describe('GraphQL: updateComplaint holds the same refusals (switched off; Payload’s own resolvers)', () => {
  it('the route is off: POST /api/graphql answers 404 to the mutation', async () => {
    const c = await recordCase({ complainant: { role: 'client', name: 'Gijs Graaf', email: 'gijs@example.nl' } })
    const response = await restAs(manager, 'POST', '/graphql', {
      query: `mutation { updateComplaint(id: "${c.id}", data: { clientName: "Iemand" }) { id } }`,
    })
    expect(response.status).toBe(404)
  })

  it('Decision 12: closing with a letter for post not yet posted is refused at the status; with every posting date the same mutation closes', async () => {
    const c = await recordCase({
      complainant: { role: 'client', name: 'Piet Graaf', street: 'Dorpsstraat 2', postalCode: '1234 AB', city: 'Ede' },
    })
    await runJobs()
    await update(handler, c.id, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
    const unposted = (await lettersOf(c.id)).filter((l) => l.channel === 'post')
    expect(unposted.length).toBeGreaterThan(0)

    const refused = await updateThroughGraphQL(manager, c.id, { status: 'closed' })
    expect(Object.keys(refused.errors)).toEqual(['status'])
    expect(refused.errors.status).toContain('besluit 12')
    expect(refused.status).toBeNull()
    expect((await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })).status).toBe(
      'withdrawn',
    )

    // Control: every letter posted, the same mutation closes the case.
    for (const letter of unposted)
      await payload.update({
        collection: 'letters',
        id: letter.id,
        data: { postedAt: new Date().toISOString() },
        overrideAccess: false,
        user: handler,
      })
    expect(await updateThroughGraphQL(manager, c.id, { status: 'closed' })).toEqual({ errors: {}, status: 'closed' })
  })

  it('Art. 6.3: a hearing report before the hearing is refused at the report; after the hearing the same mutation stores it', async () => {
    const REPORT = 'De klager en de coach zijn gehoord.'
    const attendees = [{ name: 'Greet Graaf', role: 'complainant' }]
    const c = await recordCase({ complainant: { role: 'client', name: 'Greet Graaf', email: 'greet@example.nl' } })
    await update(handler, c.id, { hearing: { at: ahead(3), place: 'Kantoor Utrecht' } })

    const refused = await updateThroughGraphQL(handler, c.id, { hearing: { attendees, report: REPORT } })
    expect(Object.keys(refused.errors)).toEqual(['hearing.report'])
    expect(refused.errors['hearing.report']).toContain('Het gesprek staat gepland op')
    const kept = await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })
    expect(kept.hearing?.report ?? null).toBeNull()

    // Control: the hearing took place yesterday; the same mutation is accepted.
    await update(handler, c.id, { hearing: { at: ahead(-1) } })
    expect((await updateThroughGraphQL(handler, c.id, { hearing: { attendees, report: REPORT } })).errors).toEqual({})
    const held = await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })
    expect(held.hearing?.report).toBe(REPORT)
  })

  it('Decision 11: an employer as complainant without the cliënt’s name is refused at the name; with the name the same mutation is accepted', async () => {
    const c = await recordCase({ complainant: { role: 'client', name: 'Wim Werkgever', email: 'wim@example.nl' } })
    const complainant = { role: 'employer', name: 'Wim Werkgever', email: 'wim@example.nl' }

    const refused = await updateThroughGraphQL(handler, c.id, { complainant })
    expect(Object.keys(refused.errors)).toEqual(['clientName'])
    expect(refused.errors.clientName).toMatch(/cliënt/)
    const kept = await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })
    expect(kept.complainant?.role).toBe('client')

    // Control: the same change with the cliënt's name.
    expect((await updateThroughGraphQL(handler, c.id, { complainant, clientName: 'Carla Cliënt' })).errors).toEqual({})
    const stored = await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })
    expect([stored.complainant?.role, stored.clientName]).toEqual(['employer', 'Carla Cliënt'])
  })
})
