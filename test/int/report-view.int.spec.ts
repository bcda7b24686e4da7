import type { Payload } from 'payload'
import { renderToReadableStream } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ReportContent, reportNavHref } from '../../cms/components/report/ReportContent'
import type { Complaint, User } from '../../cms/payload-types'
import { loadReport } from '../../hooks/reports/loadReport'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Art. 9, Decision 18: the admin view /admin/verantwoording. Payload renders a custom view for
 * anyone who asks (PITFALLS.md), so the view checks the manager role itself: anyone else sees no
 * number. Rendered as Next renders a server component, waiting for its async parts.
 */
type Staff = User & { collection: 'users' }
let ctx: TestPayload
let payload: Payload
const staff: Record<string, Staff> = {}
const NOW = new Date('2026-12-02T10:00:00.000Z')

async function member(key: string, roles: User['roles']) {
  const user = await payload.create({
    collection: 'users',
    data: { email: `${key}@report-view.example`, password: 'een-lang-wachtwoord', name: key, roles },
  })
  staff[key] = { ...user, collection: 'users' }
}

const record = (receivedAt: string, extra: Partial<Complaint> = {}) =>
  payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: staff.manager,
    data: {
      channel: 'phone',
      receivedAt,
      complainant: { role: 'client', name: 'Petra Persoonlijk', email: 'petra@example.nl' },
      conduct: { when: 'date', date: '2026-06-20' },
      involved: { kind: 'employee', description: 'De coach' },
      categories: ['negligence'],
      complaintText: 'Mijn coach kwam drie afspraken niet opdagen.',
      discussedBefore: 'no',
      ...extra,
    } as Partial<Complaint> as Complaint,
  })

async function html(element: Awaited<ReturnType<typeof ReportContent>> | null): Promise<string> {
  if (!element) return ''
  const stream = await renderToReadableStream(element)
  await stream.allReady
  return await new Response(stream).text()
}
const view = async (who: string | null, searchParams: Record<string, string> = {}) =>
  html(await ReportContent({ payload, user: who ? staff[who] : null, searchParams, now: NOW }))

/** The number a card of the five shows, by its key. */
const card = (page: string, key: string) =>
  Number(new RegExp(`data-key="${key}"><strong class="report__figure">(\\d+)</strong>`).exec(page)?.[1])

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '' })
  payload = ctx.payload
  await member('admin', ['admin'])
  await member('editor', ['editor'])
  await member('handler', ['handler'])
  await member('editorHandler', ['editor', 'handler'])
  await member('manager', ['manager'])
  // Three in the third quarter of 2026, one by letter; one in the fourth.
  await record('2026-07-03T09:00:00.000Z')
  await record('2026-08-12T09:00:00.000Z', { channel: 'letter' })
  await record('2026-09-29T09:00:00.000Z', { categories: ['negligence', 'incorrect_information'] })
  await record('2026-10-05T09:00:00.000Z')
}, 300_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Art. 9: the report view shows its numbers to managers only', () => {
  it('a manager sees the previous quarter by default, with the numbers of loadReport (the control)', async () => {
    const page = await view('manager')
    const expected = await loadReport(payload, { from: '2026-07-01', to: '2026-09-30' }, NOW)
    expect(expected.total).toBe(3)
    expect(page).toContain('1 juli 2026 – 30 september 2026')
    expect(card(page, 'total')).toBe(3)
    expect(card(page, 'admitted')).toBe(expected.admitted)
    expect(card(page, 'notAdmitted')).toBe(expected.notAdmitted)
    // Each table as a chart (one image with its title) and as a table with the same numbers.
    expect(page).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-byChannel-title"/)
    expect(page).toContain('<title id="chart-byChannel-title">Hoe binnengekomen: Webformulier 0, Telefoon 2, Brief 1')
    expect(page).toMatch(/data-key="letter"><th scope="row">Brief<\/th><td class="report__count">1<\/td>/)
    expect(page).toMatch(/data-key="2026-08"><th scope="row">aug\. 2026<\/th><td class="report__count">1<\/td>/)
    // The downloads ask the endpoint for the same period, as of the same moment.
    expect(page).toContain(
      `href="/api/complaints/report?from=2026-07-01&amp;to=2026-09-30&amp;asOf=${encodeURIComponent(NOW.toISOString())}&amp;format=csv"`,
    )
    expect(page).toContain('data-slot="freeze"')
    // No personal data in any report (DOMAIN.md, Reporting).
    expect(page).not.toContain('Petra')
  })

  it('a preset of the form chooses its quarter, and free dates their own period', async () => {
    const q4 = await view('manager', { preset: '2026-Q4' })
    expect(card(q4, 'total')).toBe(1)
    expect(q4).toMatch(/value="2026-Q4" class="report-form__preset report-form__preset--current" aria-pressed="true"/)
    const own = await view('manager', { from: '2026-07-01', to: '2026-12-31' })
    expect(card(own, 'total')).toBe(4)
  })

  it('a wrong date is named at its field, what was typed stays, and no numbers show', async () => {
    const page = await view('manager', { from: '2026-09-31', to: '2026-07-01' })
    expect(page).toContain('De begindatum 2026-09-31 bestaat niet.')
    const from = /<input id="report-from"[^>]*>/.exec(page)?.[0] ?? ''
    expect(from).toContain('value="2026-09-31"')
    expect(from).toContain('aria-invalid="true"')
    expect(from).toContain('aria-describedby="report-from-error"')
    expect(page).toContain(
      '<p id="report-from-error" class="report-form__error">De begindatum 2026-09-31 bestaat niet.</p>',
    )
    expect(page).not.toMatch(/class="report__figure"|<svg/)
  })

  it.each([
    ['nobody logged in', null],
    ['an editor', 'editor'],
    ['a handler', 'handler'],
    ['an editor who is also a handler', 'editorHandler'],
    ['Decision 15: an admin', 'admin'],
  ])('%s sees "Alleen voor managers" and no number', async (_, who) => {
    const page = await view(who, { preset: '2026-Q3' })
    expect(page).toContain('Alleen voor managers')
    expect(page).not.toMatch(/class="report__figure"|<svg|<table|<form|Download|juli 2026/)
  })

  it('the nav link "Verantwoording (art. 9)" shows for managers only', () => {
    // ReportNavLink renders this href inside Payload's nav (its rendering: test/e2e/admin-report.e2e.spec.ts).
    expect(reportNavHref(staff.manager)).toBe('/admin/verantwoording')
    for (const who of ['admin', 'editor', 'handler', 'editorHandler']) expect(reportNavHref(staff[who]), who).toBeNull()
    expect(reportNavHref(null)).toBeNull()
  })
})
