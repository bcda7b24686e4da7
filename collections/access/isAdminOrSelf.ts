import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins reach every user; anyone else only their own account. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
  return false
}
