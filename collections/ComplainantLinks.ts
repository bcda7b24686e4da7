import type { CollectionConfig } from 'payload'

import { nobody } from './access/nobody'

/**
 * Decision 20: the single-use links a complainant asks for on `/mijn-klacht`. Only an HMAC of the
 * link's token is kept (hooks/complainant/secrets.ts), so the database never holds a usable link.
 * Nobody reads or writes this collection through the API: only the complainant endpoints
 * (cms/endpoints/complainant.ts) and the link job, as trusted server code.
 */
export const ComplainantLinks: CollectionConfig = {
  slug: 'complainant-links',
  labels: {
    singular: { nl: 'Link voor de klager', en: 'Complainant link' },
    plural: { nl: 'Links voor klagers', en: 'Complainant links' },
  },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'complaint', type: 'relationship', relationTo: 'complaints', required: true, index: true },
    { name: 'tokenHash', type: 'text', required: true, unique: true },
    { name: 'expiresAt', type: 'date', required: true },
    { name: 'usedAt', type: 'date' },
  ],
}
