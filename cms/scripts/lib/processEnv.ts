import type { Env } from '../../env'

/**
 * What each process started by `npm start` sees of the environment. The CMS holds every secret
 * (it signs sessions, seeds administrators, sends e-mail); the site holds only its own two keys,
 * so a compromised site process finds no PAYLOAD_SECRET, no database URL (which may carry MongoDB
 * credentials), no administrator password and no Resend key in its environment.
 */

/** Variables the site inherits from the start script's environment: how to run, never what to open. */
const SITE_INHERITED = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TZ',
  'LANG',
  'LC_ALL',
  'NODE_OPTIONS',
  'NODE_EXTRA_CA_CERTS',
] as const

function pick(source: NodeJS.ProcessEnv, names: readonly string[]): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {}
  for (const name of names) if (source[name] !== undefined) picked[name] = source[name]
  return picked
}

/** The CMS (and, later, a job worker): the whole environment plus the switches for running under `npm start`. */
export function cmsProcessEnv(source: NodeJS.ProcessEnv, mode: 'dev' | 'start'): NodeJS.ProcessEnv {
  return {
    ...source,
    // Payload outside `next dev` must not look for Next's HMR socket.
    DISABLE_PAYLOAD_HMR: mode === 'dev' ? undefined : 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  }
}

/** The environment `astro build` runs with: no secret at all, so none can end up in the bundle. */
export function siteBuildEnv(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...pick(source, SITE_INHERITED), NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' }
}

/** The site's server: where to listen, where the CMS is, and its two keys (site/lib/env.ts reads them). */
export function siteProcessEnv(source: NodeJS.ProcessEnv, env: Env): NodeJS.ProcessEnv {
  return {
    ...pick(source, SITE_INHERITED),
    NODE_ENV: env.NODE_ENV,
    ASTRO_TELEMETRY_DISABLED: '1',
    HOST: env.HOST,
    PORT: String(env.SITE_PORT),
    CMS_API_URL: source.CMS_API_URL || `http://127.0.0.1:${env.CMS_PORT}/api`,
    SITE_API_KEY: env.SITE_API_KEY,
    SITE_CACHE_SECRET: env.SITE_CACHE_SECRET,
    SITE_RATE_LIMIT_PER_HOUR: String(env.SITE_RATE_LIMIT_PER_HOUR),
    SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR: String(env.SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR),
    SITE_RATE_LIMIT_LINK_PER_HOUR: String(env.SITE_RATE_LIMIT_LINK_PER_HOUR),
    SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR: String(env.SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR),
    SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR: String(env.SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR),
    // How often the site asks the content version, and the most a cached page may age (site/server.ts).
    ...pick(source, ['SITE_VERSION_CHECK_MS', 'SITE_CACHE_MAX_AGE_MS']),
    // The reverse proxies whose X-Forwarded-For names the client (site/server.ts), and where the
    // forms' rate-limit counts are kept (site/lib/rateLimit.ts).
    ...pick(source, ['SITE_TRUSTED_PROXIES', 'SITE_RATE_LIMIT_STORE']),
  }
}
