import type { Field } from 'payload'

import { dutchDate } from '../../fields/dutchDate'
import { personal } from './personal'
import { readOnlyField } from './readOnly'

/**
 * Art. 3 and Decision 8: the complaint as staff wrote it down with the complainant, sent to the
 * complainant to correct. Decision 16: every version is kept — the original text stays as it was
 * registered, each written version is added to `versions` with who and when, and none is changed
 * afterwards (hooks/complaints/recordWrittenVersion.ts). Letters quote the latest version as the
 * complaint. (The versions sit inside this group: Payload answers an array whose read access is
 * denied as an empty list, a group not at all.)
 */
export const writtenVersion: Field = personal({
  name: 'writtenVersion',
  type: 'group',
  label: { nl: 'Klacht samen opschrijven (art. 3, besluit 8)', en: 'Writing the complaint down (Art. 3)' },
  admin: {
    // Decision 8: the version written down together answers a registered complaint; the form for a
    // new one has nothing to write down yet.
    condition: (_data, _sibling, { operation }) => operation !== 'create',
    description: {
      nl: 'Schrijf de klacht op zoals u die met de klager hebt verwoord. Vink "Naar de klager sturen" aan en sla op: de klager krijgt deze versie om te controleren en te verbeteren. De oorspronkelijke tekst hierboven blijft bewaard.',
      en: 'Write the complaint down as worded with the complainant; tick "Send" and save. The original text is kept.',
    },
  },
  fields: [
    { name: 'draft', type: 'textarea', label: { nl: 'Schriftelijke versie', en: 'Written version' } },
    {
      name: 'send',
      type: 'checkbox',
      label: { nl: 'Naar de klager sturen bij opslaan', en: 'Send to the complainant on save' },
    },
    {
      name: 'versions',
      type: 'array',
      label: { nl: 'Verstuurde schriftelijke versies', en: 'Written versions sent' },
      labels: { singular: { nl: 'Versie', en: 'Version' }, plural: { nl: 'Versies', en: 'Versions' } },
      access: readOnlyField,
      admin: {
        readOnly: true,
        condition: (_data, sibling) => Array.isArray(sibling?.versions) && sibling.versions.length > 0,
      },
      fields: [
        { name: 'text', type: 'textarea', required: true, label: { nl: 'Tekst', en: 'Text' } },
        {
          type: 'row',
          fields: [
            {
              name: 'at',
              type: 'date',
              required: true,
              label: { nl: 'Verstuurd op', en: 'Sent at' },
              admin: { date: dutchDate('dayAndTime') },
            },
            { name: 'by', type: 'relationship', relationTo: 'users', label: { nl: 'Door', en: 'By' } },
          ],
        },
      ],
    },
  ],
})
