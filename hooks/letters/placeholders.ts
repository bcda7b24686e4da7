import type { Complaint, Setting, User } from '../../cms/payload-types'
import { complaintAsFormulated } from '../complaints/complaintAsFormulated'
import { CALLBACK_PROMISE, CATEGORY_LABELS } from '../complaints/vocabulary'
import { remedyPossible } from '../complaints/workflow/requirements'
import { formatDutchDate, formatDutchTime } from '../dates/amsterdam'
import { promisedBy } from './promisedDate'

/**
 * The placeholders editors may use in letter texts, `{{kenmerk}}` and the like: each one's Dutch
 * meaning and where its value comes from. Values are plain text; an empty value of a part the
 * regulation requires stops the letter (see compose.ts).
 */
export type LetterContext = {
  complaint: Complaint
  settings: Setting
  handler: (Pick<User, 'name'> & Partial<Pick<User, 'email'>>) | null
  now: Date
  /** The case as it was before the save that issues the letter (the delay notice names the date it moves). */
  before?: Pick<Complaint, 'deadlines'>
  /** The public site's address (SITE_URL), for `{{mijn_klacht}}`. */
  siteUrl?: string
  /** The person the letter is addressed to (the complainant, or the UWV labour expert). */
  addresseeName: string
  /** The case field that name comes from, where a refusal of it is shown (default: the complainant's name). */
  addresseePath?: string
}

type Placeholder = {
  label: string
  /** The case field to point at when this part is empty (the admin shows the message there). */
  path?: string
  /** A phrase ("uiterlijk 25 november 2026", "zo snel mogelijk"): capitalised where it starts a sentence. */
  phrase?: true
  value: (ctx: LetterContext) => string
}

const date = (iso: string | null | undefined) => (iso ? formatDutchDate(iso) : '')
const civil = (day: string | null | undefined) => (day ? formatDutchDate(`${day}T12:00:00Z`) : '')
const text = (value: string | null | undefined) => value?.trim() ?? ''

const SHORT_DESCRIPTION_LENGTH = 500

/**
 * The complainant's name as letters print it: the Latin spelling the case holds for a name the
 * font cannot set (pdf/fonts.ts; the intake schema asks for it), else the name as typed.
 */
export function letterName(complainant: Pick<Complaint['complainant'], 'name' | 'nameLatin'>): string {
  return complainant.nameLatin?.trim() || complainant.name
}

export function signatureLines(settings: Pick<Setting, 'organisationName' | 'phone' | 'address'>): string {
  const lines = [settings.organisationName]
  const a = settings.address
  if (a?.street && a.postalCode && a.city) lines.push(`${a.street}, ${a.postalCode} ${a.city}`)
  if (settings.phone) lines.push(`Telefoon: ${settings.phone}`)
  return lines.join('\n')
}

/** The designated UWV labour expert of this case: the case's own, else the default of the settings (Decision 11). */
export function expertOf(c: Complaint, settings: Setting): { name: string; email: string } | null {
  const own = c.uwvLabourExpert
  if (own?.email || own?.name) return { name: text(own.name), email: text(own.email) }
  const standard = settings.uwvLabourExpert
  if (standard?.email || standard?.name) return { name: text(standard.name), email: text(standard.email) }
  return null
}

/** Art. 8: how to reach the handler directly, as the users collection holds it (name and e-mail address). */
function handlerContact(handler: LetterContext['handler']): string {
  const name = text(handler?.name)
  if (!name) return ''
  const email = text(handler?.email)
  return `Hebt u vragen over deze brief? Neem dan contact op met ${name}, de behandelaar van uw klacht${email ? `, via ${email}` : ''}.`
}

