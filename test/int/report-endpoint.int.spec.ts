import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Complaint, User } from '../../cms/payload-types'
import { hashServiceKey } from '../../hooks/complaints/serviceKey'
import { loadReport } from '../../hooks/reports/loadReport'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { pdfToText } from '../helpers/pdfText'

/**
 * Art. 9, Decision 18: GET /api/complaints/report answers the report over a period of dates of
 * receipt (DOMAIN.md, "Contracts added"), to managers only: a custom endpoint is public until it
 * checks the user, and the report is for oversight (DOMAIN.md, People; Decision 15: not admins).
 */
type Staff = User & { collection: 'users' }
const SITE_KEY = 'site-api-key-for-the-report-endpoint-0123456789'
const Q1 = 'from=2026-01-01&to=2026-03-31'
let ctx: TestPayload
let payload: Payload
const auth: Record<string, Record<string, string>> = {}
const staff: Record<string, Staff> = {}

async function member(key: string, roles: User['roles']) {
  const email = `${key}@report-endpoint.example`
  const user = await payload.create({
    collection: 'users',
    data: { email, password: 'een-lang-wachtwoord', name: key, roles },
  })
  staff[key] = { ...user, collection: 'users' }
  const { token } = await payload.login({ collection: 'users', data: { email, password: 'een-lang-wachtwoord' } })
  auth[key] = { authorization: `JWT ${token}` }
}

/** A complaint recorded by a manager with its real date of receipt (Art. 3): its timeline starts there. */
const record = async (receivedAt: string, extra: Partial<Complaint> = {}) =>
  payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: staff.manager,
    data: {
      channel: 'phone',
      receivedAt,
      complainant: { role: 'client', name: 'Jan Jansen', email: 'jan@example.nl' },
      conduct: { when: 'date', date: '2025-12-20' },
      involved: { kind: 'employee', description: 'De coach' },
      categories: ['negligence'],
      complaintText: 'Mijn coach kwam drie afspraken niet opdagen.',
      discussedBefore: 'no',
      ...extra,
    } as Partial<Complaint> as Complaint,
  })

const ask = (query: string, headers: Record<string, string> = {}) =>
  ctx.rest(`/complaints/report?${query}`, { headers })

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '' })
  payload = ctx.payload
  await member('admin', ['admin'])
  await member('editor', ['editor'])
  await member('handler', ['handler'])
  await member('editorHandler', ['editor', 'handler'])
  await member('adminHandler', ['admin', 'handler'])
  await member('manager', ['manager'])
  await member('adminManager', ['admin', 'manager'])
  await payload.create({
    collection: 'service-accounts',
    data: { name: 'site', scopes: ['complaint-intake'], keyHash: hashServiceKey(payload, SITE_KEY) },
  })
  // Two in the first quarter of 2026 (one by letter about two categories); two just after it.
  await record('2026-01-15T09:00:00.000Z')
  await record('2026-02-10T09:00:00.000Z', { channel: 'letter', categories: ['negligence', 'incorrect_information'] })
  await record('2026-03-31T22:30:00.000Z')
  await record('2026-04-01T08:00:00.000Z')
}, 300_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Art. 9: the report endpoint answers managers only', () => {
  it('a manager gets the five numbers and the breakdowns of the cases received in the period (the control)', async () => {
    const response = await ask(Q1, auth.manager)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = (await response.json()) as Record<string, unknown>
    // 2026-03-31T22:30Z is 1 April in Amsterdam: the period is on the Amsterdam calendar.
    expect(body).toMatchObject({
      period: { from: '2026-01-01', to: '2026-03-31' },
      total: 2,
      notAdmitted: 0,
      notAdmittedOnTime: 0,
      admitted: 2,
      admittedOnTimeStated: 0,
      admittedOnTimeLimit: 0,
      open: 2,
      byChannel: { phone: 1, letter: 1 },
      byCategory: { negligence: 2, incorrect_information: 1 },
      byRole: { client: 2 },
    })
    for (const name of ['byClientOrganisation', 'byOutcome']) expect(typeof body[name], name).toBe('object')
    // The same numbers as the one loader every presentation uses.
    const expected = await loadReport(payload, { from: '2026-01-01', to: '2026-03-31' }, new Date(String(body.asOf)))
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it('the whole year counts all four, and a manager who is also admin gets it too', async () => {
    const response = await ask('from=2026-01-01&to=2026-12-31', auth.adminManager)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { total: number }).total).toBe(4)
  })

  it('Decision 18: asOf before the cases were received counts none of them', async () => {
    const before = await ask(`${Q1}&asOf=2025-12-31`, auth.manager)
    expect(before.status).toBe(200)
    expect(((await before.json()) as { total: number }).total).toBe(0)
  })

  it.each([
    ['nobody logged in', undefined, 401],
    ['a key that is no key', { authorization: 'service-accounts API-Key not-the-key' }, 401],
    ["the site's service key", { authorization: `service-accounts API-Key ${SITE_KEY}` }, 403],
    ['an editor', 'editor', 403],
    ['a handler', 'handler', 403],
    ['an editor who is also a handler', 'editorHandler', 403],
    ['Decision 15: an admin', 'admin', 403],
    ['Decision 15: an admin who is also a handler', 'adminHandler', 403],
  ])('%s gets nothing of the report', async (_, who, status) => {
    const headers = typeof who === 'string' ? auth[who] : who
    for (const format of ['', '&format=csv', '&format=pdf']) {
      const response = await ask(`${Q1}${format}`, headers)
      expect(response.status, format).toBe(status)
      expect(response.headers.get('content-type'), format).toContain('application/json')
      const text = await response.text()
      expect(text, format).not.toMatch(/total|notAdmitted|admitted|Ontvangen klachten/)
      expect(Object.keys(JSON.parse(text) as object), format).toEqual(['error'])
    }
  })
})

