import type { Field, FieldAccess } from 'payload'

import { hasRole } from '../../access/roles'
import { dutchDate } from '../../fields/dutchDate'
import { personal } from './personal'
import { readOnlyField } from './readOnly'

/** Decision 19: only a manager puts a case on legal hold or lifts it. */
const managerOnly: FieldAccess = ({ req }) => hasRole(req.user, 'manager')

/**
 * The case's privacy bookkeeping (AVG; Decisions 13 and 19): when it was closed (the retention
 * term counts from it), a legal hold that stops retention while it stands, and when and why the
 * case was anonymised. Reasons live here on the case, never in an event (Decision 19).
 */
export const privacy: Field = personal({
  name: 'privacy',
  type: 'group',
  label: { nl: 'Privacy en bewaren', en: 'Privacy and retention' },
  admin: { position: 'sidebar' },
  fields: [
    {
      name: 'closedAt',
      type: 'date',
      label: { nl: 'Afgesloten op', en: 'Closed on' },
      access: readOnlyField,
      admin: { readOnly: true, date: dutchDate('dayAndTime') },
    },
    {
      name: 'legalHold',
      type: 'checkbox',
      defaultValue: false,
      label: { nl: 'Vernietiging opgeschort', en: 'Legal hold' },
      access: { create: managerOnly, update: managerOnly },
    },
    {
      name: 'legalHoldReason',
      type: 'textarea',
      label: { nl: 'Reden van opschorting', en: 'Reason for the legal hold' },
      access: { create: managerOnly, update: managerOnly },
    },
    {
      name: 'legalHoldSince',
      type: 'date',
      label: { nl: 'Opgeschort sinds', en: 'On hold since' },
      access: readOnlyField,
      admin: { readOnly: true, date: dutchDate('dayAndTime') },
    },
    {
      name: 'legalHoldBy',
      type: 'relationship',
      relationTo: 'users',
      label: { nl: 'Opgeschort door', en: 'Put on hold by' },
      access: readOnlyField,
      admin: { readOnly: true },
    },
    {
      name: 'anonymisedAt',
      type: 'date',
      label: { nl: 'Geanonimiseerd op', en: 'Anonymised on' },
      access: readOnlyField,
      admin: { readOnly: true, date: dutchDate('dayAndTime') },
    },
    {
      name: 'erasureReason',
      type: 'textarea',
      label: { nl: 'Reden van vroegtijdig wissen (AVG art. 17)', en: 'Reason for early erasure (GDPR Art. 17)' },
      access: readOnlyField,
      admin: { readOnly: true },
    },
  ],
})
