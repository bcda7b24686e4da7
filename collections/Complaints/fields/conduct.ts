import type { Field } from 'payload'

import { CONDUCT_WHEN, CONDUCT_WHEN_LABELS, options } from '../../../hooks/complaints/vocabulary'
import { personal } from './personal'

/** A civil date (no time zone), typed as jjjj-mm-dd. */
const civilDate = (name: string, label: { nl: string; en: string }): Field => ({
  name,
  type: 'text',
  label,
  admin: { placeholder: 'jjjj-mm-dd', width: '33%' },
})

/** When the conduct complained about happened (Art. 5). */
export const conduct: Field = personal({
  name: 'conduct',
  type: 'group',
  label: { nl: 'Wanneer gebeurde het?', en: 'When did it happen?' },
  admin: {
    description: {
      nl: 'Art. 5: de datum van de gedraging komt in de ontvangstbevestiging.',
      en: 'Art. 5: the date of the conduct goes into the acknowledgement.',
    },
  },
  fields: [
    {
      name: 'when',
      type: 'radio',
      required: true,
      label: { nl: 'Wanneer', en: 'When' },
      options: options(CONDUCT_WHEN, CONDUCT_WHEN_LABELS),
    },
    {
      type: 'row',
      fields: [
        civilDate('date', { nl: 'Datum', en: 'Date' }),
        civilDate('from', { nl: 'Van', en: 'From' }),
        civilDate('to', { nl: 'Tot en met', en: 'Up to and including' }),
      ],
    },
  ],
})
