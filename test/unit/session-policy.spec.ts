import { describe, expect, it } from 'vitest'

import { configFor } from '../../cms/config'
import { parseEnv } from '../../cms/env'
import {
  ABSOLUTE_LIMIT_SECONDS,
  IDLE_LIMIT_SECONDS,
  refreshedTokenLifetime,
  sessionCookies,
} from '../../hooks/users/sessionPolicy'

describe('the session cookie (OWASP ASVS V3.4.1, V3.4.3)', () => {
  it.each([
    ['https://klachten.workingprogression.nl', true],
    ['https://klachten.workingprogression.nl:8443/', true],
    ['HTTPS://KLACHTEN.WORKINGPROGRESSION.NL', true],
    ['http://localhost:3000', false],
    ['http://127.0.0.1:3000', false],
  ])('CMS_URL=%s → Secure %s, SameSite=Lax', (url, secure) => {
    expect(sessionCookies(url)).toEqual({ secure, sameSite: 'Lax' })
  })

  it('the users collection of the assembled configuration takes its cookie from CMS_URL', () => {
    const auth = (url: string) => {
      // A MongoDB URL: the adapter connects only on init, so no database is opened here.
      const env = parseEnv({ PAYLOAD_SECRET: 'x'.repeat(32), CMS_URL: url, DATABASE_URL: 'mongodb://127.0.0.1:9/unit' })
      const config = configFor(env).collections?.find((collection) => collection.slug === 'users')?.auth
      return typeof config === 'object' ? config.cookies : undefined
    }
    expect(auth('https://klachten.workingprogression.nl')).toEqual({ secure: true, sameSite: 'Lax' })
    expect(auth('http://localhost:3000')).toEqual({ secure: false, sameSite: 'Lax' })
  })
})

describe('the lifetime of a refreshed token (OWASP ASVS V3.3.2)', () => {
  const login = new Date('2026-03-02T08:00:00Z')
  const after = (seconds: number) => new Date(login.getTime() + seconds * 1000)
  it.each([
    ['right after the login', 60, IDLE_LIMIT_SECONDS],
    ['after 7 hours', 7 * 3600, IDLE_LIMIT_SECONDS],
    ['exactly 30 minutes before the end', ABSOLUTE_LIMIT_SECONDS - IDLE_LIMIT_SECONDS, IDLE_LIMIT_SECONDS],
    ['10 minutes before the end', ABSOLUTE_LIMIT_SECONDS - 600, 600],
    ['at the end', ABSOLUTE_LIMIT_SECONDS, 0],
    ['after the end', ABSOLUTE_LIMIT_SECONDS + 1, 0],
  ])('%s: %i s after the login → %i s', (_label, elapsed, lifetime) => {
    expect(refreshedTokenLifetime(login, after(elapsed))).toBe(lifetime)
  })
})
