import type { Field } from 'payload'

import { DEADLINE_STATE_LABELS, DEADLINE_STATES, options } from '../../../hooks/complaints/vocabulary'
import { CLOCK_LABELS, CLOCKS } from '../../../hooks/complaints/workflow/clocks'
import { readOnlyField } from './readOnly'
import { dutchDate } from '../../fields/dutchDate'

/** The next deadline of the case and its state (refreshDeadlineState). */
export const nextDeadline: Field = {
  name: 'nextDeadline',
  type: 'group',
  label: { nl: 'Eerstvolgende termijn', en: 'Next deadline' },
  access: readOnlyField,
  admin: {
    position: 'sidebar',
    description: {
      nl: 'Bijgewerkt bij elke wijziging en elk kwartier.',
      en: 'Refreshed on every change and every 15 minutes.',
    },
  },
  fields: [
    {
      name: 'clock',
      type: 'select',
      label: { nl: 'Termijn', en: 'Clock' },
      options: CLOCKS.map((value) => ({ value, label: CLOCK_LABELS[value] })),
      admin: { readOnly: true },
    },
    {
      name: 'due',
      type: 'date',
      index: true,
      label: { nl: 'Uiterlijk', en: 'Due' },
      admin: { readOnly: true, date: dutchDate() },
    },
    {
      name: 'state',
      type: 'select',
      index: true,
      label: { nl: 'Stand', en: 'State' },
      options: options(DEADLINE_STATES, DEADLINE_STATE_LABELS),
      admin: { readOnly: true },
    },
  ],
}
