import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import { seedSteps } from '../../cms/seed'
import { REDACTED_BODY } from '../../cms/email/statuses'
import type { Complaint, Outbox, User } from '../../cms/payload-types'
import { hashServiceKey } from '../../hooks/complaints/serviceKey'
import { caseOfSession, openComplainantSession } from '../../hooks/complainant/sessions'
import { complainantCms, type LinkRequestOutcome, requestLinkForm } from '../../site/lib/complainant'
import { createLinkLimiter } from '../../site/lib/complainantLimit'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { intakeForm, recordedComplaint, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/*
 * Decision 20, the complainant's own page (part 1: getting in). The site's operations
 * (site/lib/complainant.ts, as the Astro Actions call them) against the real /api/complainant/*
 * endpoints of a real Payload; mail through the real Resend SDK to the local fake.
 */

const API_KEY = 're_test_key_complainant_0123'
const SITE_URL = 'https://klachten.example'
const SITE_KEY = 'site-key-with-both-scopes-0123456789'
const FORM_KEY = 'form-only-key-complaint-intake-0123456'
const PAGE_KEY = 'page-only-key-complainant-scope-012345'
const HOUR = 60 * 60 * 1000
const MINUTE = 60 * 1000

let fake: FakeResend
let ctx: TestPayload
let payload: Payload
const staff = {} as Record<'manager' | 'handlerA' | 'admin', { user: StaffUser; token: string }>
let caseA: Complaint // Klara's, assigned to Henk
let caseB: Complaint // another complainant's
let noEmail: Complaint
let anonymised: Complaint

/** The site's CMS client with a key, over the real REST handler (no HTTP). */
const cmsWith = (apiKey: string) =>
  complainantCms({
    fetch: (url, init) => ctx.rest(String(url).replace('http://cms.test/api', ''), init),
    apiUrl: 'http://cms.test/api',
    apiKey,
  })

const keyed = (key: string | null, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: {
    'content-type': 'application/json',
    ...(key ? { authorization: `service-accounts API-Key ${key}` } : {}),
    ...(init.headers ?? {}),
  },
})

