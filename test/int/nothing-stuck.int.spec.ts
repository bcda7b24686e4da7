import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ManagerOverview, managerOverview } from '../../cms/components/ManagerOverview'
import { SettingsWarning } from '../../cms/components/SettingsWarning'
import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import type { Complaint, User } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { intakeForm, recordedComplaint, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser, staffUserToken } from '../helpers/staff'

/**
 * Nothing stays stuck without the admin saying so:
 * - Art. 5: a complaint registered while the settings named no UWV labour expert is reported as
 *   soon as they do — once per case, however often the settings are saved — and until then the
 *   dashboard of managers and admins says what is missing;
 * - Decision 12: letters for post without a posting date, and the open cases of each handler, are
 *   counted on a manager's dashboard, each linking to the list they count.
 */

type Staff = StaffUser

const API_KEY = 're_nothing_stuck'
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }
const EXPERT = { name: 'A. Deskundige', email: 'ad@uwv.example' }

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let admin: Staff
let manager: Staff
let handler: Staff
let second: Staff

const staff = (email: string, name: string, roles: User['roles']): Promise<Staff> =>
  createStaffUser(payload, email, name, roles)

async function runJobs(): Promise<void> {
  for (let round = 0; round < 4; round += 1) await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
}

/** What the fake Resend server delivered to the labour expert, per reference in the subject. */
const notificationsOf = (reference: string) =>
  fake.deliveries.filter((d) => d.to.includes(EXPERT.email) && d.subject === `Melding nieuwe klacht ${reference}`)

async function register(name: string, email: string): Promise<Complaint> {
  const response = await ctx.rest('/complaints/intake', {
    method: 'POST',
    body: intakeForm(validIntake({ name, email })),
    headers: SITE,
  })
  expect(response.status).toBe(201)
  const { reference } = (await response.json()) as { reference: string }
  const { docs } = await payload.find({
    collection: 'complaints',
    where: { reference: { equals: reference } },
    overrideAccess: true,
  })
  if (!docs[0]) throw new Error('not stored')
  return docs[0]
}

const tokenOf = (user: Staff): Promise<string> => staffUserToken(payload, user.email)

const warningFor = async (user: Staff) => {
  const element = await SettingsWarning({ payload, user })
  return element ? renderToStaticMarkup(element) : null
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  for (const step of seedSteps.filter((s) => s.name === 'site service account' || s.name === 'letter texts'))
    await step.run(payload, env)
  admin = await staff('beheer@example.nl', 'Bert Beheerder', ['admin'])
  manager = await staff('manager@example.nl', 'Maria Manager', ['manager'])
  handler = await staff('anton@example.nl', 'Anton Behandelaar', ['handler'])
  second = await staff('bea@example.nl', 'Bea Behandelaar', ['handler'])
  // Everything but the labour expert, as on a portal whose admin has not got to it yet.
  await payload.updateGlobal({
    slug: 'settings',
    data: {
      address: { street: 'Voorbeeldstraat 12', postalCode: '3511 AB', city: 'Utrecht' },
      phone: '030 123 45 67',
      contactEmail: 'klachten@wp.example',
    },
  })
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Art. 5: registrations made while the UWV labour expert was not in the settings', () => {
  let first: Complaint
  let other: Complaint

  it('are registered and receipted, but not reported; the dashboard of admins and managers says what is missing, with a link to the settings', async () => {
    first = await register('Jan Eerst', 'jan@example.nl')
    other = await register('Els Ander', 'els@example.nl')
    await runJobs()
    expect(fake.deliveries.filter((d) => d.to.includes('jan@example.nl'))).toHaveLength(1)
    expect(fake.deliveries.filter((d) => d.to.includes(EXPERT.email))).toEqual([])

    for (const user of [admin, manager]) {
      const html = (await warningFor(user)) ?? ''
      expect(html).toContain('Instellingen niet compleet')
      expect(html).toContain('worden nog niet gemeld aan de arbeidsdeskundige van UWV')
      expect(html).toContain('E-mailadres van de arbeidsdeskundige UWV')
      expect(html).toContain('Naam van de arbeidsdeskundige UWV')
      expect(html).toContain('art. 5')
      expect(html).toContain('href="/admin/globals/settings"')
      // Only what is missing: the address and phone are filled in.
      expect(html).not.toContain('Telefoonnummer')
      expect(html).not.toContain('Adres (')
    }
    // Handlers cannot change the settings: the warning is not theirs.
    expect(await warningFor(handler)).toBeNull()
  })

  it('are reported as soon as the settings name the expert, once per case: a second save (before and after the job ran) and a save of the case send nothing twice', async () => {
    await payload.updateGlobal({
      slug: 'settings',
      data: { uwvLabourExpert: EXPERT },
      overrideAccess: false,
      user: admin,
    })
    // Saved again before the queued notifications ran, then through REST after: nothing new is queued.
    await payload.updateGlobal({
      slug: 'settings',
      data: { phone: '030 765 43 21' },
      overrideAccess: false,
      user: admin,
    })
    // One job per case waits to run: the second save saw it and queued none.
    const waiting = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'issueIntakeLetters' } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
      pagination: false,
      depth: 0,
    })
    expect(waiting.docs.map((j) => (j.input as { complaintId: string }).complaintId).sort()).toEqual(
      [first.id, other.id].sort(),
    )
    await runJobs()
    expect(notificationsOf(first.reference ?? '')).toHaveLength(1)
    expect(notificationsOf(other.reference ?? '')).toHaveLength(1)
    expect(notificationsOf(first.reference ?? '')[0]?.text).toContain('Jan Eerst')

    const rest = await ctx.rest('/globals/settings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${await tokenOf(admin)}` },
      body: JSON.stringify({ phone: '030 123 45 67' }),
    })
    expect(rest.status).toBe(200)
    await payload.update({
      collection: 'complaints',
      id: first.id,
      data: { assignedHandler: handler.id },
      overrideAccess: false,
      user: manager,
    })
    await runJobs()
    expect(notificationsOf(first.reference ?? '')).toHaveLength(1)
    expect(notificationsOf(other.reference ?? '')).toHaveLength(1)
    const { totalDocs } = await payload.count({
      collection: 'letters',
      where: { purpose: { equals: 'uwv_notification' } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(2)
    // And the dashboard no longer warns.
    expect(await warningFor(admin)).toBeNull()
    expect(await warningFor(manager)).toBeNull()
  })

  it('control: a registration with complete settings is reported at once, and once', async () => {
    const late = await register('Lot Laat', 'lot@example.nl')
    await runJobs()
    await payload.updateGlobal({
      slug: 'settings',
      data: { phone: '030 000 00 00' },
      overrideAccess: false,
      user: admin,
    })
    await runJobs()
    expect(notificationsOf(late.reference ?? '')).toHaveLength(1)
  })

  it('the warning names each missing detail a letter needs', async () => {
    await payload.updateGlobal({
      slug: 'settings',
      data: { phone: '', address: { street: '', postalCode: '', city: 'Utrecht' } },
      overrideAccess: false,
      user: admin,
    })
    const html = (await warningFor(manager)) ?? ''
    expect(html).toContain('Telefoonnummer')
    expect(html).toContain('Adres (straat en huisnummer, postcode)')
    expect(html).toContain('Brieven missen nog gegevens')
    expect(html).not.toContain('arbeidsdeskundige UWV</strong>')
    await payload.updateGlobal({
      slug: 'settings',
      data: { phone: '030 123 45 67', address: { street: 'Voorbeeldstraat 12', postalCode: '3511 AB' } },
    })
  })
})

