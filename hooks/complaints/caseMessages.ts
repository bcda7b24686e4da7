import type { Complaint, Setting, User } from '../../cms/payload-types'
import { formatDutchDate } from './format'
import { type Message, messageOf, signature } from './intakeMessages'

/**
 * The letters of the workflow in plain text, until the letters issue brings the templates that
 * editors maintain. Each holds what its article requires.
 */
const greeting = (c: Complaint) => `Beste ${c.complainant.name},`

/** Art. 8: every written decision, the notice of non-admission included, refers to the UWV labour expert and UWV's procedure. */
function uwvReferral(c: Complaint, settings: Setting): string {
  const expert = c.uwvLabourExpert?.name || settings.uwvLabourExpert?.name
  return `Vindt u dat wij uw klacht niet goed hebben behandeld? Dan kunt u zich wenden tot de arbeidsdeskundige van UWV${expert ? ` (${expert})` : ''}. U kunt ook gebruikmaken van de klachtenregeling van UWV.`
}

function conductDates(c: Complaint): string {
  if (c.conduct.when === 'date' && c.conduct.date) return formatDutchDate(`${c.conduct.date}T12:00:00Z`)
  if (c.conduct.when === 'period' && c.conduct.from && c.conduct.to)
    return `${formatDutchDate(`${c.conduct.from}T12:00:00Z`)} tot en met ${formatDutchDate(`${c.conduct.to}T12:00:00Z`)}`
  return 'onbekend'
}

/** Art. 5 with Decision 2: conduct date(s), date, handler, facts, the possible outcomes and the date of the decision; inspection. */
export function acknowledgementMessage(c: Complaint, settings: Setting, handler: Pick<User, 'name'> | null, now: Date): Message {
  return messageOf(`Bevestiging van uw klacht (${c.reference})`, [
    greeting(c),
    `Op ${formatDutchDate(c.receivedAt)} ontvingen wij uw klacht. Met deze brief bevestigen wij dat (artikel 5 van ons klachtenreglement).`,
    [
      `Datum van deze bevestiging: ${formatDutchDate(now)}`,
      `Datum van de gedraging: ${conductDates(c)}`,
      `Behandelaar van uw klacht: ${handler?.name ?? 'onbekend'}. Deze persoon is niet betrokken bij uw klacht.`,
    ].join('\n'),
    `Korte omschrijving van de feiten:\n${c.acknowledgement?.factsSummary ?? ''}`,
    `Wat kan de uitkomst zijn? Wij vinden uw klacht gegrond (u hebt gelijk) of ongegrond (u hebt geen gelijk). Soms nemen wij een klacht niet in behandeling; dan leggen wij uit waarom.`,
    `U krijgt onze beslissing uiterlijk ${formatDutchDate(c.deadlines?.decisionTargetBy ?? '')}.`,
    'U hebt het recht om uw dossier in te zien, tijdens en na de behandeling. Vraag het aan de behandelaar.',
    `Met vriendelijke groet,\n\n${signature(settings)}`,
  ])
}

/** Art. 7, 8.5: the ground and the reasons, and the UWV referral. */
export function nonAdmissionMessage(c: Complaint, settings: Setting): Message {
  const ground =
    c.nonAdmission?.ground === 'already_subject'
      ? `Dezelfde gedraging was al eerder onderwerp van een klacht${c.nonAdmission.earlierReference ? ` (${c.nonAdmission.earlierReference})` : ''}.`
      : 'Uw belang of het gewicht van de gedraging is kennelijk onvoldoende.'
  return messageOf(`Wij nemen uw klacht niet in behandeling (${c.reference})`, [
    greeting(c),
    `Wij nemen uw klacht van ${formatDutchDate(c.receivedAt)} niet in behandeling. Dat mag alleen in de gevallen van artikel 8.5 van ons klachtenreglement.`,
    `De reden: ${ground}`,
    `Onze uitleg:\n${c.nonAdmission?.reasons ?? ''}`,
    uwvReferral(c, settings),
    `Met vriendelijke groet,\n\n${signature(settings)}`,
  ])
}

const OUTCOME = { upheld: 'gegrond', not_upheld: 'ongegrond' } as const
const REMEDY = {
  full: 'De gevolgen zijn geheel te herstellen.',
  partial: 'De gevolgen zijn gedeeltelijk te herstellen.',
  not_possible: 'De gevolgen zijn niet te herstellen.',
} as const

/** Art. 8.2: the four parts and the outcome; the remedy of an upheld complaint (Decision 6); the UWV referral. */
export function decisionMessage(c: Complaint, settings: Setting): Message {
  const outcome = c.decision?.outcome
  const parts = [
    greeting(c),
    `Dit is onze beslissing op uw klacht van ${formatDutchDate(c.receivedAt)} (artikel 8 van ons klachtenreglement).`,
    `1. Uw klacht, zoals u die zelf formuleerde:\n${c.complaintText}`,
    `2. De feiten zoals wij die zien:\n${c.decision?.factsAsSeen ?? ''}`,
    `3. Ons standpunt:\n${c.decision?.reasonedPosition ?? ''}`,
    `4. Onze beslissing: wij vinden uw klacht ${outcome ? OUTCOME[outcome] : ''}.`,
  ]
  if (outcome === 'upheld' && c.decision?.remedy) {
    parts.push(`${REMEDY[c.decision.remedy]} ${c.decision.remedyExplanation ?? ''}`.trim())
    if (c.decision.remedy !== 'not_possible') parts.push('De behandelaar van uw klacht neemt contact met u op over de oplossing (artikel 8.4).')
  }
  parts.push(uwvReferral(c, settings), `Met vriendelijke groet,\n\n${signature(settings)}`)
  return messageOf(`Beslissing op uw klacht (${c.reference})`, parts)
}

/** Art. 5 note: the oral answer and the agreements, recorded in the dossier the complainant may inspect. */
export function informalConfirmationMessage(c: Complaint, settings: Setting): Message {
  return messageOf(`Afspraken over uw klacht (${c.reference})`, [
    greeting(c),
    `U hebt ons laten weten dat uw klacht van ${formatDutchDate(c.receivedAt)} naar tevredenheid is afgehandeld. Dit hebben wij vastgelegd:`,
    `Ons antwoord:\n${c.informal?.oralAnswer ?? ''}`,
    `De afspraken:\n${c.informal?.agreements ?? ''}`,
    'U mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
    `Met vriendelijke groet,\n\n${signature(settings)}`,
  ])
}

/** Art. 7 note: the reason and the new expected date — never past six weeks after receipt. */
export function delayNoticeMessage(c: Complaint, settings: Setting): Message {
  return messageOf(`Uw klacht: het antwoord komt later (${c.reference})`, [
    greeting(c),
    'Wij hebben u beloofd dat u onze beslissing op uw klacht op een bepaalde datum zou krijgen. Dat lukt helaas niet.',
    `De reden:\n${c.delayNotice?.reason ?? ''}`,
    `U krijgt onze beslissing uiterlijk ${formatDutchDate(c.deadlines?.decisionTargetBy ?? '')}. Dat is nooit later dan zes weken na ontvangst van uw klacht (${formatDutchDate(c.deadlines?.decisionLimitBy ?? '')}).`,
    `Met vriendelijke groet,\n\n${signature(settings)}`,
  ])
}
