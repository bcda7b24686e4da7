import type { LetterTemplate } from './compose'
import type { LetterKind } from './kinds'

/**
 * The default texts letters had before, per kind (kinds.ts holds the current ones). A stored text
 * equal to one of these was never edited: the seed replaces it by the current default, so existing
 * installations get the new wording and placeholders (templateHooks.ts, upgradeLetterTemplates).
 * An edited text is never replaced. When a default changes, add the old one here: the texts are
 * frozen as they were sent, never derived from the current ones.
 */
const UNTIL_MIJN_KLACHT: Partial<Record<LetterKind, LetterTemplate[]>> = {
  receipt: [
    {
      subject: 'Wij hebben uw klacht ontvangen ({{kenmerk}})',
      salutation: 'Beste {{naam}},',
      body: 'Wij hebben uw klacht ontvangen op {{datum_ontvangst}}. Uw kenmerk is {{kenmerk}}. Noem dit kenmerk als u contact met ons opneemt.\n\nWat gebeurt er nu?\n- Uiterlijk {{bevestiging_uiterlijk}} krijgt u een brief. Daarin staat wie uw klacht behandelt. Deze persoon heeft niets met uw klacht te maken gehad.\n- U krijgt ons antwoord uiterlijk {{beslissing_uiterlijk}}. Lukt dat niet, dan hoort u dat vóór die datum, met de reden. Ons antwoord komt nooit later dan {{beslissing_uiterste_datum}}.\n\nU mag uw dossier altijd inzien. Vraag het aan de behandelaar van uw klacht.',
      closing: 'Met vriendelijke groet,',
    },
  ],
  written_version: [
    {
      subject: 'Uw klacht zoals wij die hebben opgeschreven ({{kenmerk}})',
      salutation: 'Beste {{naam}},',
      body: 'U hebt op {{datum_ontvangst}} een klacht bij ons ingediend. Wij hebben uw klacht zo opgeschreven:\n\n{{klacht}}\n\nKlopt dit niet, of wilt u iets aanvullen? Laat het ons binnen een week weten. Noem dan uw kenmerk: {{kenmerk}}.\n\nUiterlijk {{bevestiging_uiterlijk}} krijgt u een brief met de naam van de behandelaar. Ons antwoord krijgt u uiterlijk {{beslissing_uiterlijk}}, en nooit later dan {{beslissing_uiterste_datum}}.\n\nU mag uw dossier altijd inzien. Vraag het aan de behandelaar van uw klacht.',
      closing: 'Met vriendelijke groet,',
    },
  ],
  acknowledgement: [
    {
      subject: 'Bevestiging van uw klacht ({{kenmerk}})',
      salutation: 'Beste {{naam}},',
      body: 'Op {{datum_ontvangst}} ontvingen wij uw klacht. Met deze brief bevestigen wij dat (artikel 5 van ons klachtenreglement).\n\nDatum van deze bevestiging: {{datum}}\nDatum van de gedraging: {{datum_gedraging}}\nBehandelaar van uw klacht: {{behandelaar}}. Deze persoon is niet betrokken bij uw klacht.\n\nKorte omschrijving van de feiten:\n{{feiten}}\n\nWat kan de uitkomst zijn? Wij vinden uw klacht gegrond (u hebt gelijk) of ongegrond (u hebt geen gelijk). Soms nemen wij een klacht niet in behandeling; dan leggen wij uit waarom.\n\nU krijgt onze beslissing uiterlijk {{beslissing_uiterlijk}}.\n\nU hebt het recht om uw dossier in te zien, tijdens en na de behandeling. Vraag het aan de behandelaar.',
      closing: 'Met vriendelijke groet,',
    },
  ],
  delay_notice: [
    {
      subject: 'Uw klacht: het antwoord komt later ({{kenmerk}})',
      salutation: 'Beste {{naam}},',
      body: 'Wij hebben u beloofd dat u onze beslissing op uw klacht op een bepaalde datum zou krijgen. Dat lukt helaas niet.\n\nDe reden:\n{{reden_verdaging}}\n\nU krijgt onze beslissing uiterlijk {{beslissing_uiterlijk}}. Dat is nooit later dan zes weken na ontvangst van uw klacht ({{beslissing_uiterste_datum}}).',
      closing: 'Met vriendelijke groet,',
    },
  ],
  non_admission_notice: [
    {
      subject: 'Wij nemen uw klacht niet in behandeling ({{kenmerk}})',
      salutation: 'Beste {{naam}},',
      body: 'Wij nemen uw klacht van {{datum_ontvangst}} niet in behandeling. Dat mag alleen in de gevallen van artikel 8.5 van ons klachtenreglement.\n\nDe reden: {{grond}}\n\nOnze uitleg:\n{{redenen}}\n\nBent u het niet eens met deze beslissing, of met hoe wij uw klacht hebben behandeld? Dan kunt u terecht bij de arbeidsdeskundige van UWV: {{arbeidsdeskundige}}. U kunt ook een klacht indienen bij UWV zelf, via de klachtenregeling van UWV.',
      closing: 'Met vriendelijke groet,',
    },
  ],
  decision: [
    {
      subject: 'Beslissing op uw klacht ({{kenmerk}})',
      salutation: 'Beste {{naam}},',
      body: 'Dit is onze beslissing op uw klacht van {{datum_ontvangst}} (artikel 8 van ons klachtenreglement).\n\n1. Uw klacht, zoals u die zelf formuleerde:\n{{klacht}}\n\n2. De feiten zoals wij die zien:\n{{feiten_wp}}\n\n3. Ons standpunt:\n{{standpunt}}\n\n4. Onze beslissing: wij vinden uw klacht {{uitkomst}}.\n\n{{herstel}}\n\nBent u het niet eens met deze beslissing, of met hoe wij uw klacht hebben behandeld? Dan kunt u terecht bij de arbeidsdeskundige van UWV: {{arbeidsdeskundige}}. U kunt ook een klacht indienen bij UWV zelf, via de klachtenregeling van UWV.',
      closing: 'Met vriendelijke groet,',
    },
  ],
  hearing_invitation: [
    {
      subject: 'Uitnodiging voor een gesprek over uw klacht ({{kenmerk}})',
      salutation: 'Beste {{naam}},',
      body: 'Wij nodigen u uit voor een gesprek over uw klacht van {{datum_ontvangst}}. In dit gesprek vertelt u uw kant van het verhaal. Ook degene over wie u klaagt, kan zijn of haar kant vertellen (hoor en wederhoor, artikel 6 van ons klachtenreglement).\n\nDatum: {{gesprek_datum}}\nTijd: {{gesprek_tijd}}\nPlaats: {{gesprek_plaats}}\nMet: {{behandelaar}}, behandelaar van uw klacht\n\n{{agenda_bijlage}}\n\nPast de datum niet? Laat het ons zo snel mogelijk weten. Noem dan uw kenmerk: {{kenmerk}}.\n\nVan het gesprek maken wij een verslag. Dat krijgt u daarna om te ondertekenen. U bent niet verplicht om te tekenen.\n\nMaakt u reiskosten om naar het gesprek te komen? In bijzondere gevallen vergoeden wij die. Vraag het ons als u dat wilt.\n\nU mag uw dossier altijd inzien, ook vóór het gesprek. Vraag het aan de behandelaar.',
      closing: 'Met vriendelijke groet,',
    },
  ],
}

