import type { Field } from 'payload'

import { INVOLVED_KIND_LABELS, INVOLVED_KINDS, options } from '../../../hooks/complaints/vocabulary'
import { personal } from './personal'

/** Who the complaint is about (Art. 4). */
export const involved: Field = personal({
  name: 'involved',
  type: 'group',
  label: { nl: 'Over wie gaat de klacht?', en: 'Who is involved?' },
  admin: {
    description: {
      nl: 'Art. 4: wie hierbij betrokken is, mag de klacht niet behandelen.',
      en: 'Art. 4: whoever is involved in it may not handle the complaint.',
    },
  },
  fields: [
    {
      name: 'kind',
      type: 'radio',
      required: true,
      label: { nl: 'Betrokkene', en: 'Involved' },
      options: options(INVOLVED_KINDS, INVOLVED_KIND_LABELS),
    },
    { name: 'description', type: 'textarea', label: { nl: 'Naam of omschrijving', en: 'Name or description' } },
  ],
})
