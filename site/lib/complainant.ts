/**
 * The complainant's own page (Decision 20), as the site reaches it: the CMS's `/api/complainant/*`
 * endpoints with the site's service key (scope `complainant`), and the operations the Astro
 * Actions are thin adapters over. Tests call these operations with a real CMS behind `cms`.
 */
import { randomUUID } from 'node:crypto'

import { z } from 'zod'

import { checkLinkRequest } from '../../hooks/complainant/linkRequest'
import { type LinkLimiter, linkLimitKeys } from './complainantLimit'
import { siteEnv } from './env'

/** The cookie that carries the session's value (only its HMAC is stored at the CMS). */
export const SESSION_COOKIE = 'mijn-klacht'
export const SESSION_HEADER = 'x-complainant-session'

/** What the site asks of the CMS; a test hands in one over a real Payload's REST handler. */
export type ComplainantCms = {
  requestLink(request: { reference: string; email: string }): Promise<'accepted' | 'unavailable'>
  openSession(
    token: string,
  ): Promise<
    | { kind: 'opened'; session: string; expiresAt: string }
    | { kind: 'refused'; reason: string }
    | { kind: 'unavailable' }
  >
  endSession(session: string): Promise<void>
  caseView(session: string): Promise<{ kind: 'ok'; view: CaseView } | { kind: 'signedOut' } | { kind: 'unavailable' }>
}

const viewSchema = z.object({
  reference: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  handlerName: z.string().nullable(),
})
export type CaseView = z.infer<typeof viewSchema>

const openedSchema = z.object({ session: z.string().min(20), expiresAt: z.string() })
const refusedSchema = z.object({ reason: z.enum(['used', 'expired', 'unknown']) })

export function complainantCms(
  options: { fetch?: typeof fetch; apiUrl?: string; apiKey?: string; timeoutMs?: number } = {},
): ComplainantCms {
  const doFetch = options.fetch ?? fetch
  const apiUrl = () => options.apiUrl ?? siteEnv().CMS_API_URL
  const authorization = () => `service-accounts API-Key ${options.apiKey ?? siteEnv().SITE_API_KEY}`
  const call = (path: string, init: { method: string; body?: unknown; session?: string }) =>
    doFetch(`${apiUrl()}/complainant${path}`, {
      method: init.method,
      headers: {
        authorization: authorization(),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.session === undefined ? {} : { [SESSION_HEADER]: init.session }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    })
  const failed = (what: string, error: unknown) =>
    console.error(`[site] complainant page: ${what} failed: ${(error as Error).message}`)

  return {
    async requestLink(request) {
      try {
        const response = await call('/link', { method: 'POST', body: request })
        if (response.status === 202) return 'accepted'
        console.error(`[site] complainant page: link request answered HTTP ${response.status}`)
      } catch (error) {
        failed('link request', error)
      }
      return 'unavailable'
    },
    async openSession(token) {
      try {
        const response = await call('/session', { method: 'POST', body: { token } })
        const json: unknown = await response.json().catch(() => undefined)
        if (response.status === 201) {
          const opened = openedSchema.safeParse(json)
          if (opened.success) return { kind: 'opened', ...opened.data }
        }
        if (response.status === 410) {
          const refused = refusedSchema.safeParse(json)
          if (refused.success) return { kind: 'refused', reason: refused.data.reason }
        }
        console.error(`[site] complainant page: opening a session answered HTTP ${response.status}`)
      } catch (error) {
        failed('opening a session', error)
      }
      return { kind: 'unavailable' }
    },
    async endSession(session) {
      try {
        await call('/session/end', { method: 'POST', body: { session } })
      } catch (error) {
        failed('signing out', error)
      }
    },
    async caseView(session) {
      try {
        const response = await call('/case', { method: 'GET', session })
        if (response.status === 401) return { kind: 'signedOut' }
        const view = viewSchema.safeParse(await response.json().catch(() => undefined))
        if (response.status === 200 && view.success) return { kind: 'ok', view: view.data }
        console.error(`[site] complainant page: the case answered HTTP ${response.status}`)
      } catch (error) {
        failed('reading the case', error)
      }
      return { kind: 'unavailable' }
    },
  }
}

// ——— Asking for a link ———

export type LinkRequestOutcome =
  /** Well-formed: the same outcome whether or not the reference and the address belong together. */
  | { kind: 'requested' }
  | { kind: 'invalid'; errors: Partial<Record<'reference' | 'email', string>> }
  | { kind: 'rateLimited'; retryAt: string }
  /** The CMS could not be reached: nothing about the reference is known or said. */
  | { kind: 'unavailable' }

export async function requestLinkForm(
  form: FormData,
  context: { clientAddress: string; limiter: LinkLimiter; cms: ComplainantCms },
): Promise<LinkRequestOutcome> {
  const check = checkLinkRequest(form.get('reference'), form.get('email'))
  if (!check.ok) return { kind: 'invalid', errors: check.errors }
  // Every well-formed request takes its place, existing case or not, and keeps it.
  const place = await context.limiter.reserve(
    linkLimitKeys(context.clientAddress, check.reference, check.email),
    randomUUID(),
  )
  if (!place.ok) return { kind: 'rateLimited', retryAt: place.retryAt.toISOString() }
  const answer = await context.cms.requestLink({ reference: check.reference, email: check.email })
  return answer === 'accepted' ? { kind: 'requested' } : { kind: 'unavailable' }
}

// ——— Pressing the button ———

export type OpenLinkOutcome =
  | { kind: 'opened'; session: string; expiresAt: string }
  | { kind: 'refused'; reason: 'used' | 'expired' | 'unknown' }
  | { kind: 'unavailable' }

export async function openLinkForm(form: FormData, cms: ComplainantCms): Promise<OpenLinkOutcome> {
  const token = form.get('t')
  if (typeof token !== 'string' || token.length < 20 || token.length > 200)
    return { kind: 'refused', reason: 'unknown' }
  const result = await cms.openSession(token)
  if (result.kind === 'refused')
    return {
      kind: 'refused',
      reason: result.reason === 'used' || result.reason === 'expired' ? result.reason : 'unknown',
    }
  return result
}

/** The cookie's options (Decision 20): HttpOnly, Secure over https, SameSite=Lax, never longer than the session. */
export function sessionCookieOptions(secure: boolean, expiresAt: string, now: Date) {
  return {
    path: '/mijn-klacht',
    httpOnly: true,
    secure,
    sameSite: 'lax' as const,
    maxAge: Math.max(0, Math.floor((new Date(expiresAt).getTime() - now.getTime()) / 1000)),
  }
}

/** Decision 20: the answer to every well-formed request for a link, word for word. */
export const LINK_REQUESTED =
  'Horen het kenmerk en het e-mailadres bij elkaar? Dan krijgt u binnen enkele minuten een e-mail met een link.'
