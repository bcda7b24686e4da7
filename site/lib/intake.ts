/**
 * Stores a complaint from the public form through the CMS's intake endpoint. The site writes as a
 * create-only service account that cannot read complaints back: everything the confirmation page
 * shows comes from this answer. The CMS answers a repeated form token with the original result,
 * so sending the same form twice never makes two complaints.
 */
import { z } from 'zod'

import type { ComplaintInput } from '../../hooks/complaints/schema'
import { siteEnv } from './env'

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
