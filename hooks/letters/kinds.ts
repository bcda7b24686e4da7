import type { PlaceholderKey } from './placeholders'

/**
 * Every letter the regulation requires: to whom it goes, which placeholders it may use, which of
 * them are the parts its article requires, and the default text editors start from. A template
 * without a required placeholder cannot be saved; a letter whose required part is empty cannot go
 * out (compose.ts), and the refusal names the part.
 */
export const LETTER_KINDS = [
  'receipt',
  'written_version',
  'uwv_notification',
  'acknowledgement',
  'delay_notice',
  'non_admission_notice',
  'decision',
  'informal_confirmation',
  'hearing_invitation',
  'hearing_report',
  'hearing_report_attendee',
  'agreements_confirmation',
  'hearing_cancellation',
  'withdrawal_confirmation',
  'handler_change',
] as const
export type LetterKind = (typeof LETTER_KINDS)[number]

export type LetterKindDefinition = {
  /** The letter's name: the title of its template and of the letters made from it. */
  label: string
  /** The same name in the English admin. */
  labelEn: string
  /** Its name in the lists of letters and outgoing messages, with its article. */
  listLabel: { nl: string; en: string }
  article: string
  /** Who receives it; an attendee's address comes with the letter (one per attendee). */
  recipient: 'complainant' | 'uwv_labour_expert' | 'attendee'
  /** The parts the article requires: placeholders that must be in the text and must not be empty. */
  required: PlaceholderKey[]
  /** Further placeholders the letter may use (a paragraph holding only an empty one is dropped). */
  optional: PlaceholderKey[]
  /** Words the text must keep: what the article requires that is not a value from the case. */
  requiredPhrases?: { text: string; label: string }[]
  /** Decision 11: the UWV notification goes without attachments (its PDF copy stays in the dossier). */
  emailWithoutPdf?: boolean
  /** A signature block per attendee under the text (the hearing report, Art. 6.3). */
  signatureBlocks?: boolean
  defaults: { subject: string; salutation: string; body: string; closing: string }
}

const COMMON: PlaceholderKey[] = ['kenmerk', 'datum', 'naam', 'organisatie', 'datum_ontvangst']
/** Every complainant letter's common placeholders: also the address of their own page (Decision 20). */
const COMPLAINANT_COMMON: PlaceholderKey[] = [...COMMON, 'mijn_klacht']
/** Decision 20: every letter to the complainant points to their own page; no link in it opens it (no token). */
const MIJN_KLACHT =
  'Op {{mijn_klacht}} vindt u uw klacht en al onze brieven. U hebt daarvoor het kenmerk en uw e-mailadres nodig.'
const CLOSING = 'Met vriendelijke groet,'
const GREETING = 'Beste {{naam}},'

const UWV_REFERRAL =
  'Bent u het niet eens met deze beslissing, of met hoe wij uw klacht hebben behandeld? Dan kunt u terecht bij de arbeidsdeskundige van UWV: {{arbeidsdeskundige}}. U kunt ook een klacht indienen bij UWV zelf, via de klachtenregeling van UWV.'
/** Art. 8: how to reach UWV's complaint procedure (settings) and the handler (users), each a paragraph dropped when unknown. */
const REFERRAL_CONTACTS = ['{{klachtenregeling_uwv}}', '{{behandelaar_contact}}']
/** The placeholders those paragraphs use. */
const REFERRAL_PLACEHOLDERS: PlaceholderKey[] = ['klachtenregeling_uwv', 'behandelaar_contact']

