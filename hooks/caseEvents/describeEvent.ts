import { MESSAGE_PURPOSE_LABELS, type MessagePurpose } from '../../cms/email/statuses'
import { formatDutchDate, formatDutchTime } from '../dates/amsterdam'
import {
  CATEGORY_LABELS,
  type Channel,
  CLIENT_ORGANISATION_LABELS,
  COMPLAINANT_ROLE_LABELS,
  DECISION_OUTCOME_LABELS,
  REMEDY_LABELS,
} from '../complaints/vocabulary'
import { CLOCK_LABELS } from '../complaints/workflow/clocks'
import { STATUS_LABELS } from '../complaints/workflow/statuses'
import { LETTER_KIND_DEFINITIONS, LETTER_KINDS, type LetterKind } from '../letters/kinds'
import { relId } from '../relations'
import { EVENT_DATA, type EventDataOf } from './eventData'
import { type ActorKind, CASE_EVENT_LABELS, type CaseEventType, type ComplainantAction } from './eventTypes'

/** A timeline entry as stored (`case-events`); `actor` is the user's id or the populated user. */
export type StoredEvent = {
  type: CaseEventType
  actorKind: ActorKind
  actor?: unknown
  data?: unknown
  at: string
}

/** What the description needs besides the entry: staff names by user id, Dutch field labels by path. */
export type EventLookups = {
  staffNames: ReadonlyMap<string, string>
  fieldLabels: ReadonlyMap<string, string>
}

export type EventDescription = { who: string; what: string; when: string }

export const WEBSITE = 'Website (klachtformulier)'
export const SYSTEM = 'Systeem'
export const COMPLAINANT = 'Klager'

const staffName = (id: string | null, lookups: EventLookups): string =>
  id ? (lookups.staffNames.get(id) ?? 'Medewerker (account niet meer te vinden)') : 'Medewerker'

function who(event: StoredEvent, lookups: EventLookups): string {
  if (event.actorKind === 'public') return WEBSITE
  if (event.actorKind === 'system') return SYSTEM
  if (event.actorKind === 'complainant') return COMPLAINANT
  const id = relId(event.actor)
  // A populated user carries its own name.
  const own = event.actor && typeof event.actor === 'object' && 'name' in event.actor ? event.actor.name : null
  return typeof own === 'string' && own ? own : staffName(id, lookups)
}

/** "1 december 2026 19:48", in Amsterdam. */
export const dutchDateTime = (at: string | Date): string => `${formatDutchDate(at)} ${formatDutchTime(at)}`

const letterName = (purpose: MessagePurpose): string =>
  (LETTER_KINDS as readonly string[]).includes(purpose)
    ? LETTER_KIND_DEFINITIONS[purpose as LetterKind].label
    : MESSAGE_PURPOSE_LABELS[purpose].nl
