/** REST helpers for browser tests: the portal's own API, as any client would use it. */
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
 * The first administrator's token. The skeleton browser test creates that account through the
 * create-first-user screen and runs first (see vitest.config); a file run on its own registers it here.
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
