import type { CollectionConfig, Field } from 'payload'

import { CLOCK_LABELS, CLOCKS } from '../hooks/complaints/workflow/clocks'
import { STATUS_LABELS, STATUSES } from '../hooks/complaints/workflow/statuses'
import { ENDINGS } from '../hooks/complaints/workflow/transitions'
import { assignReferenceAndDeadlines } from '../hooks/complaints/assignReferenceAndDeadlines'
import { intakeEndpoint, intakeStatusEndpoint } from '../hooks/complaints/intakeEndpoint'
import { enforceWorkflow } from '../hooks/complaints/enforceWorkflow'
import { guardPersonalDataQueries } from '../hooks/complaints/guardPersonalDataQueries'
import { notifyOnIntake } from '../hooks/complaints/notifyOnIntake'
import { recordCaseChanges } from '../hooks/complaints/recordCaseChanges'
import { refreshDeadlineState } from '../hooks/complaints/refreshDeadlineState'
import { rememberCreatedId } from '../hooks/complaints/rememberCreatedId'
import { validateComplaint } from '../hooks/complaints/validateComplaint'
import { LETTER_KIND_DEFINITIONS, LETTER_KINDS } from '../hooks/letters/kinds'
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  CLIENT_ORGANISATION_LABELS,
  CLIENT_ORGANISATIONS,
  COMPLAINANT_ROLE_LABELS,
  COMPLAINANT_ROLES,
  CONDUCT_WHEN,
  CONDUCT_WHEN_LABELS,
  INVOLVED_KIND_LABELS,
  INVOLVED_KINDS,
  NON_ADMISSION_GROUND_LABELS,
  NON_ADMISSION_GROUNDS,
  options,
} from '../hooks/complaints/vocabulary'
import { canReadComplaint, canReadPersonalData, canRecordComplaint, canUpdateComplaint } from './access/complaintAccess'
import { nobody, nobodyField } from './access/nobody'
import { hasRole } from './access/roles'

const civilDate = (name: string, label: { nl: string; en: string }): Field => ({
  name,
  type: 'text',
  label,
  admin: { placeholder: 'jjjj-mm-dd', width: '33%' },
})

const readOnlyField = { create: nobodyField, update: nobodyField }

/** When a letter was sent (lettersSent): written by the outbox or the posting date, read-only on screen. */
const sentAt = (name: string, nl: string, en: string): Field => ({
  name,
  type: 'date',
  label: { nl, en },
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
})

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

/**
 * A complaint and its case (DOMAIN.md: collection `complaints`). Rules live in hooks/complaints;
 * this file is configuration only.
 */
