import type { CollectionConfig } from 'payload'

import { isAdmin } from './access/isAdmin'

/**
 * Machine identities that authenticate with an API key, never with a password. The public site
 * is one: it may hand in complaints through the intake endpoint and can read none of them back.
 */
export const ServiceAccounts: CollectionConfig = {
  slug: 'service-accounts',
  labels: {
    singular: { nl: 'Service-account', en: 'Service account' },
    plural: { nl: 'Service-accounts', en: 'Service accounts' },
  },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  admin: { useAsTitle: 'name', group: { nl: 'Beheer', en: 'Administration' } },
  access: {
    // A service account never opens the admin.
    admin: () => false,
    read: isAdmin,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: { nl: 'Naam', en: 'Name' } },
    {
      name: 'scopes',
      type: 'select',
      hasMany: true,
      required: true,
      label: { nl: 'Mag', en: 'May' },
      options: [{ value: 'complaint-intake', label: { nl: 'Klachten aanleveren (niet lezen)', en: 'Hand in complaints (not read)' } }],
    },
  ],
}

