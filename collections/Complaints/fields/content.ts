import type { Field } from 'payload'

import { CATEGORIES, CATEGORY_LABELS, options, YES_NO, YES_NO_LABELS } from '../../../hooks/complaints/vocabulary'
import { nobodyField } from '../../access/nobody'
import { personal } from './personal'

/** The complaint itself as the complainant put it (Art. 2, 3, 6, 8.2). */
export const content: Field[] = [
  {
    name: 'categories',
    type: 'select',
    hasMany: true,
    required: true,
    label: { nl: 'Soort klacht', en: 'Kind of complaint' },
    options: options(CATEGORIES, CATEGORY_LABELS),
    admin: {
      description: { nl: 'Art. 2 (toelichting): meer dan één mag.', en: 'Art. 2 note: more than one allowed.' },
    },
  },
  personal({
    name: 'complaintText',
    type: 'textarea',
    required: true,
    label: { nl: 'De klacht, zoals de klager die formuleerde', en: 'The complaint as the complainant formulated it' },
    admin: {
      description: {
        nl: 'Art. 8.2: komt ongewijzigd in de beslissing. Kan na opslaan niet meer worden aangepast.',
        en: 'Art. 8.2: quoted unchanged in the decision. Cannot be changed after saving.',
      },
    },
    access: { update: nobodyField },
  }),
  personal({
    name: 'desiredOutcome',
    type: 'textarea',
    label: { nl: 'Gewenste uitkomst', en: 'Desired outcome' },
  }),
  {
    type: 'row',
    fields: [
      personal({
        name: 'discussedBefore',
        type: 'radio',
        required: true,
        label: { nl: 'Al besproken met Working Progression?', en: 'Discussed with Working Progression before?' },
        options: options(YES_NO, YES_NO_LABELS),
      }),
      personal({
        name: 'wantsHearing',
        type: 'checkbox',
        label: {
          nl: 'Wil de klacht mondeling toelichten (art. 6)',
          en: 'Wants to explain the complaint in person (Art. 6)',
        },
      }),
      {
        // Art. 3: a task for staff (the queue shows it), not personal data; see ./callback.ts.
        name: 'wantsHelpWriting',
        type: 'checkbox',
        label: {
          nl: 'Wil hulp bij het opschrijven: bel terug (art. 3)',
          en: 'Wants help writing it down: call back (Art. 3)',
        },
      },
    ],
  },
  personal({
    name: 'attachments',
    type: 'relationship',
    relationTo: 'complaint-attachments',
    hasMany: true,
    label: { nl: 'Bijlagen', en: 'Attachments' },
    access: { update: nobodyField },
  }),
]
