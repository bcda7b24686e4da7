import type { Field } from 'payload'

import { personal } from './personal'

/** The e-mail, the letters and the timeline of the case, joined from their collections. */
export const joins: Field[] = [
  personal({
    name: 'messages',
    type: 'join',
    collection: 'outbox',
    on: 'complaint',
    label: { nl: 'E-mail over deze klacht', en: 'E-mail about this complaint' },
    admin: {
      allowCreate: false,
      defaultColumns: ['subject', 'status', 'lastError', 'sentAt'],
      description: {
        nl: '"Mislukt" vraagt om actie: neem op een andere manier contact op.',
        en: '"Failed" needs action: contact the complainant another way.',
      },
    },
  }),
  personal({
    name: 'letters',
    // The dossier the complainant may inspect (Art. 6 note): the assigned handler, managers and admins.
    type: 'join',
    collection: 'letters',
    on: 'complaint',
    defaultSort: 'createdAt',
    label: { nl: 'Brieven in het dossier', en: 'Letters in the dossier' },
    admin: {
      allowCreate: false,
      defaultColumns: ['filename', 'purpose', 'channel', 'postedAt', 'createdAt'],
      description: {
        nl: 'Een brief per post? Open hem, print de PDF en vul de datum van verzending in (besluit 12).',
        en: 'A letter by post? Open it, print the PDF and fill in the posting date (Decision 12).',
      },
    },
  }),
  personal({
    name: 'timeline',
    type: 'join',
    collection: 'case-events',
    on: 'complaint',
    defaultSort: 'at',
    label: { nl: 'Tijdlijn', en: 'Timeline' },
    admin: {
      allowCreate: false,
      defaultColumns: ['at', 'type', 'actor', 'actorKind'],
      // The whole history in plain Dutch (who, what, when), not a paged table of codes.
      components: { Field: '/components/CaseTimeline#CaseTimeline' },
    },
  }),
]
