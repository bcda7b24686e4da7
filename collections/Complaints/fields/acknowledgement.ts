import type { NamedTab } from 'payload'

import { personal } from './personal'

/** The case file tab of the acknowledgement (Art. 5, 7). */
export const acknowledgement: NamedTab = personal({
  name: 'acknowledgement',
  label: { nl: 'Ontvangstbevestiging', en: 'Acknowledgement' },
  description: {
    nl: 'Binnen vijf dagen na ontvangst krijgt de klager een schriftelijke bevestiging met: de datum van de gedraging, de behandelaar, een korte omschrijving van de feiten en de termijn (art. 5, 7).',
    en: 'Within five days of receipt the complainant gets a written acknowledgement with: the date of the conduct, the handler, a short description of the facts and the term (Art. 5, 7).',
  },
  fields: [
    {
      name: 'factsSummary',
      type: 'textarea',
      label: { nl: 'Korte omschrijving van de feiten', en: 'Short description of the facts' },
    },
    {
      name: 'statedTermWeeks',
      type: 'number',
      defaultValue: 4,
      min: 1,
      max: 6,
      label: {
        nl: 'Termijn voor de beslissing (weken na ontvangst)',
        en: 'Term for the decision (weeks after receipt)',
      },
      admin: {
        description: {
          nl: 'Norm is 4 weken; nooit meer dan 6 (art. 7 en toelichting).',
          en: 'Norm 4 weeks, never over 6 (Art. 7).',
        },
      },
    },
  ],
})
