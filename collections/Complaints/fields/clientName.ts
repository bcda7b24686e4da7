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
      nl: 'De naam van de cliënt zelf; verplicht als een werkgever of opdrachtgever klaagt. Deze naam staat in de melding aan de arbeidsdeskundige van UWV (besluit 11).',
      en: 'The client’s own name; required when an employer or client organisation complains. It goes into the UWV notification (Decision 11).',
    },
    condition: (data) => (data as { complainant?: { role?: string } }).complainant?.role !== 'client',
  },
})