export const Complaints: CollectionConfig = {
  slug: 'complaints',
  labels: { singular: { nl: 'Klacht', en: 'Complaint' }, plural: { nl: 'Klachten', en: 'Complaints' } },
  admin: {
    useAsTitle: 'reference',
    defaultColumns: ['reference', 'receivedAt', 'status', 'assignedHandler', 'nextDeadline.due', 'nextDeadline.state'],
    group: { nl: 'Klachten', en: 'Complaints' },
    listSearchableFields: ['reference'],
    description: {
      nl: 'Elke klacht, van ontvangst tot afsluiting. Een klacht per telefoon, brief of e-mail legt u hier vast met "Nieuw aanmaken" (art. 3).',
      en: 'Every complaint from receipt to closure. Record a complaint received by phone, letter or e-mail with "Create new" (Art. 3).',
    },
  },
  access: {
    read: canReadComplaint,
    create: canRecordComplaint,
    update: canUpdateComplaint,
    // A complaint is never deleted through the API; personal data is anonymised after retention (Decision 13).
    delete: nobody,
  },
  endpoints: [intakeEndpoint, intakeStatusEndpoint],
  hooks: {
    beforeOperation: [guardPersonalDataQueries],
    beforeValidate: [validateComplaint],
    // The workflow first: a refused registration uses no reference number.
    beforeChange: [enforceWorkflow, assignReferenceAndDeadlines, refreshDeadlineState],
    afterChange: [rememberCreatedId, notifyOnIntake, recordCaseChanges],
  },
  fields: [
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
            description: { nl: 'Wordt bij opslaan toegekend, bijvoorbeeld WP-2026-0007.', en: 'Assigned on save.' },
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
          admin: {
            description: {
              nl: 'Ontvangen → Ontvangst bevestigd → Beslist → Afgesloten, of eerder: niet in behandeling, informeel afgehandeld, ingetrokken.',
              en: 'Received → Acknowledged → Decided → Closed, or earlier endings.',
            },
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channel',
          type: 'select',
          required: true,
          defaultValue: 'phone',
          label: { nl: 'Ontvangen via', en: 'Received by' },
          options: options(CHANNELS, CHANNEL_LABELS),
          admin: { description: { nl: 'Art. 3: ook een mondelinge klacht wordt op schrift gesteld.', en: 'Art. 3.' } },
          access: { read: canReadPersonalData, update: nobodyField },
        },
        {
          name: 'receivedAt',
          type: 'date',
          required: true,
          index: true,
          label: { nl: 'Datum van ontvangst', en: 'Date of receipt' },
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            description: {
              nl: 'De echte datum waarop de klacht binnenkwam; hiermee beginnen de termijnen van art. 5 en 7. Niet in de toekomst.',
              en: 'The real date of receipt; the terms of Art. 5 and 7 start here. Never in the future.',
            },
          },
          access: { update: nobodyField },
        },
      ],
    },
    {
      name: 'complainant',
      // Personal data and content: the assigned handler and managers (DOMAIN.md, People; Decision 15: not admins).
      access: { read: canReadPersonalData },
      type: 'group',
      label: { nl: 'Klager', en: 'Complainant' },
      admin: {
        description: { nl: 'Art. 1: ieder mag klagen, ook namens een ander.', en: 'Art. 1: anyone may complain.' },
      },
      fields: [
        {
          name: 'role',
          type: 'select',
          required: true,
          label: { nl: 'Wie is de klager?', en: 'Who is complaining?' },
          options: options(COMPLAINANT_ROLES, COMPLAINANT_ROLE_LABELS),
        },
        {
          type: 'row',
          fields: [
            {
              name: 'onBehalfOf',
              type: 'checkbox',
              label: { nl: 'Namens iemand anders', en: 'On behalf of someone else' },
            },
            { name: 'onBehalfOfName', type: 'text', label: { nl: 'Namens wie', en: 'On behalf of' } },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'clientOrganisation',
              type: 'select',
              label: { nl: 'Opdrachtgever van de cliënt', en: 'Client organisation' },
              options: options(CLIENT_ORGANISATIONS, CLIENT_ORGANISATION_LABELS),
            },
            {
              name: 'clientOrganisationName',
              type: 'text',
              label: { nl: 'Naam opdrachtgever', en: 'Name of client organisation' },
            },
          ],
        },
        { name: 'name', type: 'text', required: true, label: { nl: 'Naam', en: 'Name' } },
        {
          // Letters cannot yet print every script (hooks/letters/pdf/fonts.ts); the intake schema asks for this then.
          name: 'nameLatin',
          type: 'text',
          label: { nl: 'Naam in Latijnse letters (voor brieven)', en: 'Name in Latin letters (for letters)' },
          admin: {
            description: {
              nl: 'Alleen nodig als de naam niet in Latijnse letters is geschreven, bijvoorbeeld in Arabisch of Hebreeuws schrift. Brieven gebruiken dan deze spelling.',
              en: 'Only needed when the name is not written in Latin letters; letters then use this spelling.',
            },
          },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'email',
              type: 'text',
              label: { nl: 'E-mailadres', en: 'E-mail' },
              admin: {
                description: { nl: 'Leeg: brieven gaan per post (Besluit 12).', en: 'Empty: letters by post.' },
              },
            },
            { name: 'phone', type: 'text', label: { nl: 'Telefoon', en: 'Phone' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'street', type: 'text', label: { nl: 'Straat en huisnummer', en: 'Street' } },
            { name: 'postalCode', type: 'text', label: { nl: 'Postcode', en: 'Postal code' } },
            { name: 'city', type: 'text', label: { nl: 'Plaats', en: 'City' } },
          ],
        },
      ],
    },
    {
      name: 'conduct',
      // Personal data and content: the assigned handler and managers (DOMAIN.md, People; Decision 15: not admins).
      access: { read: canReadPersonalData },
      type: 'group',
      label: { nl: 'Wanneer gebeurde het?', en: 'When did it happen?' },
      admin: {
        description: { nl: 'Art. 5: de datum van de gedraging komt in de ontvangstbevestiging.', en: 'Art. 5.' },
      },
      fields: [
        {
          name: 'when',
          type: 'radio',
          required: true,
          label: { nl: 'Wanneer', en: 'When' },
          options: options(CONDUCT_WHEN, CONDUCT_WHEN_LABELS),
        },
        {
          type: 'row',
          fields: [
            civilDate('date', { nl: 'Datum', en: 'Date' }),
            civilDate('from', { nl: 'Van', en: 'From' }),
            civilDate('to', { nl: 'Tot en met', en: 'To' }),
          ],
        },
      ],
    },
    {
      name: 'involved',
      // Personal data and content: the assigned handler and managers (DOMAIN.md, People; Decision 15: not admins).
      access: { read: canReadPersonalData },
      type: 'group',
      label: { nl: 'Over wie gaat de klacht?', en: 'Who is involved?' },
      admin: { description: { nl: 'Art. 4: wie hierbij betrokken is, mag de klacht niet behandelen.', en: 'Art. 4.' } },
      fields: [
        {
          name: 'kind',
          type: 'radio',
          required: true,
          label: { nl: 'Betrokkene', en: 'Involved' },
          options: options(INVOLVED_KINDS, INVOLVED_KIND_LABELS),
        },
        { name: 'description', type: 'textarea', label: { nl: 'Naam of omschrijving', en: 'Name or description' } },
      ],
    },
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
    {
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
      access: { read: canReadPersonalData, update: nobodyField },
    },
    {
      name: 'desiredOutcome',
      type: 'textarea',
      label: { nl: 'Gewenste uitkomst', en: 'Desired outcome' },
      access: { read: canReadPersonalData },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'discussedBefore',
          access: { read: canReadPersonalData },
          type: 'radio',
          required: true,
          label: { nl: 'Al besproken met Working Progression?', en: 'Discussed with Working Progression before?' },
          options: [
            { value: 'yes', label: { nl: 'Ja', en: 'Yes' } },
            { value: 'no', label: { nl: 'Nee', en: 'No' } },
          ],
        },
        {
          name: 'wantsHearing',
          access: { read: canReadPersonalData },
          type: 'checkbox',
          label: { nl: 'Wil de klacht mondeling toelichten (art. 6)', en: 'Wants a hearing (Art. 6)' },
        },
        {
          name: 'wantsHelpWriting',
          access: { read: canReadPersonalData },
          type: 'checkbox',
          label: { nl: 'Wil hulp bij het opschrijven: bel terug (art. 3)', en: 'Wants help writing (Art. 3)' },
        },
      ],
    },
    {
      name: 'attachments',
      type: 'relationship',
      relationTo: 'complaint-attachments',
      hasMany: true,
      label: { nl: 'Bijlagen', en: 'Attachments' },
      access: { read: canReadPersonalData, update: nobodyField },
    },
    {
      name: 'deadlines',
      type: 'group',
      label: { nl: 'Termijnen', en: 'Deadlines' },
      admin: {
        description: {
          nl: 'Berekend uit de datum van ontvangst (art. 5 en 7).',
          en: 'Computed from the date of receipt (Art. 5, 7).',
        },
      },
      access: readOnlyField,
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'acknowledgeBy',
              type: 'date',
              label: { nl: 'Ontvangstbevestiging uiterlijk', en: 'Acknowledge by' },
              admin: { readOnly: true },
            },
            {
              name: 'nonAdmissionNoticeBy',
              type: 'date',
              label: { nl: 'Bericht niet-ontvankelijk uiterlijk', en: 'Non-admission notice by' },
              admin: { readOnly: true },
            },
            {
              name: 'decisionTargetBy',
              type: 'date',
              label: { nl: 'Beslissing (streefdatum)', en: 'Decision target' },
              admin: { readOnly: true },
            },
            {
              name: 'decisionLimitBy',
              type: 'date',
              label: { nl: 'Beslissing uiterlijk (6 weken)', en: 'Decision limit (6 weeks)' },
              admin: { readOnly: true },
            },
          ],
        },
      ],
    },
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
          en: 'Art. 4: an independent employee; also the contact person after an upheld complaint.',
        },
      },
    },
    {
      name: 'involvedStaff',
      // Personal data and content: the assigned handler and managers (DOMAIN.md, People; Decision 15: not admins).
      access: { read: canReadPersonalData },
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: { nl: 'Betrokken medewerkers', en: 'Staff involved' },
      admin: {
        position: 'sidebar',
        description: {
          nl: 'Art. 4: wie betrokken is bij de klacht (bijvoorbeeld de medewerker over wie geklaagd wordt) mag haar niet behandelen.',
          en: 'Art. 4: staff involved may never handle the complaint.',
        },
      },
    },
    {
      // Decision 16: a correction of what a letter already stated. A group, so that read access
      // hides it whole (Payload 3.90 puts an empty array back in place of a hidden top-level array).
      name: 'correction',
      type: 'group',
      label: { nl: 'Correctie van een verstuurde brief', en: 'Correction of a letter sent' },
      access: { read: canReadPersonalData, create: nobodyField },
      // Shown to managers (who may correct), and to anyone who reads the case once a correction was made.
      admin: {
        position: 'sidebar',
        condition: (data, _sibling, { user }) => hasRole(user, 'manager') || (data?.correction?.log?.length ?? 0) > 0,
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
                  admin: { date: { pickerAppearance: 'dayAndTime' } },
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
                  options: LETTER_KINDS.map((value) => ({
                    value,
                    label: { nl: LETTER_KIND_DEFINITIONS[value].label, en: value },
                  })),
                },
              ],
            },
            { name: 'fields', type: 'json', label: { nl: 'Gewijzigde velden', en: 'Fields changed' } },
            { name: 'reason', type: 'textarea', required: true, label: { nl: 'Reden', en: 'Reason' } },
          ],
        },
      ],
    },
    {
      // Short names, so that every tab fits beside the sidebar at 1280 px; each tab's description names its article.
      type: 'tabs',
      tabs: [
        {
          access: { read: canReadPersonalData },
          name: 'acknowledgement',
          label: { nl: 'Ontvangstbevestiging', en: 'Acknowledgement' },
          description: {
            nl: 'Binnen vijf dagen na ontvangst krijgt de klager een schriftelijke bevestiging met: de datum van de gedraging, de behandelaar, een korte omschrijving van de feiten en de termijn (art. 5, 7).',
            en: 'Within five days of receipt (Art. 5).',
          },
          fields: [
            {
              name: 'factsSummary',
              type: 'textarea',
              label: { nl: 'Korte omschrijving van de feiten', en: 'Short description of the facts' },
            },
            {
              name: 'statedTermWeeks',
              type: 'number',
              defaultValue: 4,
              min: 1,
              max: 6,
              label: {
                nl: 'Termijn voor de beslissing (weken na ontvangst)',
                en: 'Term for the decision (weeks after receipt)',
              },
              admin: {
                description: {
                  nl: 'Norm is 4 weken; nooit meer dan 6 (art. 7 en toelichting).',
                  en: 'Norm 4 weeks, never over 6 (Art. 7).',
                },
              },
            },
          ],
        },
        {
          access: { read: canReadPersonalData },
          name: 'nonAdmission',
          label: { nl: 'Niet in behandeling', en: 'Not admitted' },
          description: {
            nl: 'Alleen op een van de twee gronden van art. 8.5, met redenen; binnen vier weken melden (art. 7).',
            en: 'Only on one of the two grounds of Art. 8.5.',
          },
          fields: [
            {
              name: 'ground',
              type: 'radio',
              label: { nl: 'Grond', en: 'Ground' },
              options: options(NON_ADMISSION_GROUNDS, NON_ADMISSION_GROUND_LABELS),
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'earlierComplaint',
                  type: 'relationship',
                  relationTo: 'complaints',
                  label: { nl: 'Eerdere klacht', en: 'Earlier complaint' },
                },
                {
                  name: 'earlierReference',
                  type: 'text',
                  label: {
                    nl: 'Of: kenmerk van de eerdere klacht (van vóór dit portaal)',
                    en: 'Or: earlier reference (Decision 10)',
                  },
                },
              ],
            },
            { name: 'reasons', type: 'textarea', label: { nl: 'Redenen', en: 'Reasons' } },
          ],
        },
        {
          access: { read: canReadPersonalData },
          name: 'decision',
          label: { nl: 'Beslissing', en: 'Decision' },
          description: {
            nl: 'De beslissing bevat: de klacht zoals de klager die formuleerde, de feiten zoals Working Progression die ziet, een gemotiveerd standpunt en de beslissing (art. 8.2). Toetsingsnorm: behoorlijk bestuur.',
            en: 'The decision contains the four parts of Art. 8.2.',
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
              options: [
                { value: 'upheld', label: { nl: 'Gegrond', en: 'Upheld' } },
                { value: 'not_upheld', label: { nl: 'Ongegrond', en: 'Not upheld' } },
              ],
            },
            {
              name: 'remedy',
              type: 'radio',
              label: { nl: 'Herstel (bij gegrond)', en: 'Remedy (if upheld)' },
              admin: {
                condition: (_, sibling) => sibling?.outcome === 'upheld',
                description: {
                  nl: 'Besluit 6: geheel, gedeeltelijk of niet mogelijk, met de reden.',
                  en: 'Decision 6.',
                },
              },
              options: [
                { value: 'full', label: { nl: 'Geheel te herstellen', en: 'Full' } },
                { value: 'partial', label: { nl: 'Gedeeltelijk te herstellen', en: 'Partial' } },
                { value: 'not_possible', label: { nl: 'Niet te herstellen', en: 'Not possible' } },
              ],
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
              label: { nl: 'Contact met de klager over de oplossing op', en: 'Complainant contacted on' },
              admin: { condition: (_, sibling) => sibling?.outcome === 'upheld' && sibling?.remedy !== 'not_possible' },
            },
          ],
        },
        {
          access: { read: canReadPersonalData },
          name: 'informal',
          label: { nl: 'Informeel', en: 'Informal' },
          description: {
            nl: 'Alleen als de klager zegt dat de klacht naar tevredenheid is afgehandeld (art. 5, toelichting). Het antwoord en de afspraken komen in het dossier.',
            en: 'Only when the complainant confirms satisfaction (Art. 5 note).',
          },
          fields: [
            { name: 'oralAnswer', type: 'textarea', label: { nl: 'Het mondelinge antwoord', en: 'The oral answer' } },
            { name: 'agreements', type: 'textarea', label: { nl: 'Gemaakte afspraken', en: 'Agreements' } },
            {
              name: 'satisfactionConfirmedAt',
              type: 'date',
              label: { nl: 'Klager bevestigde tevredenheid op', en: 'Satisfaction confirmed on' },
            },
          ],
        },
        {
          access: { read: canReadPersonalData },
          name: 'delayNotice',
          label: { nl: 'Verdaging', en: 'Delay' },
          description: {
            nl: 'Haalt u de termijn uit de ontvangstbevestiging niet? Stuur vóór die datum een verdagingsbericht met de reden en de nieuwe datum. Nooit later dan zes weken na ontvangst (art. 7 en toelichting). Het bericht gaat bij opslaan.',
            en: 'Send before the stated term lapses; never past six weeks.',
          },
          fields: [
            { name: 'reason', type: 'textarea', label: { nl: 'Reden van de verdaging', en: 'Reason' } },
            {
              name: 'newTargetDate',
              type: 'text',
              label: { nl: 'Nieuwe datum voor de beslissing', en: 'New decision date' },
              admin: { placeholder: 'jjjj-mm-dd' },
            },
            {
              name: 'issuedAt',
              type: 'date',
              label: { nl: 'Verdagingsbericht opgesteld op', en: 'Delay notice issued' },
              access: { create: nobodyField, update: nobodyField },
              admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
            },
          ],
        },
        {
          access: { read: canReadPersonalData },
          name: 'hearing',
          label: { nl: 'Stukken en horen', en: 'Documents and hearing' },
          description: {
            nl: 'Art. 6: klager en Working Progression nemen samen de stukken door; beide kunnen om een gesprek vragen (hoor en wederhoor). Van het horen wordt een verslag gemaakt dat ter ondertekening wordt toegezonden; de klager hoeft niet te tekenen. Afspraken worden apart per brief bevestigd.',
            en: 'Art. 6.',
          },
          fields: [
            {
              name: 'documentsReviewedAt',
              type: 'date',
              label: { nl: 'Stukken samen doorgenomen op (art. 6.1)', en: 'Documents reviewed together on (Art. 6.1)' },
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'requestedBy',
                  type: 'select',
                  label: { nl: 'Gesprek gevraagd door', en: 'Hearing requested by' },
                  options: [
                    { value: 'complainant', label: { nl: 'Klager', en: 'Complainant' } },
                    { value: 'working_progression', label: { nl: 'Working Progression', en: 'Working Progression' } },
                  ],
                },
                {
                  name: 'at',
                  type: 'date',
                  label: { nl: 'Datum en tijd', en: 'Date and time' },
                  admin: {
                    date: {
                      pickerAppearance: 'dayAndTime',
                      timeIntervals: 15,
                      timeFormat: 'HH:mm',
                      displayFormat: 'd MMMM yyyy, HH:mm',
                    },
                  },
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
                en: 'Re-send after a change: the calendar entry moves. Clear the date to cancel: the complainant is told and the calendar entry is removed.',
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
                  en: 'Both sides are heard. The report goes to the complainant and to every other attendee with an e-mail address.',
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
                      options: [
                        { value: 'complainant', label: { nl: 'Klager', en: 'Complainant' } },
                        {
                          value: 'complained_about',
                          label: { nl: 'Over wie geklaagd wordt', en: 'Person complained about' },
                        },
                        { value: 'handler', label: { nl: 'Behandelaar', en: 'Handler' } },
                        { value: 'other', label: { nl: 'Anders', en: 'Other' } },
                      ],
                    },
                    {
                      name: 'reportSignature',
                      type: 'select',
                      defaultValue: 'pending',
                      label: { nl: 'Verslag getekend', en: 'Report signed' },
                      options: [
                        { value: 'pending', label: { nl: 'Nog niet terug', en: 'Pending' } },
                        { value: 'signed', label: { nl: 'Getekend', en: 'Signed' } },
                        { value: 'declined', label: { nl: 'Niet getekend (mag, art. 6)', en: 'Declined (allowed)' } },
                      ],
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
                en: 'The complainant need not sign.',
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
                  options: [
                    { value: 'granted', label: { nl: 'Toegekend', en: 'Granted' } },
                    { value: 'refused', label: { nl: 'Afgewezen', en: 'Refused' } },
                  ],
                },
                { name: 'travelCostNote', type: 'text', label: { nl: 'Bedrag of reden', en: 'Amount or reason' } },
              ],
            },
          ],
        },
        {
          access: { read: canReadPersonalData },
          name: 'withdrawal',
          label: { nl: 'Ingetrokken', en: 'Withdrawn' },
          description: {
            nl: 'Besluit 9: de klager mag de klacht altijd intrekken. Bij opslaan met de status "Ingetrokken" krijgt de klager een bevestiging; een gepland gesprek gaat dan niet door en de klager krijgt daarover bericht.',
            en: 'Decision 9: the complainant receives a confirmation; a planned hearing is cancelled.',
          },
          fields: [
            { name: 'withdrawnAt', type: 'date', label: { nl: 'Ingetrokken op', en: 'Withdrawn on' } },
            { name: 'note', type: 'textarea', label: { nl: 'Toelichting', en: 'Note' } },
          ],
        },
      ],
    },
    {
      name: 'lettersSent',
      type: 'group',
      label: { nl: 'Verstuurd', en: 'Sent' },
      admin: {
        description: {
          nl: 'Een termijn is gehaald als de brief op tijd is verstuurd, niet als de status op tijd veranderde.',
          en: 'A deadline is met when the letter was sent.',
        },
      },
      access: { ...readOnlyField, read: canReadPersonalData },
      fields: [
        {
          type: 'row',
          fields: [
            sentAt('acknowledgementAt', 'Ontvangstbevestiging', 'Acknowledgement'),
            sentAt('nonAdmissionNoticeAt', 'Bericht niet in behandeling', 'Non-admission notice'),
            sentAt('decisionAt', 'Beslissing', 'Decision'),
            sentAt('delayNoticeAt', 'Verdagingsbericht', 'Delay notice'),
          ],
        },
        {
          type: 'row',
          fields: [
            sentAt('writtenVersionAt', 'Schriftelijke versie (besluit 8)', 'Written version (Decision 8)'),
            sentAt('hearingInvitationAt', 'Uitnodiging gesprek', 'Hearing invitation'),
            sentAt('hearingReportAt', 'Verslag ter ondertekening', 'Hearing report'),
            sentAt('agreementsConfirmationAt', 'Bevestiging afspraken', 'Agreements confirmed'),
          ],
        },
        {
          type: 'row',
          fields: [
            sentAt('hearingCancellationAt', 'Gesprek gaat niet door', 'Hearing cancelled'),
            sentAt('withdrawalConfirmationAt', 'Bevestiging intrekking', 'Withdrawal confirmed'),
          ],
        },
      ],
    },
    {
      name: 'nextDeadline',
      type: 'group',
      label: { nl: 'Eerstvolgende termijn', en: 'Next deadline' },
      access: readOnlyField,
      admin: {
        position: 'sidebar',
        description: {
          nl: 'Bijgewerkt bij elke wijziging en elk kwartier.',
          en: 'Refreshed on every change and every 15 minutes.',
        },
      },
      fields: [
        {
          name: 'clock',
          type: 'select',
          label: { nl: 'Termijn', en: 'Clock' },
          options: CLOCKS.map((value) => ({ value, label: CLOCK_LABELS[value] })),
          admin: { readOnly: true },
        },
        {
          name: 'due',
          type: 'date',
          index: true,
          label: { nl: 'Uiterlijk', en: 'Due' },
          admin: { readOnly: true, date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
        },
        {
          name: 'state',
          type: 'select',
          index: true,
          label: { nl: 'Stand', en: 'State' },
          options: [
            { value: 'on_time', label: { nl: 'Op tijd', en: 'On time' } },
            { value: 'due_soon', label: { nl: 'Bijna verlopen', en: 'Due soon' } },
            { value: 'overdue', label: { nl: 'Verlopen', en: 'Overdue' } },
          ],
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'deadlineOutcomes',
      type: 'group',
      label: { nl: 'Termijnen gehaald?', en: 'Deadlines met?' },
      access: readOnlyField,
      admin: {
        description: {
          nl: 'Vastgelegd bij het einde van de behandeling (art. 9-rapportage).',
          en: 'Recorded when the case ends (Art. 9 reporting).',
        },
      },
      fields: [
        {
          type: 'row',
          fields: CLOCKS.map((clock) => ({
            name: clock,
            type: 'select' as const,
            label: CLOCK_LABELS[clock],
            options: [
              { value: 'met', label: { nl: 'Gehaald', en: 'Met' } },
              { value: 'missed', label: { nl: 'Niet gehaald', en: 'Missed' } },
              { value: 'not_applicable', label: { nl: 'Niet van toepassing', en: 'Not applicable' } },
            ],
            admin: { readOnly: true },
          })),
        },
      ],
    },
    {
      name: 'endedAs',
      type: 'select',
      label: { nl: 'Beëindigd als', en: 'Ended as' },
      options: ENDINGS.map((value) => ({ value, label: STATUS_LABELS[value] })),
      access: { ...readOnlyField, read: canReadPersonalData },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'endedAt',
      type: 'date',
      label: { nl: 'Beëindigd op', en: 'Ended on' },
      access: { ...readOnlyField, read: canReadPersonalData },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'uwvLabourExpert',
      // Personal data and content: the assigned handler and managers (DOMAIN.md, People; Decision 15: not admins).
      access: { read: canReadPersonalData },
      type: 'group',
      label: { nl: 'Arbeidsdeskundige UWV voor deze zaak', en: 'UWV labour expert for this case' },
      admin: {
        position: 'sidebar',
        description: {
          nl: 'Leeg: de standaard uit de instellingen (Besluit 11).',
          en: 'Empty: the default from the settings (Decision 11).',
        },
      },
      fields: [
        { name: 'name', type: 'text', label: { nl: 'Naam', en: 'Name' } },
        { name: 'email', type: 'email', label: { nl: 'E-mailadres', en: 'E-mail' } },
      ],
    },
    {
      name: 'consentAt',
      type: 'date',
      label: { nl: 'Toestemming privacyverklaring', en: 'Privacy consent' },
      access: { ...readOnlyField, read: canReadPersonalData },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'messages',
      // Personal data and content: the assigned handler and managers (DOMAIN.md, People; Decision 15: not admins).
      access: { read: canReadPersonalData },
      type: 'join',
      collection: 'outbox',
      on: 'complaint',
      label: { nl: 'E-mail over deze klacht', en: 'E-mail about this complaint' },
      admin: {
        allowCreate: false,
        defaultColumns: ['subject', 'status', 'lastError', 'sentAt'],
        description: {
          nl: '"Mislukt" vraagt om actie: neem op een andere manier contact op.',
          en: '"Failed" needs action.',
        },
      },
    },
    {
      name: 'letters',
      // The dossier the complainant may inspect (Art. 6 note): the assigned handler, managers and admins.
      access: { read: canReadPersonalData },
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
          en: 'A letter by post: print it and record the posting date.',
        },
      },
    },
    {
      name: 'timeline',
      // Personal data and content: the assigned handler and managers (DOMAIN.md, People; Decision 15: not admins).
      access: { read: canReadPersonalData },
      type: 'join',
      collection: 'case-events',
      on: 'complaint',
      defaultSort: 'at',
      label: { nl: 'Tijdlijn', en: 'Timeline' },
      admin: { allowCreate: false, defaultColumns: ['at', 'type', 'actor', 'actorKind'] },
    },
    // The public form's token: a repeated submission returns the first one's result.
    {
      name: 'formToken',
      type: 'text',
      unique: true,
      index: true,
      access: { ...readOnlyField, read: nobodyField },
      admin: { hidden: true },
    },
  ],
}
