import type { Field } from 'payload'

import { STATUS_LABELS } from '../../../hooks/complaints/workflow/statuses'
import { ENDINGS } from '../../../hooks/complaints/workflow/transitions'
import { personal } from './personal'
import { readOnlyField } from './readOnly'
import { dutchDate } from '../../fields/dutchDate'

/** How and when the case ended. */
export const ending: Field[] = [
  personal({
    name: 'endedAs',
    type: 'select',
    label: { nl: 'Beëindigd als', en: 'Ended as' },
    options: ENDINGS.map((value) => ({ value, label: STATUS_LABELS[value] })),
    access: readOnlyField,
    admin: { position: 'sidebar', readOnly: true },
  }),
  personal({
    name: 'endedAt',
    type: 'date',
    label: { nl: 'Beëindigd op', en: 'Ended on' },
    access: readOnlyField,
    admin: { position: 'sidebar', readOnly: true, date: dutchDate('dayAndTime') },
  }),
]
