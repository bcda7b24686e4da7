import type { Field } from 'payload'

import { CHANNEL_LABELS, CHANNELS, options } from '../../../hooks/complaints/vocabulary'
import { STATUS_LABELS, STATUSES } from '../../../hooks/complaints/workflow/statuses'
import { nobodyField } from '../../access/nobody'
import { personal } from './personal'
import { readOnlyField } from './readOnly'
import { dutchDate } from '../../fields/dutchDate'

/** The reference and status, and how and when the complaint came in (Art. 3, 5, 7). */
export const registration: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'reference',
        type: 'text',
        unique: true,
        index: true,
        label: { nl: 'Kenmerk', en: 'Reference' },
        access: readOnlyField,
        admin: {
          readOnly: true,
          description: {
            nl: 'Wordt bij opslaan toegekend, bijvoorbeeld WP-2026-0007.',
            en: 'Assigned on save, for example WP-2026-0007.',
          },
        },
      },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'received',
        index: true,
        label: { nl: 'Status', en: 'Status' },
        options: STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
        // Set at registration; after that only through the workflow's transitions (enforceWorkflow).
        access: { create: nobodyField },
        // Read-only in the form: a step of the "Volgende stap" panel sets it (the API is unchanged).
        admin: {
          readOnly: true,
          description: {
            nl: 'Ontvangen → Ontvangst bevestigd → Beslist → Afgesloten, of eerder: niet in behandeling, informeel afgehandeld, ingetrokken. Verandert met een knop onder "Volgende stap".',
            en: 'Received → Acknowledged → Decided → Closed, or earlier endings. Changes with a button under "Next step".',
          },
        },
      },
    ],
  },
  {
    type: 'row',
    fields: [
      personal({
        name: 'channel',
        type: 'select',
        required: true,
        defaultValue: 'phone',
        label: { nl: 'Ontvangen via', en: 'Received by' },
        options: options(CHANNELS, CHANNEL_LABELS),
        admin: {
          description: {
            nl: 'Art. 3: ook een mondelinge klacht wordt op schrift gesteld.',
            en: 'Art. 3: an oral complaint is also put in writing.',
          },
        },
        access: { update: nobodyField },
      }),
      {
        name: 'receivedAt',
        type: 'date',
        required: true,
        index: true,
        // Staff intake (Art. 3): the form starts at now; the real moment of receipt replaces it.
        defaultValue: () => new Date().toISOString(),
        label: { nl: 'Datum van ontvangst', en: 'Date of receipt' },
        admin: {
          date: dutchDate('dayAndTime'),
          description: {
            nl: 'De echte datum waarop de klacht binnenkwam; hiermee beginnen de termijnen van art. 5 en 7. Niet in de toekomst.',
            en: 'The real date of receipt; the terms of Art. 5 and 7 start here. Never in the future.',
          },
        },
        access: { update: nobodyField },
      },
    ],
  },
]
