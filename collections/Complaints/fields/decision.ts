import type { NamedTab } from 'payload'

import {
  DECISION_OUTCOME_LABELS,
  DECISION_OUTCOMES,
  options,
  REMEDIES,
  REMEDY_LABELS,
} from '../../../hooks/complaints/vocabulary'
import { personal } from './personal'
import { dutchDate } from '../../fields/dutchDate'

/** The case file tab of the decision (Art. 8.2, 8.4; Decision 6). */
export const decision: NamedTab = personal({
  name: 'decision',
  label: { nl: 'Beslissing', en: 'Decision' },
  description: {
    nl: 'De beslissing bevat: de klacht zoals de klager die formuleerde, de feiten zoals Working Progression die ziet, een gemotiveerd standpunt en de beslissing (art. 8.2). Toetsingsnorm: behoorlijk bestuur.',
    en: 'The decision contains: the complaint as the complainant put it, the facts as Working Progression sees them, a reasoned position and the decision (Art. 8.2). Standard: proper conduct (behoorlijk bestuur).',
  },
  fields: [
    {
      name: 'factsAsSeen',
      type: 'textarea',
      label: {
        nl: 'De feiten zoals Working Progression die ziet',
        en: 'The facts as Working Progression sees them',
      },
    },
    {
      name: 'reasonedPosition',
      type: 'textarea',
      label: { nl: 'Gemotiveerd standpunt', en: 'Reasoned position' },
    },
    {
      name: 'outcome',
      type: 'radio',
      label: { nl: 'Beslissing', en: 'Outcome' },
      options: options(DECISION_OUTCOMES, DECISION_OUTCOME_LABELS),
    },
    {
      name: 'remedy',
      type: 'radio',
      label: { nl: 'Herstel (bij gegrond)', en: 'Remedy (if upheld)' },
      admin: {
        condition: (_, sibling) => sibling?.outcome === 'upheld',
        description: {
          nl: 'Besluit 6: geheel, gedeeltelijk of niet mogelijk, met de reden.',
          en: 'Decision 6: full, partial or not possible, with the reason.',
        },
      },
      options: options(REMEDIES, REMEDY_LABELS),
    },
    {
      name: 'remedyExplanation',
      type: 'textarea',
      label: { nl: 'Toelichting op het herstel', en: 'Remedy explanation' },
      admin: { condition: (_, sibling) => sibling?.outcome === 'upheld' },
    },
    {
      name: 'followUpAction',
      type: 'textarea',
      label: { nl: 'Actie van de contactpersoon (art. 8.4)', en: 'Follow-up action (Art. 8.4)' },
      admin: {
        condition: (_, sibling) => sibling?.outcome === 'upheld' && sibling?.remedy !== 'not_possible',
        description: {
          nl: 'Nodig om af te sluiten na een gegronde klacht met (gedeeltelijk) herstel.',
          en: 'Needed to close after an upheld complaint with remedy.',
        },
      },
    },
    {
      name: 'complainantContactedAt',
      type: 'date',
      label: { nl: 'Contact met de klager over de oplossing op', en: 'Complainant contacted about the remedy on' },
      admin: {
        date: dutchDate(),
        condition: (_, sibling) => sibling?.outcome === 'upheld' && sibling?.remedy !== 'not_possible',
      },
    },
  ],
})
