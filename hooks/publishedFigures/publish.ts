import type { Payload, PayloadRequest, TextareaFieldValidation } from 'payload'

import { hasUnstorableCharacter, UNSTORABLE_CHARACTER } from '../complaints/schema'
import { civilDateIn } from '../dates/amsterdam'
import type { Art9Report } from '../reports/computeReport'
import { type PublishedFiguresData, suppressForPublication } from '../reports/suppress'

/**
 * Publishing "Klachten in cijfers <jaar>" (Art. 9, Decision 18): a manager picks a frozen report
 * over one whole calendar year and writes what changed because of complaints; the suppressed copy
 * of its numbers (hooks/reports/suppress.ts) becomes the year's public document. Publishing the
 * same year again replaces that copy: the site shows one set of figures per year, the latest.
 * The caller (cms/endpoints/publishFigures.ts) has checked that the user is a manager.
 */
export const CHANGES_MAX = 4000

export const MESSAGES = {
  reportMissing: 'Kies de rapportage over het jaar dat u wilt publiceren.',
  reportUnknown: 'Deze rapportage bestaat niet (meer). Kies een vastgelegde rapportage.',
  notOneYear:
    'Deze rapportage gaat niet over één heel kalenderjaar (1 januari tot en met 31 december). Kies een jaarrapportage.',
  yearNotOver:
    'Deze rapportage is vastgelegd voordat het jaar voorbij was. Leg eerst een rapportage over het hele jaar vast, na 31 december.',
  changesMissing: 'Schrijf kort wat Working Progression door klachten heeft veranderd.',
  changesTooLong: `Deze tekst is te lang. Gebruik hoogstens ${CHANGES_MAX} tekens.`,
} as const

/** The text as the field stores it; also the collection's own check, so no other path skips it. */
export function changesError(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return MESSAGES.changesMissing
  if (hasUnstorableCharacter(value, true)) return UNSTORABLE_CHARACTER.text
  if (value.length > CHANGES_MAX) return MESSAGES.changesTooLong
  return null
}

export const validateChangesText: TextareaFieldValidation = (value) => changesError(value) ?? true

export type PublishResult =
  | { ok: true; replaced: boolean; doc: { id: string; year: number; figures: PublishedFiguresData } }
  | { ok: false; errors: Partial<Record<'report' | 'text', string>> }

type ReportDoc = { id: string; periodFrom: string; periodTo: string; asOf: string; numbers: unknown }

/** The calendar year a report covers, or null when it covers anything else. */
export function calendarYearOf(report: Pick<ReportDoc, 'periodFrom' | 'periodTo'>): number | null {
  const match = /^(\d{4})-01-01$/.exec(report.periodFrom)
  if (!match) return null
  return report.periodTo === `${match[1]}-12-31` ? Number(match[1]) : null
}

export async function publishFiguresFor(
  payload: Payload,
  input: { report: unknown; text: unknown },
  manager: { id: string },
  req: PayloadRequest,
  now: Date = new Date(),
): Promise<PublishResult> {
  const errors: Partial<Record<'report' | 'text', string>> = {}
  const textError = changesError(input.text)
  if (textError) errors.text = textError

  let report: ReportDoc | null = null
  if (typeof input.report !== 'string' || input.report.trim() === '') errors.report = MESSAGES.reportMissing
  else {
    // Trusted read: the caller is a manager, who may read reports anyway.
    report = await payload.findByID({
      collection: 'reports',
      id: input.report,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!report) errors.report = MESSAGES.reportUnknown
  }
  const year = report ? calendarYearOf(report) : null
  if (report && year === null) errors.report = MESSAGES.notOneYear
  // Decision 18: numbers as of a moment; published figures are of a year that had ended.
  else if (report && civilDateIn(report.asOf) <= report.periodTo) errors.report = MESSAGES.yearNotOver
  if (!report || year === null || Object.keys(errors).length > 0) return { ok: false, errors }

  const figures = suppressForPublication(report.numbers as Art9Report)
  const data = {
    year,
    figures,
    changes: (input.text as string).trim(),
    publishedAt: now.toISOString(),
    publishedBy: manager.id,
    report: report.id,
  }
  // Trusted writes: nobody writes this collection through the API; this step is the only way in.
  const existing = await payload.find({
    collection: 'published-figures',
    where: { year: { equals: year } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const current = existing.docs[0]
  const doc = current
    ? await payload.update({
        collection: 'published-figures',
        id: current.id,
        data,
        depth: 0,
        overrideAccess: true,
        req,
      })
    : await payload.create({ collection: 'published-figures', data, depth: 0, overrideAccess: true, req })
  return { ok: true, replaced: Boolean(current), doc: { id: doc.id, year: doc.year, figures } }
}
