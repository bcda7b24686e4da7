import type { NamedTab } from 'payload'

import { personal } from './personal'
import { dutchDate } from '../../fields/dutchDate'

/** The case file tab of an informal settlement (Art. 5 note). */
export const informal: NamedTab = personal({
  name: 'informal',
  label: { nl: 'Informeel', en: 'Informal' },
  description: {
    nl: 'Alleen als de klager zegt dat de klacht naar tevredenheid is afgehandeld (art. 5, toelichting). Het antwoord en de afspraken komen in het dossier.',
    en: 'Only when the complainant says the complaint was settled to their satisfaction (Art. 5, note). The answer and the agreements go into the dossier.',
  },
  fields: [
    { name: 'oralAnswer', type: 'textarea', label: { nl: 'Het mondelinge antwoord', en: 'The oral answer' } },
    { name: 'agreements', type: 'textarea', label: { nl: 'Gemaakte afspraken', en: 'Agreements made' } },
    {
      name: 'satisfactionConfirmedAt',
      type: 'date',
      label: { nl: 'Klager bevestigde tevredenheid op', en: 'Satisfaction confirmed on' },
      admin: { date: dutchDate() },
    },
  ],
})