async function drain() {
  for (let i = 0; i < 20; i++) {
    const result = await payload.jobs.run({ queue: OUTBOX_QUEUE })
    if (result.noJobsRemaining) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const TOKEN = /\/mijn-klacht\/toegang\?t=([A-Za-z0-9_-]{20,})/
const tokenOf = (text: string | null) => TOKEN.exec(text ?? '')?.[1] ?? ''

function linkForm(reference: string, email: string): FormData {
  const form = new FormData()
  form.set('reference', reference)
  form.set('email', email)
  return form
}

/** One site process: its own limiter (generous unless told), the site's key. */
function site(limits = { perAddress: 1000, perEmail: 1000, perCase: 1000 }, clock = () => new Date()) {
  const limiter = createLinkLimiter({ ...limits, clock })
  const cms = cmsWith(SITE_KEY)
  return (reference: string, email: string, ip = '192.0.2.1'): Promise<LinkRequestOutcome> =>
    requestLinkForm(linkForm(reference, email), { clientAddress: ip, limiter, cms })
}

/** Asks for a link for Klara's case and returns the token from the delivered mail. */
async function linkForA(): Promise<string> {
  // Requests of earlier tests first: only this one's mail counts.
  await drain()
  fake.reset()
  expect(await site()(caseA.reference ?? '', 'klara@example.nl')).toEqual({ kind: 'requested' })
  await drain()
  const mails = fake.deliveries.filter((d) => d.to.includes('Klara@Example.nl'))
  expect(mails).toHaveLength(1)
  const token = tokenOf(mails[0]?.text ?? null)
  expect(token.length).toBeGreaterThan(20)
  return token
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({
    RESEND_API_KEY: API_KEY,
    RESEND_BASE_URL: fake.url,
    SITE_URL,
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
  staff.manager = await createStaffUserWithToken(payload, 'manager@example.nl', 'Mona Manager', ['manager'])
  staff.handlerA = await createStaffUserWithToken(payload, 'henk@example.nl', 'Henk Behandelaar', ['handler'])
  staff.admin = await createStaffUserWithToken(payload, 'beheer@example.nl', 'Bea Beheerder', ['admin'])
  for (const [name, scopes, key] of [
    ['site', ['complaint-intake', 'complainant'], SITE_KEY],
    ['form-only', ['complaint-intake'], FORM_KEY],
    ['page-only', ['complainant'], PAGE_KEY],
  ] as const)
    await payload.create({
      collection: 'service-accounts',
      overrideAccess: true,
      data: { name, scopes: [...scopes], keyHash: hashServiceKey(payload, key) },
    })
  const record = (complainant: Complaint['complainant'], extra: Partial<Complaint> = {}) =>
    payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: staff.manager.user,
      data: recordedComplaint({ complainant, ...extra }),
    })
  caseA = await record(
    { role: 'client', name: 'Klara Klager', email: 'Klara@Example.nl' },
    { assignedHandler: staff.handlerA.user.id },
  )
  caseB = await record(
    { role: 'client', name: 'Bob Tweede', email: 'bob@example.nl' },
    { complaintText: 'Bob belde drie keer en kreeg nooit antwoord van zijn jobcoach in Zwolle.' },
  )
  noEmail = await record({ role: 'client', name: 'Piet Post' })
  anonymised = await record({ role: 'client', name: 'Oud Geval', email: 'oud@example.nl' })
  await payload.db.updateOne({
    collection: 'complaints',
    id: anonymised.id,
    data: { privacy: { anonymisedAt: new Date().toISOString() } },
  })
  // The letters of registration go out now, so that later counts see only link mails.
  await drain()
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

beforeEach(() => fake.reset())

describe('Decision 20: asking for a link gives the same answer, whatever was asked', () => {
  it('a right pair, a wrong address, a reference that does not exist, a case without e-mail, an anonymised case: the same outcome and the same CMS answer; only the right pair gets a mail', async () => {
    const cases: [string, string][] = [
      [caseA.reference ?? '', ' klara@example.NL '],
      [caseA.reference ?? '', 'iemand@example.nl'],
      ['WP-2026-9999', 'klara@example.nl'],
      [noEmail.reference ?? '', 'piet@example.nl'],
      [anonymised.reference ?? '', 'oud@example.nl'],
      [caseB.reference ?? '', 'klara@example.nl'],
    ]
    const post = site()
    for (const [reference, email] of cases) expect(await post(reference, email)).toEqual({ kind: 'requested' })

    // The CMS's answer itself, compared in full but its Date: status, every header, the body's bytes.
    const answers = await Promise.all(
      cases.map(async ([reference, email]) => {
        const response = await ctx.rest(
          '/complainant/link',
          keyed(SITE_KEY, { method: 'POST', body: JSON.stringify({ reference, email }) }),
        )
        const headers = [...response.headers.entries()].filter(([name]) => name !== 'date')
        return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString('hex') }
      }),
    )
    expect(answers[0]?.status).toBe(202)
    for (const answer of answers) expect(answer).toEqual(answers[0])

    await drain()
    // 2 right pairs asked (the operation and the endpoint), nothing for the others.
    expect(fake.deliveries.map((d) => d.to)).toEqual([['Klara@Example.nl'], ['Klara@Example.nl']])
    const mail = fake.deliveries[0]
    expect(mail?.subject).toBe(`Uw link om klacht ${caseA.reference} te bekijken`)
    expect(mail?.text).toContain(`${SITE_URL}/mijn-klacht/toegang?t=`)
    expect(mail?.text).toContain('De link werkt één keer en is één uur geldig.')
  })

  it('a malformed reference or address is refused at its field, with a Dutch message; nothing is queued', async () => {
    const jobsBefore = (await payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs
    expect(await site()('2026-7', 'klara@example.nl')).toEqual({
      kind: 'invalid',
      errors: { reference: 'Vul het kenmerk in zoals het in uw brief staat, bijvoorbeeld WP-2026-0007.' },
    })
    expect(await site()(caseA.reference ?? '', 'klara-at-example.nl')).toEqual({
      kind: 'invalid',
      errors: { email: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.' },
    })
    expect(await site()('', '')).toMatchObject({
      kind: 'invalid',
      errors: { reference: expect.any(String), email: expect.any(String) },
    })
    const refused = await ctx.rest('/complainant/link', keyed(SITE_KEY, { method: 'POST', body: '{"reference":"x"}' }))
    expect(refused.status).toBe(400)
    expect((await payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs).toBe(jobsBefore)
  })
})

describe('Decision 20: requests for a link are rate-limited, the same for a case that exists and one that does not', () => {
  const now = new Date('2026-12-02T10:00:00Z')
  it('per e-mail address: the limit holds across references and IP addresses; another address still asks', async () => {
    const post = site({ perAddress: 100, perEmail: 2, perCase: 100 }, () => now)
    expect(await post(caseA.reference ?? '', 'klara@example.nl', '198.51.100.1')).toEqual({ kind: 'requested' })
    expect(await post('WP-2026-9999', 'klara@example.nl', '198.51.100.2')).toEqual({ kind: 'requested' })
    const refused = await post('WP-2026-9998', 'KLARA@example.nl', '198.51.100.3')
    expect(refused).toEqual({ kind: 'rateLimited', retryAt: new Date(now.getTime() + HOUR).toISOString() })
    // Control: another address is not held back.
    expect(await post('WP-2026-9998', 'anna@example.nl', '198.51.100.3')).toEqual({ kind: 'requested' })
  })

  it('per reference and address: the third request for one pair is refused, whether the case exists or not', async () => {
    const post = site({ perAddress: 100, perEmail: 100, perCase: 2 }, () => now)
    for (const reference of [caseA.reference ?? '', 'WP-2026-9999']) {
      expect(await post(reference, 'klara@example.nl', '198.51.100.10')).toEqual({ kind: 'requested' })
      expect(await post(reference.toLowerCase(), 'klara@example.nl', '198.51.100.11')).toEqual({ kind: 'requested' })
      expect(await post(reference, 'klara@example.nl', '198.51.100.12')).toMatchObject({ kind: 'rateLimited' })
    }
    // Control: the same address with another reference still asks.
    expect(await post(caseB.reference ?? '', 'klara@example.nl', '198.51.100.12')).toEqual({ kind: 'requested' })
  })

  it('per IP address: many addresses from one IP address up to the limit; then refused; another IP address still asks', async () => {
    const post = site({ perAddress: 3, perEmail: 100, perCase: 100 }, () => now)
    for (let i = 0; i < 3; i++)
      expect(await post('WP-2026-9999', `p${i}@example.nl`, '203.0.113.5')).toEqual({ kind: 'requested' })
    expect(await post(caseA.reference ?? '', 'klara@example.nl', '203.0.113.5')).toMatchObject({ kind: 'rateLimited' })
    expect(await post(caseA.reference ?? '', 'klara@example.nl', '203.0.113.6')).toEqual({ kind: 'requested' })
  })
})

describe('Decision 20: the link is single use, valid one hour, and opens a session of at most 30 minutes', () => {
  it('opening the link twice: the first press opens a session, the second is refused as used', async () => {
    const token = await linkForA()
    const cms = cmsWith(SITE_KEY)
    const first = await cms.openSession(token)
    expect(first).toMatchObject({ kind: 'opened' })
    expect(await cms.openSession(token)).toEqual({ kind: 'refused', reason: 'used' })
    expect(await cms.openSession('x'.repeat(43))).toEqual({ kind: 'refused', reason: 'unknown' })
  })

  it('a link older than an hour is refused as expired; control: at 59 minutes it opens', async () => {
    const requestedAt = Date.now()
    const late = await linkForA()
    expect(await openComplainantSession(payload, late, new Date(requestedAt + HOUR + MINUTE))).toEqual({
      kind: 'refused',
      reason: 'expired',
    })
    const inTime = await linkForA()
    expect(await openComplainantSession(payload, inTime, new Date(requestedAt + 59 * MINUTE))).toMatchObject({
      kind: 'opened',
    })
  })

  it('a session ends after 30 minutes; control: at 29 minutes it still opens the case', async () => {
    const opened = await openComplainantSession(payload, await linkForA(), new Date())
    if (opened.kind !== 'opened') throw new Error('not opened')
    const start = Date.now()
    expect(await caseOfSession(payload, opened.session, new Date(start + 29 * MINUTE))).toBe(caseA.id)
    expect(await caseOfSession(payload, opened.session, new Date(start + 31 * MINUTE))).toBeNull()
  })

  it('only hashes are stored: neither the token nor the session is in any row', async () => {
    const token = await linkForA()
    const opened = await cmsWith(SITE_KEY).openSession(token)
    if (opened.kind !== 'opened') throw new Error('not opened')
    const rows = JSON.stringify([
      (await payload.find({ collection: 'complainant-links', overrideAccess: true, limit: 100 })).docs,
      (await payload.find({ collection: 'complainant-sessions', overrideAccess: true, limit: 100 })).docs,
    ])
    expect(rows).toContain(caseA.id)
    expect(rows).not.toContain(token)
    expect(rows).not.toContain(opened.session)
  })
})

describe('Decision 20: the case endpoint answers the session’s one case, in its view model, and nothing else', () => {
  let session: string
  beforeAll(async () => {
    const opened = await cmsWith(SITE_KEY).openSession(await linkForA())
    if (opened.kind !== 'opened') throw new Error('not opened')
    session = opened.session
  })
  const read = (key: string | null, withSession: string | null) =>
    ctx.rest(
      '/complainant/case',
      keyed(key, { method: 'GET', headers: withSession ? { 'x-complainant-session': withSession } : {} }),
    )

  it('with a valid session: the view model of hooks/complainant/caseView.ts — exactly its keys, the handler’s name, the status in plain Dutch', async () => {
    const response = await read(SITE_KEY, session)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const view = (await response.json()) as Record<string, unknown>
    expect(Object.keys(view).sort()).toEqual(
      [
        'canDo',
        'handler',
        'hearing',
        'letters',
        'receivedOn',
        'reference',
        'status',
        'timeline',
        'writtenVersion',
      ].sort(),
    )
    expect(view).toMatchObject({
      reference: caseA.reference,
      status: { code: 'received', label: 'Ontvangen' },
      handler: { name: 'Henk Behandelaar' },
      // Decision 8: staff wrote this complaint down; the complainant reads what the letters quote.
      writtenVersion: caseA.complaintText,
    })
    // The complainant's read is in the access log, as "klager" (no user).
    const log = await payload.find({
      collection: 'access-log',
      overrideAccess: true,
      where: { complaint: { equals: caseA.id } },
    })
    expect(log.docs.map((d) => d.actorKind)).toContain('complainant')
  })

  it('the answer that carries a session’s value is kept by no cache, nor is a refusal', async () => {
    const open = (token: string) =>
      ctx.rest('/complainant/session', keyed(SITE_KEY, { method: 'POST', body: JSON.stringify({ token }) }))
    const token = await linkForA()
    const opened = await open(token)
    expect(opened.status).toBe(201)
    expect(opened.headers.get('cache-control')).toBe('no-store')
    const used = await open(token)
    expect([used.status, used.headers.get('cache-control')]).toEqual([410, 'no-store'])
  })

  it('the page-only key reads it too; without a session 401; an unknown session 401; the form’s key 403; no key 403', async () => {
    expect((await read(PAGE_KEY, session)).status).toBe(200)
    expect((await read(SITE_KEY, null)).status).toBe(401)
    expect((await read(SITE_KEY, 'y'.repeat(43))).status).toBe(401)
    expect((await read(FORM_KEY, session)).status).toBe(403)
    expect((await read(null, session)).status).toBe(403)
  })

  it('no other case, no staff-only field and no other complainant is reachable with a valid session', async () => {
    const body = await (await read(SITE_KEY, session)).text()
    for (const other of [caseB.reference ?? '', 'Bob Tweede', 'bob@example.nl', 'Klara Klager', 'klara@example.nl'])
      expect(body).not.toContain(other)
    expect(body).not.toContain(caseB.complaintText ?? '')
    // The session and the key open no collection: not the case itself, nor the outbox or the new ones.
    for (const path of [
      `/complaints/${caseA.id}`,
      `/complaints/${caseB.id}`,
      '/complaints',
      '/outbox',
      '/complainant-links',
      '/complainant-sessions',
      '/users',
    ]) {
      const response = await ctx.rest(path, keyed(SITE_KEY, { headers: { 'x-complainant-session': session } }))
      expect(response.status, path).toBe(403)
    }
    // A query parameter does not pick another case.
    const other = await ctx.rest(
      `/complainant/case?id=${caseB.id}&where[id][equals]=${caseB.id}`,
      keyed(SITE_KEY, { headers: { 'x-complainant-session': session } }),
    )
    expect(((await other.json()) as { reference: string }).reference).toBe(caseA.reference)
  })

  it('sign out ends the session: the case endpoint answers 401 afterwards (control: 200 before)', async () => {
    const opened = await cmsWith(SITE_KEY).openSession(await linkForA())
    if (opened.kind !== 'opened') throw new Error('not opened')
    expect((await read(SITE_KEY, opened.session)).status).toBe(200)
    await cmsWith(SITE_KEY).endSession(opened.session)
    expect((await read(SITE_KEY, opened.session)).status).toBe(401)
    expect(await cmsWith(SITE_KEY).caseView(opened.session)).toEqual({ kind: 'signedOut' })
  })
})

describe('Decision 20: the letters point to /mijn-klacht and carry no token', () => {
  it('the written version to a complainant names the page’s address on the site, and no link that opens it', async () => {
    await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: staff.manager.user,
      data: recordedComplaint({
        complainant: { role: 'client', name: 'Łukasz Brief', email: 'lukasz.brief@example.nl' },
      }),
    })
    await drain()
    const mails = fake.deliveries.filter((d) => d.to.includes('lukasz.brief@example.nl'))
    expect(mails).toHaveLength(1)
    expect(mails[0]?.text).toContain(`Op ${SITE_URL}/mijn-klacht vindt u uw klacht en al onze brieven.`)
    expect(mails[0]?.text).not.toMatch(/toegang|\?t=/)
  })
})

describe('Decision 20: the site’s key — the form’s scope opens no complainant endpoint, the complainant scope nothing else', () => {
  it('the form-only key: 403 on every complainant endpoint; control: the complainant key is let in', async () => {
    const token = await linkForA()
    const calls: [string, RequestInit][] = [
      [
        '/complainant/link',
        { method: 'POST', body: JSON.stringify({ reference: caseA.reference, email: 'klara@example.nl' }) },
      ],
      ['/complainant/session', { method: 'POST', body: JSON.stringify({ token }) }],
      ['/complainant/session/end', { method: 'POST', body: JSON.stringify({ session: 'z'.repeat(43) }) }],
      ['/complainant/case', { method: 'GET', headers: { 'x-complainant-session': 'z'.repeat(43) } }],
    ]
    for (const [path, init] of calls) expect((await ctx.rest(path, keyed(FORM_KEY, init))).status, path).toBe(403)
    // The link was not used by the refused call.
    expect(await cmsWith(PAGE_KEY).openSession(token)).toMatchObject({ kind: 'opened' })
    expect((await ctx.rest(calls[0]![0], keyed(PAGE_KEY, calls[0]![1]))).status).toBe(202)
  })

  it('the complainant-only key: 403 on the intake and its status; control: the form’s key stores the complaint', async () => {
    const data = validIntake()
    const refused = await ctx.rest('/complaints/intake', {
      method: 'POST',
      headers: { authorization: `service-accounts API-Key ${PAGE_KEY}` },
      body: intakeForm(data),
    })
    expect(refused.status).toBe(403)
    const status = await ctx.rest(
      '/complaints/intake/status',
      keyed(PAGE_KEY, { method: 'POST', body: JSON.stringify({ formToken: data.formToken }) }),
    )
    expect(status.status).toBe(403)
    const stored = await ctx.rest('/complaints/intake', {
      method: 'POST',
      headers: { authorization: `service-accounts API-Key ${FORM_KEY}` },
      body: intakeForm(data),
    })
    expect(stored.status).toBe(201)
  })

  it('the new collections: nobody reads or writes them through the API, not a manager, not an admin', async () => {
    for (const slug of ['complainant-links', 'complainant-sessions'] as const) {
      for (const who of ['manager', 'admin'] as const) {
        const headers = { authorization: `JWT ${staff[who].token}` }
        expect((await ctx.rest(`/${slug}`, { headers })).status, `${who} ${slug}`).toBe(403)
        const create = await ctx.rest(`/${slug}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{}',
        })
        expect(create.status, `${who} creates ${slug}`).toBe(403)
        await expect(payload.find({ collection: slug, overrideAccess: false, user: staff[who].user })).rejects.toThrow()
      }
    }
  })
})

describe('Decision 20: after delivery no outbox field readable through any API holds the token', () => {
  it('before delivery the body holds the link (readable by nobody through REST); after delivery it is replaced', async () => {
    await drain()
    expect(await site()(caseA.reference ?? '', 'klara@example.nl')).toEqual({ kind: 'requested' })
    // Run the link job only (a job limit of 1): the mail is queued, not yet delivered.
    await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 1 })
    const queued = (
      await payload.find({
        collection: 'outbox',
        overrideAccess: true,
        depth: 0,
        where: { and: [{ purpose: { equals: 'complainant_link' } }, { status: { equals: 'queued' } }] },
      })
    ).docs[0] as Outbox
    const token = tokenOf(queued.text)
    // Control: the stored body holds the token until delivery, so the checks below can fail.
    expect(token.length).toBeGreaterThan(20)
    expect(queued.html).toContain(token)
    expect(queued.complaint).toBe(caseA.id)
    expect(
      JSON.stringify(
        await (
          await ctx.rest(`/outbox/${queued.id}`, { headers: { authorization: `JWT ${staff.manager.token}` } })
        ).json(),
      ),
    ).not.toContain(token)

    await drain()
    expect(fake.deliveries.some((d) => tokenOf(d.text) === token)).toBe(true)
    const local = await payload.findByID({ collection: 'outbox', id: queued.id, overrideAccess: true, depth: 2 })
    expect(local.status).toBe('sent')
    expect(local.text).toBe(REDACTED_BODY.text)
    expect(local.html).toBe(REDACTED_BODY.html)
    expect(JSON.stringify(local)).not.toContain(token)
    for (const who of ['manager', 'handlerA', 'admin'] as const) {
      const headers = { authorization: `JWT ${staff[who].token}` }
      for (const path of [`/outbox/${queued.id}?depth=2`, '/outbox?limit=100&depth=1']) {
        const body = await (await ctx.rest(path, { headers })).text()
        expect(body, `${who} ${path}`).not.toContain(token)
      }
    }
    const asUser: User = staff.handlerA.user
    const viaLocal = await payload.find({ collection: 'outbox', overrideAccess: false, user: asUser, limit: 100 })
    expect(JSON.stringify(viaLocal)).not.toContain(token)
  })
})

describe('Decision 20: an installation from before gets the complainant scope on its next start', () => {
  it('the seed adds `complainant` to the site’s account and keeps its key; control: before, the key was refused', async () => {
    const { docs } = await payload.find({
      collection: 'service-accounts',
      where: { name: { equals: 'site' } },
      overrideAccess: true,
    })
    const account = docs[0]
    if (!account) throw new Error('no site account')
    await payload.update({
      collection: 'service-accounts',
      id: account.id,
      overrideAccess: true,
      data: { scopes: ['complaint-intake'] },
    })
    const ask = () =>
      ctx.rest(
        '/complainant/link',
        keyed(SITE_KEY, { method: 'POST', body: JSON.stringify({ reference: 'WP-2026-9999', email: 'a@example.nl' }) }),
      )
    expect((await ask()).status).toBe(403)
    const step = seedSteps.find((s) => s.name === 'site service account')
    expect(await step?.run(payload, parseEnv({ PAYLOAD_SECRET: TEST_SECRET, SITE_API_KEY: SITE_KEY }))).toBe(
      'rechten van de website bijgewerkt',
    )
    const updated = await payload.findByID({ collection: 'service-accounts', id: account.id, overrideAccess: true })
    expect(updated.scopes).toEqual(['complaint-intake', 'complainant'])
    expect((await ask()).status).toBe(202)
  })
})
