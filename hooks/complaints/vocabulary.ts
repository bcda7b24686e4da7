/**
 * The complaint's vocabularies: API values (English) with their Dutch and English labels.
 * Sources: Definitions and Art. 1 (roles), Art. 2 note (categories), Art. 3 (channels).
 */
export type Label = { nl: string; en: string }

/** Art. 1 says "ieder": anyone may complain (Decision 5); the role is recorded. */
export const COMPLAINANT_ROLES = ['client', 'client_organisation', 'employer', 'other'] as const
export type ComplainantRole = (typeof COMPLAINANT_ROLES)[number]
export const COMPLAINANT_ROLE_LABELS: Record<ComplainantRole, Label> = {
  client: {
    nl: 'Cliënt (ik word begeleid door Working Progression)',
    en: 'Client (I am coached by Working Progression)',
  },
  client_organisation: {
    nl: 'Opdrachtgever (bijvoorbeeld UWV of gemeente)',
    en: 'Client organisation (for example UWV or a municipality)',
  },
  employer: { nl: 'Werkgever van een cliënt', en: 'Employer of a client' },
  other: { nl: 'Iemand anders', en: 'Someone else' },
}

/** The opdrachtgever that referred a cliënt; reports count per opdrachtgever (Art. 9). */
export const CLIENT_ORGANISATIONS = ['uwv', 'municipality', 'other', 'unknown'] as const
export type ClientOrganisation = (typeof CLIENT_ORGANISATIONS)[number]
export const CLIENT_ORGANISATION_LABELS: Record<ClientOrganisation, Label> = {
  uwv: { nl: 'UWV', en: 'UWV' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  other: { nl: 'Een andere opdrachtgever', en: 'Another client organisation' },
  unknown: { nl: 'Weet ik niet', en: "Don't know" },
}

/** Art. 2 note: "In dit kader valt te denken aan" — more than one may apply; the last is the catch-all. */
export const CATEGORIES = [
  'inadequate_action',
  'negligence',
  'privacy_breach',
  'incorrect_information',
  'other_shortcoming',
] as const
export type Category = (typeof CATEGORIES)[number]
export const CATEGORY_LABELS: Record<Category, Label> = {
  inadequate_action: { nl: 'Niet goed gehandeld', en: 'Inadequate action' },
  negligence: {
    nl: 'Iets niet gedaan wat wel had gemoeten (nalatigheid)',
    en: 'Something not done that should have been (negligence)',
  },
  privacy_breach: { nl: 'Mijn privacy is geschonden', en: 'Breach of privacy' },
  incorrect_information: {
    nl: 'Verkeerde informatie of slechte communicatie',
    en: 'Incorrect information or communication',
  },
  other_shortcoming: { nl: 'Iets anders in de dienstverlening', en: 'Other shortcoming in the service' },
}

/** Art. 3 and Decision 8: how the complaint reached Working Progression. */
export const CHANNELS = ['web', 'phone', 'letter', 'email', 'in_person'] as const
export type Channel = (typeof CHANNELS)[number]
export const CHANNEL_LABELS: Record<Channel, Label> = {
  web: { nl: 'Webformulier', en: 'Web form' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  letter: { nl: 'Brief', en: 'Letter' },
  email: { nl: 'E-mail', en: 'E-mail' },
  in_person: { nl: 'Persoonlijk', en: 'In person' },
}

export const CONDUCT_WHEN = ['date', 'period', 'unknown'] as const
export type ConductWhen = (typeof CONDUCT_WHEN)[number]
export const CONDUCT_WHEN_LABELS: Record<ConductWhen, Label> = {
  date: { nl: 'Op één dag', en: 'On one day' },
  period: { nl: 'In een periode', en: 'During a period' },
  unknown: { nl: 'Weet ik niet precies', en: 'Not sure exactly' },
}

export const INVOLVED_KINDS = ['employee', 'third_party', 'unknown'] as const
export type InvolvedKind = (typeof INVOLVED_KINDS)[number]
export const INVOLVED_KIND_LABELS: Record<InvolvedKind, Label> = {
  employee: { nl: 'Een medewerker van Working Progression', en: 'A Working Progression employee' },
  third_party: {
    nl: 'Iemand die voor Working Progression werkt, maar niet in dienst is',
    en: 'A third party working for Working Progression',
  },
  unknown: { nl: 'Weet ik niet', en: "Don't know" },
}

export const options = <T extends string>(values: readonly T[], labels: Record<T, Label>) =>
  values.map((value) => ({ value, label: labels[value] }))

/** Art. 8.5: the only two grounds on which a complaint is not admitted. */
export const NON_ADMISSION_GROUNDS = ['already_subject', 'insufficient_interest'] as const
export type NonAdmissionGround = (typeof NON_ADMISSION_GROUNDS)[number]

export const NON_ADMISSION_GROUND_LABELS: Record<NonAdmissionGround, Label> = {
  already_subject: {
    nl: 'Dezelfde gedraging was al eerder onderwerp van een klacht',
    en: 'The same conduct was already the subject of a complaint',
  },
  insufficient_interest: {
    nl: 'Belang van de klager of gewicht van de gedraging kennelijk onvoldoende',
    en: "The complainant's interest or the weight of the conduct is manifestly insufficient",
  },
}

/** Asked at registration: was the complaint discussed with Working Progression before? */
export const YES_NO = ['yes', 'no'] as const
export type YesNo = (typeof YES_NO)[number]
export const YES_NO_LABELS: Record<YesNo, Label> = {
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
}

/** Art. 8.2: the decision on the complaint. */
export const DECISION_OUTCOMES = ['upheld', 'not_upheld'] as const
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number]
export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, Label> = {
  upheld: { nl: 'Gegrond', en: 'Upheld' },
  not_upheld: { nl: 'Ongegrond', en: 'Not upheld' },
}

/** Decision 6: after an upheld complaint, whether the harm can be put right. */
export const REMEDIES = ['full', 'partial', 'not_possible'] as const
export type Remedy = (typeof REMEDIES)[number]
export const REMEDY_LABELS: Record<Remedy, Label> = {
  full: { nl: 'Geheel te herstellen', en: 'Fully remediable' },
  partial: { nl: 'Gedeeltelijk te herstellen', en: 'Partly remediable' },
  not_possible: { nl: 'Niet te herstellen', en: 'Not remediable' },
}

/** Art. 6: both the complainant and Working Progression may ask for a hearing. */
export const HEARING_REQUESTERS = ['complainant', 'working_progression'] as const
export type HearingRequester = (typeof HEARING_REQUESTERS)[number]
export const HEARING_REQUESTER_LABELS: Record<HearingRequester, Label> = {
  complainant: { nl: 'Klager', en: 'Complainant' },
  working_progression: { nl: 'Working Progression', en: 'Working Progression' },
}

/** Art. 6: both sides are heard. */
export const ATTENDEE_ROLES = ['complainant', 'complained_about', 'handler', 'other'] as const
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number]
export const ATTENDEE_ROLE_LABELS: Record<AttendeeRole, Label> = {
  complainant: { nl: 'Klager', en: 'Complainant' },
  complained_about: { nl: 'Over wie geklaagd wordt', en: 'Person complained about' },
  handler: { nl: 'Behandelaar', en: 'Handler' },
  other: { nl: 'Anders', en: 'Other' },
}

