import type { CollectionConfig } from 'payload'

import { checkLetterTemplate, describeLetterTemplate } from '../hooks/letters/templateHooks'
import { LETTER_KINDS, letterKindLabel } from '../hooks/letters/kinds'
import { nobody, nobodyField } from './access/nobody'
import { hasRole } from './access/roles'

/**
 * The texts of the letters the regulation requires, one document per kind, seeded with defaults.
 * Editors change them in the admin; the next letter uses the new text (no deploy). Placeholders such
 * as {{kenmerk}} are filled from the case; a text without a part its article requires is refused.
 */
export const LetterTemplates: CollectionConfig = {
  slug: 'letter-templates',
  labels: {
    singular: { nl: 'Brieftekst', en: 'Letter text' },
    plural: { nl: 'Brieven (teksten)', en: 'Letter texts' },
  },
  admin: {
    group: { nl: 'Inhoud', en: 'Content' },
    useAsTitle: 'title',
    defaultColumns: ['title', 'article', 'updatedAt'],
    description: {
      nl: 'De teksten van de brieven aan klagers en UWV. Wat tussen {{ }} staat, vullen wij in vanuit de klacht. Een wijziging geldt voor de volgende brief.',
      en: 'The texts of the letters. Placeholders in {{ }} are filled from the case. A change applies to the next letter.',
    },
    pagination: { defaultLimit: 25 },
  },
  // Every change is kept, so that what a letter said on a date can be traced.
  versions: { maxPerDoc: 0 },
  access: {
    read: ({ req }) => hasRole(req.user, 'editor', 'admin', 'manager'),
    readVersions: ({ req }) => hasRole(req.user, 'editor', 'admin', 'manager'),
    // The set of letters is fixed by the regulation: seeded, never created or removed by hand.
    create: nobody,
    update: ({ req }) => hasRole(req.user, 'editor', 'admin'),
    delete: nobody,
  },
  hooks: { beforeChange: [checkLetterTemplate], afterRead: [describeLetterTemplate] },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      unique: true,
      label: { nl: 'Brief', en: 'Letter' },
      options: LETTER_KINDS.map((value) => ({ value, label: letterKindLabel(value) })),
      access: { update: nobodyField },
      admin: { readOnly: true, position: 'sidebar' },
    },
    // The list's title column (the kind's name); the edit view shows the kind in the sidebar.
    {
      name: 'title',
      type: 'text',
      label: { nl: 'Brief', en: 'Letter' },
      access: { update: nobodyField },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'article',
      type: 'text',
      label: { nl: 'Volgens', en: 'According to' },
      virtual: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'subject', type: 'text', required: true, label: { nl: 'Onderwerp', en: 'Subject' } },
    { name: 'salutation', type: 'text', required: true, label: { nl: 'Aanhef', en: 'Salutation' } },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      label: { nl: 'Tekst', en: 'Text' },
      admin: {
        rows: 18,
        description: {
          nl: 'Een witregel begint een nieuwe alinea. Een alinea met alleen een lege invulplek valt weg.',
          en: 'A blank line starts a new paragraph. A paragraph holding only an empty placeholder is left out.',
        },
      },
    },
    {
      name: 'closing',
      type: 'text',
      required: true,
      label: { nl: 'Afsluiting', en: 'Closing' },
      admin: {
        description: {
          nl: 'Onder de afsluiting zetten wij de gegevens van Working Progression uit de instellingen.',
          en: "Below the closing we put Working Progression's details from the settings.",
        },
      },
    },
    {
      name: 'placeholders',
      type: 'textarea',
      virtual: true,
      label: { nl: 'Invulplekken in deze brief', en: 'Placeholders in this letter' },
      admin: { readOnly: true, position: 'sidebar', rows: 16 },
    },
    {
      name: 'lastEditedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { nl: 'Laatst gewijzigd door', en: 'Last edited by' },
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
