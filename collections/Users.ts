import type { CollectionConfig } from 'payload'

import { colleagueName } from '../cms/endpoints/colleagueName'
import { assignFirstUserAdmin } from '../hooks/users/assignFirstUserAdmin'
import { hashForUnknownAccount } from '../hooks/users/hashForUnknownAccount'
import { hideLockedAccounts } from '../hooks/users/hideLockedAccounts'
import { limitSessionLifetime } from '../hooks/users/limitSessionLifetime'
import { requireStrongPassword, requireStrongResetPassword } from '../hooks/users/requireStrongPassword'
import { IDLE_LIMIT_SECONDS } from '../hooks/users/sessionPolicy'
import { isAdmin, isAdminField } from './access/isAdmin'
import { isAdminOrSelf } from './access/isAdminOrSelf'
import { hasRole, ROLE_LABELS, ROLES } from './access/roles'

/**
 * Staff accounts. The session cookie depends on the admin's public address (CMS_URL): cms/config.ts
 * sets it when it assembles the configuration (withSessionCookies).
 */
export const Users: CollectionConfig = {
  slug: 'users',
  endpoints: [colleagueName],
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
    // Locked for 10 minutes after 5 failures (ASVS V2.2.1).
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    // ASVS V3.3.2: a token lives 30 minutes unless refreshed (the idle limit); refreshing stops
    // 8 hours after the login (limitSessionLifetime). The admin warns a minute before it ends.
    tokenExpiration: IDLE_LIMIT_SECONDS,
    // Per-login sessions (Payload's default, stated because the idle limit relies on it): logging out
    // or resetting the password ends them on the server, not only in the browser.
    useSessions: true,
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
    beforeOperation: [hashForUnknownAccount, requireStrongResetPassword],
    beforeValidate: [requireStrongPassword, assignFirstUserAdmin],
    refresh: [limitSessionLifetime],
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
