import { z } from 'zod'

/** The site's own configuration; it never holds database credentials (it reaches the CMS over HTTP). */
const siteEnvSchema = z.object({
  CMS_API_URL: z.url({ protocol: /^https?$/, message: 'moet een http(s)-adres zijn' }).default('http://127.0.0.1:3000/api'),
  // Set by `npm start` (derived from PAYLOAD_SECRET unless given): checks the CMS's cache signal.
  SITE_CACHE_SECRET: z.string().min(16, 'moet minstens 16 tekens lang zijn'),
  // The site's create-only identity at the CMS (service account `site`); set by `npm start`.
  SITE_API_KEY: z.string().min(24, 'moet minstens 24 tekens lang zijn'),
  SITE_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1, 'moet minstens 1 zijn').default(5),
})

export type SiteEnv = z.infer<typeof siteEnvSchema>

let cached: SiteEnv | undefined

export function siteEnv(): SiteEnv {
  if (cached) return cached
  const result = siteEnvSchema.safeParse({
    CMS_API_URL: process.env.CMS_API_URL || undefined,
    SITE_CACHE_SECRET: process.env.SITE_CACHE_SECRET || undefined,
    SITE_API_KEY: process.env.SITE_API_KEY || undefined,
    SITE_RATE_LIMIT_PER_HOUR: process.env.SITE_RATE_LIMIT_PER_HOUR || undefined,
  })
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(`Configuratiefout: ${String(issue?.path[0])} ${issue?.message}`)
  }
  cached = result.data
  return cached
}
