import type { Field } from 'payload'

import {
  CLIENT_ORGANISATION_LABELS,
  CLIENT_ORGANISATIONS,
  COMPLAINANT_ROLE_LABELS,
  COMPLAINANT_ROLES,
  options,
} from '../../../hooks/complaints/vocabulary'
import { personal } from './personal'

/** Who complains, and how to reach them (Art. 1). */
export const complainant: Field = personal({
  name: 'complainant',
  type: 'group',
  label: { nl: 'Klager', en: 'Complainant' },
  admin: {
    description: {
      nl: 'Art. 1: ieder mag klagen, ook namens een ander.',
      en: 'Art. 1: anyone may complain, also on behalf of someone else.',
    },
  },
  fields: [
    {
      name: 'role',
      type: 'select',
      required: true,
      label: { nl: 'Wie is de klager?', en: 'Who is complaining?' },
      options: options(COMPLAINANT_ROLES, COMPLAINANT_ROLE_LABELS),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'onBehalfOf',
          type: 'checkbox',
          label: { nl: 'Namens iemand anders', en: 'On behalf of someone else' },
        },
        { name: 'onBehalfOfName', type: 'text', label: { nl: 'Namens wie', en: 'On behalf of' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'clientOrganisation',
          type: 'select',
          label: { nl: 'Opdrachtgever van de cliënt', en: "The client's client organisation" },
          options: options(CLIENT_ORGANISATIONS, CLIENT_ORGANISATION_LABELS),
        },
        {
          name: 'clientOrganisationName',
          type: 'text',
          label: { nl: 'Naam opdrachtgever', en: 'Name of client organisation' },
        },
      ],
    },
    { name: 'name', type: 'text', required: true, label: { nl: 'Naam', en: 'Name' } },
    {
      // Letters cannot yet print every script (hooks/letters/pdf/fonts.ts); the intake schema asks for this then.
      name: 'nameLatin',
      type: 'text',
      label: { nl: 'Naam in Latijnse letters (voor brieven)', en: 'Name in Latin letters (for letters)' },
      admin: {
        description: {
          nl: 'Alleen nodig als de naam niet in Latijnse letters is geschreven, bijvoorbeeld in Arabisch of Hebreeuws schrift. Brieven gebruiken dan deze spelling.',
          en: 'Only needed when the name is not written in Latin letters; letters then use this spelling.',
        },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'email',
          type: 'text',
          label: { nl: 'E-mailadres', en: 'E-mail' },
          admin: {
            description: {
              nl: 'Leeg: brieven gaan per post (Besluit 12).',
              en: 'Empty: letters go by post (Decision 12).',
            },
          },
        },
        { name: 'phone', type: 'text', label: { nl: 'Telefoon', en: 'Phone' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'street', type: 'text', label: { nl: 'Straat en huisnummer', en: 'Street and number' } },
        { name: 'postalCode', type: 'text', label: { nl: 'Postcode', en: 'Postal code' } },
        { name: 'city', type: 'text', label: { nl: 'Plaats', en: 'City' } },
      ],
    },
  ],
})
