import type { Field } from 'payload'

import { personal } from './personal'

/**
 * Decision 11: the name of the cliënt the complaint is about, when someone else complains (an
 * employer, an opdrachtgever, a parent). The UWV notification names the cliënt, never whoever
 * complains for them; for a cliënt who complains, that is their own name.
 */
export const clientName: Field = personal({
  name: 'clientName',
  type: 'text',
  label: { nl: 'Naam van de cliënt', en: 'Name of the client' },
  admin: {
    description: {
      nl: 'Verplicht als de klager geen cliënt is: de naam van de cliënt zelf. Deze naam staat in de melding aan de arbeidsdeskundige van UWV (Besluit 11).',
      en: 'Required when the complainant is not the client: the client’s own name, for the UWV notification.',
    },
    condition: (data) => (data as { complainant?: { role?: string } }).complainant?.role !== 'client',
  },
})
