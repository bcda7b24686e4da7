import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, STAFF_PASSWORD } from '../helpers/staff'

/**
 * Staff sessions (OWASP ASVS V3.3.2, V3.4.1, V3.4.3), with the admin served over https. Time moves by
 * setting the clock (Date only; every timer stays real): no test waits.
 */
const CMS_URL = 'https://klachten.example.nl'
const EMAIL = 'sessie@example.nl'
const PASSWORD = STAFF_PASSWORD
const MINUTE = 60_000
const START = new Date('2026-03-02T08:00:00Z').getTime()

let ctx: TestPayload

beforeAll(async () => {
  ctx = await createTestPayload({ CMS_URL })
  await createStaffUser(ctx.payload, EMAIL, 'Sanne Sessie', ['admin'])
})

afterAll(async () => {
  await ctx?.cleanup()
})

afterEach(() => {
  vi.useRealTimers()
})

const at = (minutes: number) => vi.setSystemTime(START + minutes * MINUTE)
const jwt = (token: string) => ({ authorization: `JWT ${token}` })
/** As the admin sends it: the browser's cookie, from the admin's own origin. */
const cookie = (token: string) => ({ cookie: `payload-token=${token}`, origin: CMS_URL })

type LoginAnswer = { token: string; exp: number; setCookie: string }

async function logIn(): Promise<LoginAnswer> {
  const response = await ctx.rest('/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  expect(response.status).toBe(200)
  const body = (await response.json()) as { token: string; exp: number }
  return { ...body, setCookie: response.headers.get('set-cookie') ?? '' }
}

/** The account the token opens now, or null when it opens nothing. */
async function whoIs(headers: Record<string, string>): Promise<string | null> {
  const response = await ctx.rest('/users/me', { headers })
  const body = (await response.json()) as { user: { email: string } | null }
  return body.user?.email ?? null
}

/** A read only a logged-in administrator may do. */
const listUsers = async (headers: Record<string, string>) => (await ctx.rest('/users', { headers })).status

async function refresh(
  headers: Record<string, string>,
): Promise<{ status: number; token?: string; exp?: number; setCookie: string }> {
  const response = await ctx.rest('/users/refresh-token', { method: 'POST', headers })
  const body = (await response.json()) as { refreshedToken?: string; exp?: number }
  return {
    status: response.status,
    token: body.refreshedToken,
    exp: body.exp,
    setCookie: response.headers.get('set-cookie') ?? '',
  }
}

const minutesAfterStart = (exp: number | undefined) => ((exp ?? 0) * 1000 - START) / MINUTE

describe('the session cookie over https (ASVS V3.4.1, V3.4.3)', () => {
  it('is Secure, HttpOnly and SameSite=Lax, and lives as long as the idle limit', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at(0)
    const { setCookie } = await logIn()
    const attributes = setCookie.split(/;\s*/)
    expect(attributes[0]).toMatch(/^payload-token=ey/)
    expect(attributes).toEqual(expect.arrayContaining(['Secure=true', 'HttpOnly=true', 'SameSite=Lax', 'Path=/']))
    const expires = attributes.find((a) => a.startsWith('Expires='))?.slice('Expires='.length) ?? ''
    expect((new Date(expires).getTime() - START) / MINUTE).toBe(30)
  })
})

describe('idle limit: 30 minutes (ASVS V3.3.2)', () => {
  it('a session nobody used for 30 minutes is refused, long before the 8 hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at(0)
    const { token, exp } = await logIn()
    // The admin learns the end from the login (and from /me) and warns a minute before it.
    expect(minutesAfterStart(exp)).toBe(30)
    at(29)
    expect(await whoIs(jwt(token))).toBe(EMAIL)
    expect(await whoIs(cookie(token))).toBe(EMAIL)
    expect(await listUsers(jwt(token))).toBe(200)
    at(31)
    expect(await whoIs(jwt(token))).toBeNull()
    expect(await whoIs(cookie(token))).toBeNull()
    expect(await listUsers(jwt(token))).toBe(403)
    // Too late to refresh as well: the token no longer opens anything.
    expect((await refresh(cookie(token))).status).toBe(403)
  })

  it('activity extends it: a refresh gives a new 30 minutes, from the moment of the refresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at(0)
    const first = await logIn()
    at(25)
    const refreshed = await refresh(cookie(first.token))
    expect(refreshed.status).toBe(200)
    expect(minutesAfterStart(refreshed.exp)).toBe(55)
    expect(refreshed.setCookie).toContain('Secure=true')
    at(50)
    expect(await whoIs(jwt(first.token))).toBeNull()
    expect(await whoIs(jwt(refreshed.token ?? ''))).toBe(EMAIL)
    at(56)
    expect(await whoIs(jwt(refreshed.token ?? ''))).toBeNull()
  })
})

describe('absolute limit: 8 hours after the login (ASVS V3.3.2)', () => {
  it('refreshing every 25 minutes keeps a session for 8 hours and not a minute longer', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at(0)
    let { token } = await logIn()
    const ends: number[] = []
    for (let minute = 25; minute < 8 * 60; minute += 25) {
      at(minute)
      const refreshed = await refresh(jwt(token))
      expect(refreshed.status).toBe(200)
      token = refreshed.token ?? ''
      ends.push(minutesAfterStart(refreshed.exp))
    }
    // Each refresh gives 30 minutes, until the last ones: those end at the 8 hours.
    expect(ends.slice(0, 3)).toEqual([55, 80, 105])
    expect(ends.slice(-2)).toEqual([8 * 60, 8 * 60])
    at(8 * 60 - 1)
    expect(await whoIs(jwt(token))).toBe(EMAIL)
    at(8 * 60)
    expect(await whoIs(jwt(token))).toBeNull()
    expect((await refresh(jwt(token))).status).toBe(403)
  })

  it('counts from the login stored with the session', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at(0)
    const { token } = await logIn()
    const setLogin = async (minutesAgo: number) => {
      const user = await ctx.payload.db.findOne<{
        id: string
        sessions?: { id: string; createdAt?: string | null; expiresAt: string }[]
      }>({
        collection: 'users',
        where: { email: { equals: EMAIL } },
      })
      const sessions = (user?.sessions ?? []).map((s) => ({
        ...s,
        createdAt: new Date(START - minutesAgo * MINUTE).toISOString(),
      }))
      await ctx.payload.db.updateOne({ collection: 'users', id: user?.id ?? '', data: { sessions }, returning: false })
    }
    // Control: a session that started now refreshes for the full 30 minutes.
    const control = await refresh(jwt(token))
    expect(minutesAfterStart(control.exp)).toBe(30)
    // A session that started 7 h 50 ago gets the 10 minutes it has left.
    await setLogin(7 * 60 + 50)
    const short = await refresh(jwt(control.token ?? ''))
    expect(short.status).toBe(200)
    expect(minutesAfterStart(short.exp)).toBe(10)
    // One that started more than 8 hours ago is not refreshed at all.
    await setLogin(8 * 60 + 1)
    expect((await refresh(jwt(short.token ?? ''))).status).toBe(403)
  })
})