const by = (channel: 'email' | 'post'): string => (channel === 'email' ? 'per e-mail' : 'per post')
const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1) ?? ''}`
const fieldNames = (paths: string[], lookups: EventLookups): string =>
  list(paths.map((path) => lookups.fieldLabels.get(path) ?? path))
/** A role's label without the form's first-person explanation: "Cliënt (ik word begeleid …)" → "Cliënt". */
const short = (label: string): string => label.replace(/\s*\(.*\)$/, '')
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
const day = (at: string | null): string => (at ? formatDutchDate(at) : 'geen datum')

/** How the complaint came in, as the end of "Klacht ontvangen …". */
const RECEIVED_BY: Record<Channel, string> = {
  web: 'via het webformulier',
  phone: 'per telefoon',
  letter: 'per brief',
  email: 'per e-mail',
  in_person: 'persoonlijk',
}

type Describers = { [T in CaseEventType]: (data: EventDataOf<T>, lookups: EventLookups) => string }

const categoryList = (categories: readonly (keyof typeof CATEGORY_LABELS)[]): string =>
  list(categories.map((c) => CATEGORY_LABELS[c].nl.toLowerCase()))

/** "Klacht ontvangen per telefoon; klager: cliënt; …": what a registration recorded. */
const describeReceived = (d: {
  channel: Channel
  role: keyof typeof COMPLAINANT_ROLE_LABELS
  categories: (keyof typeof CATEGORY_LABELS)[]
  wantsHearing: boolean
  wantsHelpWriting: boolean
}): string =>
  [
    `Klacht ontvangen ${RECEIVED_BY[d.channel]}`,
    `klager: ${short(COMPLAINANT_ROLE_LABELS[d.role].nl).toLowerCase()}`,
    ...(d.categories.length > 0 ? [`soort klacht: ${categoryList(d.categories)}`] : []),
    ...(d.wantsHearing ? ['wil de klacht mondeling toelichten'] : []),
    ...(d.wantsHelpWriting ? ['wil hulp bij het opschrijven'] : []),
  ].join('; ')

/** Decision 20: what the complainant did on their own page, as staff read it. */
const COMPLAINANT_ACTION_LINES: Record<ComplainantAction, (d: { files?: number; version?: number }) => string> = {
  information_added: (d) =>
    `De klager heeft informatie aangevuld${d.files ? ` (${count(d.files, 'bijlage', 'bijlagen')})` : ''}`,
  written_version_corrected: (d) =>
    `De klager heeft de schriftelijke versie van de klacht verbeterd${d.version ? ` (versie ${d.version})` : ''} (besluit 8)`,
  hearing_requested: () => 'De klager vraagt om een gesprek (hoorzitting, art. 6.2)',
  survey_submitted: () => 'De klager heeft de vragen over de tevredenheid beantwoord',
}

/** Per type, what happened in plain Dutch, from the entry's typed data (eventData.ts). */
const DESCRIBE: Describers = {
  received: describeReceived,
  received_backfilled: (d) =>
    `Gegevens van de ontvangst aangevuld voor de verantwoording (art. 9): ontvangen op ${dutchDateTime(d.receivedAt)}`,
  classified: (d) =>
    `Indeling gewijzigd: ${[
      ...(d.channel ? [`binnengekomen ${RECEIVED_BY[d.channel]}`] : []),
      ...(d.role ? [`klager: ${short(COMPLAINANT_ROLE_LABELS[d.role].nl).toLowerCase()}`] : []),
      ...(d.clientOrganisation !== undefined
        ? [
            `opdrachtgever: ${d.clientOrganisation ? CLIENT_ORGANISATION_LABELS[d.clientOrganisation].nl.toLowerCase() : 'niet ingevuld'}`,
          ]
        : []),
      ...(d.categories ? [`soort klacht: ${d.categories.length > 0 ? categoryList(d.categories) : 'geen'}`] : []),
    ].join('; ')}`,
  travel_costs_requested: () => 'De klager vraagt vergoeding van reiskosten (art. 6.4)',
  receipt_queued: (d) => `Bevestiging van ontvangst klaargezet, ${by(d.channel)}`,
  uwv_notification_queued: (d) => `Melding aan de arbeidsdeskundige van UWV klaargezet, ${by(d.channel)}`,
  written_version_queued: (d) => `Schriftelijke versie van de klacht klaargezet voor de klager, ${by(d.channel)}`,
  status_changed: (d) => `Status gewijzigd van ${STATUS_LABELS[d.from].nl} naar ${STATUS_LABELS[d.to].nl}`,
  handler_assigned: (d, l) =>
    d.handler
      ? `Behandelaar: ${staffName(d.handler, l)}${d.previous ? ` (was ${staffName(d.previous, l)})` : ''}`
      : `Behandelaar weggehaald${d.previous ? ` (was ${staffName(d.previous, l)})` : ''}`,
  deadline_changed: (d) => `Termijn voor de beslissing gewijzigd van ${day(d.from)} naar ${day(d.to)}`,
  decision_recorded: (d) =>
    [
      `Beslissing vastgelegd: ${d.outcome ? DECISION_OUTCOME_LABELS[d.outcome].nl.toLowerCase() : 'geen uitkomst'}`,
      ...(d.remedy ? [REMEDY_LABELS[d.remedy].nl.toLowerCase()] : []),
    ].join(', '),
  letter_issued: (d) =>
    `Brief opgesteld: ${letterName(d.purpose)}, ${by(d.channel)}` +
    (d.correction ? ' (correctie van een eerdere brief)' : '') +
    (d.retried ? ' (na een nieuwe poging)' : ''),
  letter_sent: (d) =>
    d.channel === 'post'
      ? `Brief per post verstuurd: ${letterName(d.purpose)}`
      : // Delivered by the outbox: the entry names its message (recordLetterSent).
        `Brief verstuurd: ${letterName(d.purpose)}${d.channel === 'email' || d.message ? ', per e-mail' : ''}`,
  delay_notice_sent: () => 'Verdagingsbericht verstuurd',
  hearing_recorded: () => 'Hoorzitting vastgelegd',
  deadline_reminder_sent: (d) =>
    `Herinnering verstuurd aan de behandelaar: ${CLOCK_LABELS[d.clock].nl.toLowerCase()}, uiterlijk ${formatDutchDate(d.due)}`,
  deadline_escalated: (d) =>
    `Termijn verstreken, gemeld aan de managers: ${CLOCK_LABELS[d.clock].nl.toLowerCase()}, uiterlijk ${formatDutchDate(d.due)}`,
  fields_changed: (d, l) => `Gegevens gewijzigd: ${fieldNames(d.fields, l)}`,
  correction_recorded: (d, l) =>
    `Verstuurde brief gecorrigeerd (besluit 16): ${list(d.kinds.map((k) => LETTER_KIND_DEFINITIONS[k].label))}; ` +
    `gewijzigd: ${fieldNames(d.fields, l)}`,
  posting_date_corrected: (d) =>
    `Verzenddatum van de brief ${letterName(d.purpose)} gecorrigeerd van ${formatDutchDate(d.from)} naar ${formatDutchDate(d.to)} (besluit 17)`,
  message_resent: (d) =>
    `Mislukt bericht opnieuw verstuurd: ${letterName(d.purpose)}` +
    (d.newKey ? ' (als nieuw bericht: het eerste kwam zeker niet aan)' : ''),
  inspection_provided: (d) =>
    `Inzage verstrekt: het dossier als ZIP-bestand (overzicht, ${count(d.letters, 'brief', 'brieven')} en ${count(d.attachments, 'bijlage', 'bijlagen')}), ` +
    (d.via === 'complainant' ? 'gedownload door de klager zelf' : 'gedownload door een medewerker voor de klager'),
  legal_hold_set: () => 'Vernietiging opgeschort',
  legal_hold_lifted: () => 'Opschorting opgeheven',
  inspection_requested: (d) =>
    `Verzoek om inzage ontvangen (AVG art. 15); antwoord uiterlijk ${formatDutchDate(d.due)}`,
  anonymised: (d) =>
    `Persoonsgegevens geanonimiseerd (${d.by === 'retention' ? 'bewaartermijn' : 'verzoek om wissen'})`,
  complainant_action: (d) => COMPLAINANT_ACTION_LINES[d.action](d),
}

/** A registration written before `received` carried its moment and due dates still reads in full. */
const LEGACY_RECEIVED = EVENT_DATA.received.partial({ receivedAt: true, due: true })

/**
 * One row of a case's timeline as a handler reads it: who (the staff member's name; the website
 * only for a complaint that came in through the form; the system for jobs), what happened in
 * plain Dutch, and when (Amsterdam, 24-hour clock). Pure: the names come in through `lookups`.
 */
export function describeEvent(event: StoredEvent, lookups: EventLookups): EventDescription {
  const parsed = (event.type === 'received' ? LEGACY_RECEIVED : EVENT_DATA[event.type]).safeParse(event.data ?? {})
  // An entry whose data no longer fits its schema still says what kind of thing happened.
  const what = parsed.success
    ? (DESCRIBE[event.type] as (data: unknown, lookups: EventLookups) => string)(parsed.data, lookups)
    : CASE_EVENT_LABELS[event.type].nl
  return { who: who(event, lookups), what, when: dutchDateTime(event.at) }
}
