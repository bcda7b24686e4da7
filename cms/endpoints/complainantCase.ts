import type { Endpoint, PayloadRequest } from 'payload'

import {
  type ActionResult,
  addInformation,
  correctWrittenVersion,
  requestHearing,
  requestTravelCosts,
  withdrawComplaint,
} from '../../hooks/complainant/actions'
import { complainantCaseView } from '../../hooks/complainant/caseView'
import { caseOfSession } from '../../hooks/complainant/sessions'
import { submitSurvey } from '../../hooks/complainant/survey'
import { isComplainantLetter } from '../../hooks/caseEvents/describeForComplainant'
import type { IncomingFile } from '../../hooks/complaints/attachments'
import { hasServiceScope } from '../../hooks/complaints/serviceKey'
import { buildDossier } from '../../hooks/privacy/dossier'
import { readUpload } from '../../hooks/privacy/dossierParts'
import { logAccess } from '../../hooks/privacy/logAccess'
import { relId } from '../../hooks/relations'

/**
 * Decision 20: what the complainant reads and does on their own page, as the site reaches it with
 * its service key (scope `complainant`) and the session's value from its cookie in the
 * `x-complainant-session` header. Every endpoint answers for that session's one case only: no id
 * of a case is ever taken from the request. Thin adapters over hooks/complainant/.
 */
export const COMPLAINANT_SESSION_HEADER = 'x-complainant-session'

// Personal data: no cache (the browser's or a proxy's) keeps a copy.
const NO_STORE = { 'Cache-Control': 'no-store' }
/** Every answer to the site's complainant calls: JSON that no cache keeps (it may hold a session's value). */
export const json = (body: unknown, status: number) => Response.json(body, { status, headers: NO_STORE })
export const forbidden = () => json({ error: 'Geen toegang.' }, 403)
const signedOut = () => json({ error: 'Niet aangemeld of de sessie is verlopen.' }, 401)

/**
 * The case of the request's session, or a refusal: 403 without the complainant scope, 401 without
 * a valid session or when the case is gone or anonymised (Decision 19: nothing left to show).
 */
async function sessionCase(req: PayloadRequest): Promise<{ caseId: string } | { refusal: Response }> {
  if (!(await hasServiceScope(req.payload, req.headers.get('authorization'), 'complainant')))
    return { refusal: forbidden() }
  const caseId = await caseOfSession(req.payload, req.headers.get(COMPLAINANT_SESSION_HEADER) ?? '')
  if (!caseId) return { refusal: signedOut() }
  const found = (await req.payload.db.findOne({
    collection: 'complaints',
    where: { id: { equals: caseId } },
    select: { privacy: { anonymisedAt: true } },
  })) as { privacy?: { anonymisedAt?: string | null } | null } | null
  if (!found || found.privacy?.anonymisedAt) return { refusal: signedOut() }
  return { caseId }
}

/** The request's JSON object, or an empty one: a body that is no object is treated as one without fields. */
export async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = await req.json?.()
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const score = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN)

const answer = (result: ActionResult) =>
  result.ok ? json({ ok: true }, 200) : json({ ok: false, errors: result.errors }, 400)

/** GET /api/complainant/case — the session's one case as `complainantCaseView` gives it. */
const caseEndpoint: Endpoint = {
  path: '/complainant/case',
  method: 'get',
  handler: async (req) => {
    const session = await sessionCase(req)
    if ('refusal' in session) return session.refusal
    const view = await complainantCaseView(req.payload, session.caseId)
    await logAccess(req.payload, { reader: { kind: 'complainant' }, complaint: session.caseId, kind: 'case_read' })
    return json(view, 200)
  },
}

/** A POST that runs one of the complainant's actions on the session's case with the JSON body. */
const actionEndpoint = (
  path: string,
  run: (req: PayloadRequest, caseId: string, body: Record<string, unknown>) => Promise<ActionResult>,
): Endpoint => ({
  path: `/complainant/case/${path}`,
  method: 'post',
  handler: async (req) => {
    const session = await sessionCase(req)
    if ('refusal' in session) return session.refusal
    return answer(await run(req, session.caseId, await jsonBody(req)))
  },
})

