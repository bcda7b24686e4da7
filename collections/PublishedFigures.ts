import type { CollectionConfig, FieldAccess } from 'payload'

import { publishFigures } from '../cms/endpoints/publishFigures'
import { invalidateSiteOnPublish } from '../hooks/publishedFigures/invalidateSiteOnPublish'
import { validateChangesText } from '../hooks/publishedFigures/publish'
import { anyone } from './access/anyone'
import { nobody } from './access/nobody'
import { hasRole } from './access/roles'
import { dutchDate } from './fields/dutchDate'

/*
 * Who published and from which report are not required in the schema: a user is removed at
 * offboarding (the link then empties, the published figures stay). The publish step always sets both.
 */
const managersOnly: FieldAccess = ({ req }) => hasRole(req.user, 'manager')

/**
 * "Klachten in cijfers <jaar>" (Art. 9, Decision 18): the yearly figures as the public site shows
 * them. One document per calendar year, holding only the copy made for publication
 * (hooks/reports/suppress.ts: counts under 5, and counts that could be worked out, hidden; no free
 * text from a case) and the manager's own text. The internal report it came from stays in
 * `reports` (managers only); which report that was, and who published, only managers read.
 *
 * Written only by the publish step (POST /api/published-figures/publish, cms/endpoints/publishFigures.ts),
 * which checks the manager and the report; publishing a year again replaces its copy.
 */
export const PublishedFigures: CollectionConfig = {
  slug: 'published-figures',
  labels: {
    singular: { nl: 'Klachten in cijfers', en: 'Published figures' },
    plural: { nl: 'Klachten in cijfers', en: 'Published figures' },
  },
  admin: {
    group: { nl: 'Klachten', en: 'Complaints' },
    // Anyone may read the published copy (the site does), but only managers publish: nobody else
    // finds it in the admin's navigation (DOMAIN.md, People: editors and admins see no complaints group).
    hidden: ({ user }) => !hasRole(user, 'manager'),
    useAsTitle: 'year',
    defaultColumns: ['year', 'publishedAt'],
    description: {
      nl: 'De cijfers per jaar zoals iedereen ze op de website ziet ("Klachten in cijfers"). Aantallen onder de 5, en aantallen die je daaruit kunt uitrekenen, staan er als "minder dan 5". Publiceren doet een manager vanuit een vastgelegde jaarrapportage; opnieuw publiceren vervangt de cijfers van dat jaar.',
      en: 'The yearly figures as everyone sees them on the website. Counts under 5, and counts that could be worked out from them, show as "minder dan 5". A manager publishes from a frozen yearly report; publishing again replaces that year.',
    },
  },
  // Read: the public site shows this copy (it is already suppressed). Writes: only the publish step.
  access: {
    read: anyone,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  hooks: { afterChange: [invalidateSiteOnPublish] },
  endpoints: [publishFigures],
  fields: [
    {
      name: 'year',
      type: 'number',
      required: true,
      unique: true,
      index: true,
      min: 2000,
      max: 2999,
      label: { nl: 'Jaar', en: 'Year' },
      admin: { readOnly: true },
    },
    {
      name: 'figures',
      type: 'json',
      required: true,
      label: { nl: 'Gepubliceerde cijfers', en: 'Published figures' },
      admin: { readOnly: true },
    },
    {
      name: 'changes',
      type: 'textarea',
      required: true,
      maxLength: 4000,
      label: { nl: 'Wat we hebben veranderd door klachten', en: 'What we changed because of complaints' },
      validate: validateChangesText,
      admin: { readOnly: true },
    },
    {
      name: 'publishedAt',
      type: 'date',
      required: true,
      label: { nl: 'Gepubliceerd op', en: 'Published on' },
      admin: { readOnly: true, date: dutchDate('dayAndTime') },
    },
    {
      name: 'publishedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { nl: 'Gepubliceerd door', en: 'Published by' },
      access: { read: managersOnly },
      admin: { readOnly: true },
    },
    {
      name: 'report',
      type: 'relationship',
      relationTo: 'reports',
      label: { nl: 'Uit de rapportage', en: 'From the report' },
      access: { read: managersOnly },
      admin: { readOnly: true },
    },
  ],
}
