import crypto from 'node:crypto'

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { PAYLOAD_PBKDF2 } from '../../hooks/users/passwordHashWork'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { refusal } from '../helpers/refusal'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await createTestPayload()
})

afterAll(async () => {
  await ctx?.cleanup()
})

afterEach(() => {
  vi.restoreAllMocks()
})

const STRONG = 'een-lang-wachtwoord'
const GUESSABLE = /^Kies een wachtwoord dat moeilijker te raden is: /

const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
  body: JSON.stringify(body),
})

const login = (email: string, password: string) => ctx.rest('/users/login', json({ email, password }))

async function tokenOf(email: string, password: string): Promise<string> {
  const response = await login(email, password)
  const body = (await response.json()) as { token?: string }
  if (!body.token) throw new Error(`login ${email} failed: ${response.status}`)
  return body.token
}

/** The field errors of a refused REST call, by path, as the admin shows them at the fields. */
async function fieldErrors(response: Response): Promise<Record<string, string>> {
  expect(response.status).toBe(400)
  const body = (await response.json()) as { errors?: { data?: { errors?: { path: string; message: string }[] } }[] }
  return Object.fromEntries((body.errors?.[0]?.data?.errors ?? []).map((e) => [e.path, e.message]))
}

const userCount = async () => (await ctx.payload.count({ collection: 'users' })).totalDocs

// Runs first: the first-register screen is there only while no account exists.
describe('the first account (OWASP ASVS V2.1.7)', () => {
  const first = { email: 'eerste@example.nl', name: 'Eerste Beheerder' }
  const register = (password: string) =>
    ctx.rest('/users/first-register', json({ ...first, password, 'confirm-password': password }))

  it('refuses a common password on the create-first-user screen, and stores nothing', async () => {
    expect((await fieldErrors(await register('welkom123456'))).password).toMatch(GUESSABLE)
    expect(await userCount()).toBe(0)
  })

  it("refuses the person's own name as the password", async () => {
    expect((await fieldErrors(await register('Eerste-Beheerder-2026'))).password).toContain(
      'het bevat uw naam of een deel van uw e-mailadres',
    )
    expect(await userCount()).toBe(0)
  })

  it('accepts a strong password', async () => {
    const response = await register(STRONG)
    expect(response.status).toBe(200)
    expect(await userCount()).toBe(1)
  })
})

describe('every way a password is set (OWASP ASVS V2.1.1, V2.1.7)', () => {
  let adminToken: string
  beforeAll(async () => {
    await ctx.payload.create({
      collection: 'users',
      data: { email: 'beheer@example.nl', name: 'Beheer', roles: ['admin'], password: STRONG },
    })
    adminToken = await tokenOf('beheer@example.nl', STRONG)
  })

  it('refuses passwords shorter than 12 characters', async () => {
    expect(
      await refusal(
        ctx.payload.create({
          collection: 'users',
          data: { email: 'kort@example.nl', password: 'elf-tekens1', name: 'K', roles: ['editor'] },
        }),
      ),
    ).toEqual({ password: 'Kies een wachtwoord van minstens 12 tekens.' })
  })

  it('refuses a guessable password through the Local API, where a strong one is accepted', async () => {
    const data = { email: 'lokaal@example.nl', name: 'Lokaal', roles: ['editor' as const] }
    const before = await userCount()
    expect(
      (await refusal(ctx.payload.create({ collection: 'users', data: { ...data, password: 'password1234' } })))
        .password,
    ).toMatch(GUESSABLE)
    expect(await userCount()).toBe(before)
    await ctx.payload.create({ collection: 'users', data: { ...data, password: STRONG } })
    expect(await userCount()).toBe(before + 1)
  })

  it('refuses a guessable password when an admin creates an account over REST', async () => {
    const data = { email: 'rest@example.nl', name: 'Rest', roles: ['handler'] }
    expect(
      (await fieldErrors(await ctx.rest('/users', json({ ...data, password: 'qwertyuiop12' }, adminToken)))).password,
    ).toMatch(GUESSABLE)
    expect((await ctx.rest('/users', json({ ...data, password: STRONG }, adminToken))).status).toBe(201)
  })

  it('refuses a guessable new password for one’s own account, and the old one keeps working', async () => {
    const { id } = await ctx.payload.create({
      collection: 'users',
      data: { email: 'mirjam.smit@example.nl', name: 'Mirjam Smit', roles: ['editor'], password: STRONG },
    })
    const token = await tokenOf('mirjam.smit@example.nl', STRONG)
    const change = (password: string) => ctx.rest(`/users/${id}`, { ...json({ password }, token), method: 'PATCH' })
    // The update carries no e-mail or name: they come from the stored account.
    expect((await fieldErrors(await change('mirjam.smit-2026!'))).password).toContain(
      'het bevat uw naam of een deel van uw e-mailadres',
    )
    expect((await fieldErrors(await change('aaaaaaaaaaaaaaaa'))).password).toMatch(GUESSABLE)
    expect((await login('mirjam.smit@example.nl', STRONG)).status).toBe(200)
    expect((await change('kwarktaart-lantaarn-negen')).status).toBe(200)
    expect((await login('mirjam.smit@example.nl', 'kwarktaart-lantaarn-negen')).status).toBe(200)
  })

  it("refuses a guessable password on Payload's reset-password, which skips the update hooks", async () => {
    await ctx.payload.create({
      collection: 'users',
      data: { email: 'vergeten@example.nl', name: 'Vera Vergeten', roles: ['editor'], password: STRONG },
    })
    expect((await ctx.rest('/users/forgot-password', json({ email: 'vergeten@example.nl' }))).status).toBe(200)
    const stored = await ctx.payload.db.findOne<{ id: string; resetPasswordToken?: string }>({
      collection: 'users',
      where: { email: { equals: 'vergeten@example.nl' } },
    })
    const token = stored?.resetPasswordToken ?? ''
    expect(token).toMatch(/^[0-9a-f]{40}$/)
    const reset = (password: string) => ctx.rest('/users/reset-password', json({ token, password }))

    expect((await fieldErrors(await reset('password1234'))).password).toMatch(GUESSABLE)
    expect((await fieldErrors(await reset('vergeten-2026-x'))).password).toContain(
      'het bevat uw naam of een deel van uw e-mailadres',
    )
    expect((await fieldErrors(await reset('kort-1'))).password).toBe('Kies een wachtwoord van minstens 12 tekens.')
    // Nothing was stored: the old password still works and the link still does.
    expect((await login('vergeten@example.nl', 'password1234')).status).toBe(401)
    expect((await login('vergeten@example.nl', STRONG)).status).toBe(200)
    expect((await reset('kwarktaart-lantaarn-negen')).status).toBe(200)
    expect((await login('vergeten@example.nl', 'kwarktaart-lantaarn-negen')).status).toBe(200)
  })
})

