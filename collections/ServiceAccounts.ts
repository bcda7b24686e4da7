import type { CollectionConfig } from 'payload'

import { isAdmin } from './access/isAdmin'
import { nobodyField } from './access/nobody'

/**
 * Machine identities with their scopes. The public site is one: its key opens the intake
 * (`POST /api/complaints/intake`, scope complaint-intake) and the complainant's own page
 * (`/api/complainant/*`, scope complainant), each endpoint checking the key and its scope itself. The key is no Payload login, so it
 * reads nothing and writes nothing else — not even Payload's own editing locks or preferences.
 */
export const ServiceAccounts: CollectionConfig = {
  slug: 'service-accounts',
  labels: {
    singular: { nl: 'Service-account', en: 'Service account' },
    plural: { nl: 'Service-accounts', en: 'Service accounts' },
  },
  admin: { useAsTitle: 'name', group: { nl: 'Beheer', en: 'Administration' } },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: { nl: 'Naam', en: 'Name' } },
    {
      name: 'scopes',
      type: 'select',
      hasMany: true,
      required: true,
      label: { nl: 'Mag', en: 'May' },
      options: [
        {
          value: 'complaint-intake',
          label: { nl: 'Klachten aanleveren (niet lezen)', en: 'Hand in complaints (not read)' },
        },
        {
          // Decision 20: the endpoints of /mijn-klacht only (cms/endpoints/complainant.ts).
          value: 'complainant',
          label: {
            nl: 'Klagers hun eigen klacht laten bekijken (met link en sessie)',
            en: 'Let complainants view their own complaint (with link and session)',
          },
        },
      ],
    },
    {
      // An HMAC of the key (never the key itself), set by the start-up seed from SITE_API_KEY.
      name: 'keyHash',
      type: 'text',
      index: true,
      access: { read: nobodyField, update: nobodyField, create: nobodyField },
      admin: { hidden: true },
    },
  ],
}
