import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await createTestPayload()
  await ctx.payload.create({ collection: 'users', data: { email: 'bestaat@example.nl', password: 'een-lang-wachtwoord', name: 'B', roles: ['admin'] } })
})

afterAll(async () => {
  await ctx?.cleanup()
})

const login = (email: string, password: string) =>
  ctx.rest('/users/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })

describe('staff logging in', () => {
  it('refuses passwords shorter than 12 characters', async () => {
    await expect(
      ctx.payload.create({ collection: 'users', data: { email: 'kort@example.nl', password: 'elf-tekens1', name: 'K', roles: ['editor'] } }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'password', message: 'Kies een wachtwoord van minstens 12 tekens.' }] } })
  })

  it('answers a wrong password and an unknown address alike', async () => {
    const known = await login('bestaat@example.nl', 'fout-wachtwoord-1')
    const unknown = await login('bestaat-niet@example.nl', 'fout-wachtwoord-1')
    expect([known.status, unknown.status]).toEqual([401, 401])
    expect(await known.json()).toEqual(await unknown.json())
  })

  it('locks an account after 5 failures for 10 minutes, without saying so', async () => {
    for (let i = 0; i < 5; i++) await login('bestaat@example.nl', `fout-wachtwoord-${i}`)
    const locked = await login('bestaat@example.nl', 'een-lang-wachtwoord')
    const unknown = await login('bestaat-niet@example.nl', 'een-lang-wachtwoord')
    expect(locked.status).toBe(401)
    expect(await locked.json()).toEqual(await unknown.json())
    const user = (await ctx.payload.find({ collection: 'users', where: { email: { equals: 'bestaat@example.nl' } }, showHiddenFields: true })).docs[0] as { lockUntil?: string }
    const minutes = (new Date(user.lockUntil ?? 0).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(9)
    expect(minutes).toBeLessThanOrEqual(10)
  })

  it('a session expires 8 hours after logging in: the token and its cookie say so', async () => {
    const user = await ctx.payload.create({ collection: 'users', data: { email: 'sessie@example.nl', password: 'een-lang-wachtwoord', name: 'S', roles: ['editor'] } })
    const response = await login(user.email, 'een-lang-wachtwoord')
    expect(response.status).toBe(200)
    const { token } = (await response.json()) as { token: string }
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat: number; exp: number }
    expect(claims.exp - claims.iat).toBe(8 * 60 * 60)
    const cookie = response.headers.get('set-cookie') ?? ''
    const expires = /Expires=([^;]+)/i.exec(cookie)?.[1]
    expect(Math.round((new Date(expires ?? 0).getTime() / 1000 - claims.iat) / 60)).toBe(8 * 60)
  })
})