describe('Decision 12, Art. 7: a manager’s counts, each a link to the list it counts', () => {
  const recordCase = (name: string, handlerId: string | null, email?: string) =>
    payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: recordedComplaint({
        assignedHandler: handlerId,
        complainant: {
          role: 'client',
          name,
          ...(email ? { email } : { street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Ede' }),
        },
      }),
    })

  /** The list a dashboard link opens, asked through REST as the manager (Payload parses the same `where`). */
  async function listed(href: string): Promise<string[]> {
    const url = new URL(href, 'http://localhost:3000')
    const collection = url.pathname.split('/').at(-1) ?? ''
    const response = await ctx.rest(`/${collection}?${url.searchParams.toString()}&depth=0&limit=100`, {
      headers: { authorization: `JWT ${await tokenOf(manager)}` },
    })
    expect(response.status, href).toBe(200)
    return ((await response.json()) as { docs: { id: string }[] }).docs.map((d) => d.id).sort()
  }

  it('counts letters for post without a posting date and the open cases per handler; every link lists exactly what it counts', async () => {
    const postA = await recordCase('Piet Post', handler.id)
    const postB = await recordCase('Paula Post', second.id)
    await recordCase('Eva Mail', second.id, 'eva@example.nl')
    await runJobs()
    const unposted = await payload.find({
      collection: 'letters',
      where: { and: [{ channel: { equals: 'post' } }, { complaint: { in: [postA.id, postB.id] } }] },
      overrideAccess: true,
      depth: 0,
    })
    expect(unposted.docs).toHaveLength(2)
    // One of them posted: it leaves the count.
    const posted = unposted.docs[0]?.id ?? ''
    await payload.update({
      collection: 'letters',
      id: posted,
      data: { postedAt: new Date().toISOString() },
      overrideAccess: false,
      user: manager,
    })

    const rows = await managerOverview(payload, manager)
    const letters = rows.find((r) => r.label === 'Brieven nog op de post doen')
    expect(letters?.count).toBe(1)
    expect(await listed(letters?.href ?? '')).toEqual(unposted.docs.filter((d) => d.id !== posted).map((d) => d.id))

    const openOf = async (id: string) =>
      (
        await payload.find({
          collection: 'complaints',
          where: { and: [{ assignedHandler: { equals: id } }, { status: { in: ['received', 'acknowledged'] } }] },
          overrideAccess: true,
          pagination: false,
          depth: 0,
        })
      ).docs
        .map((d) => d.id)
        .sort()
    for (const person of [handler, second]) {
      const row = rows.find((r) => r.label === person.name)
      const expected = await openOf(person.id)
      expect(row?.count, person.name).toBe(expected.length)
      expect(await listed(row?.href ?? ''), person.name).toEqual(expected)
    }
    expect(rows.find((r) => r.label === 'Bea Behandelaar')?.count).toBe(2)

    // Rendered for a manager, with the links; for a handler or an admin, nothing.
    const html = renderToStaticMarkup((await ManagerOverview({ payload, user: manager })) ?? '')
    expect(html).toContain('1</strong> Brieven nog op de post doen')
    expect(html).toContain('Bea Behandelaar: <strong>2</strong>')
    expect(html).toContain(letters?.href.replaceAll('&', '&amp;'))
    expect(await ManagerOverview({ payload, user: handler })).toBeNull()
    expect(await ManagerOverview({ payload, user: admin })).toBeNull()
  })
})
