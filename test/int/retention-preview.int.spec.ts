import type { Payload } from 'payload'
import type { ReactElement } from 'react'
import { renderToReadableStream } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RetentionContent } from '../../cms/components/retention/RetentionContent'
import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import { seedSteps } from '../../cms/seed'
import { nextRetentionRun } from '../../hooks/privacy/nextRun'
import { fileWebComplaint } from '../helpers/cases'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/**
 * Decision 19: before the daily run anonymises anything, managers see in the admin
 * (/admin/bewaartermijn) which cases the next run anonymises and when, which are due later, which
 * ended but were never closed, and which are on legal hold. Nobody else sees any of it (a custom
 * view is public until it checks the user). Rendered as Next renders a server component.
 */
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const DAY = 86_400_000
const NOW = new Date()
const TWO_YEARS = NOW.getTime() - new Date(new Date(NOW).setUTCFullYear(NOW.getUTCFullYear() - 2)).getTime()
const ago = (ms: number) => new Date(NOW.getTime() - ms)

let ctx: TestPayload
let payload: Payload
const staff: Record<string, StaffUser> = {}
const refs: Record<string, string> = {}

async function html(element: ReactElement | null): Promise<string> {
  if (!element) return ''
  const stream = await renderToReadableStream(element)
  await stream.allReady
  return await new Response(stream).text()
}
const view = async (who: string | null) =>
  html(await RetentionContent({ payload, user: who ? staff[who] : null, now: NOW }))

/** The part of the page that lists one kind of case. */
const section = (page: string, list: string) => {
  const start = page.indexOf(`data-list="${list}"`)
  expect(start, list).toBeGreaterThan(-1)
  return page.slice(start, page.indexOf('</section>', start))
}

/** A web complaint, acknowledged and withdrawn (ended) through the real workflow; closed at `closedAt` if given. */
async function endedCase(name: string, closedAt?: Date): Promise<{ id: string; reference: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z]/g, '')}@preview.example`
  const c = await fileWebComplaint(ctx, { name, email })
  const id = c.id
  await payload.jobs.run()
  const as = (user: StaffUser, data: Record<string, unknown>) =>
    payload.update({ collection: 'complaints', id, data, overrideAccess: false, user })
  await as(staff.manager!, { assignedHandler: staff.handler!.id })
  await as(staff.handler!, { status: 'acknowledged', acknowledgement: { factsSummary: 'Feiten.', statedTermWeeks: 4 } })
  await as(staff.handler!, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
  await payload.jobs.run()
  await payload.jobs.run({ queue: OUTBOX_QUEUE })
  if (closedAt)
    await payload.update({
      collection: 'complaints',
      id,
      data: { status: 'closed' },
      context: { now: closedAt.toISOString() },
    })
  return { id, reference: c.reference ?? '' }
}

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
  // The first account becomes an administrator: the admin goes first.
  staff.admin = await createStaffUser(payload, 'a@preview.example', 'Ad Beheer', ['admin'])
  staff.manager = await createStaffUser(payload, 'm@preview.example', 'Maria Manager', ['manager'])
  staff.handler = await createStaffUser(payload, 'h@preview.example', 'Hans Behandelaar', ['handler'])
  staff.editor = await createStaffUser(payload, 'e@preview.example', 'Eva Redacteur', ['editor'])

  refs.due = (await endedCase('Łukasz Due', ago(TWO_YEARS + DAY))).reference
  refs.soon = (await endedCase('Şükrü Soon', ago(TWO_YEARS - 10 * DAY))).reference
  refs.later = (await endedCase('Nguyễn Later', ago(DAY))).reference
  refs.notClosed = (await endedCase('Anna Open')).reference
  const held = await endedCase('Bram Hold', ago(TWO_YEARS + 5 * DAY))
  refs.held = held.reference
  await payload.update({
    collection: 'complaints',
    id: held.id,
    data: { privacy: { legalHold: true, legalHoldReason: 'Lopende procedure.' } },
    overrideAccess: false,
    user: staff.manager,
  })
}, 300_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Decision 19: the retention preview in the admin, for managers', () => {
  it('a manager sees each case in its list: due at the next run, due within 90 days, never closed, on hold', async () => {
    const page = await view('manager')
    expect(page).toContain('<h1>Bewaartermijn: wat wordt geanonimiseerd</h1>')
    const lists = {
      due: section(page, 'due'),
      upcoming: section(page, 'upcoming'),
      endedNotClosed: section(page, 'ended-not-closed'),
      onHold: section(page, 'on-hold'),
    }
    const where = (reference: string) =>
      Object.entries(lists)
        .filter(([, html]) => html.includes(`data-case="${reference}"`))
        .map(([name]) => name)
    expect(where(refs.due!)).toEqual(['due'])
    expect(where(refs.soon!)).toEqual(['upcoming'])
    expect(where(refs.notClosed!)).toEqual(['endedNotClosed'])
    expect(where(refs.held!)).toEqual(['onHold'])
    // Closed yesterday: two years off, not in the next 90 days, so on no list.
    expect(where(refs.later!)).toEqual([])
    // The due case is anonymised at the next run, whose date the page names.
    expect(page).toContain(`data-slot="next-run"`)
    // Nothing personal: references and dates only.
    for (const name of ['Łukasz', 'Şükrü', 'Nguyễn', 'Anna Open', 'Bram Hold', 'Lopende procedure'])
      expect(page).not.toContain(name)
  })

  it.each(['admin', 'handler', 'editor', null])(
    '%s sees the refusal and no case (the manager above is the control)',
    async (who) => {
      const page = await view(who)
      expect(page).toContain('Alleen voor managers')
      for (const reference of Object.values(refs)) expect(page).not.toContain(reference)
      expect(page.includes('Inloggen')).toBe(who === null)
    },
  )

  it('the next run is tonight before 03:30 (Amsterdam) and tomorrow night after it', () => {
    expect(nextRetentionRun(new Date('2027-01-10T02:29:00Z'))).toBe('2027-01-10')
    expect(nextRetentionRun(new Date('2027-01-10T02:31:00Z'))).toBe('2027-01-11')
    // Summer time: 03:30 in Amsterdam is 01:30 UTC.
    expect(nextRetentionRun(new Date('2027-07-10T01:29:00Z'))).toBe('2027-07-10')
    expect(nextRetentionRun(new Date('2027-07-10T01:31:00Z'))).toBe('2027-07-11')
    // Across a month's end.
    expect(nextRetentionRun(new Date('2027-01-31T12:00:00Z'))).toBe('2027-02-01')
  })
})
