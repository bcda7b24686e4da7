import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getEnv } from '../../cms/env'
import { SITE_CACHE_PATH, verifyInvalidation } from '../../cms/lib/siteCacheSignature'
import { type Art9Report, computeReport } from '../../hooks/reports/computeReport'
import { MESSAGES } from '../../hooks/publishedFigures/publish'
import { UNSTORABLE_CHARACTER } from '../../hooks/complaints/schema'
import { minimalPdf } from '../helpers/files'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, staffUserToken } from '../helpers/staff'

/**
 * "Klachten in cijfers" (Art. 9, Decision 18): a manager publishes a year's figures from a frozen
 * report; anyone reads the published copy, which holds only the suppressed counts and the
 * manager's text; the internal report stays closed.
 */

let ctx: TestPayload
let payload: Payload
let site: Server
/** The site's cache signals received, each checked against the shared secret. */
const signals: { valid: boolean }[] = []
const tokens: Record<'manager' | 'handler' | 'admin' | 'editor' | 'managerHandler', string> = {
  manager: '',
  handler: '',
  admin: '',
  editor: '',
  managerHandler: '',
}
const reportIds: Record<'year' | 'quarter' | 'early' | 'nextYear', string> = {
  year: '',
  quarter: '',
  early: '',
  nextYear: '',
}
let managerId = ''
let managerHandlerId = ''

const EMPTY = computeReport([], { from: '2026-01-01', to: '2026-12-31' }, '2027-01-10T09:00:00.000Z')
/** 20 complaints: 3 not admitted (a small count), 17 admitted — which would give the 3 away. */
const NUMBERS_2026: Art9Report = {
  ...EMPTY,
  total: 20,
  notAdmitted: 3,
  notAdmittedOnTime: 3,
  admitted: 17,
  admittedOnTimeStated: 10,
  admittedOnTimeLimit: 12,
  open: 4,
  ended: 16,
  byOutcome: { upheld: 7, not_upheld: 6, not_admitted: 3, open: 4 },
  byCategory: { negligence: 12, inadequate_action: 8 },
  byClientOrganisation: { uwv: 18, municipality: 2 },
  byRole: { client: 19, employer: 1 },
  byChannel: { web: 20 },
}

async function frozenReport(key: string, from: string, to: string, asOf: string, numbers: Art9Report) {
  const pdf = minimalPdf(`Rapportage ${key}`)
  // Trusted: snapshots are made by the job or the manual freeze (another part); here by hand.
  const doc = await payload.create({
    collection: 'reports',
    overrideAccess: true,
    data: {
      key,
      title: `Verantwoording ${key}`,
      kind: 'manual',
      periodFrom: from,
      periodTo: to,
      asOf,
      numbers: numbers,
      madeByKind: 'staff',
      madeBy: managerId,
    },
    file: { data: pdf, mimetype: 'application/pdf', name: `${key}.pdf`, size: pdf.byteLength },
  })
  return doc.id
}

beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.method === 'POST' && req.url === SITE_CACHE_PATH) {
      const valid = verifyInvalidation(
        getEnv().SITE_CACHE_SECRET,
        String(req.headers['x-portal-timestamp'] ?? ''),
        String(req.headers['x-portal-signature'] ?? ''),
        Date.now(),
      )
      signals.push({ valid })
      res.writeHead(valid ? 204 : 403).end()
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  const port = (site.address() as AddressInfo).port
  ctx = await createTestPayload({ RESEND_API_KEY: '', SITE_INTERNAL_URL: `http://127.0.0.1:${port}` })
  payload = ctx.payload

  const roles = {
    manager: ['manager'],
    handler: ['handler'],
    admin: ['admin'],
    editor: ['editor'],
    managerHandler: ['manager', 'handler'],
  } as const
  for (const [key, r] of Object.entries(roles) as [keyof typeof tokens, readonly string[]][]) {
    const user = await createStaffUser(payload, `${key.toLowerCase()}@example.nl`, `Medewerker ${key}`, [...r] as never)
    if (key === 'manager') managerId = user.id
    if (key === 'managerHandler') managerHandlerId = user.id
    tokens[key] = await staffUserToken(payload, user.email)
  }
  reportIds.year = await frozenReport('2026', '2026-01-01', '2026-12-31', '2027-01-10T09:00:00.000Z', NUMBERS_2026)
  reportIds.quarter = await frozenReport('2026-Q4', '2026-10-01', '2026-12-31', '2027-01-10T09:00:00.000Z', {
    ...NUMBERS_2026,
    period: { from: '2026-10-01', to: '2026-12-31' },
  })
  reportIds.early = await frozenReport(
    '2026-vroeg',
    '2026-01-01',
    '2026-12-31',
    '2026-11-30T09:00:00.000Z',
    NUMBERS_2026,
  )
  reportIds.nextYear = await frozenReport('2027', '2027-01-01', '2027-12-31', '2028-01-05T09:00:00.000Z', {
    ...NUMBERS_2026,
    period: { from: '2027-01-01', to: '2027-12-31' },
    asOf: '2028-01-05T09:00:00.000Z',
  })
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await new Promise((resolve) => site?.close(resolve))
})

