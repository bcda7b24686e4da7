import type { Field } from 'payload'

import { personal } from './personal'

/** Who handles the case and who may not (Art. 4). */
export const handlers: Field[] = [
  {
    name: 'assignedHandler',
    type: 'relationship',
    relationTo: 'users',
    label: { nl: 'Behandelaar', en: 'Handler' },
    filterOptions: { roles: { in: ['handler', 'manager'] } },
    admin: {
      position: 'sidebar',
      description: {
        nl: 'Nieuwe klacht zonder behandelaar? Kies uzelf en sla op om haar over te nemen; pas daarna kunt u de klacht behandelen. Art. 4: een onafhankelijke medewerker die niet bij de klacht betrokken is. Tevens de contactpersoon na een gegronde klacht (art. 8.4, Besluit 3).',
        en: 'A new complaint without a handler? Choose yourself and save to take it over; only then can you handle the complaint. Art. 4: an independent employee who is not involved in the complaint. Also the contact person after an upheld complaint (Art. 8.4, Decision 3).',
      },
    },
  },
  personal({
    name: 'involvedStaff',
    type: 'relationship',
    relationTo: 'users',
    hasMany: true,
    label: { nl: 'Betrokken medewerkers', en: 'Staff involved' },
    admin: {
      position: 'sidebar',
      description: {
        nl: 'Art. 4: wie betrokken is bij de klacht (bijvoorbeeld de medewerker over wie geklaagd wordt) mag haar niet behandelen.',
        en: 'Art. 4: whoever is involved in the complaint (for example the employee complained about) may not handle it.',
      },
    },
  }),
]
