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
  /** One of the complainant's actions on their case; `body` is JSON, or the multipart form of an addition. */
  act(session: string, action: CaseAction, body: Record<string, unknown> | FormData): Promise<CaseActionOutcome>
  /** A file of the case (a letter, the dossier, the hearing's calendar file), passed on as the CMS answers it. */
  download(session: string, path: string): Promise<Response | 'signedOut' | 'notFound' | 'unavailable'>
}

/** What the complainant can do on /mijn-klacht/zaak (hooks/complainant/actions.ts), by the CMS's path. */
export const CASE_ACTIONS = ['information', 'written-version', 'hearing', 'travel-costs', 'withdraw', 'survey'] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export type CaseActionOutcome =
  | { kind: 'done'; action: CaseAction }
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'signedOut' }
  | { kind: 'unavailable' }

const actionAnswerSchema = z.object({ ok: z.literal(false), errors: z.record(z.string(), z.string()) })

/** The CMS's view model (hooks/complainant/caseView.ts), checked on arrival: the page shows only what is here. */
const viewSchema = z.object({
  reference: z.string(),
  receivedOn: z.string(),
  status: z.object({
    code: z.string(),
    label: z.string(),
    explanation: z.string(),
    next: z.string().nullable(),
    nextBy: z.string().nullable(),
  }),
  handler: z.object({ name: z.string() }).nullable(),
  hearing: z.object({ at: z.string(), atLabel: z.string(), place: z.string() }).nullable(),
  letters: z.array(z.object({ id: z.string(), label: z.string(), date: z.string() })),
  writtenVersion: z.string().nullable(),
  timeline: z.array(z.object({ when: z.string(), at: z.string(), what: z.string() })),
  canDo: z.object({
    addInformation: z.boolean(),
    correctWrittenVersion: z.boolean(),
    requestHearing: z.boolean(),
    requestTravelCosts: z.boolean(),
    withdraw: z.boolean(),
    survey: z.boolean(),
  }),
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
  const call = (path: string, init: { method: string; body?: unknown; session?: string; timeoutMs?: number }) =>
    doFetch(`${apiUrl()}/complainant${path}`, {
      method: init.method,
      headers: {
        authorization: authorization(),
        // A FormData body sets its own multipart content type.
        ...(init.body === undefined || init.body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        ...(init.session === undefined ? {} : { [SESSION_HEADER]: init.session }),
      },
      body: init.body === undefined ? undefined : init.body instanceof FormData ? init.body : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? options.timeoutMs ?? 10_000),
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
    async act(session, action, body) {
      try {
        // An addition may carry 50 MB of files: it gets the time an upload takes.
        const response = await call(`/case/${action}`, {
          method: 'POST',
          body,
          session,
          timeoutMs: body instanceof FormData ? 120_000 : undefined,
        })
        if (response.status === 401) return { kind: 'signedOut' }
        if (response.status === 200) return { kind: 'done', action }
        if (response.status === 400) {
          const refused = actionAnswerSchema.safeParse(await response.json().catch(() => undefined))
          if (refused.success) return { kind: 'invalid', errors: refused.data.errors }
        }
        console.error(`[site] complainant page: ${action} answered HTTP ${response.status}`)
      } catch (error) {
        failed(action, error)
      }
      return { kind: 'unavailable' }
    },
    async download(session, path) {
      try {
        const response = await call(path, { method: 'GET', session, timeoutMs: 60_000 })
        if (response.status === 401) return 'signedOut'
        if (response.status === 404) return 'notFound'
        if (response.ok) return response
        console.error(`[site] complainant page: ${path} answered HTTP ${response.status}`)
      } catch (error) {
        failed(`downloading ${path}`, error)
      }
      return 'unavailable'
    },
  }
}

// ——— Acting on the case ———

const formText = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** Survey answers as the radio buttons post them: "1" to "5", anything else is no answer (NaN, refused at the CMS). */
const formScore = (form: FormData, name: string): number => {
  const value = formText(form, name)
  return /^[1-5]$/.test(value) ? Number(value) : Number.NaN
}

/**
 * The site's field names on /mijn-klacht/zaak, each page-unique (two textareas share the page), and
 * how each CMS error key maps back onto them, so a refusal is shown at the field it is about.
 */
export const CASE_FIELDS = {
  information: { text: 'information', files: 'attachments', form: 'information' },
  'written-version': { text: 'writtenVersion', form: 'writtenVersion' },
  hearing: { form: 'hearing' },
  'travel-costs': { form: 'travelCosts' },
  withdraw: { form: 'withdraw' },
  survey: { careful: 'careful', quick: 'quick', clear: 'clear', text: 'surveyText', form: 'survey' },
} as const satisfies Record<CaseAction, Record<string, string>>

/**
 * Runs the action the form names (`action`) for the session's case. The body sent to the CMS holds
 * only what that action takes; the CMS checks everything again.
 */
export async function caseActionForm(
  form: FormData,
  context: { session: string | undefined; cms: ComplainantCms },
): Promise<CaseActionOutcome> {
  if (!context.session) return { kind: 'signedOut' }
  const action = CASE_ACTIONS.find((a) => a === formText(form, 'action'))
  if (!action) return { kind: 'invalid', errors: { form: 'Dit formulier kennen wij niet. Probeer het opnieuw.' } }
  let body: Record<string, unknown> | FormData = {}
  if (action === 'information') {
    body = new FormData()
    body.append('text', formText(form, CASE_FIELDS.information.text))
    for (const file of form.getAll(CASE_FIELDS.information.files))
      if (file instanceof File && file.size > 0) body.append('files', file, file.name)
  } else if (action === 'written-version') body = { text: formText(form, CASE_FIELDS['written-version'].text) }
  else if (action === 'survey')
    body = {
      careful: formScore(form, 'careful'),
      quick: formScore(form, 'quick'),
      clear: formScore(form, 'clear'),
      text: formText(form, CASE_FIELDS.survey.text),
    }
  const outcome = await context.cms.act(context.session, action, body)
  if (outcome.kind !== 'invalid') return outcome
  const names: Record<string, string> = CASE_FIELDS[action]
  const errors: Record<string, string> = {}
  for (const [key, message] of Object.entries(outcome.errors)) errors[names[key] ?? names.form ?? key] ??= message
  return { kind: 'invalid', errors }
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
