import type { CollectionSlug, GlobalSlug } from 'payload'

/**
 * Every store of personal data in the portal (AVG art. 30; Decision 19), in one list that the
 * retention job, the dossier for inspection and the records of processing all read. A store is a
 * set of fields of one collection (dotted paths from the document's root; `*` for every row of an
 * array), or the files of an upload collection on disk. A test walks every text, textarea,
 * rich-text, e-mail, json and upload field of every collection and global and fails on one that
 * is neither in a store here nor in NOT_PERSONAL with its reason.
 */

/** Whose data a store holds. */
export type DataSubject = 'complainant' | 'thirdParty' | 'staff'

/** How long a store is kept, read from the settings where a setting names it. */
export type Term =
  /** Until the case is anonymised: `retentionYears` after closing (or ending), Decision 19. */
  | 'case'
  /** A delivered message's body and attachments: 30 days after delivery (Decision 19). */
  | 'deliveredMessage'
  /** An access-log entry: `accessLogYears` from the entry. */
  | 'accessLog'
  /** A staff account: as long as the account exists. */
  | 'account'
  /** A contact an admin keeps in the settings: until an admin changes it. */
  | 'setting'
  /** The record of an erasure itself (why a case was wiped early): kept as long as the case's row (AVG art. 5 lid 2). */
  | 'erasureRecord'
  /** A count of the public forms' rate limit: one hour (the longest window), then removed. */
  | 'rateLimit'

/** What retention does to a store once its term is over. */
export type Erasure =
  /** Text fields emptied (or set to a fixed placeholder where the field is required). */
  | 'blank'
  /** The file removed from disk and its document's file name replaced. */
  | 'removeFile'
  /** The whole row removed. */
  | 'remove'
  /** Kept: the term is not retention's (a staff account, a setting, the record of an erasure). */
  | 'keep'

export type PersonalDataStore = {
  /** Stable id, used in tests and the records of processing. */
  id: string
  /** Plain Dutch name of the store, as the records of processing show it. */
  label: string
  /** The collection (or, for a setting, the global) that holds the store. */
  collection: CollectionSlug | GlobalSlug | 'payload-jobs'
  /** Dotted field paths; absent for a store that is the upload's files only. */
  fields?: readonly string[]
  /** The collection's uploaded files on disk (attachments, letter PDFs). */
  files?: boolean
  subject: DataSubject
  /** Why it is kept (Dutch). */
  purpose: string
  /** Who may read it (Dutch role names), as the access rules give it. */
  readers: readonly string[]
  /** Who receives it outside the staff (Dutch), e.g. the UWV labour expert. */
  recipients: readonly string[]
  term: Term
  erasure: Erasure
}

const CASE_READERS = ['Toegewezen klachtbehandelaar', 'Manager'] as const

