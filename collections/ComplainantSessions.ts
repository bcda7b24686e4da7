import type { CollectionConfig } from 'payload'

import { nobody } from './access/nobody'

/**
 * Decision 20: a complainant's session on `/mijn-klacht`, at most 30 minutes, for one case. Only an
 * HMAC of the cookie's value is kept. `link` is unique: a link opens one session, ever — the
 * database decides when two presses of the button race (hooks/complainant/sessions.ts).
 * Nobody reads or writes this collection through the API.
 */
export const ComplainantSessions: CollectionConfig = {
  slug: 'complainant-sessions',
  labels: {
    singular: { nl: 'Sessie van een klager', en: 'Complainant session' },
    plural: { nl: 'Sessies van klagers', en: 'Complainant sessions' },
  },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'complaint', type: 'relationship', relationTo: 'complaints', required: true, index: true },
    { name: 'link', type: 'relationship', relationTo: 'complainant-links', required: true, unique: true },
    { name: 'sessionHash', type: 'text', required: true, unique: true },
    { name: 'expiresAt', type: 'date', required: true },
  ],
}
