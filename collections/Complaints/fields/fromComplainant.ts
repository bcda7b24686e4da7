import type { Field, FieldAccess } from 'payload'

import { hasRole } from '../../access/roles'
import { dutchDate } from '../../fields/dutchDate'
import { personal } from './personal'
import { readOnlyField } from './readOnly'

/** ISO 10002: the complainant's own words about how the case went are for the managers only. */
const managersOnly: FieldAccess = ({ req }) => hasRole(req.user, 'manager')

/**
 * What the complainant added on their own page (Decision 20; Art. 6): further information and
 * documents while the case is open (hooks/complainant/actions.ts). Written by the portal only.
 * A top-level array, not one inside a group: Payload selects the arrays inside groups in every
 * query, also in the data steps of earlier migrations, which run before this table exists.
 */
export const complainantAdditions: Field = personal({
  name: 'complainantAdditions',
  type: 'array',
  label: { nl: 'Aangevuld door de klager', en: 'Added by the complainant' },
  labels: { singular: { nl: 'Aanvulling', en: 'Addition' }, plural: { nl: 'Aanvullingen', en: 'Additions' } },
  access: readOnlyField,
  admin: {
    readOnly: true,
    condition: (_data, sibling) =>
      Array.isArray(sibling?.complainantAdditions) && sibling.complainantAdditions.length > 0,
  },
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      label: { nl: 'Ontvangen op', en: 'Received at' },
      admin: { date: dutchDate('dayAndTime') },
    },
    { name: 'text', type: 'textarea', label: { nl: 'Tekst', en: 'Text' } },
    {
      name: 'attachments',
      type: 'relationship',
      relationTo: 'complaint-attachments',
      hasMany: true,
      label: { nl: 'Bijlagen', en: 'Attachments' },
    },
  ],
})

/**
 * The satisfaction survey after the case ended (ISO 10002). The scores go, without any link to the
 * case or the person, to `survey-responses`; what stays on the case is when it was answered and the
 * free text, which only managers read and which is anonymised with the case (Decision 19).
 */
export const survey: Field = personal({
  name: 'survey',
  type: 'group',
  label: { nl: 'Tevredenheid (na afloop)', en: 'Satisfaction (afterwards)' },
  access: readOnlyField,
  admin: {
    readOnly: true,
    position: 'sidebar',
    condition: (_data, sibling) =>
      Boolean((sibling as { survey?: { submittedAt?: unknown } } | undefined)?.survey?.submittedAt),
  },
  fields: [
    {
      name: 'submittedAt',
      type: 'date',
      label: { nl: 'Ingevuld op', en: 'Submitted at' },
      admin: { date: dutchDate() },
    },
    {
      name: 'text',
      type: 'textarea',
      label: { nl: 'Opmerking van de klager', en: 'Remark of the complainant' },
      access: { read: managersOnly },
    },
  ],
})
