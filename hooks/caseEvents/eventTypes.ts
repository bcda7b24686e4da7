/** Who did it: a staff member, the public form, a job, or the complainant on their own page (Decision 20). */
/** What a complainant does on their own page that the timeline records as its own entry (Decision 20; Art. 6). */
export const COMPLAINANT_ACTIONS = [
  'information_added',
  'written_version_corrected',
  'hearing_requested',
  'survey_submitted',
] as const
export type ComplainantAction = (typeof COMPLAINANT_ACTIONS)[number]

export const ACTOR_KINDS = ['staff', 'public', 'system', 'complainant'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

/**
 * What the case timeline records. Entries hold no personal data (only ids, codes and dates), so
 * a later anonymisation of the case leaves the timeline, and the Art. 9 counts built on it, intact.
 */
export const CASE_EVENT_TYPES = [
  'received',
  'received_backfilled',
  'classified',
  'receipt_queued',
  'uwv_notification_queued',
  'written_version_queued',
  'status_changed',
  'handler_assigned',
  'deadline_changed',
  'decision_recorded',
  'letter_issued',
  'letter_sent',
  'delay_notice_sent',
  'hearing_recorded',
  'travel_costs_requested',
  'deadline_reminder_sent',
  'deadline_escalated',
  'fields_changed',
  'correction_recorded',
  'posting_date_corrected',
  'message_resent',
  'inspection_provided',
  'legal_hold_set',
  'legal_hold_lifted',
  'inspection_requested',
  'anonymised',
  'complainant_action',
] as const
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number]

export const CASE_EVENT_LABELS: Record<CaseEventType, { nl: string; en: string }> = {
  received: { nl: 'Klacht ontvangen', en: 'Complaint received' },
  received_backfilled: {
    nl: 'Ontvangst aangevuld voor de verantwoording (art. 9)',
    en: 'Receipt completed for the report (Art. 9)',
  },
  classified: { nl: 'Indeling gewijzigd', en: 'Classification changed' },
  receipt_queued: { nl: 'Ontvangstbevestiging klaargezet', en: 'Confirmation of receipt queued' },
  uwv_notification_queued: {
    nl: 'Melding aan arbeidsdeskundige UWV klaargezet',
    en: 'UWV labour expert notification queued',
  },
  written_version_queued: {
    nl: 'Schriftelijke versie naar klager klaargezet',
    en: 'Written version queued for the complainant',
  },
  status_changed: { nl: 'Status gewijzigd', en: 'Status changed' },
  handler_assigned: { nl: 'Behandelaar toegewezen', en: 'Handler assigned' },
  deadline_changed: { nl: 'Termijn gewijzigd', en: 'Deadline changed' },
  decision_recorded: { nl: 'Beslissing vastgelegd', en: 'Decision recorded' },
  letter_issued: { nl: 'Brief opgesteld', en: 'Letter issued' },
  letter_sent: { nl: 'Brief verstuurd', en: 'Letter sent' },
  delay_notice_sent: { nl: 'Verdagingsbericht verstuurd', en: 'Delay notice sent' },
  hearing_recorded: { nl: 'Hoorzitting vastgelegd', en: 'Hearing recorded' },
  travel_costs_requested: { nl: 'Reiskosten gevraagd (art. 6.4)', en: 'Travel costs requested (Art. 6.4)' },
  deadline_reminder_sent: { nl: 'Herinnering termijn verstuurd', en: 'Deadline reminder sent' },
  deadline_escalated: { nl: 'Termijn verstreken, gemeld aan managers', en: 'Deadline passed, reported to managers' },
  fields_changed: { nl: 'Gegevens gewijzigd', en: 'Details changed' },
  correction_recorded: { nl: 'Verstuurde brief gecorrigeerd (besluit 16)', en: 'Letter sent corrected (Decision 16)' },
  posting_date_corrected: { nl: 'Verzenddatum gecorrigeerd (besluit 17)', en: 'Posting date corrected (Decision 17)' },
  message_resent: { nl: 'Mislukt bericht opnieuw verstuurd', en: 'Failed message sent again' },
  inspection_provided: { nl: 'Inzage verstrekt', en: 'Dossier for inspection provided' },
  legal_hold_set: { nl: 'Vernietiging opgeschort', en: 'Legal hold set' },
  legal_hold_lifted: { nl: 'Opschorting opgeheven', en: 'Legal hold lifted' },
  inspection_requested: {
    nl: 'Verzoek om inzage ontvangen (AVG art. 15)',
    en: 'Request for inspection received (GDPR Art. 15)',
  },
  anonymised: { nl: 'Persoonsgegevens geanonimiseerd', en: 'Personal data anonymised' },
  complainant_action: { nl: 'Door de klager gedaan (eigen pagina)', en: 'Done by the complainant (own page)' },
}
