import type { CollectionAfterChangeHook } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { systemOperationOf, type SystemOperation } from './workflow/systemOperations'

/**
 * The system's own bookkeeping on a case, and one field it writes. A delivered letter (its sending
 * moment, DOMAIN.md "a deadline is met by the sending") and the quarter-hourly deadline refresh are
 * not a change a person made: none of the fields they write can be typed in the admin.
 */
const BOOKKEEPING: Partial<Record<SystemOperation, 'lettersSent' | 'nextDeadline'>> = {
  recordSending: 'lettersSent',
  refreshDeadlines: 'nextDeadline',
}

/**
 * Payload's update always sets `updatedAt`, and its admin compares that stamp with the one the
 * open form was loaded with: when they differ, the handler's next keystroke opens "this document
 * was changed" with reload as the only way on, and what they typed is gone. A letter delivered
 * seconds after the handler's own save would do that on nearly every case. So bookkeeping puts
 * the case's stamp back to what it was: `updatedAt` stays the moment of the last change made by a
 * person or by the workflow on their behalf. The timeline records the bookkeeping itself.
 *
 * The restoring write goes to the adapter in the same transaction. It carries one field the
 * operation owns, with the value just stored, because the SQLite adapter ignores a write of
 * timestamps alone.
 */
export const keepUpdatedAtOnBookkeeping: CollectionAfterChangeHook<Complaint> = async ({
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (operation !== 'update' || !previousDoc?.updatedAt) return doc
  const system = systemOperationOf(context)
  const field = system ? BOOKKEEPING[system] : undefined
  if (!field || doc.updatedAt === previousDoc.updatedAt) return doc
  await req.payload.db.updateOne({
    collection: 'complaints',
    id: doc.id,
    data: { updatedAt: previousDoc.updatedAt, [field]: doc[field] ?? null },
    req,
    returning: false,
  })
  return { ...doc, updatedAt: previousDoc.updatedAt }
}
