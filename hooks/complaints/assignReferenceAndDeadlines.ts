import type { CollectionBeforeChangeHook } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { amsterdamYear } from '../dates/amsterdam'
import { readSettings } from '../settings/cachedSettings'
import { computeDeadlines } from './deadlines'
import { nextReference } from './nextReference'

/** On registration: the reference, the date of receipt (now, unless staff give the real one) and the clocks. */
export const assignReferenceAndDeadlines: CollectionBeforeChangeHook<Complaint> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const receivedAt = data.receivedAt ? new Date(data.receivedAt) : new Date()
  // Trusted: the day mode is an admin setting that no other role reads (kept in memory until it changes).
  const settings = await readSettings(req.payload)
  const year = amsterdamYear(receivedAt)
  return {
    ...data,
    status: 'received',
    receivedAt: receivedAt.toISOString(),
    reference: await nextReference(req.payload, year, req),
    deadlines: computeDeadlines(receivedAt, settings.dayMode ?? 'calendar'),
  }
}
