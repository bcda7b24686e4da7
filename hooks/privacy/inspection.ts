import type { Payload, PayloadRequest } from 'payload'

import { civilDateIn } from '../dates/amsterdam'
import { refuse, type Refusal } from '../complaints/workflow/plan/refusal'
import { inspectionDueAt } from './inspectionDue'

/** One request for inspection (AVG art. 15) as stored on the case (collections/Complaints/fields/inspectionRequests.ts). */
export type InspectionRequest = {
  id?: string | null
  receivedAt?: string | null
  dueAt?: string | null
  providedAt?: string | null
}

export type InspectionPlan = {
  rows: InspectionRequest[]
  /** The earliest due date of the requests not yet answered, or null. */
  openDueAt: string | null
  /** The due dates of the requests this save records: one timeline entry each. */
  requested: string[]
  errors: Refusal[]
}

const instant = (value: string | null | undefined): string | null =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null

/** The earliest due date among the requests without an answer. */
export function openDueAt(rows: readonly InspectionRequest[]): string | null {
  const due = rows.filter((row) => !row.providedAt && row.dueAt).map((row) => instant(row.dueAt) ?? '')
  return due.filter(Boolean).sort()[0] ?? null
}

/**
 * What a save makes of the case's requests for inspection: staff enter the date of receipt; the due
 * date is computed (one calendar month, inspectionDue.ts) and when the dossier was provided is kept
 * as stored, whatever the request says. A request stays in the dossier, and its date of receipt no
 * longer changes once it was answered (the term it was answered within counts from it). Pure.
 */
export function planInspectionRequests(
  before: readonly InspectionRequest[] | null | undefined,
  incoming: readonly InspectionRequest[] | null | undefined,
): InspectionPlan {
  const stored = before ?? []
  const next = incoming ?? []
  const errors: Refusal[] = []
  const byId = new Map(stored.filter((row) => row.id).map((row) => [row.id, row]))
  const kept = new Set(next.map((row) => row.id).filter(Boolean))
  if (stored.some((row) => row.id && !kept.has(row.id)))
    errors.push(
      refuse(
        'inspectionRequests',
        'Een verzoek om inzage blijft in het dossier: u kunt het niet verwijderen (AVG art. 15).',
      ),
    )
  const requested: string[] = []
  const rows = next.map((row, index) => {
    const previous = row.id ? byId.get(row.id) : undefined
    const receivedAt = instant(row.receivedAt)
    if (previous?.providedAt && receivedAt !== instant(previous.receivedAt))
      errors.push(
        refuse(
          `inspectionRequests.${index}.receivedAt`,
          'Dit verzoek is al beantwoord: de datum van ontvangst verandert niet meer.',
        ),
      )
    const dueAt = receivedAt ? inspectionDueAt(receivedAt) : null
    if (!previous && dueAt) requested.push(dueAt)
    return { ...row, receivedAt: row.receivedAt ?? null, dueAt, providedAt: previous?.providedAt ?? null }
  })
  return { rows, openDueAt: openDueAt(rows), requested, errors }
}

/**
 * Records that the dossier was provided at `at` (the dossier export calls it): every request
 * received by then and not yet answered is answered now. A named system operation, the one write
 * besides a person's that changes the requests (Decision 16: allowed on a closed case too).
 * Returns how many requests it answered; none (and no write) when none was open.
 */
export async function markInspectionProvided(
  payload: Payload,
  caseId: string,
  at: Date,
  req?: Partial<PayloadRequest>,
): Promise<number> {
  // Trusted read: the dossier step has already checked who asks for the dossier.
  const doc = await payload.findByID({
    collection: 'complaints',
    id: caseId,
    depth: 0,
    joins: false,
    overrideAccess: true,
    select: { inspectionRequests: true },
    req,
  })
  const moment = at.toISOString()
  let answered = 0
  const rows = (doc.inspectionRequests ?? []).map((row) => {
    if (row.providedAt || civilDateIn(row.receivedAt) > civilDateIn(at)) return row
    answered += 1
    return { ...row, providedAt: moment }
  })
  if (answered === 0) return 0
  await payload.update({
    collection: 'complaints',
    id: caseId,
    data: { inspectionRequests: rows, inspectionDueAt: openDueAt(rows) },
    // Trusted system write: no person edits these fields; the workflow lets only these through.
    overrideAccess: true,
    context: { systemOperation: 'recordInspectionProvided' },
    depth: 0,
    req,
  })
  return answered
}