/** Art. 6: everyone who will be at the hearing: the attendees recorded, and always the complainant and the handler. */
function participants(x: LetterContext): string {
  const attendees = x.complaint.hearing?.attendees ?? []
  const lines = attendees.map((a) => `- ${a.name} (${ATTENDEE_ROLE[a.role]})`)
  const has = (role: keyof typeof ATTENDEE_ROLE) => attendees.some((a) => a.role === role)
  if (!has('complainant')) lines.unshift(`- ${letterName(x.complaint.complainant)} (${ATTENDEE_ROLE.complainant})`)
  const handler = text(x.handler?.name)
  if (handler && !has('handler')) lines.push(`- ${handler} (${ATTENDEE_ROLE.handler})`)
  return lines.join('\n')
}

function conductDates(c: Complaint): string {
  if (c.conduct.when === 'date') return civil(c.conduct.date)
  if (c.conduct.when === 'period')
    return c.conduct.from && c.conduct.to ? `${civil(c.conduct.from)} tot en met ${civil(c.conduct.to)}` : ''
  return 'niet precies bekend'
}

const REMEDY = {
  full: 'De gevolgen zijn geheel te herstellen.',
  partial: 'De gevolgen zijn gedeeltelijk te herstellen.',
  not_possible: 'De gevolgen zijn niet te herstellen.',
} as const

function remedy(c: Complaint): string {
  const d = c.decision
  if (d?.outcome !== 'upheld' || !d.remedy) return ''
  const parts = [REMEDY[d.remedy], text(d.remedyExplanation)]
  if (remedyPossible(d))
    parts.push('De behandelaar van uw klacht neemt contact met u op over de oplossing (artikel 8.4).')
  return parts.filter(Boolean).join(' ')
}

function ground(c: Complaint): string {
  const n = c.nonAdmission
  if (n?.ground === 'already_subject') {
    return `Dezelfde gedraging was al eerder onderwerp van een klacht${n.earlierReference ? ` (${n.earlierReference})` : ''}.`
  }
  if (n?.ground === 'insufficient_interest') {
    return 'Uw belang of het gewicht van de gedraging is kennelijk onvoldoende. Dat betekent: waar u over klaagt, is duidelijk te klein om als klacht te behandelen.'
  }
  return ''
}

