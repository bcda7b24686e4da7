import type { CollectionAfterChangeHook } from 'payload'

import { enqueueEmail } from '../../cms/email/enqueue'
import { senderOf } from '../../cms/email/sender'
import type { Complaint } from '../../cms/payload-types'
import { recordEvent } from '../caseEvents/recordEvent'
import { receiptMessage, uwvNotificationMessage, writtenVersionMessage } from './intakeMessages'

/**
 * After registration: the first timeline entry, the complainant's receipt (web) or the written
 * version to correct (staff intake, Decision 8), and the notification of the designated UWV
 * labour expert (Art. 5, 9; Decision 11) — all queued in the outbox, none sent here.
 */
export const notifyOnIntake: CollectionAfterChangeHook<Complaint> = async ({ doc: visible, operation, req }) => {
  if (operation !== 'create') return visible
  const { payload } = req
  // The hook's doc has passed field read access (a handler recording a new complaint sees no
  // personal data of an unassigned case); the letters need the whole complaint.
  const doc = await payload.findByID({ collection: 'complaints', id: visible.id, depth: 0, joins: false, overrideAccess: true, req })
  const staff = req.user?.collection === 'users' ? req.user.id : null
  const actorKind = staff ? 'staff' : doc.channel === 'web' ? 'public' : 'system'
  // The entry holds what Art. 9 reports count, and no personal data.
  await recordEvent(
    payload,
    {
      complaint: doc.id,
      type: 'received',
      actor: staff,
      actorKind,
      at: new Date(doc.receivedAt),
      data: {
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

  // Trusted: the sender and the UWV contact are admin settings.
  const settings = await payload.findGlobal({ slug: 'settings', overrideAccess: true, req, depth: 0 })
  const defaultFrom = senderOf(settings)

  if (doc.complainant.email) {
    const web = doc.channel === 'web'
    const content = web ? receiptMessage(doc, settings) : writtenVersionMessage(doc, settings)
    const message = await enqueueEmail(
      payload,
      { to: [doc.complainant.email], ...content, purpose: web ? 'receipt' : 'written_version', complaint: doc.id },
      { req, defaultFrom },
    )
    await recordEvent(
      payload,
      { complaint: doc.id, type: web ? 'receipt_queued' : 'written_version_queued', actor: staff, actorKind, data: { message: message.id } },
      req,
    )
  }

  const expert = doc.uwvLabourExpert?.email ? doc.uwvLabourExpert : settings.uwvLabourExpert
  if (expert?.email) {
    const message = await enqueueEmail(
      payload,
      { to: [expert.email], ...uwvNotificationMessage(doc, settings, expert.name), purpose: 'uwv_notification', complaint: doc.id },
      { req, defaultFrom },
    )
    await recordEvent(payload, { complaint: doc.id, type: 'uwv_notification_queued', actor: staff, actorKind, data: { message: message.id } }, req)
  } else {
    payload.logger.warn(`Complaint ${doc.reference}: no UWV labour expert configured in the settings; the Art. 5 notification is not queued`)
  }
  return visible
}
