/**
 * Staff accounts for the tests. Browser tests: the portal's REST API, as any client would use it.
 * Integration tests: the Local API of the test's own Payload (createStaffUser, staffUserToken).
 */
import type { Payload } from 'payload'

import type { User } from '../../cms/payload-types'

export const FIRST_ADMIN = {
  email: 'eerste.beheerder@example.nl',
  password: 'een-lang-wachtwoord',
  name: 'Eerste Beheerder',
}

export async function login(cmsUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await response.json()) as { token?: string; errors?: unknown }
  if (!response.ok || !body.token) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(body)}`)
  return body.token
}

/**
 * The first administrator's token, registering that account first on a portal that has none yet. The
 * skeleton browser test creates it through the create-first-user screen instead (after withoutAccounts).
 */
export async function adminToken(cmsUrl: string): Promise<string> {
  const init = await fetch(`${cmsUrl}/api/users/init`)
  const { initialized } = (await init.json()) as { initialized: boolean }
  if (!initialized) {
    const response = await fetch(`${cmsUrl}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...FIRST_ADMIN, 'confirm-password': FIRST_ADMIN.password }),
    })
    if (!response.ok) throw new Error(`first-register failed: ${response.status} ${await response.text()}`)
  }
  return login(cmsUrl, FIRST_ADMIN.email, FIRST_ADMIN.password)
}

/**
 * Brings the shared portal back to where a first start leaves it as to accounts: none, so that /admin
 * offers Payload's create-first-user screen again, whichever browser test files ran before. The first
 * administrator (whom every helper here logs in as) deletes every other account, then its own.
 * With `overrideLock`: Payload's REST delete refuses an account whose own document holds a recent
 * editing lock of someone else (checkDocumentLockStatus, 5 minutes); an administrator emptying the
 * portal overrides it. Editing locks the account held on other documents, its preferences and its
 * sessions go with it (the database cascades them; checked on a real Payload).
 */
export async function withoutAccounts(cmsUrl: string): Promise<void> {
  const init = await fetch(`${cmsUrl}/api/users/init`)
  if (!((await init.json()) as { initialized: boolean }).initialized) return
  const token = await adminToken(cmsUrl)
  const authorization = `JWT ${token}`
  const me = (await (await fetch(`${cmsUrl}/api/users/me`, { headers: { authorization } })).json()) as {
    user: { id: string }
  }
  // One account per request, one after another: Payload's bulk delete runs its deletes side by side,
  // and one refused there is reported only as "Something went wrong". A refusal is tried again in a
  // later round (a save or a job of the portal may still be writing); the last one is reported whole.
  const failures = new Map<string, string>()
  for (let round = 0; round < 5; round++) {
    const others = `where[id][not_equals]=${encodeURIComponent(me.user.id)}&limit=100&depth=0`
    const { docs } = (await (await fetch(`${cmsUrl}/api/users?${others}`, { headers: { authorization } })).json()) as {
      docs: { id: string }[]
    }
    if (docs.length === 0) break
    failures.clear()
    for (const { id } of docs) {
      const response = await fetch(`${cmsUrl}/api/users/${id}?overrideLock=true`, {
        method: 'DELETE',
        headers: { authorization },
      })
      if (response.ok) failures.delete(id)
      else failures.set(id, `${response.status} ${await response.text()}`)
    }
  }
  if (failures.size > 0) throw new Error(`deleting accounts failed: ${[...failures.values()].join('; ')}`)
  const self = await fetch(`${cmsUrl}/api/users/${me.user.id}?overrideLock=true`, {
    method: 'DELETE',
    headers: { authorization },
  })
  if (!self.ok) throw new Error(`deleting the administrator failed: ${self.status} ${await self.text()}`)
}

/** Creates (or reuses) a staff account with the given roles and returns its token. */
export async function staffToken(cmsUrl: string, email: string, roles: string[]): Promise<string> {
  const password = 'een-lang-wachtwoord'
  const admin = await adminToken(cmsUrl)
  const response = await fetch(`${cmsUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${admin}` },
    body: JSON.stringify({ email, password, name: email.split('@')[0], roles }),
  })
  if (!response.ok && response.status !== 400)
    throw new Error(`create ${email} failed: ${response.status} ${await response.text()}`)
  return login(cmsUrl, email, password)
}

/** A staff user as the Local API takes it for `user` (with its collection). */
export type StaffUser = User & { collection: 'users' }

/** The password of every staff user the tests create: long enough for the policy and strong for zxcvbn. */
export const STAFF_PASSWORD = 'een-lang-wachtwoord'

/**
 * Integration tests: creates a staff user of the given roles through the Local API (as an administrator
 * would), ready to pass as `user` with `overrideAccess: false`.
 */
export async function createStaffUser(
  payload: Payload,
  email: string,
  name: string,
  roles: User['roles'],
  password = STAFF_PASSWORD,
): Promise<StaffUser> {
  const user = await payload.create({ collection: 'users', data: { email, password, name, roles } })
  return { ...user, collection: 'users' }
}

/** A user read back from the Local API, ready to pass as `user` (the shape createStaffUser returns). */
export const asStaffUser = (user: User): StaffUser => ({ ...user, collection: 'users' })

/**
 * Integration tests: a staff user (createStaffUser) and its REST token (staffUserToken) in one step, for
 * files that act both through the Local API and through REST or GraphQL.
 */
export async function createStaffUserWithToken(
  payload: Payload,
  email: string,
  name: string,
  roles: User['roles'],
  password = STAFF_PASSWORD,
): Promise<{ user: StaffUser; token: string }> {
  const user = await createStaffUser(payload, email, name, roles, password)
  return { user, token: await staffUserToken(payload, email, password) }
}

/** Integration tests: logs a staff user in through the Local API; its token for REST (`authorization: JWT …`). */
export async function staffUserToken(payload: Payload, email: string, password = STAFF_PASSWORD): Promise<string> {
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  if (!token) throw new Error(`login ${email} gave no token`)
  return token
}
