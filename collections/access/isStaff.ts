import type { Access, FieldAccess } from 'payload'

import { hasRole, ROLES } from './roles'

/** A logged-in user holding at least one staff role. */
export const isStaff: Access = ({ req }) => hasRole(req.user, ...ROLES)

export const isStaffField: FieldAccess = ({ req }) => hasRole(req.user, ...ROLES)