describe('logging in', () => {
  beforeAll(async () => {
    for (const email of ['bestaat@example.nl', 'gelijk@example.nl']) {
      await ctx.payload.create({ collection: 'users', data: { email, password: STRONG, name: 'B', roles: ['admin'] } })
    }
  })

  it('answers a wrong password and an unknown address alike', async () => {
    const known = await login('bestaat@example.nl', 'fout-wachtwoord-1')
    const unknown = await login('bestaat-niet@example.nl', 'fout-wachtwoord-1')
    expect([known.status, unknown.status]).toEqual([401, 401])
    expect(await known.json()).toEqual(await unknown.json())
  })

  /** The PBKDF2 runs of one login: iterations, key length and digest of each, as Payload or the portal called it. */
  async function hashWork(email: string, password: string): Promise<unknown[][]> {
    const pbkdf2 = vi.spyOn(crypto, 'pbkdf2')
    try {
      expect((await login(email, password)).status).toBe(401)
      return pbkdf2.mock.calls.map(([, , iterations, keyLength, digest]) => [iterations, keyLength, digest])
    } finally {
      pbkdf2.mockRestore()
    }
  }

  it('an unknown address costs the same password hashing as a wrong password (no enumeration by timing)', async () => {
    const wrongPassword = await hashWork('gelijk@example.nl', 'fout-wachtwoord-1')
    expect(wrongPassword).toEqual([[600_000, 32, 'sha256']])
    expect(await hashWork('niemand@example.nl', 'fout-wachtwoord-1')).toEqual(wrongPassword)
    expect(await hashWork('  NIEMAND@example.nl ', 'fout-wachtwoord-1')).toEqual(wrongPassword)
    // A successful login hashes once too: the extra work is only for addresses without an account.
    const pbkdf2 = vi.spyOn(crypto, 'pbkdf2')
    expect((await login('gelijk@example.nl', STRONG)).status).toBe(200)
    expect(pbkdf2).toHaveBeenCalledTimes(1)
  })

  it("the dummy hash uses Payload's own parameters (checked against a hash Payload stored)", async () => {
    const stored = await ctx.payload.db.findOne<{ id: string; hash?: string; salt?: string }>({
      collection: 'users',
      where: { email: { equals: 'gelijk@example.nl' } },
    })
    const { iterations, keyLength, digest } = PAYLOAD_PBKDF2
    const recomputed = crypto.pbkdf2Sync(STRONG, stored?.salt ?? '', iterations, keyLength, digest).toString('hex')
    expect(stored?.hash).toBe(`pbkdf2-sha256-v1:${recomputed}`)
  })

  it('locks an account after 5 failures for 10 minutes, without saying so, and at the cost of a wrong password', async () => {
    for (let i = 0; i < 5; i++) await login('bestaat@example.nl', `fout-wachtwoord-${i}`)
    const locked = await login('bestaat@example.nl', STRONG)
    const unknown = await login('bestaat-niet@example.nl', STRONG)
    expect(locked.status).toBe(401)
    expect(await locked.json()).toEqual(await unknown.json())
    const user = (
      await ctx.payload.find({
        collection: 'users',
        where: { email: { equals: 'bestaat@example.nl' } },
        showHiddenFields: true,
      })
    ).docs[0] as { lockUntil?: string }
    const minutes = (new Date(user.lockUntil ?? 0).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(9)
    expect(minutes).toBeLessThanOrEqual(10)
    // Payload stops before hashing for a locked account; the portal hashes as for a wrong password.
    expect(await hashWork('bestaat@example.nl', STRONG)).toEqual([[600_000, 32, 'sha256']])
  })
})
