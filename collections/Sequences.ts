import type { CollectionConfig } from 'payload'

import { nobody } from './access/nobody'

/** Counters that only go up (e.g. the complaint reference per year): a number is never reused. */
export const Sequences: CollectionConfig = {
  slug: 'sequences',
  labels: { singular: { nl: 'Teller', en: 'Counter' }, plural: { nl: 'Tellers', en: 'Counters' } },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, label: { nl: 'Sleutel', en: 'Key' } },
    { name: 'value', type: 'number', required: true, label: { nl: 'Stand', en: 'Current value' } },
  ],
}