export const PLACEHOLDERS = {
  kenmerk: { label: 'kenmerk van de klacht', value: (x) => text(x.complaint.reference) },
  datum: { label: 'datum van de brief', value: (x) => formatDutchDate(x.now) },
  naam: { label: 'naam van de geadresseerde', path: 'complainant.name', value: (x) => text(x.addresseeName) },
  organisatie: { label: 'naam van Working Progression', value: (x) => text(x.settings.organisationName) },
  datum_ontvangst: { label: 'datum van ontvangst', path: 'receivedAt', value: (x) => date(x.complaint.receivedAt) },
  // Art. 5, 7: the dates a letter promises; one that has passed reads "zo snel mogelijk" (promisedDate.ts).
  bevestiging_uiterlijk: {
    label:
      'wanneer de ontvangstbevestiging komt ("uiterlijk 7 november 2026", of "zo snel mogelijk" als die datum voorbij is)',
    phrase: true,
    value: (x) => promisedBy(x.complaint.deadlines?.acknowledgeBy, x.now),
  },
  beslissing_uiterlijk: {
    label: 'wanneer de beslissing komt ("uiterlijk 30 november 2026", of "zo snel mogelijk" als die datum voorbij is)',
    phrase: true,
    value: (x) => promisedBy(x.complaint.deadlines?.decisionTargetBy, x.now),
  },
  beslissing_uiterste_datum: {
    label:
      'wanneer de beslissing op zijn laatst komt, zes weken na ontvangst ("uiterlijk 14 december 2026", of "zo snel mogelijk")',
    phrase: true,
    value: (x) => promisedBy(x.complaint.deadlines?.decisionLimitBy, x.now),
  },
  beslissing_eerdere_datum: {
    label: 'de datum die wij eerder voor de beslissing noemden',
    value: (x) => date(x.before?.deadlines?.decisionTargetBy),
  },
  datum_gedraging: {
    label: 'datum of data van de gedraging',
    path: 'conduct.date',
    value: (x) => conductDates(x.complaint),
  },
  behandelaar: { label: 'naam van de behandelaar', path: 'assignedHandler', value: (x) => text(x.handler?.name) },
  behandelaar_contact: {
    label: 'zin met de naam en het e-mailadres van de behandelaar (leeg zonder behandelaar)',
    path: 'assignedHandler',
    value: (x) => handlerContact(x.handler),
  },
  mijn_klacht: {
    label: 'het adres van de pagina Mijn klacht op de website (zonder link om in te loggen)',
    // Decision 20: the address only; the complainant asks for a link there with the reference and their address.
    value: (x) => (x.siteUrl ? `${x.siteUrl.replace(/\/+$/, '')}/mijn-klacht` : 'onze website'),
  },
  klacht: {
    label: 'de klacht zoals de klager die formuleerde',
    path: 'complaintText',
    // Art. 3, Decision 8: the version written down with the complainant, once there is one.
    value: (x) => text(complaintAsFormulated(x.complaint)),
  },
  terugbellen: {
    label: 'de afspraak om terug te bellen, als de klager om hulp bij het opschrijven vroeg (art. 3)',
    value: (x) => (x.complaint.wantsHelpWriting && !x.complaint.callback?.doneAt ? CALLBACK_PROMISE : ''),
  },
  feiten: {
    label: 'korte omschrijving van de feiten',
    path: 'acknowledgement.factsSummary',
    value: (x) => text(x.complaint.acknowledgement?.factsSummary),
  },
  feiten_wp: {
    label: 'de feiten zoals Working Progression die ziet',
    path: 'decision.factsAsSeen',
    value: (x) => text(x.complaint.decision?.factsAsSeen),
  },
  standpunt: {
    label: 'gemotiveerd standpunt',
    path: 'decision.reasonedPosition',
    value: (x) => text(x.complaint.decision?.reasonedPosition),
  },
  uitkomst: {
    label: 'de beslissing (gegrond of ongegrond)',
    path: 'decision.outcome',
    value: (x) =>
      (({ upheld: 'gegrond (u hebt gelijk)', not_upheld: 'ongegrond (u hebt geen gelijk)' }) as const)[
        x.complaint.decision?.outcome ?? ('none' as never)
      ] ?? '',
  },
  herstel: { label: 'herstel bij een gegronde klacht', path: 'decision.remedy', value: (x) => remedy(x.complaint) },
  grond: {
    label: 'de grond om de klacht niet in behandeling te nemen',
    path: 'nonAdmission.ground',
    value: (x) => ground(x.complaint),
  },
  redenen: {
    label: 'de redenen om de klacht niet in behandeling te nemen',
    path: 'nonAdmission.reasons',
    value: (x) => text(x.complaint.nonAdmission?.reasons),
  },
  reden_verdaging: {
    label: 'de reden van de verdaging',
    path: 'delayNotice.reason',
    value: (x) => text(x.complaint.delayNotice?.reason),
  },
  arbeidsdeskundige: {
    label: 'de arbeidsdeskundige van UWV',
    path: 'uwvLabourExpert.name',
    value: (x) => {
      const expert = expertOf(x.complaint, x.settings)
      if (!expert) return ''
      return expert.name && expert.email ? `${expert.name} (${expert.email})` : expert.name || expert.email
    },
  },
  klachtenregeling_uwv: {
    label:
      'zin met het adres of de link van de klachtenregeling van UWV (uit de instellingen; leeg als die niet is ingevuld)',
    value: (x) => {
      const where = text(x.settings.uwvComplaintProcedure)
      return where ? `Zo bereikt u de klachtenregeling van UWV: ${where}` : ''
    },
  },
  mondeling_antwoord: {
    label: 'het mondelinge antwoord',
    path: 'informal.oralAnswer',
    value: (x) => text(x.complaint.informal?.oralAnswer),
  },
  afspraken: {
    label: 'de gemaakte afspraken',
    path: 'informal.agreements',
    value: (x) => text(x.complaint.informal?.agreements),
  },
  gesprek_datum: { label: 'datum van het gesprek', path: 'hearing.at', value: (x) => date(x.complaint.hearing?.at) },
  gesprek_tijd: {
    label: 'tijd van het gesprek',
    path: 'hearing.at',
    value: (x) => (x.complaint.hearing?.at ? `${formatDutchTime(x.complaint.hearing.at)} uur` : ''),
  },
  gesprek_plaats: {
    label: 'plaats of videolink van het gesprek',
    path: 'hearing.place',
    value: (x) => text(x.complaint.hearing?.place),
  },
  verslag: {
    label: 'het verslag van het gesprek',
    path: 'hearing.report',
    value: (x) => text(x.complaint.hearing?.report),
  },
  aanwezigen: {
    label: 'de aanwezigen bij het gesprek',
    path: 'hearing.attendees',
    value: (x) =>
      (x.complaint.hearing?.attendees ?? []).map((a) => `- ${a.name} (${ATTENDEE_ROLE[a.role]})`).join('\n'),
  },
  deelnemers: {
    label: 'wie bij het gesprek aanwezig zijn (de klager, de behandelaar en de andere aanwezigen)',
    path: 'hearing.attendees',
    value: (x) => participants(x),
  },
  agenda_bijlage: {
    label: 'zin over de agenda-afspraak in de bijlage (alleen per e-mail)',
    value: (x) =>
      x.complaint.complainant.email
        ? 'In de bijlage vindt u een agenda-afspraak. Zo zet u het gesprek met één klik in uw agenda.'
        : '',
  },
  agenda_vervalt: {
    label: 'zin over het vervallen van de agenda-afspraak (alleen per e-mail)',
    value: (x) =>
      x.complaint.complainant.email
        ? 'In de bijlage vindt u een bericht voor uw agenda. Staat het gesprek daarna nog in uw agenda? Haal het er dan zelf uit.'
        : '',
  },
  datum_intrekking: {
    label: 'datum waarop de klacht is ingetrokken',
    path: 'withdrawal.withdrawnAt',
    value: (x) => date(x.complaint.withdrawal?.withdrawnAt),
  },
  afspraken_gesprek: {
    label: 'de afspraken uit het gesprek',
    path: 'hearing.agreements',
    value: (x) => text(x.complaint.hearing?.agreements),
  },
  naam_client: {
    label: 'naam van de cliënt',
    path: 'clientName',
    // Decision 11: the cliënt's own name; when someone else complains, the name they gave for the cliënt,
    // never the complainant's. Without one (someone else, or a case from before the field) the
    // notification says so instead of waiting: Art. 5 reports every complaint.
    value: (x) =>
      x.complaint.complainant.role === 'client'
        ? text(letterName(x.complaint.complainant))
        : text(x.complaint.clientName) || 'niet opgegeven',
  },
  soort_klacht: {
    label: 'soort klacht',
    path: 'categories',
    value: (x) => (x.complaint.categories ?? []).map((c) => CATEGORY_LABELS[c].nl).join(', '),
  },
  korte_omschrijving: {
    label: 'korte omschrijving van de klacht',
    path: 'complaintText',
    value: (x) => {
      const t = text(x.complaint.complaintText)
      return t.length > SHORT_DESCRIPTION_LENGTH ? `${t.slice(0, SHORT_DESCRIPTION_LENGTH).trimEnd()}…` : t
    },
  },
} satisfies Record<string, Placeholder>

export type PlaceholderKey = keyof typeof PLACEHOLDERS

const ATTENDEE_ROLE = {
  complainant: 'klager',
  complained_about: 'over wie geklaagd wordt',
  handler: 'behandelaar',
  other: 'anders',
} as const
