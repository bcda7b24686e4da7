/**
 * The one place the public site reaches Payload: its REST API, over HTTP (see README,
 * "Why the site talks REST"). Nothing else in site/ fetches from the CMS. Published content
 * is cached (./cache) until the CMS signals a publication.
 */
import { z } from 'zod'

import type { Regulation, Setting } from '../../cms/payload-types'
import type { ComplaintInput } from '../../hooks/complaints/schema'
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

// ——— Complaint intake ———
/*
 * Stores a complaint from the public form through the CMS's intake endpoint. The site writes as a
 * create-only service account that cannot read complaints back: everything the confirmation page
 * shows comes from this answer. The CMS answers a repeated form token with the original result,
 * so sending the same form twice never makes two complaints.
 */

export type IntakeRequest = {
  input: ComplaintInput
  consent: true
  formToken: string
  files: File[]
}

export type StoredComplaint = {
  reference: string
  receivedAt: string
  deadlines: { acknowledgeBy: string; nonAdmissionNoticeBy: string; decisionTargetBy: string; decisionLimitBy: string }
  emailed: boolean
}

export type IntakeResult =
  /** `repeated`: this form token was stored before; nothing new was created. */
  | ({ kind: 'stored'; repeated: boolean } & StoredComplaint)
  /** Field → Dutch message (the CMS's own check, e.g. an attachment that is no PDF, JPEG, PNG or DOCX). */
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'failed' }

const instant = z.iso.datetime({ offset: true })
const storedSchema = z.object({
  reference: z.string().regex(/^WP-\d{4}-\d+$/),
  receivedAt: instant,
  deadlines: z.object({ acknowledgeBy: instant, nonAdmissionNoticeBy: instant, decisionTargetBy: instant, decisionLimitBy: instant }),
  emailed: z.boolean(),
})
const invalidSchema = z.object({ errors: z.record(z.string(), z.string()) })

/** The CMS refused the body as too large (413): named at the attachments, where the person can act. */
export const ATTACHMENTS_TOO_LARGE_AT_CMS = 'De bijlagen zijn samen te groot. Kies kleinere of minder bestanden.'

/** Uploading 50 MB to the CMS on the same machine takes seconds; a hanging CMS must not hang the person. */
const TIMEOUT_MS = 60_000

export async function submitComplaint(
  { input, consent, formToken, files }: IntakeRequest,
  options: { fetch?: typeof fetch; apiUrl?: string; apiKey?: string } = {},
): Promise<IntakeResult> {
  const apiUrl = options.apiUrl ?? siteEnv().CMS_API_URL
  const apiKey = options.apiKey ?? siteEnv().SITE_API_KEY
  const body = new FormData()
  body.append('data', JSON.stringify({ ...input, consent, formToken }))
  for (const file of files) body.append('files', file, file.name)

  let response: Response
  try {
    response = await (options.fetch ?? fetch)(`${apiUrl}/complaints/intake`, {
      method: 'POST',
      headers: { authorization: `service-accounts API-Key ${apiKey}` },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    console.error(`[site] klacht niet opgeslagen: CMS niet bereikbaar (${(error as Error).message})`)
    return { kind: 'failed' }
  }

  const json: unknown = await response.json().catch(() => undefined)
  if (response.status === 200 || response.status === 201) {
    const stored = storedSchema.safeParse(json)
    if (stored.success) return { kind: 'stored', repeated: response.status === 200, ...stored.data }
    // Stored, but the answer is not what we agreed: the person cannot be shown a proof. The same
    // form sent again returns the original (idempotent), so asking them to try again is safe.
    console.error(`[site] klacht opgeslagen, maar het antwoord van het CMS is onleesbaar: ${stored.error.message}`)
    return { kind: 'failed' }
  }
  if (response.status === 400) {
    const invalid = invalidSchema.safeParse(json)
    if (invalid.success && Object.keys(invalid.data.errors).length > 0) return { kind: 'invalid', errors: invalid.data.errors }
  }
  if (response.status === 413) return { kind: 'invalid', errors: { attachments: ATTACHMENTS_TOO_LARGE_AT_CMS } }
  console.error(`[site] klacht niet opgeslagen: CMS antwoordde HTTP ${response.status}`)
  return { kind: 'failed' }
}
