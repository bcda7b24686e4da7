import { formatDutchTime } from '../../hooks/dates/amsterdam'
import { type ContactDetails, contactWays, type StorageAlert } from './complaintForm'
import { siteEnv } from './env'
import { createRateLimiter, type RateLimiter } from './limiter/limiter'
import { cmsRateLimitStore } from './limiter/cmsStore'
import { memoryRateLimitStore, type RateLimitStore } from './limiter/store'

/**
 * Abuse protection for the public complaint form, two rules (lib/limiter):
 * - per IP address, generously (SITE_RATE_LIMIT_PER_HOUR, default 30 an hour): an office, a library
 *   or a coach's desk files for several people from one address;
 * - per e-mail address, strictly (SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR, default 3 an hour).
 * Only newly stored complaints count — a refused or failed attempt gives its place back — and the
 * same form sent again (same form token: double click, back and send again) counts once.
 *
 * The counts are kept in this process (SITE_RATE_LIMIT_STORE=memory, one site process) or in the
 * CMS, shared by every site process (`cms`; lib/limiter/cmsStore.ts).
 */
export const HOUR_MS = 60 * 60 * 1000

export type ComplaintLimitRule = 'address' | 'email'
export type ComplaintLimiter = RateLimiter<ComplaintLimitRule>

export function createComplaintLimiter({
  perAddress,
  perEmail,
  store = memoryRateLimitStore(),
  clock,
}: {
  perAddress: number
  perEmail: number
  store?: RateLimitStore
  clock?: () => Date
}): ComplaintLimiter {
  return createRateLimiter<ComplaintLimitRule>({
    store,
    clock,
    rules: { address: { limit: perAddress, windowMs: HOUR_MS }, email: { limit: perEmail, windowMs: HOUR_MS } },
  })
}

/** The keys of one submission: the e-mail address as the person may type it in any case. */
export const complaintLimitKeys = (clientAddress: string, email: string | undefined) => ({
  address: clientAddress,
  ...(email ? { email: email.trim().toLowerCase() } : {}),
})

/** The site's store of counts, as SITE_RATE_LIMIT_STORE says: one for both forms. */
let store: RateLimitStore | undefined
export function siteRateLimitStore(): RateLimitStore {
  const env = siteEnv()
  store ??=
    env.SITE_RATE_LIMIT_STORE === 'cms'
      ? cmsRateLimitStore({ apiUrl: env.CMS_API_URL, apiKey: env.SITE_API_KEY })
      : memoryRateLimitStore()
  return store
}

let shared: ComplaintLimiter | undefined

/** The site's one limiter for the complaint form. */
export function complaintLimiter(): ComplaintLimiter {
  shared ??= createComplaintLimiter({
    perAddress: siteEnv().SITE_RATE_LIMIT_PER_HOUR,
    perEmail: siteEnv().SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR,
    store: siteRateLimitStore(),
  })
  return shared
}

/**
 * What the person reads at the top of the form when a limit is reached (B1): what happened, that
 * nothing they typed is lost, when it works again, and the other ways to file (phone, e-mail,
 * letter) from the settings. The same words for either rule: naming the e-mail rule would tell
 * anyone who types an address that it was used for several complaints within the hour.
 */
export const RATE_LIMIT_REASON =
  'Het afgelopen uur zijn er al veel klachten verstuurd. Daarom kan het formulier nu even geen nieuwe klacht aannemen. Dat kan gebeuren als veel mensen hetzelfde internet gebruiken, bijvoorbeeld op een kantoor of in een bibliotheek.'

export function rateLimitAlert(
  refused: { rule: ComplaintLimitRule; limit: number; retryAt: Date },
  contact: ContactDetails,
): StorageAlert {
  const ways = contactWays(contact, { letter: true })
  return {
    title: 'Uw klacht is nog niet verstuurd',
    messages: [
      RATE_LIMIT_REASON,
      'U bent niets kwijt: wat u hebt ingevuld, staat hieronder nog.',
      `Verstuur het formulier na ${formatDutchTime(refused.retryAt)} uur opnieuw.` +
        (ways.length > 0 ? ' Wilt u niet wachten? Dien uw klacht dan op een andere manier in:' : ''),
    ],
    ways,
  }
}
