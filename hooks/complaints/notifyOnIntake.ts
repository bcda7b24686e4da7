import type { CollectionAfterChangeHook } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { recordEvent } from '../caseEvents/recordEvent'
import { queueIntakeLetters } from '../letters/intakeLetters'
import { refoldingOnce } from '../reports/facts/projectCase'

/**
 * After registration: the first timeline entry, and one job for the letters of registration (the
 * receipt or the written version, and the UWV notification; hooks/letters/intakeLetters.ts). The
 * letters are made after the answer, so registering stays fast; the job is stored with the
 * complaint, so none is lost. Art. 9: the case's report facts are folded once, after its entries.
 */
export const notifyOnIntake: CollectionAfterChangeHook<Complaint> = (args) =>
  refoldingOnce(args.req.payload, args.req, () => registerOnTimeline(args))

const registerOnTimeline = async ({
  doc: visible,
  operation,
  req,
}: Parameters<CollectionAfterChangeHook<Complaint>>[0]): Promise<Complaint> => {
  if (operation !== 'create') return visible
  const { payload } = req
  // The hook's doc has passed field read access: a handler recording a complaint they were not
  // assigned sees no personal data. Only then is the whole complaint read again.
  const doc = visible.complainant
    ? visible
    : await payload.findByID({
        collection: 'complaints',
        id: visible.id,
        depth: 0,
        joins: false,
        overrideAccess: true,
        req,
      })
  const staff = req.user?.collection === 'users' ? req.user.id : null
  const actorKind = staff ? 'staff' : doc.channel === 'web' ? 'public' : 'system'
  // The entry holds what Art. 9 reports count, and no personal data. Its fields are the case's
  // workflow fields, which whoever records a complaint may read.
  await recordEvent(
    payload,
    {
      complaint: doc.id,
      type: 'received',
      actor: staff,
      actorKind,
      at: new Date(doc.receivedAt),
      data: {
        // The date of receipt as registered: for a complaint staff record later (by phone, by letter)
        // the one they were given (assignReferenceAndDeadlines), and the clocks counted from it.
        receivedAt: new Date(doc.receivedAt).toISOString(),
        // Always set on registration (assignReferenceAndDeadlines); a missing one is refused by the schema.
        due: {
          acknowledge: doc.deadlines?.acknowledgeBy ?? '',
          nonAdmissionNotice: doc.deadlines?.nonAdmissionNoticeBy ?? '',
          decisionTarget: doc.deadlines?.decisionTargetBy ?? '',
          decisionLimit: doc.deadlines?.decisionLimitBy ?? '',
        },
        channel: doc.channel,
        role: doc.complainant.role,
        clientOrganisation: doc.complainant.clientOrganisation ?? null,
        categories: doc.categories ?? [],
        wantsHearing: Boolean(doc.wantsHearing),
        wantsHelpWriting: Boolean(doc.wantsHelpWriting),
      },
    },
    req,
  )
  // Art. 6.4: staff may record a request for travel costs with the complaint itself.
  if (doc.hearing?.travelCostRequested === true)
    await recordEvent(
      payload,
      { complaint: doc.id, type: 'travel_costs_requested', actor: staff, actorKind, data: {} },
      req,
    )
  await queueIntakeLetters(payload, doc.id, req, staff)
  return visible
}
