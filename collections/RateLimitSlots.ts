import type { CollectionConfig } from 'payload'

import { rateLimitEndpoints } from '../cms/endpoints/rateLimit'
import { nobody } from './access/nobody'

/**
 * The public forms' rate-limit counts when several site processes share them (the site's
 * SITE_RATE_LIMIT_STORE=cms; site/lib/limiter/cmsStore.ts). One row per place taken: a rule with a
 * limit of 5 has places 0 to 4 per key, and `slot` (`<key>#<place>`) is unique, so two site
 * processes taking the last place at the same moment cannot both get it — the database decides.
 * `key` is an HMAC the site made of the rule and its value (an IP or e-mail address): the CMS
 * never sees the address itself. Rows older than an hour are removed on every take.
 * Nobody reads or writes this collection through the API: only the two endpoints, for the site.
 */
export const RateLimitSlots: CollectionConfig = {
  slug: 'rate-limit-slots',
  labels: {
    singular: { nl: 'Telling van het formulier', en: 'Rate-limit slot' },
    plural: { nl: 'Tellingen van de formulieren', en: 'Rate-limit slots' },
  },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  endpoints: rateLimitEndpoints,
  fields: [
    { name: 'slot', type: 'text', required: true, unique: true, label: { nl: 'Plaats (code en nummer)', en: 'Place' } },
    {
      name: 'key',
      type: 'text',
      required: true,
      index: true,
      label: { nl: 'Code van de regel en het adres (alleen als HMAC)', en: 'Rule and address (HMAC only)' },
    },
    { name: 'hit', type: 'text', required: true, label: { nl: 'Code van het verstuurde formulier', en: 'Form sent' } },
    { name: 'at', type: 'date', required: true, index: true, label: { nl: 'Verstuurd op', en: 'Sent at' } },
  ],
}
