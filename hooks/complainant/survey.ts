import type { Payload } from 'payload'
import { z } from 'zod'

import { isEnding } from '../complaints/workflow/transitions'
import { once } from '../effects/once'
import { action, type ActionResult, loadCase, refused } from './actions'
import { quarterOf } from './quarter'

const scoreOf = (label: string) =>
  z
    .number({ message: `Kies een cijfer van 1 tot en met 5 bij "${label}".` })
    .int()
    .min(1)
    .max(5)
const surveySchema = z.object({
  careful: scoreOf('Zorgvuldig'),
  quick: scoreOf('Snel'),
  clear: scoreOf('Duidelijk'),
  text: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().max(2_000, 'Gebruik hoogstens 2.000 tekens.'))
    .optional(),
})

/**
 * ISO 10002: after the case ended, the complainant answers three questions (1 to 5) and may add a
 * remark. The scores go without any link to the case to `survey-responses`; the remark stays on the
 * case for the managers. One answer per case, by a unique key the database enforces.
 */
export async function submitSurvey(
  payload: Payload,
  caseId: string,
  input: { careful: number; quick: number; clear: number; text?: string },
): Promise<ActionResult> {
  const c = await loadCase(payload, caseId)
  if (c.status !== 'closed' && !isEnding(c.status))
    return refused('form', 'U kunt deze vragen beantwoorden als uw klacht is afgehandeld.')
  const parsed = surveySchema.safeParse(input)
  if (!parsed.success) {
    const errors: Record<string, string> = {}
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
    return { ok: false, errors }
  }
  const already = 'U hebt deze vragen al beantwoord. Bedankt!'
  if (c.survey?.submittedAt) return refused('form', already)
  const { created } = await once(payload, {
    collection: 'survey-receipts',
    field: 'key',
    key: `survey:${c.id}`,
    make: () => ({ data: {} as { key: string } }),
  })
  if (!created) return refused('form', already)
  const { careful, quick, clear, text } = parsed.data
  // Trusted: nobody writes survey rows through the API. Nothing in the row names the case.
  await payload.create({
    collection: 'survey-responses',
    overrideAccess: true,
    depth: 0,
    data: {
      careful,
      quick,
      clear,
      receivedQuarter: quarterOf(c.receivedAt),
      endedQuarter: quarterOf(c.endedAt ?? new Date()),
    },
  })
  const now = new Date().toISOString()
  // Decision 16: after `closed` the survey is one of the few things that still writes to the case.
  await payload.update({
    collection: 'complaints',
    id: c.id,
    data: { survey: { submittedAt: now, text: text || null } },
    depth: 0,
    overrideAccess: true,
    context: { systemOperation: 'recordSurvey' },
  })
  await action(payload, c, { action: 'survey_submitted' })
  return { ok: true }
}
