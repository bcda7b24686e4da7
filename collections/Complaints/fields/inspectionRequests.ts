import type { DateFieldValidation, Field } from 'payload'

import { canReadPersonalData } from '../../access/complaintAccess'
import { civilDateIn } from '../../../hooks/dates/amsterdam'
import { dutchDate } from '../../fields/dutchDate'
import { personal } from './personal'
import { readOnlyField } from './readOnly'

/** Staff enter the date the request came in: today or earlier, on the calendar of Amsterdam. */
const notInTheFuture: DateFieldValidation = (value) => {
  if (!value) return 'Vul de datum in waarop het verzoek binnenkwam.'
  return civilDateIn(value) > civilDateIn(new Date()) ? 'De datum van ontvangst kan niet in de toekomst liggen.' : true
}

/**
 * Requests for inspection of the dossier (AVG art. 15), answered within one month of receipt
 * (art. 12(3)). Staff record the date of receipt; the portal computes the due date
 * (hooks/privacy/recordPrivacyRequests.ts) and records when the dossier was provided
 * (markInspectionProvided, hooks/privacy/inspection.ts). Allowed on a closed case too (Decision 16).
 */
export const inspectionRequests: Field = personal({
  name: 'inspectionRequests',
  type: 'array',
  label: { nl: 'Verzoeken om inzage (AVG art. 15)', en: 'Requests for inspection (GDPR Art. 15)' },
  labels: {
    singular: { nl: 'Inzageverzoek', en: 'Inspection request' },
    plural: { nl: 'Inzageverzoeken', en: 'Inspection requests' },
  },
  // The assigned handler and managers, who read the case (Decision 15); not a handler of another case.
  access: { update: canReadPersonalData },
  admin: {
    position: 'sidebar',
    description: {
      nl: 'De klager vraagt het dossier in te zien. Het antwoord volgt binnen een maand na ontvangst.',
      en: 'The complainant asks to see the dossier. The answer follows within one month of receipt.',
    },
  },
  fields: [
    {
      name: 'receivedAt',
      type: 'date',
      required: true,
      label: { nl: 'Verzoek ontvangen op', en: 'Request received on' },
      validate: notInTheFuture,
      admin: { date: dutchDate() },
    },
    {
      name: 'dueAt',
      type: 'date',
      label: { nl: 'Antwoord uiterlijk', en: 'Answer due' },
      access: readOnlyField,
      admin: { readOnly: true, date: dutchDate() },
    },
    {
      name: 'providedAt',
      type: 'date',
      label: { nl: 'Dossier verstrekt op', en: 'Dossier provided on' },
      access: readOnlyField,
      admin: { readOnly: true, date: dutchDate('dayAndTime') },
    },
  ],
})

/**
 * The earliest due date of the requests not yet answered (null when none is open): what the
 * managers' dashboard counts and filters by, on any database (a query on the array's rows means
 * "some row" on one adapter and "the same row" on another).
 */
export const inspectionDueAt: Field = personal({
  name: 'inspectionDueAt',
  type: 'date',
  index: true,
  label: { nl: 'Inzage uiterlijk', en: 'Inspection due' },
  access: readOnlyField,
  admin: { position: 'sidebar', readOnly: true, date: dutchDate() },
})