export const PERSONAL_DATA_STORES: readonly PersonalDataStore[] = [
  {
    id: 'complaint.complainant',
    label: 'Naam, contactgegevens en adres van de klager',
    collection: 'complaints',
    fields: ['complainant', 'clientName', 'consentAt'],
    subject: 'complainant',
    purpose: 'De klacht behandelen en de klager schriftelijk informeren (art. 5 tot en met 8).',
    readers: CASE_READERS,
    recipients: ['De klager zelf', 'Arbeidsdeskundige van UWV (naam van de cliënt, art. 5)'],
    term: 'case',
    erasure: 'blank',
  },
  {
    id: 'complaint.content',
    label: 'De klacht: tekst, gewenste uitkomst, gedraging en betrokkenen',
    collection: 'complaints',
    fields: [
      'complaintText',
      'desiredOutcome',
      'conduct',
      'involved',
      'writtenVersion',
      'discussedBefore',
      'complainantAdditions',
      'survey',
    ],
    subject: 'complainant',
    purpose: 'De klacht onderzoeken en beoordelen (art. 3, 6 en 8).',
    readers: CASE_READERS,
    recipients: ['Arbeidsdeskundige van UWV (korte omschrijving, art. 5)'],
    term: 'case',
    erasure: 'blank',
  },
  {
    id: 'complaint.handling',
    label: 'De behandeling: ontvangst, hoorzitting, verslag, beslissing en afspraken',
    collection: 'complaints',
    fields: [
      'acknowledgement',
      'nonAdmission',
      'decision',
      'informal',
      'delayNotice',
      'hearing',
      'withdrawal',
      'correction',
      'involvedStaff',
      'inspectionRequests',
      'privacy.legalHoldReason',
    ],
    subject: 'complainant',
    purpose: 'Vastleggen hoe de klacht is behandeld en wat de klager is meegedeeld (art. 5 tot en met 8).',
    readers: CASE_READERS,
    recipients: ['De klager zelf', 'Deelnemers aan de hoorzitting (verslag, art. 6)'],
    term: 'case',
    erasure: 'blank',
  },
  {
    id: 'complaint.uwvLabourExpert',
    label: 'De arbeidsdeskundige van UWV bij deze klacht',
    collection: 'complaints',
    fields: ['uwvLabourExpert'],
    subject: 'thirdParty',
    purpose: 'UWV op de hoogte brengen van de klacht (art. 5).',
    readers: CASE_READERS,
    recipients: ['Arbeidsdeskundige van UWV'],
    term: 'case',
    erasure: 'blank',
  },
  {
    id: 'attachments.files',
    label: 'Bijlagen bij de klacht',
    collection: 'complaint-attachments',
    files: true,
    fields: ['filename', 'url', 'thumbnailURL'],
    subject: 'complainant',
    purpose: 'De klacht onderzoeken (art. 6).',
    readers: CASE_READERS,
    recipients: [],
    term: 'case',
    erasure: 'removeFile',
  },
  {
    id: 'letters.files',
    label: 'Brieven aan de klager (PDF)',
    collection: 'letters',
    files: true,
    fields: ['filename', 'url', 'thumbnailURL', 'postedAtChangeReason'],
    subject: 'complainant',
    purpose: 'Vastleggen wat de klager schriftelijk is meegedeeld (Besluit 16).',
    readers: CASE_READERS,
    recipients: ['De klager zelf', 'Arbeidsdeskundige van UWV (melding, art. 5)'],
    term: 'case',
    erasure: 'removeFile',
  },
  {
    id: 'outbox.message',
    label: 'Verzonden e-mails: ontvangers, tekst en bijlagen',
    collection: 'outbox',
    fields: ['to', 'cc', 'replyTo', 'subject', 'text', 'html', 'attachments'],
    subject: 'complainant',
    purpose: 'Brieven per e-mail bezorgen en nagaan of dat gelukt is.',
    readers: ['Manager (inhoud)', 'Beheerder (alleen de bezorgstatus)'],
    recipients: ['E-maildienst Resend (verwerker)'],
    term: 'deliveredMessage',
    erasure: 'blank',
  },
  {
    id: 'outbox.deliveryError',
    label: 'De foutmelding van een mislukte bezorging',
    collection: 'outbox',
    // A refusal by the mail service may quote the address it refused; the admin reads it to repair
    // the delivery (Decision 15: delivery state, never recipients or bodies).
    fields: ['lastError'],
    subject: 'complainant',
    purpose: 'Een mislukte bezorging herstellen.',
    readers: ['Beheerder', 'Manager'],
    recipients: [],
    term: 'case',
    erasure: 'blank',
  },
  {
    id: 'jobs.input',
    label: 'Opdrachten in de wachtrij die een brief bevatten',
    collection: 'payload-jobs',
    // What a job carries: its input (a composed letter), each try's log and the status built from it.
    fields: ['input', 'log', 'taskStatus'],
    subject: 'complainant',
    purpose: 'Brieven en e-mails versturen, ook na een storing.',
    readers: ['Niemand (alleen het systeem)'],
    recipients: [],
    term: 'case',
    erasure: 'remove',
  },
  {
    id: 'jobs.error',
    label: 'De foutmelding van een mislukte opdracht',
    collection: 'payload-jobs',
    // The error a failed try left may quote a field of the letter; the admin reads it to repair the
    // queue (Decision 15: a job's state, never what it carries). Removed with the case's jobs.
    fields: ['error'],
    subject: 'complainant',
    purpose: 'Een mislukte opdracht herstellen.',
    readers: ['Beheerder'],
    recipients: [],
    term: 'case',
    erasure: 'remove',
  },
  {
    id: 'users.account',
    label: 'Medewerkers: naam, e-mailadres en rollen',
    collection: 'users',
    // With what proves who a person is: the password's hash and salt, a reset token, the sessions.
    fields: ['name', 'email', 'hash', 'salt', 'resetPasswordToken', 'sessions'],
    subject: 'staff',
    purpose: 'Inloggen, rechten en vastleggen wie wat deed.',
    readers: ['Beheerder', 'Collega-medewerkers (alleen de naam)'],
    recipients: [],
    term: 'account',
    erasure: 'keep',
  },
  {
    id: 'accessLog.entry',
    label: 'Raadpleeglog: welke medewerker welk dossier inzag',
    collection: 'access-log',
    fields: ['actor', 'complaint', 'kind', 'at'],
    subject: 'staff',
    purpose: 'Verantwoorden wie persoonsgegevens van klagers heeft ingezien (AVG art. 5 lid 2).',
    readers: ['Manager'],
    recipients: [],
    term: 'accessLog',
    erasure: 'remove',
  },
  {
    id: 'complaint.erasureRecord',
    label: 'Reden van vroegtijdig wissen (AVG art. 17)',
    collection: 'complaints',
    fields: ['privacy.erasureReason'],
    subject: 'complainant',
    purpose: 'Verantwoorden waarom een dossier eerder dan na de bewaartermijn is gewist (AVG art. 5 lid 2).',
    readers: CASE_READERS,
    recipients: [],
    term: 'erasureRecord',
    erasure: 'keep',
  },
  {
    id: 'settings.uwvLabourExpert',
    label: 'De vaste arbeidsdeskundige van UWV',
    collection: 'settings',
    fields: ['uwvLabourExpert'],
    subject: 'thirdParty',
    purpose: 'Elke klacht melden aan de arbeidsdeskundige van UWV (art. 5, besluit 11).',
    readers: ['Beheerder', 'Manager'],
    recipients: ['Arbeidsdeskundige van UWV'],
    term: 'setting',
    erasure: 'keep',
  },
  {
    id: 'complainant.access',
    label: 'Toegang van de klager tot de eigen klacht: links en sessies (alleen als hash)',
    collection: 'complainant-links',
    fields: ['tokenHash'],
    subject: 'complainant',
    purpose: 'De klager laten inloggen op de eigen klacht zonder account (besluit 20).',
    readers: ['Niemand (alleen het systeem)'],
    recipients: [],
    term: 'case',
    erasure: 'remove',
  },
  {
    id: 'forms.rateLimit',
    label: 'Tellingen van de formulieren: welk IP- of e-mailadres een formulier verstuurde (alleen als HMAC)',
    collection: 'rate-limit-slots',
    fields: ['slot', 'key', 'hit'],
    subject: 'complainant',
    purpose:
      'Misbruik van het klachtformulier en van de aanvraag van een link tegengaan, ook als de website op meer servers draait.',
    readers: ['Niemand (alleen het systeem)'],
    recipients: [],
    term: 'rateLimit',
    erasure: 'remove',
  },
  {
    id: 'complainant.sessions',
    label: 'Sessies van de klager op de eigen klacht (alleen als hash)',
    collection: 'complainant-sessions',
    fields: ['sessionHash'],
    subject: 'complainant',
    purpose: 'De klager een half uur toegang geven tot de eigen klacht (besluit 20).',
    readers: ['Niemand (alleen het systeem)'],
    recipients: [],
    term: 'case',
    erasure: 'remove',
  },
]

