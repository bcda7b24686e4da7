import type { CollectionConfig } from 'payload'

import { freezeReportEndpoint } from '../cms/endpoints/freezeReport'
import { rememberUploadName } from '../hooks/effects/once'
import { nobody } from './access/nobody'
import { hasRole } from './access/roles'
import { dutchDate } from './fields/dutchDate'
import { serveAsDownload } from './uploads/serveAsDownload'

/**
 * Frozen Art. 9 reports ("verantwoordingsrapportage"): the numbers of one period as they stood at
 * one moment, with their PDF. Made every quarter by the job, or by a manager by hand. A snapshot
 * holds counts only, never personal data, so retention (Decision 19) leaves it alone. `key` is
 * the unique key of the side effect: a second run of the same quarter finds the first and stops.
 * The PDFs are stored in `reports/` under UPLOAD_DIR (cms/config.ts, withUploadDir).
 */
export const Reports: CollectionConfig = {
  slug: 'reports',
  labels: {
    singular: { nl: 'Verantwoording (art. 9)', en: 'Accountability report (Art. 9)' },
    plural: { nl: 'Verantwoordingen (art. 9)', en: 'Accountability reports (Art. 9)' },
  },
  admin: {
    group: { nl: 'Klachten', en: 'Complaints' },
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'asOf', 'madeByKind'],
    description: {
      nl: 'Vastgelegde rapportages volgens artikel 9: de cijfers van een periode zoals ze op één moment waren.',
      en: 'Frozen reports under Art. 9: the figures of one period as they stood at one moment.',
    },
  },
  upload: {
    staticDir: 'reports',
    mimeTypes: ['application/pdf'],
    modifyResponseHeaders: serveAsDownload,
  },
  // Art. 9: reporting is the managers' duty; nobody writes a snapshot but trusted server code.
  access: {
    read: ({ req }) => hasRole(req.user, 'manager'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  // POST /api/reports/freeze: a manager freezes a period by hand (the endpoint checks the role).
  endpoints: [freezeReportEndpoint],
  // A snapshot is made through once() (its key): a losing attempt's PDF is removed again.
  hooks: { beforeChange: [rememberUploadName] },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { nl: 'Sleutel', en: 'Key' },
      admin: {
        readOnly: true,
        description: {
          nl: 'Eén rapportage per kwartaal: een tweede run vindt deze sleutel en doet niets.',
          en: 'One report per quarter: a second run finds this key and does nothing.',
        },
      },
    },
    { name: 'title', type: 'text', required: true, label: { nl: 'Titel', en: 'Title' }, admin: { readOnly: true } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { nl: 'Soort', en: 'Kind' },
      options: [
        { value: 'quarterly', label: { nl: 'Kwartaalrapportage', en: 'Quarterly report' } },
        { value: 'manual', label: { nl: 'Met de hand vastgelegd', en: 'Frozen by hand' } },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'periodFrom',
      type: 'text',
      required: true,
      label: { nl: 'Ontvangen vanaf', en: 'Received from' },
      admin: { readOnly: true },
    },
    {
      name: 'periodTo',
      type: 'text',
      required: true,
      label: { nl: 'Ontvangen tot en met', en: 'Received up to and including' },
      admin: { readOnly: true },
    },
    {
      name: 'asOf',
      type: 'date',
      required: true,
      label: { nl: 'Cijfers per', en: 'Figures as of' },
      admin: { readOnly: true, date: dutchDate('dayAndTime') },
    },
    {
      name: 'numbers',
      type: 'json',
      required: true,
      label: { nl: 'Cijfers', en: 'Figures' },
      admin: { readOnly: true },
    },
    {
      name: 'madeByKind',
      type: 'select',
      required: true,
      label: { nl: 'Gemaakt door', en: 'Made by' },
      options: [
        { value: 'system', label: { nl: 'Het portaal (elk kwartaal)', en: 'The portal (every quarter)' } },
        { value: 'staff', label: { nl: 'Een manager', en: 'A manager' } },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'madeBy',
      type: 'relationship',
      relationTo: 'users',
      label: { nl: 'Manager', en: 'Manager' },
      admin: { readOnly: true },
    },
    {
      name: 'mailedAt',
      type: 'date',
      label: { nl: 'Gemaild aan de managers op', en: 'Mailed to the managers at' },
      admin: {
        readOnly: true,
        date: dutchDate('dayAndTime'),
        description: {
          nl: 'De kwartaalrapportage gaat één keer per e-mail naar elke manager.',
          en: 'The quarterly report is e-mailed once to every manager.',
        },
      },
    },
    {
      // Decision 18: a manager's explicit step puts a frozen yearly report on the site (suppressed).
      name: 'publish',
      type: 'ui',
      label: { nl: 'Publiceren op de website', en: 'Publish on the website' },
      admin: { components: { Field: '/components/report/PublishFigures#PublishFigures' } },
    },
  ],
}
