import type { Field } from 'payload'

import { DEADLINE_OUTCOME_LABELS, DEADLINE_OUTCOMES, options } from '../../../hooks/complaints/vocabulary'
import { CLOCK_LABELS, CLOCKS } from '../../../hooks/complaints/workflow/clocks'
import { readOnlyField } from './readOnly'

/** Whether each deadline was met, recorded when the case ends (Art. 9). */
export const deadlineOutcomes: Field = {
  name: 'deadlineOutcomes',
  type: 'group',
  label: { nl: 'Termijnen gehaald?', en: 'Deadlines met?' },
  access: readOnlyField,
  admin: {
    description: {
      nl: 'Vastgelegd bij het einde van de behandeling (art. 9-rapportage).',
      en: 'Recorded when the case ends (Art. 9 reporting).',
    },
  },
  fields: [
    {
      type: 'row',
      fields: CLOCKS.map((clock) => ({
        name: clock,
        type: 'select' as const,
        label: CLOCK_LABELS[clock],
        options: options(DEADLINE_OUTCOMES, DEADLINE_OUTCOME_LABELS),
        admin: { readOnly: true },
      })),
    },
  ],
}
