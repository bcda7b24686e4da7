import type { Field, NamedTab } from 'payload'

import {
  ATTENDEE_ROLE_LABELS,
  ATTENDEE_ROLES,
  HEARING_REQUESTER_LABELS,
  HEARING_REQUESTERS,
  options,
  REPORT_SIGNATURE_LABELS,
  REPORT_SIGNATURES,
  TRAVEL_COST_DECISION_LABELS,
  TRAVEL_COST_DECISIONS,
} from '../../../hooks/complaints/vocabulary'
import { nobodyField } from '../../access/nobody'
import { personal } from './personal'
import { dutchDate } from '../../fields/dutchDate'

/** A box that sends a letter when the case is saved: an action, not state (enforceWorkflow empties it). */
const sendOnSave = (
  name: string,
  label: { nl: string; en: string },
  description?: { nl: string; en: string },
): Field => ({
  name,
  type: 'checkbox',
  // An action on a registered case: nothing to send while it is being recorded.
  access: { create: nobodyField },
  label,
  ...(description ? { admin: { description } } : {}),
})

/** The case file tab of the documents and the hearing (Art. 6). */
export const hearing: NamedTab = personal({
  name: 'hearing',
  label: { nl: 'Stukken en horen', en: 'Documents and hearing' },
  description: {
    nl: 'Art. 6: klager en Working Progression nemen samen de stukken door; beide kunnen om een gesprek vragen (hoor en wederhoor). Van het horen wordt een verslag gemaakt dat ter ondertekening wordt toegezonden; de klager hoeft niet te tekenen. Afspraken worden apart per brief bevestigd.',
    en: 'Art. 6: the complainant and Working Progression review the documents together; either may ask for a hearing (both sides heard). A report of the hearing is sent for signature; the complainant need not sign. Agreements are confirmed in a separate letter.',
  },
  fields: [
    {
      name: 'documentsReviewedAt',
      type: 'date',
      label: { nl: 'Stukken samen doorgenomen op (art. 6.1)', en: 'Documents reviewed together on (Art. 6.1)' },
      admin: { date: dutchDate() },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'requestedBy',
          type: 'select',
          label: { nl: 'Gesprek gevraagd door', en: 'Hearing requested by' },
          options: options(HEARING_REQUESTERS, HEARING_REQUESTER_LABELS),
        },
        {
          name: 'at',
          type: 'date',
          label: { nl: 'Datum en tijd', en: 'Date and time' },
          admin: { date: dutchDate('dayAndTime') },
        },
        {
          name: 'durationMinutes',
          type: 'number',
          min: 15,
          max: 480,
          defaultValue: 60,
          label: { nl: 'Duur (minuten)', en: 'Duration (minutes)' },
        },
      ],
    },
    { name: 'place', type: 'text', label: { nl: 'Plaats of videolink', en: 'Place or video link' } },
    sendOnSave(
      'sendInvitation',
      {
        nl: 'Uitnodiging voor het gesprek versturen bij opslaan (met agenda-afspraak)',
        en: 'Send the hearing invitation on save (with calendar file)',
      },
      {
        nl: 'Verplaatst u het gesprek? Vink dit opnieuw aan: de klager krijgt een nieuwe uitnodiging en de afspraak in de agenda schuift mee. Gaat het gesprek niet door? Maak de datum leeg en sla op: de klager krijgt daarover bericht, en de afspraak verdwijnt uit de agenda.',
        en: 'Moving the hearing? Tick this again: the complainant gets a new invitation and the calendar entry moves with it. Hearing called off? Clear the date and save: the complainant is told, and the calendar entry is removed.',
      },
    ),
    {
      name: 'attendees',
      type: 'array',
      label: { nl: 'Aanwezigen', en: 'Attendees' },
      labels: { singular: { nl: 'Aanwezige', en: 'Attendee' }, plural: { nl: 'Aanwezigen', en: 'Attendees' } },
      admin: {
        description: {
          nl: 'Hoor en wederhoor: de klager én degene over wie geklaagd wordt. Het verslag gaat ter ondertekening naar de klager en naar elke andere aanwezige met een e-mailadres (art. 6.3); zonder e-mailadres print u het uit het dossier.',
          en: 'Both sides are heard: the complainant and the person complained about. The report goes for signature to the complainant and to every other attendee with an e-mail address (Art. 6.3); without an e-mail address, print it from the dossier.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, label: { nl: 'Naam', en: 'Name' } },
            {
              name: 'email',
              type: 'email',
              label: { nl: 'E-mailadres (voor het verslag)', en: 'E-mail (for the report)' },
            },
            {
              name: 'role',
              type: 'select',
              required: true,
              label: { nl: 'Als', en: 'As' },
              options: options(ATTENDEE_ROLES, ATTENDEE_ROLE_LABELS),
            },
            {
              name: 'reportSignature',
              type: 'select',
              defaultValue: 'pending',
              label: { nl: 'Verslag getekend', en: 'Report signed' },
              options: options(REPORT_SIGNATURES, REPORT_SIGNATURE_LABELS),
            },
          ],
        },
      ],
    },
    {
      name: 'report',
      type: 'textarea',
      label: { nl: 'Verslag van het horen (art. 6.3)', en: 'Hearing report (Art. 6.3)' },
    },
    sendOnSave(
      'sendReport',
      {
        nl: 'Verslag ter ondertekening naar de klager sturen bij opslaan',
        en: 'Send the report for signature on save',
      },
      {
        nl: 'De brief noemt de aanwezigen en heeft per aanwezige ruimte voor een handtekening. De klager hoeft niet te tekenen (art. 6.3).',
        en: 'The letter names the attendees and has room for a signature per attendee. The complainant need not sign (Art. 6.3).',
      },
    ),
    {
      name: 'agreements',
      type: 'textarea',
      label: { nl: 'Afspraken uit het gesprek (art. 6.3)', en: 'Agreements from the hearing (Art. 6.3)' },
    },
    sendOnSave('sendAgreements', {
      nl: 'Afspraken per aparte brief bevestigen bij opslaan',
      en: 'Confirm the agreements by a separate letter on save',
    }),
    {
      type: 'row',
      fields: [
        {
          name: 'travelCostRequested',
          type: 'checkbox',
          label: { nl: 'Klager vraagt reiskosten (art. 6.4)', en: 'Travel costs requested (Art. 6.4)' },
        },
        {
          name: 'travelCostDecision',
          type: 'select',
          label: { nl: 'Besluit reiskosten', en: 'Travel cost decision' },
          options: options(TRAVEL_COST_DECISIONS, TRAVEL_COST_DECISION_LABELS),
        },
        { name: 'travelCostNote', type: 'text', label: { nl: 'Bedrag of reden', en: 'Amount or reason' } },
      ],
    },
  ],
})
