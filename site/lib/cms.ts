/**
 * The one place the public site reaches Payload: its REST API, over HTTP (see README,
 * "Why the site talks REST"). Nothing else in site/ fetches from the CMS. Published content
 * is cached (./cache) until the CMS signals a publication.
 */
import type { Regulation, Setting } from '../../cms/payload-types'
import { cached } from './cache'
import { siteEnv } from './env'

export type PublicSettings = Pick<Setting, 'organisationName' | 'address' | 'phone' | 'contactEmail'>
export type PublishedRegulation = Regulation

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${siteEnv().CMS_API_URL}${path}`, { signal: AbortSignal.timeout(5000) })
  if (!response.ok) throw new Error(`CMS ${path}: HTTP ${response.status}`)
  return (await response.json()) as T
}

const FALLBACK_SETTINGS: PublicSettings = { organisationName: 'Working Progression' }

const settings = cached('instellingen', () => getJson<PublicSettings>('/globals/settings?depth=0'))
const regulation = cached('klachtenreglement', () => getJson<PublishedRegulation>('/globals/regulation?depth=0&draft=false'))

/** Working Progression's public contact details (Decision 14: shown only once filled in). */
export async function getPublicSettings(): Promise<PublicSettings> {
  try {
    return await settings.get()
  } catch (error) {
    // Never fetched yet and the CMS is down: the page still renders, without contact details.
    console.error(`[site] instellingen niet opgehaald: ${(error as Error).message}`)
    return FALLBACK_SETTINGS
  }
}

/** The published regulation; throws only when it was never fetched and the CMS is unreachable. */
export function getPublishedRegulation(): Promise<PublishedRegulation> {
  return regulation.get()
}

/**
 * Whether a page built now shows the current published content, so the server may keep it as
 * bytes until the next publication (site/server.ts). A page built from a fallback is never kept.
 */
export async function publishedContentIsCurrent(uses: { regulation: boolean }): Promise<boolean> {
  // The layout shows the settings (contact details) on every page.
  await getPublicSettings()
  return settings.isCurrent() && (!uses.regulation || regulation.isCurrent())
}

/** Marks the response as a page of published content that the server may keep until the next publication. */
export const PAGE_CACHE_HEADER = 'x-portal-page-cache'
