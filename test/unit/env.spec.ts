import { createHash, createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { deriveSecret, EnvError, parseEnv } from '../../cms/env'
import { fileStorageConfig, s3ClientConfig } from '../../cms/lib/fileStorage'
import { cmsProcessEnv, siteBuildEnv, siteProcessEnv } from '../../cms/scripts/lib/processEnv'
import { parseSiteEnv } from '../../site/lib/env'

const base = { PAYLOAD_SECRET: 'x'.repeat(32) }

describe('configuration from the environment', () => {
  it('defaults to the embedded SQLite file and the standard ports', () => {
    const env = parseEnv(base)
    expect(env.DATABASE_URL).toBe('file:./data/portal.db')
    expect([env.CMS_PORT, env.SITE_PORT]).toEqual([3000, 4321])
    expect(env.CMS_URL).toBe('http://localhost:3000')
    expect(env.SITE_URL).toBe('http://localhost:4321')
  })

  it.each([
    'mongodb://db.internal:27017/portal',
    'mongodb+srv://user:pw@cluster.example/portal',
    'file:/var/lib/portal.db',
  ])('accepts DATABASE_URL=%s', (url) => {
    expect(parseEnv({ ...base, DATABASE_URL: url }).DATABASE_URL).toBe(url)
  })

  it.each([
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL', /file:, mongodb:\/\/ of mongodb\+srv:\/\//],
    [{ PAYLOAD_SECRET: undefined }, 'PAYLOAD_SECRET', /ontbreekt/],
    [{ PAYLOAD_SECRET: 'short' }, 'PAYLOAD_SECRET', /32 tekens/],
    [{ CMS_PORT: '70000' }, 'CMS_PORT', /poortnummer/],
    [{ SITE_PORT: 'abc' }, 'SITE_PORT', /^Configuratiefout: SITE_PORT moet een poortnummer zijn \(1-65535\)$/],
    [{ CMS_PORT: '3000.5' }, 'CMS_PORT', /^Configuratiefout: CMS_PORT moet een poortnummer zijn \(1-65535\)$/],
    [
      { OUTBOX_MAX_ATTEMPTS: 'acht' },
      'OUTBOX_MAX_ATTEMPTS',
      /^Configuratiefout: OUTBOX_MAX_ATTEMPTS moet een heel getal zijn$/,
    ],
    [
      { OUTBOX_RETRY_DELAY_MS: '1.5' },
      'OUTBOX_RETRY_DELAY_MS',
      /^Configuratiefout: OUTBOX_RETRY_DELAY_MS moet een heel getal zijn$/,
    ],
    [
      { SITE_RATE_LIMIT_PER_HOUR: 'veel' },
      'SITE_RATE_LIMIT_PER_HOUR',
      /^Configuratiefout: SITE_RATE_LIMIT_PER_HOUR moet een heel getal zijn$/,
    ],
    [{ RESEND_BASE_URL: 'ftp://x' }, 'RESEND_BASE_URL', /http/],
    [{ ADMIN_EMAIL: 'not-an-address', ADMIN_PASSWORD: 'long-enough-password' }, 'ADMIN_EMAIL', /e-mailadres/],
    [{ ADMIN_EMAIL: 'beheer@example.nl' }, 'ADMIN_PASSWORD', /ontbreekt/],
    [{ ADMIN_EMAIL: 'beheer@example.nl', ADMIN_PASSWORD: 'kort' }, 'ADMIN_PASSWORD', /12 tekens/],
    [{ S3_BUCKET: 'klachten', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT', /http/],
    [{ S3_BUCKET: 'klachten', S3_ACCESS_KEY_ID: 'AKIA123' }, 'S3_SECRET_ACCESS_KEY', /horen bij elkaar/],
    [{ S3_SECRET_ACCESS_KEY: 'geheim' }, 'S3_ACCESS_KEY_ID', /horen bij elkaar/],
    [{ S3_FORCE_PATH_STYLE: 'ja' }, 'S3_FORCE_PATH_STYLE', /true of false/],
    [
      { SITE_TRUSTED_PROXIES: '10.0.0.0/8, proxy.example' },
      'SITE_TRUSTED_PROXIES',
      /^Configuratiefout: SITE_TRUSTED_PROXIES bevat "proxy.example", geen IP-adres of bereik$/,
    ],
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

  it('keeps files on disk unless S3_BUCKET is set; with it, the bucket and its settings as given', () => {
    expect(fileStorageConfig(parseEnv(base))).toEqual({ kind: 'disk' })
    const env = parseEnv({
      ...base,
      S3_BUCKET: 'klachten',
      S3_ENDPOINT: 'https://s3.example.nl',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'AKIA123',
      S3_SECRET_ACCESS_KEY: 'geheim',
    })
    expect(fileStorageConfig(env)).toMatchObject({
      kind: 's3',
      bucket: 'klachten',
      client: {
        region: 'eu-central-1',
        endpoint: 'https://s3.example.nl',
        forcePathStyle: true,
        credentials: { accessKeyId: 'AKIA123', secretAccessKey: 'geheim' },
      },
    })
    // Without a key pair the SDK's own chain (an instance role) applies: no credentials given.
    expect(s3ClientConfig(parseEnv({ ...base, S3_BUCKET: 'klachten' }))).not.toHaveProperty('credentials')
  })

  it('accepts a list of trusted proxies (the control of its refusal above)', () => {
    expect(parseEnv({ ...base, SITE_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.10, ::1' }).SITE_TRUSTED_PROXIES).toBe(
      '10.0.0.0/8, 192.0.2.10, ::1',
    )
  })

  it('treats an empty value as unset', () => {
    expect(parseEnv({ ...base, DATABASE_URL: '', RESEND_API_KEY: '' }).DATABASE_URL).toBe('file:./data/portal.db')
  })
})

describe('secrets per process (the site holds only its own keys)', () => {
  const secret = 'p'.repeat(40)
  const full = {
    PATH: '/usr/bin',
    HOME: '/home/portal',
    NODE_ENV: 'production' as const,
    PAYLOAD_SECRET: secret,
    DATABASE_URL: 'mongodb://portal:db-password@db.internal:27017/klachten',
    ADMIN_EMAIL: 'beheer@example.nl',
    ADMIN_PASSWORD: 'een-lang-beheerderswachtwoord',
    RESEND_API_KEY: 're_live_resend_key',
    S3_ACCESS_KEY_ID: 'AKIA-portal',
    S3_SECRET_ACCESS_KEY: 's3-secret-of-the-bucket',
    CMS_PORT: '3100',
    SITE_PORT: '4400',
    HOST: '0.0.0.0',
    SITE_RATE_LIMIT_PER_HOUR: '7',
  }
  const forbidden = [
    'PAYLOAD_SECRET',
    'DATABASE_URL',
    'ADMIN_PASSWORD',
    'RESEND_API_KEY',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
  ] as const
  // Payload signs staff sessions with this key (payload/dist/index.js: sha256 of the secret, 32 characters).
  const sessionKey = createHash('sha256').update(secret).digest('hex').slice(0, 32)

  it('derives the site key and the cache secret as labelled HMACs of PAYLOAD_SECRET, unlike each other and the session key', () => {
    const env = parseEnv(full)
    expect(env.SITE_API_KEY).toBe(createHmac('sha256', secret).update('site-api-key').digest('base64url'))
    expect(env.SITE_CACHE_SECRET).toBe(createHmac('sha256', secret).update('site-cache').digest('base64url'))
    expect(deriveSecret(secret, 'site-api-key')).toBe(env.SITE_API_KEY)
    expect(new Set([env.SITE_API_KEY, env.SITE_CACHE_SECRET, secret, sessionKey]).size).toBe(4)
    // Given explicitly, they are used as given.
    const given = parseEnv({ ...full, SITE_API_KEY: 'k'.repeat(30), SITE_CACHE_SECRET: 'c'.repeat(20) })
    expect([given.SITE_API_KEY, given.SITE_CACHE_SECRET]).toEqual(['k'.repeat(30), 'c'.repeat(20)])
  })

  it('gives the CMS the whole environment (control: it needs every secret)', () => {
    const cms = cmsProcessEnv(full, 'start')
    for (const name of forbidden) expect(cms[name]).toBe(full[name])
    expect(cms.DISABLE_PAYLOAD_HMR).toBe('true')
  })

  it('gives the site none of PAYLOAD_SECRET, the database URL, ADMIN_PASSWORD or RESEND_API_KEY, but all it needs', () => {
    const env = parseEnv(full)
    const site = siteProcessEnv(full, env)
    for (const name of forbidden) expect(site[name]).toBe(undefined)
    const values = Object.values(site).join('\n')
    for (const value of [secret, sessionKey, full.ADMIN_PASSWORD, full.RESEND_API_KEY, 'db-password', full.ADMIN_EMAIL])
      expect(values).not.toContain(value)

    expect(site).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/portal',
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      HOST: '0.0.0.0',
      PORT: '4400',
      CMS_API_URL: 'http://127.0.0.1:3100/api',
      SITE_API_KEY: env.SITE_API_KEY,
      SITE_CACHE_SECRET: env.SITE_CACHE_SECRET,
      SITE_RATE_LIMIT_PER_HOUR: '7',
      SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR: '3',
      SITE_RATE_LIMIT_LINK_PER_HOUR: '20',
      SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR: '5',
      SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR: '3',
    })
    // What the site's own configuration reads from it: the keys the CMS expects.
    expect(parseSiteEnv(site)).toEqual({
      CMS_API_URL: 'http://127.0.0.1:3100/api',
      SITE_API_KEY: env.SITE_API_KEY,
      SITE_CACHE_SECRET: env.SITE_CACHE_SECRET,
      SITE_RATE_LIMIT_PER_HOUR: 7,
      SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR: 3,
      SITE_RATE_LIMIT_LINK_PER_HOUR: 20,
      SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR: 5,
      SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR: 3,
      SITE_RATE_LIMIT_STORE: 'memory',
    })
    // Several site processes: the shared store, handed through as set.
    expect(parseSiteEnv(siteProcessEnv({ ...full, SITE_RATE_LIMIT_STORE: 'cms' }, env)).SITE_RATE_LIMIT_STORE).toBe(
      'cms',
    )
    expect(siteProcessEnv({ ...full, CMS_API_URL: 'https://cms.example/api' }, env).CMS_API_URL).toBe(
      'https://cms.example/api',
    )
  })

  it('builds the site with no secret at all', () => {
    const build = siteBuildEnv({ ...full, SITE_API_KEY: 'k'.repeat(30), SITE_CACHE_SECRET: 'c'.repeat(20) })
    expect(build).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/portal',
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
    })
  })
})
