import type { Field } from 'payload'

import { personal } from './personal'
import { readOnlyField } from './readOnly'
import { dutchDate } from '../../fields/dutchDate'

/** When a letter was sent (lettersSent): written by the outbox or the posting date, read-only on screen. */
const sentAt = (name: string, nl: string, en: string): Field => ({
  name,
  type: 'date',
  label: { nl, en },
  admin: { readOnly: true, date: dutchDate('dayAndTime') },
})

/** When each letter was sent: a deadline is met by the letter, not the status. */
export const lettersSent: Field = personal({
  name: 'lettersSent',
  type: 'group',
  label: { nl: 'Verstuurd', en: 'Sent' },
  admin: {
    description: {
      nl: 'Een termijn is gehaald als de brief op tijd is verstuurd, niet als de status op tijd veranderde.',
      en: 'A deadline is met when the letter was sent in time, not when the status changed in time.',
    },
  },
  access: readOnlyField,
  fields: [
    {
      type: 'row',
      fields: [
        sentAt('acknowledgementAt', 'Ontvangstbevestiging', 'Acknowledgement'),
        sentAt('nonAdmissionNoticeAt', 'Bericht niet in behandeling', 'Non-admission notice'),
        sentAt('decisionAt', 'Beslissing', 'Decision'),
        sentAt('delayNoticeAt', 'Verdagingsbericht', 'Delay notice'),
      ],
    },
    {
      type: 'row',
      fields: [
        sentAt('writtenVersionAt', 'Schriftelijke versie (besluit 8)', 'Written version (Decision 8)'),
        sentAt('hearingInvitationAt', 'Uitnodiging gesprek', 'Hearing invitation'),
        sentAt('hearingReportAt', 'Verslag ter ondertekening', 'Hearing report for signature'),
        sentAt('agreementsConfirmationAt', 'Bevestiging afspraken', 'Agreements confirmed'),
      ],
    },
    {
      type: 'row',
      fields: [
        sentAt('hearingCancellationAt', 'Gesprek gaat niet door', 'Hearing cancelled'),
        sentAt('withdrawalConfirmationAt', 'Bevestiging intrekking', 'Withdrawal confirmed'),
      ],
    },
  ],
})
