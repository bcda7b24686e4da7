import type { NamedTab } from 'payload'

import { personal } from './personal'
import { dutchDate } from '../../fields/dutchDate'

/** The case file tab of a withdrawal (Decision 9). */
export const withdrawal: NamedTab = personal({
  name: 'withdrawal',
  label: { nl: 'Ingetrokken', en: 'Withdrawn' },
  description: {
    nl: 'Besluit 9: de klager mag de klacht altijd intrekken. Bij opslaan met de status "Ingetrokken" krijgt de klager een bevestiging; een gepland gesprek gaat dan niet door en de klager krijgt daarover bericht.',
    en: 'Decision 9: the complainant may always withdraw the complaint. On saving with the status "Withdrawn" the complainant gets a confirmation; a planned hearing is then called off and the complainant is told.',
  },
  fields: [
    {
      name: 'withdrawnAt',
      type: 'date',
      label: { nl: 'Ingetrokken op', en: 'Withdrawn on' },
      admin: { date: dutchDate() },
    },
    { name: 'note', type: 'textarea', label: { nl: 'Toelichting', en: 'Explanation' } },
  ],
})
