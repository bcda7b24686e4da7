import type { Payload, PayloadRequest } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import type { EventDataOf } from '../caseEvents/eventData'
import { recordLetterMilestones } from '../caseEvents/letterMilestones'
import { recordEvent } from '../caseEvents/recordEvent'
import { timelinesOf } from './facts/projectCase'

type Registration = EventDataOf<'received_backfilled'>
type Entry = { type: string; at: string; data: unknown }

/** One case's whole timeline, in order: the same read the case-facts projection folds. */
const timelineOf = async (
  payload: Payload,
  caseId: string,
  req: Partial<PayloadRequest> | undefined,
): Promise<Entry[]> => (await timelinesOf(payload, [caseId], req)).get(caseId) ?? []
type StoredCase = Pick<
  Complaint,
  'id' | 'receivedAt' | 'channel' | 'categories' | 'wantsHearing' | 'wantsHelpWriting' | 'deadlines'
> & {
  complainant?: Partial<Pick<Complaint['complainant'], 'role' | 'clientOrganisation'>> | null
  hearing?: { travelCostRequested?: boolean | null } | null
}

const CLASSIFICATION_FIELDS: Record<keyof EventDataOf<'classified'>, string> = {
  channel: 'channel',
  role: 'complainant.role',
  clientOrganisation: 'complainant.clientOrganisation',
  categories: 'categories',
}

const hasMoment = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && 'receivedAt' in data && 'due' in data

/**
 * Existing installations (Art. 9): adds to every stored case what the report reads from the
 * timeline but older versions did not write, so that `loadReport` counts those cases too.
 *
 * - A `received` entry without its moment and due dates: the timeline is append-only, so the entry
 *   is not changed; a `received_backfilled` entry with the full payload of today's `received` is
 *   added, dated at the receipt, and the report reads it as the registration (caseFacts.ts). Its
 *   classification is the one registered (from the old `received`); when staff changed it since
 *   (then only `fields_changed` said so), a `classified` entry with the difference follows, dated
 *   at the last such change. The due dates are those computed at intake: the decision target as it
 *   was before its first `deadline_changed` (the acknowledgement's stated term moves it).
 * - `travel_costs_requested` for a case whose travel-cost box is ticked (Art. 6.4), dated at the last
 *   change of that box, when the timeline has none.
 * - `delay_notice_sent` and `hearing_recorded` for delay notices and hearing reports already sent
 *   (hooks/caseEvents/letterMilestones.ts, the same rule as the live writer).
 *
 * Idempotent: what a case has is not added again, so a second run writes nothing. Trusted code (a
 * migration): it reads every case and writes only timeline entries, which hold no personal data.
 */
export async function deriveMissingEvents(
  payload: Payload,
  req?: Partial<PayloadRequest>,
  now: Date = new Date(),
): Promise<{ registrations: number; classifications: number; travelCostRequests: number; milestones: number }> {
  const written = { registrations: 0, classifications: 0, travelCostRequests: 0, milestones: 0 }
  for (let page = 1; ; page += 1) {
    const cases = await payload.find({
      collection: 'complaints',
      overrideAccess: true,
      depth: 0,
      joins: false,
      limit: 100,
      page,
      sort: 'createdAt',
      select: {
        receivedAt: true,
        channel: true,
        complainant: { role: true, clientOrganisation: true },
        categories: true,
        wantsHearing: true,
        wantsHelpWriting: true,
        deadlines: true,
        hearing: { travelCostRequested: true },
      },
      req,
    })
    for (const complaint of cases.docs) {
      try {
        const registration = await deriveRegistration(payload, complaint, req, now)
        written.registrations += registration.registrations
        written.classifications += registration.classifications
        written.travelCostRequests += await deriveTravelCostRequest(payload, complaint, req, now)
        written.milestones += await recordLetterMilestones(payload, complaint.id, req)
      } catch (error) {
        // One case the schema refuses (e.g. a registration without a role) must not keep every
        // other case out of the report; it is named in the log, and the next run tries it again.
        payload.logger.error({ err: error, msg: `Art. 9: timeline entries of case ${complaint.id} not derived` })
      }
    }
    if (!cases.hasNextPage) break
  }
  return written
}

