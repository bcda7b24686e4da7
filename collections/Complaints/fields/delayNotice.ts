import type { NamedTab } from 'payload'

import { nobodyField } from '../../access/nobody'
import { personal } from './personal'
import { dutchDate } from '../../fields/dutchDate'

/** The case file tab of the delay notice (Art. 7). */
export const delayNotice: NamedTab = personal({
  name: 'delayNotice',
  label: { nl: 'Verdaging', en: 'Delay notice' },
  description: {
    nl: 'Haalt u de termijn uit de ontvangstbevestiging niet? Stuur vóór die datum een verdagingsbericht met de reden en de nieuwe datum. Nooit later dan zes weken na ontvangst (art. 7 en toelichting). Het bericht gaat bij opslaan.',
    en: 'Will you miss the term stated in the acknowledgement? Send a delay notice with the reason and the new date before that date. Never later than six weeks after receipt (Art. 7 and note). The notice goes out on save.',
  },
  fields: [
    { name: 'reason', type: 'textarea', label: { nl: 'Reden van de verdaging', en: 'Reason for the delay' } },
    {
      name: 'newTargetDate',
      type: 'text',
      label: { nl: 'Nieuwe datum voor de beslissing', en: 'New date for the decision' },
      admin: { placeholder: 'jjjj-mm-dd' },
    },
    {
      name: 'issuedAt',
      type: 'date',
      label: { nl: 'Verdagingsbericht opgesteld op', en: 'Delay notice issued' },
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true, date: dutchDate('dayAndTime') },
    },
  ],
})
