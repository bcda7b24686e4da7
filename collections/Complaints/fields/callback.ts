import type { Field } from 'payload'

import { dutchDate } from '../../fields/dutchDate'
import { CALLBACK_STATE_LABELS, CALLBACK_STATES, options } from '../../../hooks/complaints/vocabulary'
import { readOnlyField } from './readOnly'

/**
 * Art. 3: Working Progression helps to put a complaint in writing. The request (`wantsHelpWriting`)
 * is a task for staff, not personal data: the queue shows it, and the case says so until someone
 * records the call-back (hooks/complaints/recordCallback.ts sets who and when, and the state).
 */
export const callbackNotice: Field = {
  name: 'callbackNotice',
  type: 'ui',
  label: { nl: 'Terugbelverzoek', en: 'Call-back request' },
  admin: {
    components: { Field: '/components/CallbackNotice#CallbackNotice' },
    condition: (data) => (data as { callback?: { state?: unknown } })?.callback?.state === 'pending',
  },
}

/** The sidebar's group, below "Volgende stap" (collections/Complaints/index.ts orders them). */
export const callback: Field = {
  name: 'callback',
  type: 'group',
  label: { nl: 'Terugbelverzoek (art. 3)', en: 'Call-back request (Art. 3)' },
  admin: {
    position: 'sidebar',
    condition: (data) => Boolean((data as { wantsHelpWriting?: unknown })?.wantsHelpWriting),
  },
  fields: [
    {
      name: 'state',
      type: 'select',
      index: true,
      label: { nl: 'Terugbelverzoek', en: 'Call-back request' },
      options: options(CALLBACK_STATES, CALLBACK_STATE_LABELS),
      access: readOnlyField,
      admin: { readOnly: true },
    },
    {
      name: 'done',
      type: 'checkbox',
      label: { nl: 'Ik heb de klager teruggebeld', en: 'I called the complainant back' },
      admin: {
        description: {
          nl: 'Vink aan en sla op. Het portaal legt vast wie en wanneer; daarna staat de taak niet meer in de lijst.',
          en: 'Tick and save: who and when are recorded, and the task leaves the list.',
        },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'doneAt',
          type: 'date',
          label: { nl: 'Teruggebeld op', en: 'Called back at' },
          access: readOnlyField,
          admin: { readOnly: true, date: dutchDate('dayAndTime') },
        },
        {
          name: 'doneBy',
          type: 'relationship',
          relationTo: 'users',
          label: { nl: 'Door', en: 'By' },
          access: readOnlyField,
          admin: { readOnly: true },
        },
      ],
    },
  ],
}
