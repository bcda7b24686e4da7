import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hashServiceKey } from '../../hooks/complaints/serviceKey'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken } from '../helpers/staff'

/**
 * The lock notice names the colleague who is editing (DOMAIN.md, People: staff work together on the
 * regulation, the letter texts and the cases). An editor may read no other account, so the notice
 * asks GET /api/users/colleague-name: the name only, for staff only.
 */
const SITE_KEY = 'site-api-key-for-the-colleague-name-test-0123456789'
let ctx: TestPayload
let payload: Payload
const tokens: Record<string, string> = {}

const ask = (email: string, authorization?: string) =>
  ctx.rest(`/users/colleague-name?email=${encodeURIComponent(email)}`, {
    headers: authorization ? { authorization } : {},
  })

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '' })
  payload = ctx.payload
  // The admin first: the first account of an installation becomes an admin (hooks/users/assignFirstUserAdmin).
  for (const [key, name, roles] of [
    ['admin', 'Nguyễn Beheer', ['admin']],
    ['editor', 'Şükrü Editör', ['editor']],
    ['manager', 'Łukasz Manager', ['manager']],
  ] as const) {
    const { token } = await createStaffUserWithToken(payload, `${key}@colleague.example`, name, [...roles])
    tokens[key] = `JWT ${token}`
  }
  await payload.create({
    collection: 'service-accounts',
    data: { name: 'site', scopes: ['complaint-intake'], keyHash: hashServiceKey(payload, SITE_KEY) },
  })
}, 300_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the lock notice names the colleague: GET /api/users/colleague-name', () => {
  it('control: an editor may not read the manager account itself …', async () => {
    const response = await ctx.rest(`/users?where[email][equals]=manager@colleague.example`, {
      headers: { authorization: tokens.editor ?? '' },
    })
    const body = (await response.json()) as { docs?: unknown[] }
    expect(body.docs ?? []).toEqual([])
  })

  it('… but sees its name, and only the name, every staff role alike', async () => {
    for (const who of ['editor', 'manager', 'admin']) {
      const response = await ask('Manager@Colleague.example', tokens[who])
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.json()).toEqual({ name: 'Łukasz Manager' })
    }
  })

  it('an unknown address gives no name; a missing one is a Dutch message at the field', async () => {
    expect(await (await ask('niemand@colleague.example', tokens.editor)).json()).toEqual({ name: null })
    const missing = await ctx.rest('/users/colleague-name', { headers: { authorization: tokens.editor ?? '' } })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toEqual({ errors: [{ field: 'email', message: 'Vul een e-mailadres in.' }] })
  })

  it('nobody else: anonymous and the site key (no Payload login) 401, with no name in the answer', async () => {
    const anonymous = await ask('manager@colleague.example')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.text()).not.toContain('Łukasz')
    const site = await ask('manager@colleague.example', `service-accounts API-Key ${SITE_KEY}`)
    expect(site.status).toBe(401)
    expect(await site.text()).not.toContain('Łukasz')
  })
})
