import type { CollectionConfig } from 'payload'

import { assignFirstUserAdmin } from '../hooks/users/assignFirstUserAdmin'
import { hideLockedAccounts } from '../hooks/users/hideLockedAccounts'
import { requireStrongPassword } from '../hooks/users/requireStrongPassword'
import { isAdmin, isAdminField } from './access/isAdmin'
import { isAdminOrSelf } from './access/isAdminOrSelf'
import { hasRole, ROLE_LABELS, ROLES } from './access/roles'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { nl: 'Gebruiker', en: 'User' },
    plural: { nl: 'Gebruikers', en: 'Users' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: { nl: 'Beheer', en: 'Administration' },
  },
  auth: {
    // Issue 8: locked for 10 minutes after 5 failures, sessions expire after 8 hours.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  access: {
    // Only staff with a role may open the admin at all.
    admin: ({ req }) => hasRole(req.user, ...ROLES),
    create: isAdmin,
    // Managers assign handlers and handlers see who has a case: they see their colleagues.
    // Editors never see personal data: only their own account.
    read: ({ req }) => (hasRole(req.user, 'admin', 'manager', 'handler') ? true : isAdminOrSelf({ req })),
    update: isAdminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeValidate: [requireStrongPassword, assignFirstUserAdmin],
    afterError: [hideLockedAccounts],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { nl: 'Naam', en: 'Name' },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      label: { nl: 'Rollen', en: 'Roles' },
      admin: {
        description: {
          nl: 'Wat deze persoon in het portaal mag. Een klachtbehandelaar ziet alleen de eigen zaken; een redacteur nooit klachten.',
          en: 'What this person may do. A handler sees only their own cases; an editor never sees complaints.',
        },
      },
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      defaultValue: [],
      // Nobody grants themselves a role: only administrators change roles.
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
    },
  ],
}
