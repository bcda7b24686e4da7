import { describe, expect, it } from 'vitest'

import { EnvError, parseEnv } from '../../cms/env'

const base = { PAYLOAD_SECRET: 'x'.repeat(32) }

describe('configuration from the environment', () => {
  it('defaults to the embedded SQLite file and the standard ports', () => {
    const env = parseEnv(base)
    expect(env.DATABASE_URL).toBe('file:./data/portal.db')
    expect([env.CMS_PORT, env.SITE_PORT]).toEqual([3000, 4321])
    expect(env.CMS_URL).toBe('http://localhost:3000')
    expect(env.SITE_URL).toBe('http://localhost:4321')
  })

  it.each(['mongodb://db.internal:27017/portal', 'mongodb+srv://user:pw@cluster.example/portal', 'file:/var/lib/portal.db'])(
    'accepts DATABASE_URL=%s',
    (url) => {
      expect(parseEnv({ ...base, DATABASE_URL: url }).DATABASE_URL).toBe(url)
    },
  )

  it.each([
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL', /file:, mongodb:\/\/ of mongodb\+srv:\/\//],
    [{ PAYLOAD_SECRET: undefined }, 'PAYLOAD_SECRET', /ontbreekt/],
    [{ PAYLOAD_SECRET: 'short' }, 'PAYLOAD_SECRET', /32 tekens/],
    [{ CMS_PORT: '70000' }, 'CMS_PORT', /poortnummer/],
    [{ SITE_PORT: 'abc' }, 'SITE_PORT', /^Configuratiefout: SITE_PORT moet een poortnummer zijn \(1-65535\)$/],
    [{ CMS_PORT: '3000.5' }, 'CMS_PORT', /^Configuratiefout: CMS_PORT moet een poortnummer zijn \(1-65535\)$/],
    [{ OUTBOX_MAX_ATTEMPTS: 'acht' }, 'OUTBOX_MAX_ATTEMPTS', /^Configuratiefout: OUTBOX_MAX_ATTEMPTS moet een heel getal zijn$/],
    [{ OUTBOX_RETRY_DELAY_MS: '1.5' }, 'OUTBOX_RETRY_DELAY_MS', /^Configuratiefout: OUTBOX_RETRY_DELAY_MS moet een heel getal zijn$/],
    [{ SITE_RATE_LIMIT_PER_HOUR: 'veel' }, 'SITE_RATE_LIMIT_PER_HOUR', /^Configuratiefout: SITE_RATE_LIMIT_PER_HOUR moet een heel getal zijn$/],
    [{ RESEND_BASE_URL: 'ftp://x' }, 'RESEND_BASE_URL', /http/],
    [{ ADMIN_EMAIL: 'not-an-address', ADMIN_PASSWORD: 'long-enough-password' }, 'ADMIN_EMAIL', /e-mailadres/],
    [{ ADMIN_EMAIL: 'beheer@example.nl' }, 'ADMIN_PASSWORD', /ontbreekt/],
    [{ ADMIN_EMAIL: 'beheer@example.nl', ADMIN_PASSWORD: 'kort' }, 'ADMIN_PASSWORD', /12 tekens/],
  ] as const)('refuses %o, naming %s', (overrides, variable, problem) => {
    let caught: unknown
    try {
      parseEnv({ ...base, ...overrides })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(EnvError)
    const error = caught as EnvError
    expect(error.variable).toBe(variable)
    expect(error.message).toMatch(problem)
    expect(error.message.startsWith(`Configuratiefout: ${variable} `)).toBe(true)
    expect(error.message).not.toContain('\n')
  })

  it('treats an empty value as unset', () => {
    expect(parseEnv({ ...base, DATABASE_URL: '', RESEND_API_KEY: '' }).DATABASE_URL).toBe('file:./data/portal.db')
  })
})
