import type { Field } from 'payload'

import { readOnlyField } from './readOnly'
import { dutchDate } from '../../fields/dutchDate'

/** The terms computed from the date of receipt (Art. 5, 7). */
export const deadlines: Field = {
  name: 'deadlines',
  type: 'group',
  label: { nl: 'Termijnen', en: 'Deadlines' },
  admin: {
    description: {
      nl: 'Berekend uit de datum van ontvangst (art. 5 en 7).',
      en: 'Computed from the date of receipt (Art. 5, 7).',
    },
  },
  access: readOnlyField,
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'acknowledgeBy',
          type: 'date',
          label: { nl: 'Ontvangstbevestiging uiterlijk', en: 'Acknowledgement due by' },
          admin: { readOnly: true, date: dutchDate() },
        },
        {
          name: 'nonAdmissionNoticeBy',
          type: 'date',
          label: { nl: 'Bericht niet-ontvankelijk uiterlijk', en: 'Non-admission notice by' },
          admin: { readOnly: true, date: dutchDate() },
        },
        {
          name: 'decisionTargetBy',
          type: 'date',
          label: { nl: 'Beslissing (streefdatum)', en: 'Decision target' },
          admin: { readOnly: true, date: dutchDate() },
        },
        {
          name: 'decisionLimitBy',
          type: 'date',
          label: { nl: 'Beslissing uiterlijk (6 weken)', en: 'Decision limit (6 weeks)' },
          admin: { readOnly: true, date: dutchDate() },
        },
      ],
    },
  ],
}
