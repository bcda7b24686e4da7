/**
 * The one place the public site reaches Payload: its REST API, over HTTP (see README,
 * "Why the site talks REST"). Nothing else in site/ fetches from the CMS. Published content
 * is cached (./cache) until the CMS signals a publication.
 */
import { z } from 'zod'

import type { Regulation, Setting } from '../../cms/payload-types'
import type { ComplaintInput } from '../../hooks/complaints/schema'
import type { PublishedFiguresData } from '../../hooks/reports/suppress'
import { cached } from './cache'
import { siteEnv } from './env'

/** What anyone may read of the settings: the contact details (Decision 14) and the retention term (Decision 19). */
export type PublicSettings = Pick<Setting, 'organisationName' | 'address' | 'phone' | 'contactEmail'> &
  Partial<Pick<Setting, 'retentionYears'>>
export type PublishedRegulation = Regulation

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${siteEnv().CMS_API_URL}${path}`, { signal: AbortSignal.timeout(5000) })
  if (!response.ok) throw new Error(`CMS ${path}: HTTP ${response.status}`)
  return (await response.json()) as T
}

const FALLBACK_SETTINGS: PublicSettings = { organisationName: 'Working Progression' }

const settings = cached('settings', () => getJson<PublicSettings>('/globals/settings?depth=0'))
const regulation = cached('regulation', () => getJson<PublishedRegulation>('/globals/regulation?depth=0&draft=false'))

/** A year of "Klachten in cijfers" as anyone may read it: the suppressed copy only (Decision 18). */
export type PublishedYear = {
  year: number
  figures: PublishedFiguresData
  changes: string
  publishedAt: string
}
// Every published year, newest first: a handful of small documents, one request per publication.
const figures = cached('published-figures', async () => {
  const list = await getJson<{ docs: PublishedYear[] }>('/published-figures?depth=0&sort=-year&limit=100')
  return list.docs.map(({ year, figures: data, changes, publishedAt }) => ({
    year,
    figures: data,
    changes,
    publishedAt,
  }))
})

/** Working Progression's public contact details (Decision 14: shown only once filled in). */
export async function getPublicSettings(): Promise<PublicSettings> {
  try {
    return await settings.get()
  } catch (error) {
    // Never fetched yet and the CMS is down: the page still renders, without contact details.
    console.error(`[site] settings not fetched: ${(error as Error).message}`)
    return FALLBACK_SETTINGS
  }
}

/** The published regulation; throws only when it was never fetched and the CMS is unreachable. */
export function getPublishedRegulation(): Promise<PublishedRegulation> {
  return regulation.get()
}

/** The published years of "Klachten in cijfers", newest first; throws only when never fetched and the CMS is unreachable. */
export function getPublishedFigures(): Promise<PublishedYear[]> {
  return figures.get()
}

/**
 * Whether a page built now shows the current published content, so the server may keep it as
 * bytes until the next publication (site/server.ts). A page built from a fallback is never kept.
 */
export async function publishedContentIsCurrent(uses: { regulation: boolean; figures?: boolean }): Promise<boolean> {
  // The layout shows the settings (contact details) on every page.
  await getPublicSettings()
  return settings.isCurrent() && (!uses.regulation || regulation.isCurrent()) && (!uses.figures || figures.isCurrent())
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
  /** Art. 3: the complainant asked for help writing the complaint down; staff will call back. */
  callbackRequested: boolean
}

export type IntakeResult =
  /**
   * `repeated`: this form token was stored before; nothing new was created. `changed`: and the
   * content sent now differs from what was stored: the edit was not stored (the person is told).
   */
  | ({ kind: 'stored'; repeated: boolean; changed: boolean } & StoredComplaint)
  /** Field → Dutch message (the CMS's own check, e.g. an attachment that is no PDF, JPEG, PNG or DOCX). */
  | { kind: 'invalid'; errors: Record<string, string> }
  /**
   * Certainly not stored. `unreachable`: no connection to the CMS at all (refused: it is down).
   * `refused`: the CMS answered that it did not store it (a 4xx, or its own 503 after undoing).
   */
  | { kind: 'notStored'; reason: 'unreachable' | 'refused' }
  /** No answer in time, or an answer we cannot read, and the CMS could not confirm it by the token: maybe stored, maybe not. */
  | { kind: 'uncertain' }

const instant = z.iso.datetime({ offset: true })
const storedSchema = z.object({
  reference: z.string().regex(/^WP-\d{4}-\d+$/),
  receivedAt: instant,
  deadlines: z.object({
    acknowledgeBy: instant,
    nonAdmissionNoticeBy: instant,
    decisionTargetBy: instant,
    decisionLimitBy: instant,
  }),
  emailed: z.boolean(),
  callbackRequested: z.boolean().default(false),
})
const repeatSchema = z.object({ resubmission: z.enum(['same', 'changed']).optional() })
const invalidSchema = z.object({ errors: z.record(z.string(), z.string()) })
const notStoredSchema = z.object({ stored: z.literal(false) })
const statusSchema = z.discriminatedUnion('stored', [
  storedSchema.extend({ stored: z.literal(true) }),
  z.object({ stored: z.literal(false) }),
])

/** The CMS refused the body as too large (413): named at the attachments, where the person can act. */
export const ATTACHMENTS_TOO_LARGE_AT_CMS = 'De bijlagen zijn samen te groot. Kies kleinere of minder bestanden.'

/** Uploading 50 MB to the CMS on the same machine takes seconds; a hanging CMS must not hang the person. */
const TIMEOUT_MS = 60_000
/** The check by form token after a timeout is one indexed read: it answers at once, or the CMS is stuck. */
const LOOKUP_TIMEOUT_MS = 10_000

/** Connection errors that mean the request never reached the CMS, so nothing can have been stored. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/** True when fetch failed before a connection was made (undici puts the socket error in `cause`; several for happy eyeballs). */
export function neverConnected(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: unknown[] } } | null)?.cause
  const codes = [cause, ...(cause?.errors ?? [])]
    .map((e) => (e as { code?: unknown } | null | undefined)?.code)
    .filter((c) => c !== undefined)
  return codes.length > 0 && codes.every((code) => typeof code === 'string' && NOT_CONNECTED.has(code))
}

type IntakeOptions = {
  fetch?: typeof fetch
  apiUrl?: string
  apiKey?: string
  timeoutMs?: number
  lookupTimeoutMs?: number
}

export async function submitComplaint(
  { input, consent, formToken, files }: IntakeRequest,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  const apiUrl = options.apiUrl ?? siteEnv().CMS_API_URL
  const apiKey = options.apiKey ?? siteEnv().SITE_API_KEY
  const doFetch = options.fetch ?? fetch
  const authorization = `service-accounts API-Key ${apiKey}`
  const body = new FormData()
  body.append('data', JSON.stringify({ ...input, consent, formToken }))
  for (const file of files) body.append('files', file, file.name)

  /** After an answer we cannot use: ask the CMS whether this form token was stored. */
  const checkByToken = async (why: string): Promise<IntakeResult> => {
    const found = await lookupByFormToken(formToken, {
      fetch: doFetch,
      apiUrl,
      authorization,
      timeoutMs: options.lookupTimeoutMs ?? LOOKUP_TIMEOUT_MS,
    })
    if (found) return { kind: 'stored', repeated: false, changed: false, ...found }
    // Not found (yet): the first request may still be running in the CMS and store it later.
    console.error(`[site] complaint perhaps not stored (${why}); not found when checked by form token`)
    return { kind: 'uncertain' }
  }

  let response: Response
  try {
    response = await doFetch(`${apiUrl}/complaints/intake`, {
      method: 'POST',
      headers: { authorization },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
    })
  } catch (error) {
    if (neverConnected(error)) {
      console.error(`[site] complaint not stored: CMS unreachable (${describe(error)})`)
      return { kind: 'notStored', reason: 'unreachable' }
    }
    // A timeout, or a connection lost after the form went out: the CMS may have stored it.
    return checkByToken(describe(error))
  }

  const json: unknown = await response.json().catch(() => undefined)
  if (response.status === 200 || response.status === 201) {
    const stored = storedSchema.safeParse(json)
    const repeat = repeatSchema.safeParse(json)
    if (stored.success)
      return {
        kind: 'stored',
        repeated: response.status === 200,
        changed: repeat.success && repeat.data.resubmission === 'changed',
        ...stored.data,
      }
    // Stored, but the answer is not what we agreed: the check by token gives the proof.
    console.error(`[site] complaint stored, but the CMS answer is unreadable: ${stored.error.message}`)
    return checkByToken('unreadable answer')
  }
  if (response.status === 400) {
    const invalid = invalidSchema.safeParse(json)
    if (invalid.success && Object.keys(invalid.data.errors).length > 0)
      return { kind: 'invalid', errors: invalid.data.errors }
  }
  if (response.status === 413) return { kind: 'invalid', errors: { attachments: ATTACHMENTS_TOO_LARGE_AT_CMS } }
  if ((response.status >= 400 && response.status < 500) || notStoredSchema.safeParse(json).success) {
    // A 4xx is refused before anything is written; the intake's own 503 says it undid its writes.
    console.error(`[site] complaint not stored: the CMS answered HTTP ${response.status}`)
    return { kind: 'notStored', reason: 'refused' }
  }
  // Another 5xx (e.g. a proxy in between gave up): the CMS behind it may still store it.
  return checkByToken(`HTTP ${response.status}`)
}

/**
 * "Was the complaint with this form token stored?" through the CMS's narrow status endpoint (the
 * same key as the intake, and it reads nothing else). The confirmation, or null when it was not
 * stored or the CMS could not be asked.
 */
export async function lookupByFormToken(
  formToken: string,
  {
    fetch: doFetch,
    apiUrl,
    authorization,
    timeoutMs,
  }: { fetch: typeof fetch; apiUrl: string; authorization: string; timeoutMs: number },
): Promise<StoredComplaint | null> {
  try {
    const response = await doFetch(`${apiUrl}/complaints/intake/status`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ formToken }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const status = statusSchema.safeParse(await response.json().catch(() => undefined))
    if (!response.ok || !status.success) {
      console.error(`[site] check by form token: the CMS answered HTTP ${response.status}`)
      return null
    }
    if (!status.data.stored) return null
    const { stored: _stored, ...confirmation } = status.data
    return confirmation
  } catch (error) {
    console.error(`[site] check by form token failed: ${describe(error)}`)
    return null
  }
}

const describe = (error: unknown) => {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  return `${(error as Error).name}: ${(error as Error).message}${typeof cause?.code === 'string' ? ` (${cause.code})` : ''}`
}
