import type { CollectionConfig } from 'payload'

import { CASE_EVENT_LABELS, CASE_EVENT_TYPES } from '../hooks/caseEvents/eventTypes'
import { refuseEventDeletes, refuseEventUpdates } from '../hooks/caseEvents/refuseChanges'
import { canReadCaseFile } from './access/complaintAccess'
import { nobody } from './access/nobody'
import { dutchDate } from './fields/dutchDate'

/** The case timeline: who did what, when, to which complaint. Append-only; no personal data. */
export const CaseEvents: CollectionConfig = {
  slug: 'case-events',
  labels: { singular: { nl: 'Gebeurtenis', en: 'Event' }, plural: { nl: 'Tijdlijn', en: 'Timeline' } },
  admin: {
    group: { nl: 'Klachten', en: 'Complaints' },
    defaultColumns: ['at', 'type', 'complaint', 'actor'],
    useAsTitle: 'type',
  },
  access: { read: canReadCaseFile, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeChange: [refuseEventUpdates], beforeDelete: [refuseEventDeletes] },
  defaultSort: '-at',
  fields: [
    {
      name: 'complaint',
      type: 'relationship',
      relationTo: 'complaints',
      required: true,
      index: true,
      label: { nl: 'Klacht', en: 'Complaint' },
    },
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      label: { nl: 'Wat', en: 'What' },
      options: CASE_EVENT_TYPES.map((value) => ({ value, label: CASE_EVENT_LABELS[value] })),
    },
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      label: { nl: 'Wanneer', en: 'When' },
      admin: { date: dutchDate('dayAndTime') },
    },
    {
      name: 'actorKind',
      type: 'select',
      required: true,
      label: { nl: 'Door', en: 'By' },
      options: [
        { value: 'staff', label: { nl: 'Medewerker', en: 'Staff' } },
        { value: 'public', label: { nl: 'Website (klachtformulier)', en: 'Website (complaint form)' } },
        { value: 'system', label: { nl: 'Systeem', en: 'System' } },
        { value: 'complainant', label: { nl: 'Klager', en: 'Complainant' } },
      ],
    },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: { nl: 'Medewerker', en: 'Staff member' } },
    {
      name: 'data',
      type: 'json',
      label: { nl: 'Gegevens (zonder persoonsgegevens)', en: 'Details (no personal data)' },
    },
  ],
}
