import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { FIELD_PATHS, fromComplaintData } from './mapping'
import { civilDateIn } from '../dates/amsterdam'
import { complaintSchema } from './schema'
import { systemOperationOf } from './workflow/systemOperations'

/**
 * The same rules as the public form (the shared schema), on every create and update of a
 * complaint: staff intake in the admin, the intake endpoint, the REST API and the Local API.
 * A broken rule becomes a Dutch message at its field.
 */
export const validateComplaint: CollectionBeforeValidateHook<Complaint> = ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!data) return data
  // Decision 19: an anonymised case no longer has the name and address the intake asks for.
  if (systemOperationOf(context) === 'anonymise') return data
  const merged: Partial<Complaint> =
    operation === 'update' && originalDoc
      ? {
          ...originalDoc,
          ...data,
          complainant: { ...originalDoc.complainant, ...data.complainant },
          conduct: { ...originalDoc.conduct, ...data.conduct },
          involved: { ...originalDoc.involved, ...data.involved },
        }
      : data
  const now = new Date()
  const channel = merged.channel ?? 'web'
  // Decision 11: a case stored before the cliënt's name was asked keeps its saves until someone fills it in.
  const predatesClientName =
    operation === 'update' &&
    !originalDoc?.clientName &&
    originalDoc?.complainant?.role !== 'client' &&
    merged.complainant?.role === originalDoc?.complainant?.role
  const result = complaintSchema({
    today: civilDateIn(now),
    emailRequired: channel === 'web',
    clientNameRequired: !predatesClientName,
  }).safeParse(fromComplaintData(merged))
  const errors: { path: string; message: string }[] = []
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[0] as keyof typeof FIELD_PATHS
      const path = FIELD_PATHS[key] ?? String(key)
      if (!errors.some((e) => e.path === path)) errors.push({ path, message: issue.message })
    }
  }
  if (operation === 'create' && merged.receivedAt && new Date(merged.receivedAt).getTime() > now.getTime() + 60_000) {
    errors.push({ path: 'receivedAt', message: 'De datum van ontvangst kan niet in de toekomst liggen.' })
  }
  if (errors.length > 0) throw new ValidationError({ collection: 'complaints', errors, req }, req.t)
  return data
}
