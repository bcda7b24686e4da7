import type { Field } from 'payload'

import type { Complaint } from '../../../cms/payload-types'
import { LETTER_KINDS, letterKindLabel } from '../../../hooks/letters/kinds'
import { nobodyField } from '../../access/nobody'
import { hasRole } from '../../access/roles'
import { personal } from './personal'
import { dutchDate } from '../../fields/dutchDate'

/** Decision 16: a manager corrects what a letter already stated. */
export const correction: Field = personal({
  // Decision 16: a correction of what a letter already stated. A group, so that read access
  // hides it whole (Payload 3.90 puts an empty array back in place of a hidden top-level array).
  name: 'correction',
  type: 'group',
  label: { nl: 'Correctie van een verstuurde brief', en: 'Correction of a letter sent' },
  access: { create: nobodyField },
  // Shown to managers (who may correct), and to anyone who reads the case once a correction was made.
  admin: {
    position: 'sidebar',
    condition: (data, _sibling, { user }) =>
      hasRole(user, 'manager') || ((data as Partial<Complaint> | undefined)?.correction?.log?.length ?? 0) > 0,
  },
  fields: [
    {
      name: 'reason',
      type: 'textarea',
      label: { nl: 'Reden van de correctie', en: 'Reason for the correction' },
      // An action of a manager, emptied on save (enforceWorkflow); the reason is kept in the log below.
      admin: {
        condition: (_data, _sibling, { user }) => hasRole(user, 'manager'),
        description: {
          nl: 'Alleen voor een manager: wat al in een verstuurde brief staat, verandert alleen met een reden. De klager krijgt dan een gecorrigeerde brief; de eerste blijft in het dossier (besluit 16).',
          en: 'Managers only: a part of a letter already sent changes only with a reason; a corrected letter goes out (Decision 16).',
        },
      },
    },
    {
      name: 'log',
      type: 'array',
      label: { nl: 'Eerdere correcties', en: 'Corrections made' },
      labels: { singular: { nl: 'Correctie', en: 'Correction' }, plural: { nl: 'Correcties', en: 'Corrections' } },
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true, condition: (_, sibling) => Array.isArray(sibling?.log) && sibling.log.length > 0 },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'at',
              type: 'date',
              required: true,
              label: { nl: 'Op', en: 'At' },
              admin: { date: dutchDate('dayAndTime') },
            },
            {
              name: 'by',
              type: 'relationship',
              relationTo: 'users',
              required: true,
              label: { nl: 'Door', en: 'By' },
            },
            {
              name: 'kinds',
              type: 'select',
              hasMany: true,
              required: true,
              label: { nl: 'Brieven', en: 'Letters' },
              options: LETTER_KINDS.map((value) => ({ value, label: letterKindLabel(value) })),
            },
          ],
        },
        { name: 'fields', type: 'json', label: { nl: 'Gewijzigde velden', en: 'Fields changed' } },
        { name: 'reason', type: 'textarea', required: true, label: { nl: 'Reden', en: 'Reason' } },
      ],
    },
  ],
})
