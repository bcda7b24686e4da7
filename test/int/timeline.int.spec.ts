import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CaseTimeline } from '../../cms/components/CaseTimeline'
import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import type { User } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { intakeForm, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/**
 * The case timeline says what happened: who (the staff member by name, the website only for the
 * form, the system for jobs), what (in plain Dutch from the entry's data) and when — every entry.
 */
type Staff = StaffUser
let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: Staff
let handler: Staff
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }
const API_KEY = 're_timeline_key_123'
const EXPERT = { name: 'A. Deskundige', email: 'ad@uwv.example' }

const staff = (email: string, name: string, roles: User['roles']): Promise<Staff> =>
  createStaffUser(payload, email, name, roles)
const update = (user: Staff, id: string, data: Record<string, unknown>) =>
  payload.update({ collection: 'complaints', id, data: data, overrideAccess: false, user })
const runJobs = () => payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
const events = async (id: string) =>
  (
    await payload.find({
      collection: 'case-events',
      where: { complaint: { equals: id } },
      sort: 'at',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

/** A complaint through the web form, as the site hands it in; its letters of registration issued. */
async function webComplaint(): Promise<string> {
  const response = await ctx.rest('/complaints/intake', {
    method: 'POST',
    body: intakeForm(validIntake()),
    headers: SITE,
  })
  expect(response.status).toBe(201)
  const { reference } = (await response.json()) as { reference: string }
  await runJobs()
  const { docs } = await payload.find({
    collection: 'complaints',
    where: { reference: { equals: reference } },
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]?.id ?? ''
}

/** The text a person reads in the rendered timeline, one line per row. */
async function renderedTimeline(id: string, user: Staff): Promise<{ text: string; rows: string[] }> {
  const html = renderToStaticMarkup(await CaseTimeline({ id, payload, user }))
  const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
    .slice(1)
    .map((m) => (m[1] ?? '').replace(/<\/td><td[^>]*>/g, ' | ').replace(/<[^>]+>/g, ''))
  return { text: html.replace(/<[^>]+>/g, ' '), rows }
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
  manager = await staff('maria@example.nl', 'Maria Manager', ['manager'])
  handler = await staff('anna@example.nl', 'Anna Behandelaar', ['handler'])
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('who: the timeline names the person who did it (Art. 5 notification)', () => {
  it('Art. 5: the UWV notification set off when a manager completes the settings names the manager, not the website the complaint came from', async () => {
    // No labour expert is known at registration: the Art. 5 notification waits for one.
    const id = await webComplaint()
    const before = await events(id)
    expect(before.map((e) => e.type)).toEqual(['received', 'receipt_queued'])
    // Control: what the form itself set off is the website's.
    expect(before.map((e) => [e.actorKind, e.actor ?? null])).toEqual([
      ['public', null],
      ['public', null],
    ])

    await payload.updateGlobal({ slug: 'settings', data: { uwvLabourExpert: EXPERT }, user: manager })
    await update(manager, id, { assignedHandler: handler.id })
    await runJobs()
    const notification = (await events(id)).find((e) => e.type === 'uwv_notification_queued')
    expect([notification?.actorKind, notification?.actor]).toEqual(['staff', manager.id])

    const { rows } = await renderedTimeline(id, manager)
    expect(rows).toContain(
      `${rows.find((r) => r.includes('Melding aan de arbeidsdeskundige'))?.split(' | ')[0]} | Maria Manager | Melding aan de arbeidsdeskundige van UWV klaargezet, per e-mail`,
    )
  })
})

describe('what and when: every entry of the case, in plain Dutch', () => {
  it('shows the whole history, oldest first — more than ten entries — with names, statuses, letters and Dutch times', async () => {
    await payload.updateGlobal({ slug: 'settings', data: { uwvLabourExpert: EXPERT } })
    const id = await webComplaint()
    await update(manager, id, { assignedHandler: handler.id })
    for (let i = 0; i < 10; i++) await update(handler, id, { complainant: { phone: `06 1234567${i}` } })
    await update(handler, id, {
      status: 'acknowledged',
      acknowledgement: { factsSummary: 'Drie afspraken gingen niet door.', statedTermWeeks: 4 },
    })
    await runJobs()
    const stored = await events(id)
    expect(stored.length).toBeGreaterThan(14)

    const { text, rows } = await renderedTimeline(id, handler)
    expect(rows).toHaveLength(stored.length)
    expect(text).toContain(`${stored.length} gebeurtenissen, de oudste eerst.`)
    const when =
      '\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \\d{4} \\d{2}:\\d{2}'
    for (const row of rows) expect(row).toMatch(new RegExp(`^${when} \\| `))
    const said = rows.map((r) => r.split(' | ').slice(1).join(' | '))
    expect(said[0]).toMatch(/^Website \(klachtformulier\) \| Klacht ontvangen via het webformulier; klager: cliënt;/)
    expect(said[1]).toBe('Website (klachtformulier) | Bevestiging van ontvangst klaargezet, per e-mail')
    expect(said).toContain('Maria Manager | Behandelaar: Anna Behandelaar')
    expect(said.filter((s) => s === 'Anna Behandelaar | Gegevens gewijzigd: Klager: Telefoon')).toHaveLength(10)
    expect(said).toContain('Anna Behandelaar | Status gewijzigd van Ontvangen naar Ontvangst bevestigd')
    expect(said).toContain('Anna Behandelaar | Brief opgesteld: Ontvangstbevestiging, per e-mail')
    // Delivered by the outbox job: the system's doing.
    expect(said).toContain('Systeem | Brief verstuurd: Ontvangstbevestiging, per e-mail')
    expect(text).not.toContain('Geen Medewerker')

    // In the English admin the frame is English; what happened stays in the case's Dutch.
    const english = renderToStaticMarkup(await CaseTimeline({ id, payload, user: handler, i18n: { language: 'en' } }))
    expect(english).toContain(`${stored.length} events, oldest first.`)
    expect(english).toContain('<th scope="col"')
    expect(english.replace(/<[^>]+>/g, '|')).toContain('|When||Who||What|')
  })
})
