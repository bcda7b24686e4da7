/**
 * The one place the public site reaches Payload: its REST API, over HTTP (see README,
 * "Why the site talks REST"). Nothing else in site/ fetches from the CMS.
 */
import { siteEnv } from './env'

export type PublicSettings = {
  organisationName: string
  address?: { street?: string | null; postalCode?: string | null; city?: string | null } | null
  phone?: string | null
  contactEmail?: string | null
}

const FALLBACK_SETTINGS: PublicSettings = { organisationName: 'Working Progression' }

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${siteEnv().CMS_API_URL}${path}`, { signal: AbortSignal.timeout(5000) })
  if (!response.ok) throw new Error(`CMS ${path}: HTTP ${response.status}`)
  return (await response.json()) as T
}

let lastSettings: PublicSettings | undefined

/** Working Progression's public contact details; the last known ones when the CMS is unreachable. */
export async function getPublicSettings(): Promise<PublicSettings> {
  try {
    lastSettings = await getJson<PublicSettings>('/globals/settings?depth=0')
  } catch (error) {
    console.error(`[site] instellingen niet opgehaald: ${(error as Error).message}`)
  }
  return lastSettings ?? FALLBACK_SETTINGS
}