const TEXT = 'Wij bellen een klager nu binnen twee dagen terug. Brieven zijn korter en duidelijker.'

function publish(body: unknown, token?: string) {
  return ctx.rest('/published-figures/publish', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify(body),
  })
}

const count = async () => (await payload.count({ collection: 'published-figures', overrideAccess: true })).totalDocs

type Json = Record<string, unknown>

/** Every number anywhere in a JSON value, with its path. */
function numbersIn(value: unknown, at = ''): [string, number][] {
  if (typeof value === 'number') return [[at, value]]
  if (Array.isArray(value)) return value.flatMap((item, i) => numbersIn(item, `${at}[${i}]`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => numbersIn(inner, at ? `${at}.${key}` : key))
  return []
}

describe('Decision 18: only a manager publishes, through the publish step', () => {
  it.each([
    ['anonymous', undefined, 401],
    ['handler', 'handler', 403],
    ['admin', 'admin', 403],
    ['editor', 'editor', 403],
  ] as const)('%s is refused (%s) and nothing is stored', async (_who, role, status) => {
    const response = await publish({ report: reportIds.year, text: TEXT }, role ? tokens[role] : undefined)
    expect(response.status).toBe(status)
    expect(await count()).toBe(0)
    expect(signals).toHaveLength(0)
  })

  it.each([
    ['no report', { text: TEXT }, 'report', MESSAGES.reportMissing],
    ['an unknown report', { report: 'niet-bestaand', text: TEXT }, 'report', MESSAGES.reportUnknown],
    ['a quarter, not a calendar year', { report: 'QUARTER', text: TEXT }, 'report', MESSAGES.notOneYear],
    ['a year frozen before it ended', { report: 'EARLY', text: TEXT }, 'report', MESSAGES.yearNotOver],
    ['no text', { report: 'YEAR', text: '  ' }, 'text', MESSAGES.changesMissing],
    ['a text over 4000 characters', { report: 'YEAR', text: 'a'.repeat(4001) }, 'text', MESSAGES.changesTooLong],
    ['a control character', { report: 'YEAR', text: `Goed\u0007nieuws` }, 'text', UNSTORABLE_CHARACTER.text],
  ] as const)('a manager with %s gets a Dutch 400 at that field', async (_what, body, field, message) => {
    const ids: Record<string, string> = { YEAR: reportIds.year, QUARTER: reportIds.quarter, EARLY: reportIds.early }
    const sent = { ...body, ...('report' in body ? { report: ids[body.report] ?? body.report } : {}) }
    const response = await publish(sent, tokens.manager)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Json }).errors[field]).toBe(message)
    expect(await count()).toBe(0)
  })

  it('the control: a manager publishes a frozen year with a text (201), and the site is told', async () => {
    const response = await publish({ report: reportIds.year, text: TEXT }, tokens.manager)
    expect(response.status).toBe(201)
    expect(((await response.json()) as { replaced: boolean }).replaced).toBe(false)
    expect(await count()).toBe(1)
    expect(signals).toEqual([{ valid: true }])
  })

  it('publishing the same year again replaces its copy: one document, the new text (200)', async () => {
    const response = await publish({ report: reportIds.year, text: `${TEXT} Nieuw.` }, tokens.managerHandler)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { replaced: boolean }).replaced).toBe(true)
    const { docs } = await payload.find({ collection: 'published-figures', overrideAccess: true })
    expect(docs.map((d) => [d.year, d.changes])).toEqual([[2026, `${TEXT} Nieuw.`]])
    expect(signals).toHaveLength(2)
  })

  it('the ordinary API writes nothing, not even for a manager (create, update, delete)', async () => {
    const auth = { authorization: `JWT ${tokens.manager}`, 'content-type': 'application/json' }
    const [doc] = (await payload.find({ collection: 'published-figures', overrideAccess: true })).docs
    const created = await ctx.rest('/published-figures', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        year: 2030,
        figures: { tables: [] },
        changes: TEXT,
        publishedAt: new Date().toISOString(),
      }),
    })
    const updated = await ctx.rest(`/published-figures/${doc!.id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ changes: 'Anders' }),
    })
    const deleted = await ctx.rest(`/published-figures/${doc!.id}`, { method: 'DELETE', headers: auth })
    expect([created.status, updated.status, deleted.status]).toEqual([403, 403, 403])
    const after = await payload.findByID({ collection: 'published-figures', id: doc!.id, overrideAccess: true })
    expect(after.changes).toBe(`${TEXT} Nieuw.`)
    expect(await count()).toBe(1)
  })
})

describe('Decision 18: the copy anyone reads holds only suppressed counts', () => {
  const REPORT_FIELDS = ['key', 'title', 'kind', 'periodFrom', 'periodTo', 'madeByKind', 'madeBy', 'numbers', 'url']

  it.each(['rest', 'local'] as const)(
    'anonymous (%s) reads year, figures, text and date, nothing more',
    async (way) => {
      const doc =
        way === 'rest'
          ? (((await (await ctx.rest('/published-figures?depth=2')).json()) as { docs: Json[] }).docs[0] as Json)
          : ((await payload.find({ collection: 'published-figures', overrideAccess: false, depth: 2 }))
              .docs[0] as unknown as Json)
      expect(Object.keys(doc).sort()).toEqual([
        'changes',
        'createdAt',
        'figures',
        'id',
        'publishedAt',
        'updatedAt',
        'year',
      ])
      for (const field of REPORT_FIELDS) expect(doc).not.toHaveProperty(field)
      const json = JSON.stringify(doc)
      expect(json).not.toContain(reportIds.year)
      expect(json).not.toContain(managerId)
      expect(json).not.toContain(managerHandlerId)
      expect(json).not.toMatch(/uwv|municipality|byRole|byChannel|byClientOrganisation|employer/)
      // No count under 5 is shown anywhere (the year itself is no count).
      const counts = numbersIn(doc.figures)
      expect(counts.length).toBeGreaterThan(5)
      for (const [path, value] of counts) expect(value, path).toBeGreaterThanOrEqual(5)
      // The 3 not admitted are hidden, and so is the 17 that would give them away (20 − 17).
      const art9 = (doc.figures as { tables: { id: string; rows: { key: string; value: unknown }[] }[] }).tables.find(
        (t) => t.id === 'art9',
      )!
      const value = (key: string) => art9.rows.find((r) => r.key === key)?.value
      expect([value('total'), value('notAdmitted'), value('admitted')]).toEqual([
        20,
        { suppressed: true },
        { suppressed: true },
      ])
    },
  )

  it('the control: a manager also reads which report it came from and who published it last', async () => {
    const response = await ctx.rest('/published-figures?depth=0', {
      headers: { authorization: `JWT ${tokens.manager}` },
    })
    const doc = ((await response.json()) as { docs: Json[] }).docs[0] as Json
    expect([doc.report, doc.publishedBy]).toEqual([reportIds.year, managerHandlerId])
  })

  it('the internal report stays closed to anonymous callers (REST and Local API)', async () => {
    // The control: a manager reads it.
    const asManager = await ctx.rest(`/reports/${reportIds.year}`, {
      headers: { authorization: `JWT ${tokens.manager}` },
    })
    expect(asManager.status).toBe(200)
    expect(((await asManager.json()) as { numbers: { notAdmitted: number } }).numbers.notAdmitted).toBe(3)
    expect((await ctx.rest('/reports')).status).toBe(403)
    expect((await ctx.rest(`/reports/${reportIds.year}`)).status).toBe(403)
    await expect(payload.find({ collection: 'reports', overrideAccess: false })).rejects.toThrow()
    // The live report endpoint (Art. 9 contract), where it exists, is not for the public either.
    const live = await ctx.rest('/complaints/report?from=2026-01-01&to=2026-12-31')
    expect([401, 403, 404]).toContain(live.status)
    expect(await live.text()).not.toMatch(/"notAdmitted"/)
  })

  it('another year is its own document; both are listed for the site', async () => {
    expect((await publish({ report: reportIds.nextYear, text: TEXT }, tokens.manager)).status).toBe(201)
    const list = (await (await ctx.rest('/published-figures?sort=-year&depth=0')).json()) as { docs: Json[] }
    expect(list.docs.map((d) => d.year)).toEqual([2027, 2026])
  })
})
