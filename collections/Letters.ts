import type { CollectionConfig } from 'payload'

import { MESSAGE_PURPOSE_LABELS, MESSAGE_PURPOSES } from '../cms/email/statuses'
import { guardPostingDate } from '../hooks/letters/guardPostingDate'
import { recordPosting } from '../hooks/letters/recordPosting'
import { canReadCaseFile } from './access/complaintAccess'
import { nobody, nobodyField } from './access/nobody'
import { hasRole } from './access/roles'
import { serveAsDownload } from './uploads/serveAsDownload'
import { rememberUploadName } from '../hooks/effects/once'
import { logFileDownload } from '../hooks/privacy/logFileDownload'
import { dutchDate } from './fields/dutchDate'

/**
 * The PDF copy of every letter the regulation requires, kept in the case dossier (which the
 * complainant may inspect, Art. 6 note). Without an e-mail address the letter goes by post, and
 * the handler records the posting date here — that date counts as sent (Decision 12).
 * The PDFs are stored in `letters/` under UPLOAD_DIR (cms/config.ts, withUploadDir).
 */
export const Letters: CollectionConfig = {
  slug: 'letters',
  labels: { singular: { nl: 'Brief', en: 'Letter' }, plural: { nl: 'Brieven', en: 'Letters' } },
  admin: {
    group: { nl: 'Klachten', en: 'Complaints' },
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'purpose', 'channel', 'postedAt', 'createdAt'],
    description: {
      nl: 'Brieven per post: print de PDF, verstuur hem en vul de datum van verzending in (Besluit 12).',
      en: 'Letters by post: print, send, and record the posting date (Decision 12).',
    },
  },
  upload: {
    staticDir: 'letters',
    mimeTypes: ['application/pdf'],
    // Served as a download only, never rendered in the browser (collections/uploads/serveAsDownload).
    modifyResponseHeaders: serveAsDownload,
    // Each staff download is logged after the access check (hooks/privacy/logFileDownload.ts).
    handlers: [logFileDownload('letter_downloaded')],
  },
  access: {
    read: canReadCaseFile,
    create: nobody,
    // The handler of the case (or a manager) records the posting date; nothing else changes.
    update: (args) => hasRole(args.req.user, 'manager', 'handler') && canReadCaseFile(args),
    delete: nobody,
  },
  hooks: { beforeChange: [guardPostingDate, rememberUploadName], afterChange: [recordPosting] },
  fields: [
    {
      name: 'complaint',
      type: 'relationship',
      relationTo: 'complaints',
      required: true,
      index: true,
      label: { nl: 'Klacht', en: 'Complaint' },
      access: { update: nobodyField },
    },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      label: { nl: 'Soort brief', en: 'Kind of letter' },
      options: MESSAGE_PURPOSES.map((value) => ({ value, label: MESSAGE_PURPOSE_LABELS[value] })),
      access: { update: nobodyField },
    },
    {
      name: 'channel',
      type: 'select',
      required: true,
      label: { nl: 'Verzonden per', en: 'Sent by' },
      options: [
        { value: 'email', label: { nl: 'E-mail (PDF als bijlage)', en: 'E-mail (PDF attached)' } },
        { value: 'post', label: { nl: 'Post', en: 'Post' } },
      ],
      access: { update: nobodyField },
    },
    {
      name: 'postedAt',
      type: 'date',
      label: { nl: 'Per post verstuurd op', en: 'Sent by post on' },
      admin: {
        date: dutchDate(),
        description: {
          nl: 'Deze datum telt als verzenddatum voor de termijnen (Besluit 12). Niet vóór de dag waarop de brief is gemaakt en niet in de toekomst (Besluit 17).',
          en: "Counts as the sending date (Decision 12); between the letter's creation and today (Decision 17).",
        },
      },
    },
    {
      name: 'postedAtChangeReason',
      type: 'textarea',
      label: { nl: 'Reden van de wijziging van de verzenddatum', en: 'Reason for changing the posting date' },
      access: { create: nobodyField },
      admin: {
        condition: (data) => Boolean(data?.postedBy),
        description: {
          nl: 'Een verzenddatum die al is vastgelegd, verandert alleen met een reden (Besluit 17).',
          en: 'A recorded posting date changes only with a reason (Decision 17).',
        },
      },
    },
    {
      name: 'postedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { nl: 'Verzenddatum ingevuld door', en: 'Posting date recorded by' },
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true },
    },
    {
      name: 'message',
      type: 'relationship',
      relationTo: 'outbox',
      label: { nl: 'E-mail', en: 'E-mail' },
      access: { update: nobodyField },
    },
    {
      // One letter per planned letter, whatever the job queue does (it may run a job twice): the
      // database's unique index lets the second issue find the first (hooks/effects/once.ts).
      name: 'effectKey',
      type: 'text',
      unique: true,
      index: true,
      label: { nl: 'Sleutel van de verzending', en: 'Effect key' },
      access: { read: nobodyField, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
  ],
}