async function deriveRegistration(
  payload: Payload,
  complaint: StoredCase,
  req: Partial<PayloadRequest> | undefined,
  now: Date,
): Promise<{ registrations: number; classifications: number }> {
  const none = { registrations: 0, classifications: 0 }
  const events = await timelineOf(payload, complaint.id, req)
  const registered = events.filter((e) => e.type === 'received' || e.type === 'received_backfilled')
  if (registered.some((e) => hasMoment(e.data))) return none
  const deadlines = complaint.deadlines
  if (
    !complaint.receivedAt ||
    !deadlines?.acknowledgeBy ||
    !deadlines.nonAdmissionNoticeBy ||
    !deadlines.decisionLimitBy
  ) {
    payload.logger.warn({ msg: `Case ${complaint.id} has no date of receipt or due dates: not in the Art. 9 report` })
    return none
  }
  const old = (registered[0]?.data ?? {}) as Partial<Registration>
  const role = old.role ?? complaint.complainant?.role
  if (!role) {
    payload.logger.warn({ msg: `Case ${complaint.id} has no complainant role: not in the Art. 9 report` })
    return none
  }
  const current = {
    channel: complaint.channel,
    role: complaint.complainant?.role,
    clientOrganisation: complaint.complainant?.clientOrganisation ?? null,
    categories: complaint.categories ?? [],
  }
  const firstMove = events.find((e) => e.type === 'deadline_changed')?.data as
    EventDataOf<'deadline_changed'> | undefined
  const data: Registration = {
    receivedAt: new Date(complaint.receivedAt).toISOString(),
    channel: old.channel ?? current.channel,
    role,
    clientOrganisation: old.clientOrganisation !== undefined ? old.clientOrganisation : current.clientOrganisation,
    categories: old.categories ?? current.categories,
    wantsHearing: old.wantsHearing ?? Boolean(complaint.wantsHearing),
    wantsHelpWriting: old.wantsHelpWriting ?? Boolean(complaint.wantsHelpWriting),
    due: {
      acknowledge: deadlines.acknowledgeBy,
      nonAdmissionNotice: deadlines.nonAdmissionNoticeBy,
      decisionTarget: firstMove?.from ?? deadlines.decisionTargetBy ?? deadlines.nonAdmissionNoticeBy,
      decisionLimit: deadlines.decisionLimitBy,
    },
  }

  // What staff changed since the registration (the old timeline said only which fields changed).
  const classified: EventDataOf<'classified'> = {}
  if (current.channel !== data.channel) classified.channel = current.channel
  if (current.role && current.role !== data.role) classified.role = current.role
  if (current.clientOrganisation !== data.clientOrganisation) classified.clientOrganisation = current.clientOrganisation
  if (JSON.stringify([...current.categories].sort()) !== JSON.stringify([...data.categories].sort()))
    classified.categories = current.categories
  const changedPaths = Object.keys(classified).map((k) => CLASSIFICATION_FIELDS[k as keyof typeof classified])
  const lastChange = events
    .filter((e) => e.type === 'fields_changed')
    .filter((e) => ((e.data as { fields?: string[] }).fields ?? []).some((f) => changedPaths.includes(f)))
    .at(-1)?.at

  // The difference first: when a run stops between the two, the next one writes both again
  // (`received_backfilled` marks the case as done), never a registration without its change.
  if (changedPaths.length > 0)
    await recordEvent(
      payload,
      {
        complaint: complaint.id,
        type: 'classified',
        actorKind: 'system',
        data: classified,
        at: new Date(lastChange ?? now),
      },
      req,
    )
  await recordEvent(
    payload,
    {
      complaint: complaint.id,
      type: 'received_backfilled',
      actorKind: 'system',
      data,
      at: new Date(data.receivedAt),
    },
    req,
  )
  return { registrations: 1, classifications: changedPaths.length > 0 ? 1 : 0 }
}

/** Art. 6.4: a request for travel costs recorded only as a changed field; 1 when it wrote the entry. */
async function deriveTravelCostRequest(
  payload: Payload,
  complaint: StoredCase,
  req: Partial<PayloadRequest> | undefined,
  now: Date,
): Promise<number> {
  if (complaint.hearing?.travelCostRequested !== true) return 0
  const docs = await timelineOf(payload, complaint.id, req)
  if (docs.some((d) => d.type === 'travel_costs_requested')) return 0
  const lastChange = docs
    .filter((d) => d.type === 'fields_changed')
    .filter((d) => ((d.data as { fields?: string[] } | null)?.fields ?? []).includes('hearing.travelCostRequested'))
    .at(-1)?.at
  await recordEvent(
    payload,
    {
      complaint: complaint.id,
      type: 'travel_costs_requested',
      actorKind: 'system',
      data: {},
      at: new Date(lastChange ?? now),
    },
    req,
  )
  return 1
}