export const LETTER_KIND_DEFINITIONS: Record<LetterKind, LetterKindDefinition> = {
  receipt: {
    label: 'Bevestiging van ontvangst',
    labelEn: 'Confirmation of receipt',
    listLabel: { nl: 'Bevestiging van ontvangst', en: 'Confirmation of receipt' },
    article: 'artikel 5 en 7',
    recipient: 'complainant',
    required: ['kenmerk', 'datum_ontvangst', 'bevestiging_uiterlijk', 'beslissing_uiterlijk'],
    optional: [...COMPLAINANT_COMMON, 'beslissing_uiterste_datum', 'terugbellen'],
    defaults: {
      subject: 'Wij hebben uw klacht ontvangen ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Wij hebben uw klacht ontvangen op {{datum_ontvangst}}. Uw kenmerk is {{kenmerk}}. Noem dit kenmerk als u contact met ons opneemt.',
        '{{terugbellen}}',
        'Wat gebeurt er nu?\n- {{bevestiging_uiterlijk}} krijgt u een brief. Daarin staat wie uw klacht behandelt. Deze persoon heeft niets met uw klacht te maken gehad.\n- U krijgt ons antwoord {{beslissing_uiterlijk}}. Lukt dat niet, dan laten wij u dat op tijd weten, met de reden. Ons antwoord komt in elk geval {{beslissing_uiterste_datum}}.',
        'U mag uw dossier altijd inzien. Vraag het aan de behandelaar van uw klacht.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  written_version: {
    label: 'Schriftelijke versie van een mondelinge klacht',
    labelEn: 'Written version of an oral complaint',
    listLabel: { nl: 'Schriftelijke versie van de klacht (Besluit 8)', en: 'Written version (Decision 8)' },
    article: 'artikel 3 (Besluit 8)',
    recipient: 'complainant',
    required: ['kenmerk', 'datum_ontvangst', 'klacht'],
    optional: [...COMPLAINANT_COMMON, 'bevestiging_uiterlijk', 'beslissing_uiterlijk', 'beslissing_uiterste_datum'],
    defaults: {
      subject: 'Uw klacht zoals wij die hebben opgeschreven ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'U hebt op {{datum_ontvangst}} een klacht bij ons ingediend. Wij hebben uw klacht zo opgeschreven:',
        '{{klacht}}',
        'Klopt dit niet, of wilt u iets aanvullen? Laat het ons binnen een week weten. Noem dan uw kenmerk: {{kenmerk}}.',
        '{{bevestiging_uiterlijk}} krijgt u een brief met de naam van de behandelaar. Ons antwoord krijgt u {{beslissing_uiterlijk}}. Het komt in elk geval {{beslissing_uiterste_datum}}.',
        'U mag uw dossier altijd inzien. Vraag het aan de behandelaar van uw klacht.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  uwv_notification: {
    label: 'Melding aan de arbeidsdeskundige van UWV',
    labelEn: 'Notification to the UWV labour expert',
    listLabel: {
      nl: 'Melding aan arbeidsdeskundige UWV (art. 5)',
      en: 'Notification to the UWV labour expert (Art. 5)',
    },
    article: 'artikel 5 en 9 (Besluit 11)',
    recipient: 'uwv_labour_expert',
    emailWithoutPdf: true,
    required: ['kenmerk', 'datum_ontvangst', 'naam_client', 'soort_klacht', 'korte_omschrijving'],
    optional: [...COMMON],
    defaults: {
      subject: 'Melding nieuwe klacht {{kenmerk}}',
      salutation: GREETING,
      body: [
        'Volgens artikel 5 van ons klachtenreglement melden wij u elke klacht die wij ontvangen.',
        'Kenmerk: {{kenmerk}}\nDatum van ontvangst: {{datum_ontvangst}}\nNaam cliënt: {{naam_client}}\nSoort klacht: {{soort_klacht}}',
        'Korte omschrijving:\n{{korte_omschrijving}}',
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  acknowledgement: {
    label: 'Ontvangstbevestiging',
    labelEn: 'Acknowledgement of the complaint',
    listLabel: { nl: 'Ontvangstbevestiging (art. 5)', en: 'Acknowledgement (Art. 5)' },
    article: 'artikel 5',
    recipient: 'complainant',
    required: ['datum_gedraging', 'datum', 'behandelaar', 'feiten', 'beslissing_uiterlijk'],
    optional: [...COMPLAINANT_COMMON, 'beslissing_uiterste_datum', 'arbeidsdeskundige'],
    requiredPhrases: [
      { text: 'ongegrond', label: 'de mogelijke uitkomsten (besluit 2)' },
      { text: 'dossier', label: 'het recht om het dossier in te zien (artikel 6, toelichting)' },
    ],
    defaults: {
      subject: 'Bevestiging van uw klacht ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Op {{datum_ontvangst}} ontvingen wij uw klacht. Met deze brief bevestigen wij dat (artikel 5 van ons klachtenreglement).',
        'Datum van deze bevestiging: {{datum}}\nDatum van de gedraging: {{datum_gedraging}}\nBehandelaar van uw klacht: {{behandelaar}}. Deze persoon is niet betrokken bij uw klacht.',
        'Korte omschrijving van de feiten:\n{{feiten}}',
        'Wat kan de uitkomst zijn? Wij vinden uw klacht gegrond (u hebt gelijk) of ongegrond (u hebt geen gelijk). Soms nemen wij een klacht niet in behandeling; dan leggen wij uit waarom.',
        'U krijgt onze beslissing {{beslissing_uiterlijk}}.',
        'Wij melden elke klacht aan de arbeidsdeskundige van UWV (artikel 5). Uw klacht hebben wij gemeld aan {{arbeidsdeskundige}}.',
        'U hebt het recht om uw dossier in te zien, tijdens en na de behandeling. Vraag het aan de behandelaar.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  delay_notice: {
    label: 'Verdagingsbericht',
    labelEn: 'Delay notice',
    listLabel: { nl: 'Verdagingsbericht (art. 7)', en: 'Delay notice (Art. 7)' },
    article: 'artikel 7 en toelichting',
    recipient: 'complainant',
    required: ['reden_verdaging', 'beslissing_uiterlijk'],
    optional: [...COMPLAINANT_COMMON, 'beslissing_uiterste_datum', 'behandelaar', 'beslissing_eerdere_datum'],
    defaults: {
      subject: 'Uw klacht: het antwoord komt later ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Wij hebben u beloofd dat u onze beslissing op uw klacht op {{beslissing_eerdere_datum}} zou krijgen. Dat lukt helaas niet.',
        'De reden:\n{{reden_verdaging}}',
        'U krijgt onze beslissing nu {{beslissing_uiterlijk}}. Later mag niet: de beslissing komt nooit later dan zes weken na ontvangst van uw klacht ({{beslissing_uiterste_datum}}).',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  non_admission_notice: {
    label: 'Bericht: klacht niet in behandeling',
    labelEn: 'Notice: complaint not admitted',
    listLabel: { nl: 'Bericht: niet in behandeling (art. 7, 8.5)', en: 'Notice: not admitted (Art. 7, 8.5)' },
    article: 'artikel 7 en 8.5',
    recipient: 'complainant',
    required: ['grond', 'redenen', 'arbeidsdeskundige'],
    optional: [...COMPLAINANT_COMMON, 'behandelaar', ...REFERRAL_PLACEHOLDERS],
    requiredPhrases: [
      { text: 'klachtenregeling van UWV', label: 'de verwijzing naar de klachtenregeling van UWV (artikel 8)' },
    ],
    defaults: {
      subject: 'Wij nemen uw klacht niet in behandeling ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Wij nemen uw klacht van {{datum_ontvangst}} niet in behandeling. Dat mag alleen in de gevallen van artikel 8.5 van ons klachtenreglement.',
        'De reden: {{grond}}',
        'Onze uitleg:\n{{redenen}}',
        UWV_REFERRAL,
        ...REFERRAL_CONTACTS,
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  decision: {
    label: 'Beslissing op de klacht',
    labelEn: 'Decision on the complaint',
    listLabel: { nl: 'Beslissing (art. 8)', en: 'Decision (Art. 8)' },
    article: 'artikel 8',
    recipient: 'complainant',
    required: ['klacht', 'feiten_wp', 'standpunt', 'uitkomst', 'arbeidsdeskundige'],
    optional: [...COMPLAINANT_COMMON, 'herstel', 'behandelaar', ...REFERRAL_PLACEHOLDERS],
    requiredPhrases: [
      { text: 'klachtenregeling van UWV', label: 'de verwijzing naar de klachtenregeling van UWV (artikel 8)' },
    ],
    defaults: {
      subject: 'Beslissing op uw klacht ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Dit is onze beslissing op uw klacht van {{datum_ontvangst}} (artikel 8 van ons klachtenreglement).',
        '1. Uw klacht, zoals u die zelf formuleerde:\n{{klacht}}',
        '2. De feiten zoals wij die zien:\n{{feiten_wp}}',
        '3. Ons standpunt:\n{{standpunt}}',
        '4. Onze beslissing: wij vinden uw klacht {{uitkomst}}.',
        '{{herstel}}',
        UWV_REFERRAL,
        ...REFERRAL_CONTACTS,
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  informal_confirmation: {
    label: 'Bevestiging informele afhandeling',
    labelEn: 'Confirmation of informal settlement',
    listLabel: { nl: 'Bevestiging informele afhandeling (art. 5)', en: 'Informal settlement confirmed (Art. 5)' },
    article: 'artikel 5, toelichting',
    recipient: 'complainant',
    required: ['mondeling_antwoord', 'afspraken'],
    optional: [...COMPLAINANT_COMMON, 'behandelaar'],
    defaults: {
      subject: 'Afspraken over uw klacht ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'U hebt ons laten weten dat uw klacht van {{datum_ontvangst}} naar tevredenheid is afgehandeld. Dit hebben wij vastgelegd in uw dossier:',
        'Ons antwoord:\n{{mondeling_antwoord}}',
        'De afspraken:\n{{afspraken}}',
        'U mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  hearing_invitation: {
    label: 'Uitnodiging voor een gesprek (horen)',
    labelEn: 'Invitation to a hearing',
    listLabel: { nl: 'Uitnodiging gesprek (art. 6)', en: 'Hearing invitation (Art. 6)' },
    article: 'artikel 6',
    recipient: 'complainant',
    required: ['gesprek_datum', 'gesprek_tijd', 'gesprek_plaats', 'behandelaar'],
    optional: [...COMPLAINANT_COMMON, 'agenda_bijlage', 'deelnemers'],
    defaults: {
      subject: 'Uitnodiging voor een gesprek over uw klacht ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Wij nodigen u uit voor een gesprek over uw klacht van {{datum_ontvangst}}. In dit gesprek vertelt u uw kant van het verhaal. Ook degene over wie u klaagt, kan zijn of haar kant vertellen (hoor en wederhoor, artikel 6 van ons klachtenreglement).',
        'Datum: {{gesprek_datum}}\nTijd: {{gesprek_tijd}}\nPlaats: {{gesprek_plaats}}\nMet: {{behandelaar}}, behandelaar van uw klacht',
        'Wie zijn er bij het gesprek?\n{{deelnemers}}',
        '{{agenda_bijlage}}',
        'Past de datum niet? Laat het ons zo snel mogelijk weten. Noem dan uw kenmerk: {{kenmerk}}.',
        'Van het gesprek maken wij een verslag. Dat krijgt u daarna om te ondertekenen. U bent niet verplicht om te tekenen.',
        'Maakt u reiskosten om naar het gesprek te komen? In bijzondere gevallen vergoeden wij die. Vraag het ons als u dat wilt.',
        'U mag uw dossier altijd inzien, ook vóór het gesprek. Vraag het aan de behandelaar.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  hearing_report: {
    label: 'Verslag van het gesprek, ter ondertekening',
    labelEn: 'Report of the hearing, for signature',
    listLabel: { nl: 'Verslag gesprek ter ondertekening (art. 6.3)', en: 'Hearing report for signature (Art. 6.3)' },
    article: 'artikel 6.3',
    recipient: 'complainant',
    required: ['gesprek_datum', 'verslag', 'aanwezigen'],
    optional: [...COMPLAINANT_COMMON, 'behandelaar', 'gesprek_plaats'],
    requiredPhrases: [{ text: 'niet verplicht', label: 'dat de klager niet hoeft te tekenen (artikel 6.3)' }],
    signatureBlocks: true,
    defaults: {
      subject: 'Verslag van het gesprek over uw klacht ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Op {{gesprek_datum}} hebben wij met u gesproken over uw klacht. Hieronder leest u het verslag van dat gesprek (artikel 6 van ons klachtenreglement).',
        'Aanwezig:\n{{aanwezigen}}',
        'Verslag:\n{{verslag}}',
        'Wilt u het verslag ondertekenen en naar ons terugsturen? U bent niet verplicht om te tekenen. Klopt er iets niet? Schrijf het erbij of laat het ons weten.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  hearing_report_attendee: {
    label: 'Verslag van het gesprek, ter ondertekening door een andere aanwezige',
    labelEn: 'Report of the hearing, for signature by another attendee',
    listLabel: {
      nl: 'Verslag gesprek, aan een andere aanwezige (art. 6.3)',
      en: 'Hearing report to another attendee (Art. 6.3)',
    },
    article: 'artikel 6.3',
    recipient: 'attendee',
    required: ['gesprek_datum', 'verslag', 'aanwezigen'],
    optional: [...COMMON, 'behandelaar', 'gesprek_plaats'],
    signatureBlocks: true,
    defaults: {
      subject: 'Verslag van het gesprek over klacht {{kenmerk}}, ter ondertekening',
      salutation: GREETING,
      body: [
        'Op {{gesprek_datum}} was u aanwezig bij het gesprek over klacht {{kenmerk}}. Hieronder leest u het verslag van dat gesprek (artikel 6 van ons klachtenreglement).',
        'Aanwezig:\n{{aanwezigen}}',
        'Verslag:\n{{verslag}}',
        'Wilt u het verslag ondertekenen en terugsturen aan {{behandelaar}}, de behandelaar van de klacht? Klopt er iets niet? Schrijf het erbij of laat het de behandelaar weten.',
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  agreements_confirmation: {
    label: 'Bevestiging van afspraken',
    labelEn: 'Confirmation of agreements',
    listLabel: { nl: 'Bevestiging afspraken (art. 6.3)', en: 'Agreements confirmed (Art. 6.3)' },
    article: 'artikel 6.3',
    recipient: 'complainant',
    required: ['afspraken_gesprek'],
    optional: [...COMPLAINANT_COMMON, 'behandelaar', 'gesprek_datum'],
    defaults: {
      subject: 'Bevestiging van onze afspraken ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'In het gesprek over uw klacht hebben wij afspraken gemaakt. Met deze brief bevestigen wij die (artikel 6 van ons klachtenreglement).',
        'De afspraken:\n{{afspraken_gesprek}}',
        'Klopt iets niet? Laat het ons binnen een week weten. Noem dan uw kenmerk: {{kenmerk}}.',
        'U mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  hearing_cancellation: {
    label: 'Bericht: het gesprek gaat niet door',
    labelEn: 'Notice: the hearing is called off',
    listLabel: { nl: 'Bericht: gesprek gaat niet door (art. 6)', en: 'Hearing cancelled (Art. 6)' },
    article: 'artikel 6',
    recipient: 'complainant',
    required: ['gesprek_datum', 'gesprek_tijd'],
    optional: [...COMPLAINANT_COMMON, 'gesprek_plaats', 'behandelaar', 'agenda_vervalt'],
    defaults: {
      subject: 'Het gesprek over uw klacht gaat niet door ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Wij hadden u uitgenodigd voor een gesprek op {{gesprek_datum}} om {{gesprek_tijd}} over uw klacht. Dat gesprek gaat niet door.',
        '{{agenda_vervalt}}',
        'Hebt u hier vragen over? Neem dan contact met ons op. Noem daarbij uw kenmerk: {{kenmerk}}.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  withdrawal_confirmation: {
    label: 'Bevestiging: klacht ingetrokken',
    labelEn: 'Confirmation: complaint withdrawn',
    listLabel: { nl: 'Bevestiging intrekking (Besluit 9)', en: 'Withdrawal confirmed (Decision 9)' },
    article: 'Besluit 9',
    recipient: 'complainant',
    required: ['kenmerk', 'datum_intrekking'],
    optional: [...COMPLAINANT_COMMON, 'behandelaar'],
    defaults: {
      subject: 'U hebt uw klacht ingetrokken ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'U hebt ons laten weten dat u uw klacht van {{datum_ontvangst}} intrekt. Met deze brief bevestigen wij dat.',
        'Datum van intrekking: {{datum_intrekking}}',
        'Wij behandelen uw klacht niet verder. U krijgt van ons dus geen beslissing op deze klacht.',
        'Klopt dit niet? Laat het ons dan zo snel mogelijk weten. Noem dan uw kenmerk: {{kenmerk}}.',
        'U mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
  handler_change: {
    label: 'Bericht: nieuwe contactpersoon',
    labelEn: 'Notice: new contact person',
    listLabel: { nl: 'Bericht: nieuwe contactpersoon (Besluit 3)', en: 'New contact person (Decision 3)' },
    article: 'artikel 8.4 (Besluit 3)',
    recipient: 'complainant',
    required: ['kenmerk', 'behandelaar'],
    optional: [...COMPLAINANT_COMMON],
    defaults: {
      subject: 'Uw klacht heeft een nieuwe behandelaar ({{kenmerk}})',
      salutation: GREETING,
      body: [
        'Uw klacht van {{datum_ontvangst}} heeft een nieuwe behandelaar: {{behandelaar}}. Deze persoon is vanaf nu uw contactpersoon voor uw klacht. Ook de nieuwe behandelaar is niet betrokken bij uw klacht (artikel 4).',
        'Hebt u vragen over uw klacht? Neem dan contact op met {{behandelaar}}. Noem daarbij uw kenmerk: {{kenmerk}}.',
        'De termijnen die wij u hebben genoemd, blijven gelden.',
        'U mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
        MIJN_KLACHT,
      ].join('\n\n'),
      closing: CLOSING,
    },
  },
}

/** A letter's name in both languages of the admin (select options, lists). */
export const letterKindLabel = (kind: LetterKind): { nl: string; en: string } => ({
  nl: LETTER_KIND_DEFINITIONS[kind].label,
  en: LETTER_KIND_DEFINITIONS[kind].labelEn,
})
