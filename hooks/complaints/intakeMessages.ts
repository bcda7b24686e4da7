import type { Complaint, Setting } from '../../cms/payload-types'
import { escapeHtml, formatDutchDate } from './format'
import { CATEGORY_LABELS } from './vocabulary'

/**
 * The messages of registration, in plain text and simple HTML. The letters issue replaces these
 * with templates editors maintain; until then the content is what the regulation requires.
 */
export type Message = {
  subject: string
  text: string
  html: string
  /** The same letter in parts, for its PDF copy: salutation, body paragraphs, closing. */
  letter: { salutation: string; paragraphs: string[]; closing: string }
}

const paragraphsToHtml = (paragraphs: string[]) => paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n')

export function signature(settings: Pick<Setting, 'organisationName' | 'phone' | 'address'>): string {
  const lines = [settings.organisationName]
  const a = settings.address
  if (a?.street && a.postalCode && a.city) lines.push(`${a.street}, ${a.postalCode} ${a.city}`)
  if (settings.phone) lines.push(`Telefoon: ${settings.phone}`)
  return lines.join('\n')
}

/** A letter from its paragraphs: the first is the salutation, the last the closing with the signature. */
export function messageOf(subject: string, paragraphs: string[]): Message {
  const salutation = paragraphs[0] ?? ''
  const closing = (paragraphs.at(-1) ?? '').split('\n')[0] ?? ''
  return {
    subject,
    text: paragraphs.join('\n\n'),
    html: paragraphsToHtml(paragraphs),
    letter: { salutation, paragraphs: paragraphs.slice(1, -1), closing },
  }
}

/** Receipt confirmation: reference, date of receipt, and the dates of Art. 5 and Art. 7. */
export function receiptMessage(complaint: Complaint, settings: Setting): Message {
  const d = complaint.deadlines
  return messageOf(`Wij hebben uw klacht ontvangen (${complaint.reference})`, [
    `Beste ${complaint.complainant.name},`,
    `Wij hebben uw klacht ontvangen op ${formatDutchDate(complaint.receivedAt)}. Uw kenmerk is ${complaint.reference}. Noem dit kenmerk als u contact met ons opneemt.`,
    `Wat gebeurt er nu?\n- Uiterlijk ${formatDutchDate(d?.acknowledgeBy ?? '')} krijgt u een brief. Daarin staat wie uw klacht behandelt. Deze persoon heeft niets met uw klacht te maken gehad.\n- U krijgt ons antwoord uiterlijk ${formatDutchDate(d?.decisionTargetBy ?? '')}. Lukt dat niet, dan hoort u dat vóór die datum, met de reden. Ons antwoord komt nooit later dan ${formatDutchDate(d?.decisionLimitBy ?? '')}.`,
    'U mag uw dossier altijd inzien. Vraag het aan de behandelaar van uw klacht.',
    `Met vriendelijke groet,\n\n${signature(settings)}`,
  ])
}

/** Decision 8: the written version of a complaint received orally, for the complainant to correct. */
export function writtenVersionMessage(complaint: Complaint, settings: Setting): Message {
  const d = complaint.deadlines
  return messageOf(`Uw klacht zoals wij die hebben opgeschreven (${complaint.reference})`, [
    `Beste ${complaint.complainant.name},`,
    `U hebt op ${formatDutchDate(complaint.receivedAt)} een klacht bij ons ingediend. Wij hebben uw klacht zo opgeschreven:`,
    complaint.complaintText,
    'Klopt dit niet, of wilt u iets aanvullen? Laat het ons binnen een week weten. Noem dan uw kenmerk.',
    `Uw kenmerk is ${complaint.reference}. Uiterlijk ${formatDutchDate(d?.acknowledgeBy ?? '')} krijgt u een brief met de naam van de behandelaar. Ons antwoord krijgt u uiterlijk ${formatDutchDate(d?.decisionTargetBy ?? '')}, en nooit later dan ${formatDutchDate(d?.decisionLimitBy ?? '')}.`,
    `Met vriendelijke groet,\n\n${signature(settings)}`,
  ])
}

const SHORT_DESCRIPTION_LENGTH = 500

/** Art. 5, 9 and Decision 11: every complaint is reported to the designated UWV labour expert. No attachments. */
export function uwvNotificationMessage(complaint: Complaint, settings: Setting, expertName: string | null | undefined): Message {
  const clientName = complaint.complainant.onBehalfOf && complaint.complainant.onBehalfOfName ? complaint.complainant.onBehalfOfName : complaint.complainant.name
  const text = complaint.complaintText
  const short = text.length > SHORT_DESCRIPTION_LENGTH ? `${text.slice(0, SHORT_DESCRIPTION_LENGTH).trimEnd()}…` : text
  return messageOf(`Melding nieuwe klacht ${complaint.reference}`, [
    `Beste ${expertName || 'arbeidsdeskundige'},`,
    'Volgens artikel 5 van ons klachtenreglement melden wij u elke klacht die wij ontvangen.',
    [
      `Kenmerk: ${complaint.reference}`,
      `Datum van ontvangst: ${formatDutchDate(complaint.receivedAt)}`,
      `Naam cliënt: ${clientName}`,
      `Soort klacht: ${(complaint.categories ?? []).map((c) => CATEGORY_LABELS[c].nl).join(', ')}`,
    ].join('\n'),
    `Korte omschrijving:\n${short}`,
    `Met vriendelijke groet,\n\n${signature(settings)}`,
  ])
}
