import { z } from 'zod'

/**
 * The site's own configuration: where the CMS is and the site's two keys. It never holds PAYLOAD_SECRET
 * or database credentials (it reaches the CMS over HTTP; `npm start` hands it nothing else).
 */
const siteEnvSchema = z.object({
  CMS_API_URL: z
    .url({ protocol: /^https?$/, message: 'moet een http(s)-adres zijn' })
    .default('http://127.0.0.1:3000/api'),
  // Set by `npm start` (derived from PAYLOAD_SECRET unless given): checks the CMS's cache signal.
  SITE_CACHE_SECRET: z.string().min(16, 'moet minstens 16 tekens lang zijn'),
  // The site's create-only identity at the CMS (service account `site`); set by `npm start`.
  SITE_API_KEY: z.string().min(24, 'moet minstens 24 tekens lang zijn'),
  // Complaints per IP address per hour: generous, as offices and libraries file for several people.
  SITE_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1, 'moet minstens 1 zijn').default(30),
  // Complaints per e-mail address per hour: strict.
  SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1, 'moet minstens 1 zijn').default(3),
  // Decision 20: requests for a link to /mijn-klacht, per IP address, per e-mail address, per reference + address.
  SITE_RATE_LIMIT_LINK_PER_HOUR: z.coerce.number().int().min(1, 'moet minstens 1 zijn').default(20),
  SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1, 'moet minstens 1 zijn').default(5),
  SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR: z.coerce.number().int().min(1, 'moet minstens 1 zijn').default(3),
  // Where the counts are kept: `memory` (one site process) or `cms` (shared by every site process).
  SITE_RATE_LIMIT_STORE: z.enum(['memory', 'cms'], { error: 'moet memory of cms zijn' }).default('memory'),
})

export type SiteEnv = z.infer<typeof siteEnvSchema>

/** Parses the site's environment (as `npm start` hands it over, see cms/scripts/lib/processEnv.ts). */
export function parseSiteEnv(source: Record<string, string | undefined>): SiteEnv {
  const result = siteEnvSchema.safeParse({
    CMS_API_URL: source.CMS_API_URL || undefined,
    SITE_CACHE_SECRET: source.SITE_CACHE_SECRET || undefined,
    SITE_API_KEY: source.SITE_API_KEY || undefined,
    SITE_RATE_LIMIT_PER_HOUR: source.SITE_RATE_LIMIT_PER_HOUR || undefined,
    SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR: source.SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR || undefined,
    SITE_RATE_LIMIT_LINK_PER_HOUR: source.SITE_RATE_LIMIT_LINK_PER_HOUR || undefined,
    SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR: source.SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR || undefined,
    SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR: source.SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR || undefined,
    SITE_RATE_LIMIT_STORE: source.SITE_RATE_LIMIT_STORE || undefined,
  })
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(`Configuratiefout: ${String(issue?.path[0])} ${issue?.message}`)
  }
  return result.data
}

let cached: SiteEnv | undefined

export function siteEnv(): SiteEnv {
  cached ??= parseSiteEnv(process.env)
  return cached
}
