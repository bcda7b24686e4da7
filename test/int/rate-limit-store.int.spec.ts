import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RATE_LIMIT_KEEP_MS } from '../../cms/endpoints/rateLimit'
import { createRateLimiter } from '../../site/lib/limiter/limiter'
import { cmsRateLimitStore } from '../../site/lib/limiter/cmsStore'
import { memoryRateLimitStore, type RateLimitStore } from '../../site/lib/limiter/store'
import { readyForCases, SITE_HEADERS } from '../helpers/cases'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/*
 * Several site processes share one count (SITE_RATE_LIMIT_STORE=cms): each site process has its
 * own store object, all of them talking to the real CMS endpoints (here without HTTP, through
 * Payload's own REST handler), where a unique place per key decides.
 */

const API = 'http://cms.test/api'
const API_KEY = SITE_HEADERS.authorization.replace('service-accounts API-Key ', '')
let ctx: TestPayload
let payload: Payload

const throughCms: typeof fetch = (input, init) => ctx.rest(String(input).slice(API.length), init)
/** The store of one site process. */
const siteProcess = () => cmsRateLimitStore({ apiUrl: API, apiKey: API_KEY, fetchImpl: throughCms })
const limiterOver = (store: RateLimitStore, limit = 5) =>
  createRateLimiter({ store, rules: { address: { limit, windowMs: 60 * 60 * 1000 } } })

const post = (path: string, body: unknown, headers: Record<string, string> = SITE_HEADERS) =>
  ctx.rest(`/rate-limit-slots/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const VALID_KEY = 'a'.repeat(64)

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  await readyForCases(payload)
}, 120_000)

afterAll(async () => ctx?.cleanup())

describe('rate-limit counts shared by site processes (the CMS store)', () => {
  it('a limit of 5 holds across two site processes taking turns; with a store each (control) 6 get through', async () => {
    const [first, second] = [limiterOver(siteProcess()), limiterOver(siteProcess())]
    const shared = []
    for (let i = 0; i < 6; i++)
      shared.push((await (i % 2 ? second : first).reserve({ address: '203.0.113.7' }, `form-${i}`)).ok)
    expect(shared).toEqual([true, true, true, true, true, false])

    const [own1, own2] = [limiterOver(memoryRateLimitStore()), limiterOver(memoryRateLimitStore())]
    const apart = []
    for (let i = 0; i < 6; i++)
      apart.push((await (i % 2 ? own2 : own1).reserve({ address: '203.0.113.7' }, `f-${i}`)).ok)
    expect(apart).toEqual([true, true, true, true, true, true])
  })

  it('ten at the same moment through two processes: exactly five places taken', async () => {
    const stores = [siteProcess(), siteProcess()]
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limiterOver(stores[i % 2] as RateLimitStore).reserve({ address: '198.51.100.23' }, `at-once-${i}`),
      ),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    expect(answers.filter((a) => !a.ok)).toHaveLength(5)
  })

  it('the same form sent again counts once; a place given back is free again', async () => {
    const limiter = limiterOver(siteProcess(), 2)
    const keys = { address: '192.0.2.44' }
    expect((await limiter.reserve(keys, 'same-form')).ok).toBe(true)
    expect((await limiter.reserve(keys, 'same-form')).ok).toBe(true)
    const second = await limiter.reserve(keys, 'other-form')
    expect(second.ok).toBe(true)
    expect((await limiter.reserve(keys, 'third-form')).ok).toBe(false)
    if (second.ok) await second.release()
    expect((await limiter.reserve(keys, 'third-form')).ok).toBe(true)
  })

  it('the CMS keeps no address: only an HMAC of the rule and the value', async () => {
    await limiterOver(siteProcess()).reserve({ address: 'lukasz.sukru@example.nl' }, 'form-hmac')
    const { docs } = await payload.find({ collection: 'rate-limit-slots', pagination: false, overrideAccess: true })
    expect(docs.length).toBeGreaterThan(0)
    for (const row of docs) {
      expect(row.key).toMatch(/^[a-f0-9]{64}$/)
      expect(JSON.stringify(row)).not.toMatch(/example\.nl|203\.0\.113|198\.51\.100|192\.0\.2/)
    }
  })

  it('a count older than an hour (the registry’s term) is removed on the next take', async () => {
    const old = await payload.create({
      collection: 'rate-limit-slots',
      data: {
        slot: `${'b'.repeat(64)}#0`,
        key: 'b'.repeat(64),
        hit: 'old-form',
        at: new Date(Date.now() - RATE_LIMIT_KEEP_MS - 60_000).toISOString(),
      },
      overrideAccess: true,
    })
    const now = Date.now()
    expect((await post('take', { key: VALID_KEY, id: 'x', at: now, since: now - 1000, limit: 3 })).status).toBe(200)
    expect(
      await payload.count({ collection: 'rate-limit-slots', where: { id: { equals: old.id } }, overrideAccess: true }),
    ).toEqual({ totalDocs: 0 })
  })

  it('only the site’s key opens the endpoints, and a malformed request is a 400 in Dutch (control: the same request accepted)', async () => {
    const now = Date.now()
    const body = { key: VALID_KEY, id: 'form-guard', at: now, since: now - 60_000, limit: 3 }
    expect(await (await post('take', body)).json()).toEqual({ kind: 'taken' })
    expect((await post('take', body, {})).status).toBe(403)
    expect(
      (await post('take', body, { authorization: 'service-accounts API-Key nep-sleutel-0123456789abcdef' })).status,
    ).toBe(403)
    expect((await post('release', { key: VALID_KEY, id: 'form-guard' }, {})).status).toBe(403)
    const notHmac = await post('take', { ...body, key: 'lukasz@example.nl' })
    expect(notHmac.status).toBe(400)
    expect(((await notHmac.json()) as { error: string }).error).toContain('moet een HMAC')
    expect((await post('take', { ...body, since: now - 2 * RATE_LIMIT_KEEP_MS })).status).toBe(400)
    expect((await post('take', { ...body, limit: 0 })).status).toBe(400)
    // Nobody reaches the counts through the collection's own API.
    expect((await ctx.rest('/rate-limit-slots', { headers: SITE_HEADERS })).status).toBe(403)
  })
})
