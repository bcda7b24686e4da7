import type { CollectionSlug } from 'payload'

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

/** What retention does to a store once its term is over. */
export type Erasure =
  /** Text fields emptied (or set to a fixed placeholder where the field is required). */
  | 'blank'
  /** The file removed from disk and its document's file name replaced. */
  | 'removeFile'
  /** The whole row removed. */
  | 'remove'
  /** Kept: the term is not retention's (a staff account). */
  | 'keep'

export type PersonalDataStore = {
  /** Stable id, used in tests and the records of processing. */
  id: string
  /** Plain Dutch name of the store, as the records of processing show it. */
  label: string
  collection: CollectionSlug | 'payload-jobs'
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
    fields: ['filename'],
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
    fields: ['filename', 'postedAtChangeReason'],
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
    id: 'jobs.input',
    label: 'Opdrachten in de wachtrij die een brief bevatten',
    collection: 'payload-jobs',
    fields: ['input', 'log'],
    subject: 'complainant',
    purpose: 'Brieven en e-mails versturen, ook na een storing.',
    readers: ['Niemand (alleen het systeem)'],
    recipients: [],
    term: 'case',
    erasure: 'blank',
  },
  {
    id: 'users.account',
    label: 'Medewerkers: naam, e-mailadres en rollen',
    collection: 'users',
    fields: ['name', 'email'],
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
]

/** Fields of a text-like kind that hold no personal data, each with its reason (Decision 19). */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {}