/**
 * Fields of a text-like kind (and upload collections, `slug (files)`) that hold no personal data,
 * each with its reason (Decision 19). A key is `collection.path`, or a collection or global slug
 * for all its fields and files.
 */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {
  'complaints.reference': 'Het kenmerk (WP-jjjj-nnnn) is een volgnummer; het blijft na het anonimiseren.',
  'complaints.formToken': 'Een willekeurige code van het webformulier, alleen om dubbel versturen te herkennen.',
  'complaint-attachments.mimeType': 'Het soort bestand (bijvoorbeeld application/pdf), niets over een persoon.',
  'letters.mimeType': 'Het soort bestand (application/pdf), niets over een persoon.',
  // cms/lib/fileStorage.ts: where the S3 plugin keeps a file, set by the server only.
  'complaint-attachments.prefix': 'De map van het bestand in de opslag (complaints), voor elk bestand dezelfde.',
  'complaint-attachments._objectKey': 'Een technische sleutel van de opslag, zonder gegevens van een persoon.',
  'letters.prefix': 'De map van het bestand in de opslag (letters), voor elk bestand dezelfde.',
  'letters._objectKey': 'Een technische sleutel van de opslag, zonder gegevens van een persoon.',
  'case-events.data':
    'Alleen codes, ids en datums; een zod-schema per soort weigert vrije tekst (hooks/caseEvents/eventData.ts).',
  'letter-templates':
    'De teksten van de brieven met plaatshouders, door redacteuren geschreven, zonder gegevens van een klacht.',
  'outbox.from': 'Het afzenderadres van Working Progression (een instelling), niet van een klager.',
  'outbox.resends.*.id': 'Het nummer van een rij, door Payload gemaakt.',
  'outbox.providerId': 'Het nummer dat Resend aan een bericht gaf.',
  'outbox.idempotencyKey': 'Een sleutel uit ids, zodat een bericht maar één keer wordt bezorgd.',
  'letters.effectKey': 'Een sleutel uit ids en de soort brief, zodat een brief maar één keer wordt gemaakt.',
  'service-accounts':
    'De serviceaccounts van systemen (de website): een naam van het systeem en de HMAC van de sleutel, geen persoon.',
  'retention-runs':
    'De administratie van het anonimiseren zelf: ids, datums en aantallen, geen naam en geen reden (besluit 19).',
  sequences: 'Tellers voor de kenmerken, per jaar.',
  'survey-responses.receivedQuarter':
    'Het kwartaal van ontvangst (2026-K4) bij drie cijfers, zonder zaak of persoon (ISO 10002).',
  'survey-responses.endedQuarter': 'Het kwartaal van afhandeling bij drie cijfers, zonder zaak of persoon (ISO 10002).',
  'survey-receipts.key':
    'Alleen dat een zaak de vragen al beantwoordde (survey:<id>), zonder de cijfers: zo blijft het bij één keer.',
  'access-log.windowKey':
    'Een sleutel uit ids (wie, welke zaak, welke soort, welke vorige regel), zodat één raadpleging één regel is.',
  reports: 'Vastgelegde verantwoordingen (art. 9): alleen aantallen, zonder persoonsgegevens, ook in de pdf.',
  'case-facts': 'De feiten per klacht voor de verantwoording (art. 9): alleen codes en datums.',
  'published-figures':
    'Gepubliceerde cijfers en een door de manager geschreven tekst over verbeteringen, zonder tekst uit een klacht (besluit 18).',
  'payload-kv': 'Payloads eigen opslag van sleutels en waarden voor het systeem; het portaal zet er geen gegevens in.',
  'payload-jobs.queue': 'De naam van de wachtrij.',
  'payload-jobs.meta': 'Payloads eigen gegevens van de planning van een opdracht.',
  'payload-locked-documents.globalSlug': 'De naam van een globale instelling die iemand bewerkt.',
  'payload-preferences':
    'Voorkeuren van de medewerker in het beheer (kolommen, sortering), geen gegevens uit een klacht.',
  'payload-migrations.name': 'De naam van een migratie van de database.',
  'payload-jobs-stats': 'Wanneer elke geplande opdracht voor het laatst liep.',
  regulation: 'Het gepubliceerde klachtenreglement met de toelichting: een openbare tekst.',
  'settings.organisationName': 'De naam van Working Progression.',
  'settings.address': 'Het adres van Working Progression, niet van een persoon.',
  'settings.phone': 'Het algemene telefoonnummer van Working Progression.',
  'settings.contactEmail': 'Het algemene e-mailadres van Working Progression.',
  'settings.senderAddress': 'Het afzenderadres van de e-mail van Working Progression.',
  'settings.uwvComplaintProcedure': 'Waar de klachtenprocedure van UWV staat: een openbare verwijzing.',
}
