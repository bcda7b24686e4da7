import { addYears } from 'date-fns'
import type { Payload, PayloadRequest } from 'payload'
import { readSettings } from '../settings/cachedSettings'

/** One case in the retention schedule (Decision 19): nothing personal, only its reference and dates. */
export type ScheduledCase = {
  id: string
  reference: string
  status: string
  /** When the case was closed; null for a case that ended but was never closed. */
  closedAt: string | null
  /** When the case ended (the ending status change). */
  endedAt: string | null
  /** The moment its personal data is anonymised: `retentionYears` after closing, or after ending if never closed. */
  anonymiseOn: string
}

export type RetentionSchedule = {
  /** Anonymised by the next run: the term has passed, no legal hold. */
  due: ScheduledCase[]
  /** Closed cases whose term has not passed yet, soonest first. */
  upcoming: ScheduledCase[]
  /** Ended but never closed, term not passed yet: counted from the ending (a reminder to close them). */
  endedNotClosed: ScheduledCase[]
  /** On legal hold: never anonymised while the hold stands, whatever the term. */
  onHold: ScheduledCase[]
}

type Row = {
  id: string
  reference?: string | null
  status: string
  endedAt?: string | null
  privacy?: { closedAt?: string | null; legalHold?: boolean | null; anonymisedAt?: string | null } | null
}

/**
 * Decision 19: which cases retention anonymises as of `now`, and which later. A case counts from
 * `privacy.closedAt` (set by the workflow at `closed`), or from `endedAt` when it ended but was never
 * closed; `retentionYears` (settings, default 2) later it is due. Anonymised cases are left out;
 * cases on legal hold are listed apart. Each case is in one list only. Trusted server code: the
 * callers (the job, a manager's view) decide who may see it.
 */
export async function retentionSchedule(
  payload: Payload,
  now: Date,
  req?: Partial<PayloadRequest>,
): Promise<RetentionSchedule> {
  const settings = await readSettings(payload)
  const years = settings.retentionYears ?? 2
  const { docs } = await payload.find({
    collection: 'complaints',
    where: {
      and: [
        { 'privacy.anonymisedAt': { exists: false } },
        { or: [{ status: { equals: 'closed' } }, { endedAt: { exists: true } }] },
      ],
    },
    select: { reference: true, status: true, endedAt: true, privacy: true },
    pagination: false,
    overrideAccess: true,
    depth: 0,
    req,
  })
  const schedule: RetentionSchedule = { due: [], upcoming: [], endedNotClosed: [], onHold: [] }
  for (const row of docs as unknown as Row[]) {
    const closed = row.status === 'closed'
    const closedAt = row.privacy?.closedAt ?? null
    const endedAt = row.endedAt ?? null
    // A case closed before `closedAt` existed and not backfilled counts from its ending.
    const from = (closed ? closedAt : null) ?? endedAt ?? closedAt
    if (!from) continue
    const entry: ScheduledCase = {
      id: String(row.id),
      reference: row.reference ?? '',
      status: row.status,
      closedAt: closed ? closedAt : null,
      endedAt,
      anonymiseOn: addYears(new Date(from), years).toISOString(),
    }
    if (row.privacy?.legalHold) schedule.onHold.push(entry)
    else if (Date.parse(entry.anonymiseOn) <= now.getTime()) schedule.due.push(entry)
    else if (closed) schedule.upcoming.push(entry)
    else schedule.endedNotClosed.push(entry)
  }
  const soonest = (a: ScheduledCase, b: ScheduledCase) => a.anonymiseOn.localeCompare(b.anonymiseOn)
  for (const list of Object.values(schedule)) list.sort(soonest)
  return schedule
}