/** Every letter to the complainant before it pointed to the page Mijn klacht (Decision 20, `{{mijn_klacht}}`). */
const BEFORE_MIJN_KLACHT: Partial<Record<LetterKind, LetterTemplate>> = {
  receipt: {
    subject: 'Wij hebben uw klacht ontvangen ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Wij hebben uw klacht ontvangen op {{datum_ontvangst}}. Uw kenmerk is {{kenmerk}}. Noem dit kenmerk als u contact met ons opneemt.\n\n{{terugbellen}}\n\nWat gebeurt er nu?\n- {{bevestiging_uiterlijk}} krijgt u een brief. Daarin staat wie uw klacht behandelt. Deze persoon heeft niets met uw klacht te maken gehad.\n- U krijgt ons antwoord {{beslissing_uiterlijk}}. Lukt dat niet, dan laten wij u dat op tijd weten, met de reden. Ons antwoord komt in elk geval {{beslissing_uiterste_datum}}.\n\nU mag uw dossier altijd inzien. Vraag het aan de behandelaar van uw klacht.',
    closing: 'Met vriendelijke groet,',
  },
  written_version: {
    subject: 'Uw klacht zoals wij die hebben opgeschreven ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'U hebt op {{datum_ontvangst}} een klacht bij ons ingediend. Wij hebben uw klacht zo opgeschreven:\n\n{{klacht}}\n\nKlopt dit niet, of wilt u iets aanvullen? Laat het ons binnen een week weten. Noem dan uw kenmerk: {{kenmerk}}.\n\n{{bevestiging_uiterlijk}} krijgt u een brief met de naam van de behandelaar. Ons antwoord krijgt u {{beslissing_uiterlijk}}. Het komt in elk geval {{beslissing_uiterste_datum}}.\n\nU mag uw dossier altijd inzien. Vraag het aan de behandelaar van uw klacht.',
    closing: 'Met vriendelijke groet,',
  },
  acknowledgement: {
    subject: 'Bevestiging van uw klacht ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Op {{datum_ontvangst}} ontvingen wij uw klacht. Met deze brief bevestigen wij dat (artikel 5 van ons klachtenreglement).\n\nDatum van deze bevestiging: {{datum}}\nDatum van de gedraging: {{datum_gedraging}}\nBehandelaar van uw klacht: {{behandelaar}}. Deze persoon is niet betrokken bij uw klacht.\n\nKorte omschrijving van de feiten:\n{{feiten}}\n\nWat kan de uitkomst zijn? Wij vinden uw klacht gegrond (u hebt gelijk) of ongegrond (u hebt geen gelijk). Soms nemen wij een klacht niet in behandeling; dan leggen wij uit waarom.\n\nU krijgt onze beslissing {{beslissing_uiterlijk}}.\n\nWij melden elke klacht aan de arbeidsdeskundige van UWV (artikel 5). Uw klacht hebben wij gemeld aan {{arbeidsdeskundige}}.\n\nU hebt het recht om uw dossier in te zien, tijdens en na de behandeling. Vraag het aan de behandelaar.',
    closing: 'Met vriendelijke groet,',
  },
  delay_notice: {
    subject: 'Uw klacht: het antwoord komt later ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Wij hebben u beloofd dat u onze beslissing op uw klacht op {{beslissing_eerdere_datum}} zou krijgen. Dat lukt helaas niet.\n\nDe reden:\n{{reden_verdaging}}\n\nU krijgt onze beslissing nu {{beslissing_uiterlijk}}. Later mag niet: de beslissing komt nooit later dan zes weken na ontvangst van uw klacht ({{beslissing_uiterste_datum}}).',
    closing: 'Met vriendelijke groet,',
  },
  non_admission_notice: {
    subject: 'Wij nemen uw klacht niet in behandeling ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Wij nemen uw klacht van {{datum_ontvangst}} niet in behandeling. Dat mag alleen in de gevallen van artikel 8.5 van ons klachtenreglement.\n\nDe reden: {{grond}}\n\nOnze uitleg:\n{{redenen}}\n\nBent u het niet eens met deze beslissing, of met hoe wij uw klacht hebben behandeld? Dan kunt u terecht bij de arbeidsdeskundige van UWV: {{arbeidsdeskundige}}. U kunt ook een klacht indienen bij UWV zelf, via de klachtenregeling van UWV.\n\n{{klachtenregeling_uwv}}\n\n{{behandelaar_contact}}',
    closing: 'Met vriendelijke groet,',
  },
  decision: {
    subject: 'Beslissing op uw klacht ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Dit is onze beslissing op uw klacht van {{datum_ontvangst}} (artikel 8 van ons klachtenreglement).\n\n1. Uw klacht, zoals u die zelf formuleerde:\n{{klacht}}\n\n2. De feiten zoals wij die zien:\n{{feiten_wp}}\n\n3. Ons standpunt:\n{{standpunt}}\n\n4. Onze beslissing: wij vinden uw klacht {{uitkomst}}.\n\n{{herstel}}\n\nBent u het niet eens met deze beslissing, of met hoe wij uw klacht hebben behandeld? Dan kunt u terecht bij de arbeidsdeskundige van UWV: {{arbeidsdeskundige}}. U kunt ook een klacht indienen bij UWV zelf, via de klachtenregeling van UWV.\n\n{{klachtenregeling_uwv}}\n\n{{behandelaar_contact}}',
    closing: 'Met vriendelijke groet,',
  },
  informal_confirmation: {
    subject: 'Afspraken over uw klacht ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'U hebt ons laten weten dat uw klacht van {{datum_ontvangst}} naar tevredenheid is afgehandeld. Dit hebben wij vastgelegd in uw dossier:\n\nOns antwoord:\n{{mondeling_antwoord}}\n\nDe afspraken:\n{{afspraken}}\n\nU mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
    closing: 'Met vriendelijke groet,',
  },
  hearing_invitation: {
    subject: 'Uitnodiging voor een gesprek over uw klacht ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Wij nodigen u uit voor een gesprek over uw klacht van {{datum_ontvangst}}. In dit gesprek vertelt u uw kant van het verhaal. Ook degene over wie u klaagt, kan zijn of haar kant vertellen (hoor en wederhoor, artikel 6 van ons klachtenreglement).\n\nDatum: {{gesprek_datum}}\nTijd: {{gesprek_tijd}}\nPlaats: {{gesprek_plaats}}\nMet: {{behandelaar}}, behandelaar van uw klacht\n\nWie zijn er bij het gesprek?\n{{deelnemers}}\n\n{{agenda_bijlage}}\n\nPast de datum niet? Laat het ons zo snel mogelijk weten. Noem dan uw kenmerk: {{kenmerk}}.\n\nVan het gesprek maken wij een verslag. Dat krijgt u daarna om te ondertekenen. U bent niet verplicht om te tekenen.\n\nMaakt u reiskosten om naar het gesprek te komen? In bijzondere gevallen vergoeden wij die. Vraag het ons als u dat wilt.\n\nU mag uw dossier altijd inzien, ook vóór het gesprek. Vraag het aan de behandelaar.',
    closing: 'Met vriendelijke groet,',
  },
  hearing_report: {
    subject: 'Verslag van het gesprek over uw klacht ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Op {{gesprek_datum}} hebben wij met u gesproken over uw klacht. Hieronder leest u het verslag van dat gesprek (artikel 6 van ons klachtenreglement).\n\nAanwezig:\n{{aanwezigen}}\n\nVerslag:\n{{verslag}}\n\nWilt u het verslag ondertekenen en naar ons terugsturen? U bent niet verplicht om te tekenen. Klopt er iets niet? Schrijf het erbij of laat het ons weten.',
    closing: 'Met vriendelijke groet,',
  },
  agreements_confirmation: {
    subject: 'Bevestiging van onze afspraken ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'In het gesprek over uw klacht hebben wij afspraken gemaakt. Met deze brief bevestigen wij die (artikel 6 van ons klachtenreglement).\n\nDe afspraken:\n{{afspraken_gesprek}}\n\nKlopt iets niet? Laat het ons binnen een week weten. Noem dan uw kenmerk: {{kenmerk}}.\n\nU mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
    closing: 'Met vriendelijke groet,',
  },
  hearing_cancellation: {
    subject: 'Het gesprek over uw klacht gaat niet door ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Wij hadden u uitgenodigd voor een gesprek op {{gesprek_datum}} om {{gesprek_tijd}} over uw klacht. Dat gesprek gaat niet door.\n\n{{agenda_vervalt}}\n\nHebt u hier vragen over? Neem dan contact met ons op. Noem daarbij uw kenmerk: {{kenmerk}}.',
    closing: 'Met vriendelijke groet,',
  },
  withdrawal_confirmation: {
    subject: 'U hebt uw klacht ingetrokken ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'U hebt ons laten weten dat u uw klacht van {{datum_ontvangst}} intrekt. Met deze brief bevestigen wij dat.\n\nDatum van intrekking: {{datum_intrekking}}\n\nWij behandelen uw klacht niet verder. U krijgt van ons dus geen beslissing op deze klacht.\n\nKlopt dit niet? Laat het ons dan zo snel mogelijk weten. Noem dan uw kenmerk: {{kenmerk}}.\n\nU mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
    closing: 'Met vriendelijke groet,',
  },
  handler_change: {
    subject: 'Uw klacht heeft een nieuwe behandelaar ({{kenmerk}})',
    salutation: 'Beste {{naam}},',
    body: 'Uw klacht van {{datum_ontvangst}} heeft een nieuwe behandelaar: {{behandelaar}}. Deze persoon is vanaf nu uw contactpersoon voor uw klacht. Ook de nieuwe behandelaar is niet betrokken bij uw klacht (artikel 4).\n\nHebt u vragen over uw klacht? Neem dan contact op met {{behandelaar}}. Noem daarbij uw kenmerk: {{kenmerk}}.\n\nDe termijnen die wij u hebben genoemd, blijven gelden.\n\nU mag uw dossier altijd inzien. Vraag het aan de behandelaar.',
    closing: 'Met vriendelijke groet,',
  },
}

/** Every earlier default per kind, oldest first. */
export const EARLIER_DEFAULTS: Partial<Record<LetterKind, LetterTemplate[]>> = Object.fromEntries(
  [...new Set([...Object.keys(UNTIL_MIJN_KLACHT), ...Object.keys(BEFORE_MIJN_KLACHT)])].map((kind) => {
    const before = BEFORE_MIJN_KLACHT[kind as LetterKind]
    return [kind, [...(UNTIL_MIJN_KLACHT[kind as LetterKind] ?? []), ...(before ? [before] : [])]]
  }),
)
