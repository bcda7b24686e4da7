import type { NamedTab } from 'payload'

import { NON_ADMISSION_GROUND_LABELS, NON_ADMISSION_GROUNDS, options } from '../../../hooks/complaints/vocabulary'
import { personal } from './personal'

/** The case file tab of a complaint not admitted (Art. 8.5). */
export const nonAdmission: NamedTab = personal({
  name: 'nonAdmission',
  label: { nl: 'Niet in behandeling', en: 'Not admitted' },
  description: {
    nl: 'Alleen op een van de twee gronden van art. 8.5, met redenen; binnen vier weken melden (art. 7).',
    en: 'Only on one of the two grounds of Art. 8.5, with reasons; give notice within four weeks (Art. 7).',
  },
  fields: [
    {
      name: 'ground',
      type: 'radio',
      label: { nl: 'Grond', en: 'Ground' },
      options: options(NON_ADMISSION_GROUNDS, NON_ADMISSION_GROUND_LABELS),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'earlierComplaint',
          type: 'relationship',
          relationTo: 'complaints',
          label: { nl: 'Eerdere klacht', en: 'Earlier complaint' },
        },
        {
          name: 'earlierReference',
          type: 'text',
          label: {
            nl: 'Of: kenmerk van de eerdere klacht (van vóór dit portaal)',
            en: 'Or: earlier reference (Decision 10)',
          },
        },
      ],
    },
    { name: 'reasons', type: 'textarea', label: { nl: 'Redenen', en: 'Reasons' } },
  ],
})
