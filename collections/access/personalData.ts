import type { Field } from 'payload'

import { canReadPersonalData } from './complaintAccess'

/**
 * The complaint's fields that hold personal data or case content: every top-level field whose
 * read access is `canReadPersonalData`, read from the collection's own configuration (rows,
 * collapsibles and tabs are looked through; a named tab is a field). Nobody keeps this list by
 * hand: a field given that access in collections/Complaints (the `personal()` helper) is on it.
 */
export function personalFieldNames(fields: readonly Field[]): string[] {
  const names: string[] = []
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          if (tab.access?.read === canReadPersonalData) names.push(tab.name)
        } else names.push(...personalFieldNames(tab.fields))
      }
    } else if ('name' in field && field.name) {
      if ('access' in field && field.access?.read === canReadPersonalData) names.push(field.name)
    } else if ('fields' in field) names.push(...personalFieldNames(field.fields))
  }
  return names
}

/**
 * What anyone short of a manager may name in a query on complaints (its `where`, `sort`, a
 * distinct field, and through the relationships of other collections): a `where` spans every
 * document, the handler's queue included, so a path outside this list could tell a hidden value
 * by the number of answers. Deny by default: a field added to the collection is not on it.
 * A group here allows its subfields (`deadlines.acknowledgeBy`); the handler allows its id only.
 */
export const QUEUE_QUERYABLE_FIELDS = [
  'id',
  'reference',
  'receivedAt',
  'status',
  'categories',
  'deadlines',
  'nextDeadline',
  'assignedHandler',
  // Art. 3: the call-back request is a task in the queue, not personal data.
  'wantsHelpWriting',
  'callback',
  'createdAt',
  'updatedAt',
] as const
