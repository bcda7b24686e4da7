import type { GlobalConfig } from 'payload'

import { invalidateSiteCache } from '../hooks/regulation/invalidateSiteCache'
import { requireChangeNoteOnPublish } from '../hooks/regulation/requireChangeNoteOnPublish'
import { hasRole } from './access/roles'
import { dutchDate } from './fields/dutchDate'

/**
 * The published complaint regulation (Klachtenreglement) with its article-by-article notes.
 * Editors work on a draft and publish it; every published version stays retrievable with its change note.
 */
export const Regulation: GlobalConfig = {
  slug: 'regulation',
  label: { nl: 'Klachtenreglement', en: 'Complaint regulation' },
  admin: {
    group: { nl: 'Inhoud', en: 'Content' },
    description: {
      nl: 'De tekst op /klachtenreglement. Sla op als concept; het publiek ziet pas iets na "Publiceren".',
      en: 'The text on /klachtenreglement. Save as draft; the public sees it only after "Publish".',
    },
  },
  versions: {
    // Keep every version: the regulation's history must stay retrievable.
    max: 0,
    drafts: true,
  },
  access: {
    // The public reads only what is published; editors and admins also read drafts.
    read: ({ req }) => (hasRole(req.user, 'editor', 'admin') ? true : { _status: { equals: 'published' } }),
    // Editors and admins see the whole history; managers only what was published.
    readVersions: ({ req }) =>
      hasRole(req.user, 'editor', 'admin')
        ? true
        : hasRole(req.user, 'manager')
          ? { 'version._status': { equals: 'published' } }
          : false,
    update: ({ req }) => hasRole(req.user, 'editor', 'admin'),
  },
  hooks: {
    beforeValidate: [requireChangeNoteOnPublish],
    afterChange: [invalidateSiteCache],
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'title', type: 'text', required: true, label: { nl: 'Titel', en: 'Title' } },
        {
          name: 'validFrom',
          type: 'date',
          required: true,
          label: { nl: 'Geldend vanaf', en: 'Applies from' },
          admin: { date: dutchDate() },
        },
      ],
    },
    {
      name: 'changeNote',
      type: 'text',
      label: { nl: 'Wijziging in deze versie', en: 'Change in this version' },
      admin: {
        description: {
          nl: 'Verplicht bij publiceren: wat is er veranderd? Staat in de geschiedenis van het reglement.',
          en: 'Required when publishing: what changed? Kept in the regulation history.',
        },
      },
    },
    { name: 'introductionHeading', type: 'text', label: { nl: 'Kop van de inleiding', en: 'Introduction heading' } },
    { name: 'introduction', type: 'richText', label: { nl: 'Inleiding', en: 'Introduction' } },
    {
      name: 'definitions',
      type: 'array',
      label: { nl: 'Definities', en: 'Definitions' },
      labels: { singular: { nl: 'Definitie', en: 'Definition' }, plural: { nl: 'Definities', en: 'Definitions' } },
      admin: { initCollapsed: true },
      fields: [
        { name: 'term', type: 'text', required: true, label: { nl: 'Begrip', en: 'Term' } },
        { name: 'meaning', type: 'textarea', required: true, label: { nl: 'Betekenis', en: 'Meaning' } },
      ],
    },
    {
      name: 'articlesHeading',
      type: 'text',
      label: { nl: 'Kop boven de artikelen', en: 'Heading above the articles' },
    },
    {
      name: 'articles',
      type: 'array',
      required: true,
      minRows: 1,
      label: { nl: 'Artikelen', en: 'Articles' },
      labels: { singular: { nl: 'Artikel', en: 'Article' }, plural: { nl: 'Artikelen', en: 'Articles' } },
      admin: {
        initCollapsed: true,
        components: { RowLabel: '/components/ArticleRowLabel#ArticleRowLabel' },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'number',
              type: 'number',
              required: true,
              min: 1,
              label: { nl: 'Nummer', en: 'Number' },
              admin: {
                width: '20%',
                description: { nl: 'Het adres wordt #artikel-<nummer>.', en: 'Anchor #artikel-<number>.' },
              },
            },
            { name: 'title', type: 'text', required: true, label: { nl: 'Titel', en: 'Title' } },
          ],
        },
        { name: 'text', type: 'richText', required: true, label: { nl: 'Tekst van het artikel', en: 'Article text' } },
        {
          name: 'note',
          type: 'richText',
          label: { nl: 'Toelichting', en: 'Explanatory note' },
          admin: {
            description: {
              nl: 'Leeg laten als het artikel geen toelichting heeft (zoals art. 4).',
              en: 'Leave empty when there is none (as Art. 4).',
            },
          },
        },
      ],
    },
  ],
}
