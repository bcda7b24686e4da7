import type { CollectionConfig } from 'payload'

import { resendOutboxMessage } from '../cms/endpoints/resendOutboxMessage'
import { canReadMessageBody, canReadMessageContent } from '../hooks/outbox/messageAccess'
import { recordLetterSent } from '../hooks/outbox/recordLetterSent'
import { canReadCaseDocument } from './access/complaintAccess'
import { nobody } from './access/nobody'
import {
  FAILURE_KIND_LABELS,
  FAILURE_KINDS,
  MESSAGE_PURPOSE_LABELS,
  MESSAGE_PURPOSES,
  OUTBOX_STATUS_LABELS,
  OUTBOX_STATUSES,
} from '../cms/email/statuses'
import { dutchDate } from './fields/dutchDate'

/**
 * Every e-mail the portal sends is stored here first, then delivered by the `deliverEmail` job.
 * Nobody edits or deletes a message: the outbox is the record of what was sent to whom, and when.
 * Recipients, subject and bodies: managers and the case's handler only (Decision 15); a
 * credential's body: nobody, and it is removed once delivered (Decision 20).
 */
const content = { read: canReadMessageContent }
const body = { read: canReadMessageBody }

export const Outbox: CollectionConfig = {
  slug: 'outbox',
  labels: {
    singular: { nl: 'Uitgaand bericht', en: 'Outgoing message' },
    plural: { nl: 'Uitgaande e-mail', en: 'Outgoing e-mail' },
  },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'purpose', 'status', 'attempts', 'lastError', 'createdAt'],
    group: { nl: 'Beheer', en: 'Administration' },
    description: {
      nl: 'Alle e-mail van het portaal. "Mislukt" vraagt om actie: controleer het adres en neem op een andere manier contact op, of verstuur het bericht opnieuw.',
      en: 'All e-mail of the portal. "Failed" needs action: check the address and make contact another way, or send the message again.',
    },
  },
  access: {
    // Managers and admins see every message; a handler the messages of their own cases.
    read: canReadCaseDocument,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  hooks: { afterChange: [recordLetterSent] },
  endpoints: [resendOutboxMessage],
  fields: [
    { name: 'subject', type: 'text', required: true, access: content, label: { nl: 'Onderwerp', en: 'Subject' } },
    {
      type: 'row',
      fields: [
        { name: 'to', type: 'text', hasMany: true, required: true, access: content, label: { nl: 'Aan', en: 'To' } },
        { name: 'cc', type: 'text', hasMany: true, access: content, label: { nl: 'Cc', en: 'Cc' } },
        { name: 'from', type: 'text', required: true, label: { nl: 'Van', en: 'From' } },
        { name: 'replyTo', type: 'text', access: content, label: { nl: 'Antwoord naar', en: 'Reply to' } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: OUTBOX_STATUSES.map((value) => ({ value, label: OUTBOX_STATUS_LABELS[value] })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'complaint',
      type: 'relationship',
      relationTo: 'complaints',
      index: true,
      label: { nl: 'Klacht', en: 'Complaint' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      defaultValue: 'system',
      index: true,
      label: { nl: 'Soort bericht', en: 'Kind of message' },
      options: MESSAGE_PURPOSES.map((value) => ({ value, label: MESSAGE_PURPOSE_LABELS[value] })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'attempts',
      type: 'number',
      required: true,
      defaultValue: 0,
      label: { nl: 'Pogingen', en: 'Attempts' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'lastError',
      type: 'text',
      label: { nl: 'Laatste fout', en: 'Last error' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'failureKind',
      type: 'select',
      label: { nl: 'Soort fout', en: 'Kind of failure' },
      options: FAILURE_KINDS.map((value) => ({ value, label: FAILURE_KIND_LABELS[value] })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'resendAction',
      type: 'ui',
      label: { nl: 'Opnieuw versturen', en: 'Send again' },
      admin: { position: 'sidebar', components: { Field: '/components/ResendMessageButton#ResendMessageButton' } },
    },
    {
      name: 'resends',
      type: 'array',
      label: { nl: 'Opnieuw verstuurd', en: 'Sent again' },
      labels: {
        singular: { nl: 'Keer opnieuw verstuurd', en: 'Time sent again' },
        plural: { nl: 'Keren opnieuw verstuurd', en: 'Times sent again' },
      },
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'at',
          type: 'date',
          required: true,
          label: { nl: 'Wanneer', en: 'When' },
          admin: { date: dutchDate('dayAndTime') },
        },
        { name: 'by', type: 'relationship', relationTo: 'users', label: { nl: 'Door', en: 'By' } },
        {
          name: 'newKey',
          type: 'checkbox',
          label: {
            nl: 'Met een nieuwe sleutel (vorige poging zeker mislukt)',
            en: 'With a new key (last attempt certainly failed)',
          },
        },
      ],
    },
    {
      name: 'sentAt',
      type: 'date',
      label: { nl: 'Verstuurd op', en: 'Sent at' },
      admin: { position: 'sidebar', date: dutchDate('dayAndTime') },
    },
    {
      name: 'providerId',
      type: 'text',
      label: { nl: 'Kenmerk bij Resend', en: 'Reference at Resend' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'idempotencyKey',
      type: 'text',
      required: true,
      unique: true,
      label: { nl: 'Idempotentiesleutel', en: 'Idempotency key' },
      admin: { position: 'sidebar' },
    },
    { name: 'text', type: 'textarea', required: true, access: body, label: { nl: 'Tekst', en: 'Plain text' } },
    {
      name: 'html',
      type: 'code',
      required: true,
      access: body,
      label: { nl: 'HTML', en: 'HTML' },
      admin: { language: 'html' },
    },
    {
      name: 'attachments',
      type: 'array',
      access: body,
      label: { nl: 'Bijlagen', en: 'Attachments' },
      labels: { singular: { nl: 'Bijlage', en: 'Attachment' }, plural: { nl: 'Bijlagen', en: 'Attachments' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'filename', type: 'text', required: true, label: { nl: 'Bestandsnaam', en: 'File name' } },
            { name: 'contentType', type: 'text', required: true, label: { nl: 'Soort', en: 'Type' } },
            { name: 'size', type: 'number', required: true, label: { nl: 'Grootte (bytes)', en: 'Size (bytes)' } },
          ],
        },
        // The bytes themselves, base64; too long to show and of no use on screen. Payload's default
        // limit for text (40,000 characters) would refuse any PDF over 30 kB, such as the Art. 9
        // report; Resend takes up to 40 MB per message.
        { name: 'contentBase64', type: 'textarea', required: true, maxLength: 40_000_000, admin: { hidden: true } },
      ],
    },
  ],
}
