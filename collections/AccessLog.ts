import type { CollectionConfig } from 'payload'

import { refuseAccessLogDeletes, refuseAccessLogUpdates } from '../hooks/privacy/keepAccessLogAppendOnly'
import { nobody } from './access/nobody'
import { hasRole } from './access/roles'
import { dutchDate } from './fields/dutchDate'

/** What kind of read of a complainant's personal data an entry records. */
export const ACCESS_KINDS = [
  'case_opened',
  'case_read',
  'attachment_downloaded',
  'letter_downloaded',
  'export',
  'dossier',
] as const
export type AccessKind = (typeof ACCESS_KINDS)[number]

export const ACCESS_KIND_LABELS: Record<AccessKind, { nl: string; en: string }> = {
  case_opened: { nl: 'Dossier geopend in het beheer', en: 'Case opened in the admin' },
  case_read: { nl: 'Persoonsgegevens opgevraagd via de API', en: 'Personal data read through the API' },
  attachment_downloaded: { nl: 'Bijlage gedownload', en: 'Attachment downloaded' },
  letter_downloaded: { nl: 'Brief gedownload', en: 'Letter downloaded' },
  export: { nl: 'Export', en: 'Export' },
  dossier: { nl: 'Inzagedossier (ZIP)', en: 'Dossier for inspection (ZIP)' },
}

/**
 * The access log ("raadpleeglog", DOMAIN.md Contracts added): which staff member (or the
 * complainant on their own page) read which case's personal data, when, and what kind of read.
 * It holds no personal data of the complainant: the case is named by its relationship. Written
 * only by trusted server code (hooks/privacy/logAccess.ts) after the read; append-only for everyone
 * through every API. Managers read and filter it. The retention job removes entries older than the
 * setting `accessLogYears`, the one exception (Decision 19).
 */
export const AccessLog: CollectionConfig = {
  slug: 'access-log',
  labels: {
    singular: { nl: 'Raadpleging', en: 'Access log entry' },
    plural: { nl: 'Raadpleeglog', en: 'Access log' },
  },
  admin: {
    group: { nl: 'Klachten', en: 'Complaints' },
    // Moment, who, case reference (the complaint's title), what; filters on each (the list's "Filters").
    defaultColumns: ['at', 'actor', 'complaint', 'kind'],
    description: {
      nl: 'Wie welke persoonsgegevens van een klager heeft ingezien, en wanneer (AVG). Niemand kan een regel wijzigen of verwijderen.',
      en: "Who read which complainant's personal data, and when (GDPR). Nobody can change or remove an entry.",
    },
  },
  lockDocuments: false,
  timestamps: false,
  access: {
    read: ({ req }) => hasRole(req.user, 'manager'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  // Append-only for trusted code too: only the log's own retention removes (hooks/privacy/purgeAccessLog.ts).
  hooks: { beforeChange: [refuseAccessLogUpdates], beforeDelete: [refuseAccessLogDeletes] },
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      admin: { date: dutchDate('dayAndTime') },
      label: { nl: 'Moment', en: 'When' },
    },
    {
      name: 'actorKind',
      type: 'select',
      required: true,
      options: [
        { value: 'staff', label: { nl: 'Medewerker', en: 'Staff member' } },
        { value: 'complainant', label: { nl: 'Klager', en: 'Complainant' } },
      ],
      label: { nl: 'Soort lezer', en: 'Kind of reader' },
    },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: { nl: 'Wie', en: 'Who' },
      admin: { description: { nl: 'Leeg: de klager zelf.', en: 'Empty: the complainant.' } },
    },
    {
      name: 'complaint',
      type: 'relationship',
      relationTo: 'complaints',
      required: true,
      index: true,
      label: { nl: 'Klacht', en: 'Complaint' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: ACCESS_KINDS.map((value) => ({ value, label: ACCESS_KIND_LABELS[value] })),
      label: { nl: 'Wat', en: 'What' },
    },
    {
      // One entry per reader, case and kind per window, race-safe (hooks/privacy/logAccess.ts).
      // Not required: SQLite adds no NOT NULL column to a table that exists; logAccess always sets it.
      name: 'windowKey',
      type: 'text',
      unique: true,
      admin: { hidden: true },
      label: { nl: 'Sleutel', en: 'Key' },
    },
  ],
}
