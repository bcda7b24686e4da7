import type { Field } from 'payload'

import { personal } from './personal'

/** The UWV labour expert for this case (Decision 11). */
export const uwvLabourExpert: Field = personal({
  name: 'uwvLabourExpert',
  type: 'group',
  label: { nl: 'Arbeidsdeskundige UWV voor deze zaak', en: 'UWV labour expert for this case' },
  admin: {
    position: 'sidebar',
    description: {
      nl: 'Leeg: de standaard uit de instellingen (Besluit 11).',
      en: 'Empty: the default from the settings (Decision 11).',
    },
  },
  fields: [
    { name: 'name', type: 'text', label: { nl: 'Naam', en: 'Name' } },
    { name: 'email', type: 'email', label: { nl: 'E-mailadres', en: 'E-mail' } },
  ],
})
