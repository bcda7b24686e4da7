import { type CollectionBeforeOperationHook, QueryError, type Where } from 'payload'

import { PERSONAL_DATA_FIELDS } from '../../collections/access/complaintAccess'
import { hasRole } from '../../collections/access/roles'

function paths(where: Where | undefined, found: string[] = []): string[] {
  if (!where) return found
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) for (const w of value) paths(w as Where, found)
    else found.push(key)
  }
  return found
}

/**
 * Issue 8: a handler sees no personal data of the queue's complaints, so may not filter on it
 * either — the number of results would tell a hidden value. Managers and admins may.
 */
export const guardPersonalDataQueries: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!['read', 'count', 'readDistinct', 'update', 'delete'].includes(operation)) return args
  if (!hasRole(req.user, 'handler') || hasRole(req.user, 'manager', 'admin')) return args
  const where = (args as { where?: Where }).where
  const sort = String((args as { sort?: unknown }).sort ?? '')
  const blocked = [...paths(where), ...sort.split(',').map((s) => s.replace(/^-/, ''))].filter((path) =>
    PERSONAL_DATA_FIELDS.some((field) => path === field || path.startsWith(`${field}.`)),
  )
  if (blocked.length > 0) throw new QueryError(blocked.map((path) => ({ path })))
  return args
}