describe('Art. 9: a wrong period is refused at its field, in Dutch', () => {
  it.each([
    [
      'no dates at all',
      '',
      [
        ['from', 'Vul een begindatum in (jjjj-mm-dd).'],
        ['to', 'Vul een einddatum in (jjjj-mm-dd).'],
      ],
    ],
    [
      'a date in another notation',
      'from=01-01-2026&to=2026-03-31',
      [['from', 'Vul een geldige begindatum in (jjjj-mm-dd).']],
    ],
    ['a day that does not exist', 'from=2026-01-01&to=2026-02-30', [['to', 'De einddatum 2026-02-30 bestaat niet.']]],
    ['the end before the start', 'from=2026-03-31&to=2026-01-01', [['to', 'De einddatum ligt voor de begindatum.']]],
    [
      'asOf that is no moment',
      `${Q1}&asOf=gisteren`,
      [['asOf', 'Vul een geldig moment in (jjjj-mm-dd of jjjj-mm-ddTuu:mm:ssZ).']],
    ],
    [
      'asOf in the future',
      `${Q1}&asOf=2999-01-01`,
      [['asOf', 'De cijfers kunnen niet per een moment in de toekomst worden gegeven.']],
    ],
    ['a format it does not make', `${Q1}&format=xlsx`, [['format', 'Kies als bestandsvorm csv of pdf.']]],
  ])('%s', async (_, query, errors) => {
    const response = await ask(query, auth.manager)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: errors.map(([field, message]) => ({ field, message })) })
  })
})

describe('Art. 9: the same numbers as files', () => {
  it('CSV: an attachment named after the period, with the five numbers', async () => {
    const response = await ask(`${Q1}&format=csv`, auth.manager)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="verantwoording-2026-01-01-2026-03-31.csv"',
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    const csv = await response.text()
    expect(csv).toContain('art9;total;Ontvangen klachten;2\r\n')
    expect(csv).toContain('art9;notAdmitted;Niet in behandeling genomen;0\r\n')
    expect(csv).toContain('art9;admitted;In behandeling genomen;2\r\n')
    expect(csv).not.toContain('Jan Jansen')
  })

  it('PDF: an attachment named after the period, whose text holds the numbers', async () => {
    const response = await ask(`${Q1}&format=pdf`, auth.manager)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="verantwoording-2026-01-01-2026-03-31.pdf"',
    )
    const text = await pdfToText(new Uint8Array(await response.arrayBuffer()))
    expect(text).toMatch(/Ontvangen klachten:?\s+2\b/)
    expect(text).toMatch(/In behandeling genomen:?\s+2\b/)
    expect(text).not.toContain('Jan Jansen')
  })
})
