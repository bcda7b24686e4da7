import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../../cms/env'
import { seedSteps } from '../../cms/seed'
import { submitComplaint } from '../../site/lib/cms'
import { createComplaintLimiter } from '../../site/lib/rateLimit'
import { type FormCookies, submitComplaintForm, type SubmitOutcome } from '../../site/lib/submitForm'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'

/*
 * The public form's limits (site/lib/rateLimit): generous per IP address (an office or a library
 * files for several people), strict per e-mail address, and the same form sent again never counts
 * twice. The form goes through the site's own operation (submitComplaintForm, as the Astro Action
 * calls it) to the real intake endpoint of a real Payload.
 */

let ctx: TestPayload
let payload: Payload
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE_SECRET = 'site-cache-secret-for-the-limits-test'

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
})

afterAll(async () => {
  await ctx?.cleanup()
})

const count = async () => (await payload.count({ collection: 'complaints', overrideAccess: true })).totalDocs

/** A filled-in form as the browser posts it, with its own form token. */
function form(email: string, token = randomUUID(), description = 'Mijn coach kwam drie afspraken niet na.') {
  const data = new FormData()
  const fields: Record<string, string> = {
    formToken: token,
    complainantRole: 'client',
    clientOrganisation: 'uwv',
    name: 'Jan Jansen',
    email,
    conductWhen: 'date',
    conductDate: '2026-11-02',
    involvedKind: 'employee',
    involvedName: 'Mijn coach',
    description,
    discussedBefore: 'no',
    consent: 'on',
    website: '',
  }
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  data.append('categories', 'negligence')
  return data
}

/** One browser: its cookies persist between its submissions. */
function browser(): FormCookies {
  const jar = new Map<string, string>()
  return {
    get: (name) => (jar.has(name) ? { value: jar.get(name) ?? '' } : undefined),
    set: (name, value) => jar.set(name, value),
  }
}

function site(limits: { perAddress: number; perEmail: number }) {
  const now = new Date()
  const limiter = createComplaintLimiter({ ...limits, clock: () => now })
  return (data: FormData, from: { ip: string; cookies?: FormCookies }): Promise<SubmitOutcome> =>
    submitComplaintForm(data, {
      clientAddress: from.ip,
      cookies: from.cookies ?? browser(),
      secure: false,
      now,
      siteSecret: SITE_SECRET,
      limiter,
      submit: (request) =>
        submitComplaint(request, {
          fetch: (url, init) => ctx.rest(String(url).replace('http://cms.test/api', ''), init),
          apiUrl: 'http://cms.test/api',
          apiKey: env.SITE_API_KEY,
        }),
    })
}

describe('the complaint form’s rate limits (site/lib/rateLimit)', () => {
  it('per e-mail address: 3 an hour from any IP address; the 4th is refused and nothing is stored; another address still files', async () => {
    const post = site({ perAddress: 30, perEmail: 3 })
    for (let i = 0; i < 3; i++)
      expect(
        await post(form('Kees@Example.nl', undefined, `Klacht nummer ${i + 1}: de coach kwam niet.`), {
          ip: `198.51.100.${i}`,
        }),
      ).toMatchObject({ kind: 'stored' })
    const before = await count()
    expect(await post(form('kees@example.nl'), { ip: '198.51.100.9' })).toMatchObject({
      kind: 'rateLimited',
      rule: 'email',
      limit: 3,
    })
    expect(await count()).toBe(before)
    // Control: the same IP address with another e-mail address is not held back.
    expect(await post(form('anna@example.nl'), { ip: '198.51.100.9' })).toMatchObject({ kind: 'stored' })
    expect(await count()).toBe(before + 1)
  })

  it('per IP address: several people at one office file more than 3 between them, up to the limit; then it is refused', async () => {
    const post = site({ perAddress: 4, perEmail: 3 })
    const office = '203.0.113.7'
    for (let i = 0; i < 4; i++)
      expect(await post(form(`medewerker${i}@bieb.example`), { ip: office })).toMatchObject({ kind: 'stored' })
    const before = await count()
    expect(await post(form('medewerker4@bieb.example'), { ip: office })).toMatchObject({
      kind: 'rateLimited',
      rule: 'address',
      limit: 4,
    })
    expect(await count()).toBe(before)
    // Control: the same person from another IP address files.
    expect(await post(form('medewerker4@bieb.example'), { ip: '203.0.113.8' })).toMatchObject({ kind: 'stored' })
  })

  it('the same form sent again (same form token) does not count, and at the limit still gives its complaint', async () => {
    const post = site({ perAddress: 30, perEmail: 3 })
    const cookies = browser()
    const first = form('lotte@example.nl')
    const stored = await post(first, { ip: '192.0.2.10', cookies })
    expect(stored).toMatchObject({ kind: 'stored' })
    const reference = stored.kind === 'stored' ? stored.reference : ''
    // A double click, and back-and-send-again: the same complaint, no new one, no place taken.
    const before = await count()
    for (let i = 0; i < 3; i++)
      expect(await post(first, { ip: '192.0.2.10', cookies })).toMatchObject({ kind: 'stored', reference })
    expect(await count()).toBe(before)
    // So two more complaints of hers fit under the limit of 3.
    expect(
      await post(form('lotte@example.nl', undefined, 'Een tweede klacht: de brief kwam niet.'), { ip: '192.0.2.10' }),
    ).toMatchObject({ kind: 'stored' })
    expect(
      await post(form('lotte@example.nl', undefined, 'Een derde klacht: niemand belde terug.'), { ip: '192.0.2.10' }),
    ).toMatchObject({ kind: 'stored' })
    expect(await post(form('lotte@example.nl'), { ip: '192.0.2.10' })).toMatchObject({
      kind: 'rateLimited',
      rule: 'email',
    })
    // At the limit, the first form sent again still answers with its complaint.
    expect(await post(first, { ip: '192.0.2.10', cookies })).toMatchObject({ kind: 'stored', reference })
  })
})