/**
 * POST /api/complainant/case/information — multipart: `text` and up to five `files` (Art. 6; the
 * form's rules for attachments, checked in addInformation).
 */
const informationEndpoint: Endpoint = {
  path: '/complainant/case/information',
  method: 'post',
  handler: async (req) => {
    const session = await sessionCase(req)
    if ('refusal' in session) return session.refusal
    let form: FormData
    try {
      if (!req.formData) throw new Error('no body')
      form = await req.formData()
    } catch {
      return json({ ok: false, errors: { form: 'Het formulier kon niet worden gelezen. Probeer het opnieuw.' } }, 400)
    }
    const files: IncomingFile[] = []
    for (const entry of form.getAll('files'))
      if (entry instanceof File && entry.size > 0)
        files.push({ name: entry.name, size: entry.size, bytes: new Uint8Array(await entry.arrayBuffer()) })
    return answer(await addInformation(req.payload, session.caseId, { text: text(form.get('text')), files }))
  },
}

/** GET /api/complainant/case/letters/:id — one letter to the complainant of this case, as its PDF. */
const letterEndpoint: Endpoint = {
  path: '/complainant/case/letters/:id',
  method: 'get',
  handler: async (req) => {
    const session = await sessionCase(req)
    if ('refusal' in session) return session.refusal
    // Trusted read; the letter must be of this case and addressed to the complainant, or it is not there.
    const letter = await req.payload
      .findByID({
        collection: 'letters',
        id: String(req.routeParams?.id ?? ''),
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
      .catch(() => null)
    if (!letter?.filename || relId(letter.complaint) !== session.caseId || !isComplainantLetter(letter.purpose))
      return json({ error: 'Deze brief bestaat niet.' }, 404)
    const bytes = await readUpload(req.payload, 'letters', letter.filename)
    await logAccess(req.payload, {
      reader: { kind: 'complainant' },
      complaint: session.caseId,
      kind: 'letter_downloaded',
    })
    return new Response(new Uint8Array(bytes), {
      headers: {
        ...NO_STORE,
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${letter.filename.replace(/[^\w.-]/g, '_')}"`,
      },
    })
  },
}

/** GET /api/complainant/case/dossier — the dossier for inspection (AVG art. 15), as the complainant's delivery. */
const dossierEndpoint: Endpoint = {
  path: '/complainant/case/dossier',
  method: 'get',
  handler: async (req) => {
    const session = await sessionCase(req)
    if ('refusal' in session) return session.refusal
    const dossier = await buildDossier(req.payload, session.caseId, { reader: { kind: 'complainant' } })
    return new Response(Buffer.from(dossier.zip), {
      headers: {
        ...NO_STORE,
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${dossier.fileName}"`,
      },
    })
  },
}

/** GET /api/complainant/case/hearing.ics — the planned hearing for the complainant's calendar (Art. 6.2). */
const hearingCalendarEndpoint: Endpoint = {
  path: '/complainant/case/hearing.ics',
  method: 'get',
  handler: async (req) => {
    const session = await sessionCase(req)
    if ('refusal' in session) return session.refusal
    const view = await complainantCaseView(req.payload, session.caseId)
    if (!view.hearing) return json({ error: 'Er is geen gesprek gepland.' }, 404)
    return new Response(view.hearing.ics, {
      headers: {
        ...NO_STORE,
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="gesprek-${view.reference}.ics"`,
      },
    })
  },
}

export const complainantCaseEndpoints: Endpoint[] = [
  caseEndpoint,
  informationEndpoint,
  actionEndpoint('written-version', (req, caseId, body) => correctWrittenVersion(req.payload, caseId, text(body.text))),
  actionEndpoint('hearing', (req, caseId) => requestHearing(req.payload, caseId)),
  actionEndpoint('travel-costs', (req, caseId) => requestTravelCosts(req.payload, caseId)),
  actionEndpoint('withdraw', (req, caseId) => withdrawComplaint(req.payload, caseId)),
  actionEndpoint('survey', (req, caseId, body) =>
    submitSurvey(req.payload, caseId, {
      careful: score(body.careful),
      quick: score(body.quick),
      clear: score(body.clear),
      text: text(body.text),
    }),
  ),
  letterEndpoint,
  dossierEndpoint,
  hearingCalendarEndpoint,
]
