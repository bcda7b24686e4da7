import { HOUR_MS, siteRateLimitStore } from './rateLimit'
import { createRateLimiter, type RateLimiter } from './limiter/limiter'
import { memoryRateLimitStore, type RateLimitStore } from './limiter/store'
import { siteEnv } from './env'

/**
 * Decision 20: requests for a link to /mijn-klacht, three rules (lib/limiter, as the complaint form):
 * per IP address, per e-mail address and per reference + address. Every well-formed request counts,
 * whether or not the reference exists: a limit that counted only real cases would tell.
 */
export type LinkLimitRule = 'address' | 'email' | 'case'
export type LinkLimiter = RateLimiter<LinkLimitRule>

export function createLinkLimiter({
  perAddress,
  perEmail,
  perCase,
  store = memoryRateLimitStore(),
  clock,
}: {
  perAddress: number
  perEmail: number
  perCase: number
  store?: RateLimitStore
  clock?: () => Date
}): LinkLimiter {
  return createRateLimiter<LinkLimitRule>({
    store,
    clock,
    rules: {
      address: { limit: perAddress, windowMs: HOUR_MS },
      email: { limit: perEmail, windowMs: HOUR_MS },
      case: { limit: perCase, windowMs: HOUR_MS },
    },
  })
}

/** The keys of one request, normalised as the CMS compares them. */
export const linkLimitKeys = (clientAddress: string, reference: string, email: string) => ({
  address: clientAddress,
  email: email.trim().toLowerCase(),
  case: `${reference.trim().toUpperCase()} ${email.trim().toLowerCase()}`,
})

let shared: LinkLimiter | undefined

export function linkLimiter(): LinkLimiter {
  shared ??= createLinkLimiter({
    perAddress: siteEnv().SITE_RATE_LIMIT_LINK_PER_HOUR,
    perEmail: siteEnv().SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR,
    perCase: siteEnv().SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR,
    store: siteRateLimitStore(),
  })
  return shared
}

/** The same words for every rule: naming one would tell what was asked before (as RATE_LIMIT_REASON). */
export const LINK_RATE_LIMIT_REASON =
  'Het afgelopen uur zijn er al veel links aangevraagd. Daarom kunt u nu even geen nieuwe link aanvragen. Dat kan gebeuren als veel mensen hetzelfde internet gebruiken, bijvoorbeeld op een kantoor of in een bibliotheek.'