/** Art. 6.3: the hearing report goes for signature; the complainant need not sign. */
export const REPORT_SIGNATURES = ['pending', 'signed', 'declined'] as const
export type ReportSignature = (typeof REPORT_SIGNATURES)[number]
export const REPORT_SIGNATURE_LABELS: Record<ReportSignature, Label> = {
  pending: { nl: 'Nog niet terug', en: 'Not back yet' },
  signed: { nl: 'Getekend', en: 'Signed' },
  declined: { nl: 'Niet getekend (mag, art. 6)', en: 'Not signed (allowed, Art. 6)' },
}

/** Art. 6.4: travel costs of the hearing. */
export const TRAVEL_COST_DECISIONS = ['granted', 'refused'] as const
export type TravelCostDecision = (typeof TRAVEL_COST_DECISIONS)[number]
export const TRAVEL_COST_DECISION_LABELS: Record<TravelCostDecision, Label> = {
  granted: { nl: 'Toegekend', en: 'Granted' },
  refused: { nl: 'Afgewezen', en: 'Refused' },
}

/** The state of the next deadline (hooks/complaints/workflow/deadlineState.ts). */
export const DEADLINE_STATES = ['on_time', 'due_soon', 'overdue'] as const
export type DeadlineState = (typeof DEADLINE_STATES)[number]
export const DEADLINE_STATE_LABELS: Record<DeadlineState, Label> = {
  on_time: { nl: 'Op tijd', en: 'On time' },
  due_soon: { nl: 'Bijna verlopen', en: 'Due soon' },
  overdue: { nl: 'Verlopen', en: 'Overdue' },
}

/** Art. 9 reporting: whether each clock's deadline was met when the case ended. */
export const DEADLINE_OUTCOMES = ['met', 'missed', 'not_applicable'] as const
export type DeadlineOutcome = (typeof DEADLINE_OUTCOMES)[number]
export const DEADLINE_OUTCOME_LABELS: Record<DeadlineOutcome, Label> = {
  met: { nl: 'Gehaald', en: 'Met' },
  missed: { nl: 'Niet gehaald', en: 'Missed' },
  not_applicable: { nl: 'Niet van toepassing', en: 'Not applicable' },
}

/** Art. 3: the complainant asked for help writing the complaint down — a call-back, until it was made. */
export const CALLBACK_STATES = ['pending', 'done'] as const
export type CallbackState = (typeof CALLBACK_STATES)[number]
export const CALLBACK_STATE_LABELS: Record<CallbackState, Label> = {
  pending: { nl: 'Nog bellen', en: 'To call' },
  done: { nl: 'Teruggebeld', en: 'Called back' },
}

/**
 * What the complainant is told when they asked for that help (the confirmation page, the receipt).
 * No term: neither the regulation nor DOMAIN.md names one, so nothing promises a date.
 */
export const CALLBACK_PROMISE =
  'U hebt gevraagd om hulp bij het opschrijven van uw klacht. Wij bellen u op om uw klacht samen met u op te schrijven. Daarna sturen wij u die tekst, zodat u kunt controleren of alles klopt.'
