import { escapeHtml } from '../html'
import { listCharacters, unprintable } from './pdf/fonts'
import { LETTER_KIND_DEFINITIONS, type LetterKind } from './kinds'
import { type LetterContext, PLACEHOLDERS, type PlaceholderKey, signatureLines } from './placeholders'

/** The text of one kind of letter as editors maintain it (collection `letter-templates`). */
export type LetterTemplate = { subject: string; salutation: string; body: string; closing: string }

/** A composed letter: for the e-mail (text and HTML) and for its PDF copy (the parts). */
export type Message = {
  subject: string
  text: string
  html: string
  letter: { salutation: string; paragraphs: string[]; closing: string; signature: string }
}

export type FieldError = { path: string; message: string }

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g
const TEMPLATE_FIELDS = ['subject', 'salutation', 'body', 'closing'] as const

const isPlaceholder = (key: string): key is PlaceholderKey => Object.hasOwn(PLACEHOLDERS, key)
const allowedFor = (kind: LetterKind): Set<string> =>
  new Set([...LETTER_KIND_DEFINITIONS[kind].required, ...LETTER_KIND_DEFINITIONS[kind].optional])
const placeholdersIn = (value: string): string[] => [...value.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '')
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const partName = (key: PlaceholderKey) => `{{${key}}} (${PLACEHOLDERS[key].label})`

/** What an editor may write in a template of this kind: the placeholders, the required ones marked. */
export function placeholderGuide(kind: LetterKind): string {
  const definition = LETTER_KIND_DEFINITIONS[kind]
  const line = (key: PlaceholderKey, required: boolean) =>
    `{{${key}}}: ${PLACEHOLDERS[key].label}${required ? ' (verplicht)' : ''}`
  return [
    `Verplicht volgens ${definition.article}:`,
    ...definition.required.map((key) => line(key, true)),
    ...(definition.requiredPhrases ?? []).map((p) => `de woorden "${p.text}": ${p.label} (verplicht)`),
    '',
    'Ook te gebruiken:',
    ...definition.optional.filter((key) => !definition.required.includes(key)).map((key) => line(key, false)),
  ].join('\n')
}

/**
 * Checks a template an editor saves: every placeholder is known for this letter, braces are
 * closed, and every part the article requires is in the text. Messages are Dutch, at the field.
 */
export function checkTemplate(kind: LetterKind, template: Partial<LetterTemplate>): FieldError[] {
  const errors: FieldError[] = []
  const allowed = allowedFor(kind)
  for (const field of TEMPLATE_FIELDS) {
    const value = template[field] ?? ''
    const unknown = placeholdersIn(value).filter((key) => !allowed.has(key))
    if (unknown.length > 0) {
      errors.push({
        path: field,
        message: `Onbekende invulplek ${unknown.map((k) => `{{${k}}}`).join(', ')}. In deze brief kunt u gebruiken: ${[...allowed].map((k) => `{{${k}}}`).join(', ')}.`,
      })
    } else if (/\{\{|\}\}/.test(value.replace(PLACEHOLDER, ''))) {
      errors.push({ path: field, message: 'Een invulplek is niet goed geschreven. Schrijf hem zo: {{kenmerk}}.' })
    }
  }
  for (const field of TEMPLATE_FIELDS) {
    const characters = unprintable((template[field] ?? '').replace(PLACEHOLDER, ''))
    if (characters.length > 0 && !errors.some((e) => e.path === field)) {
      errors.push({
        path: field,
        message: `Brieven kunnen deze tekens nog niet afdrukken: ${listCharacters(characters)}. Laat ze weg of schrijf ze anders.`,
      })
    }
  }
  const phrases = missingPhrases(kind, template.body ?? '')
  if (phrases.length > 0 && !errors.some((e) => e.path === 'body')) {
    errors.push({
      path: 'body',
      message: `${capitalise(LETTER_KIND_DEFINITIONS[kind].article)} vereist in deze brief ook ${phrases.map((p) => `${p.label} (met de woorden "${p.text}")`).join(' en ')}. Zet dat terug in de tekst.`,
    })
  }
  const present = new Set(TEMPLATE_FIELDS.flatMap((field) => placeholdersIn(template[field] ?? '')))
  const missing = LETTER_KIND_DEFINITIONS[kind].required.filter((key) => !present.has(key))
  if (missing.length > 0 && !errors.some((e) => e.path === 'body')) {
    errors.push({
      path: 'body',
      message: `${capitalise(LETTER_KIND_DEFINITIONS[kind].article)} vereist in deze brief: ${missing.map(partName).join(', ')}. Zet ${missing.length === 1 ? 'dit deel' : 'deze delen'} terug in de tekst.`,
    })
  }
  return errors
}

function missingPhrases(kind: LetterKind, body: string): { text: string; label: string }[] {
  const lower = body.toLowerCase()
  return (LETTER_KIND_DEFINITIONS[kind].requiredPhrases ?? []).filter((p) => !lower.includes(p.text.toLowerCase()))
}

/**
 * What the letter would print that the font cannot set (pdf/fonts.ts): rather than letting it vanish,
 * the letter is refused, naming the part, at the case field it comes from — the same mechanism as
 * for an empty required part. The name of the addressee is the Latin spelling where one is given.
 * The address, the signatory and the organisation's details are checked beside it (prepareLetter.ts).
 */
function unprintableParts(
  kind: LetterKind,
  template: LetterTemplate,
  values: Record<string, string>,
  used: Set<string>,
  ctx: LetterContext,
): FieldError[] {
  const definition = LETTER_KIND_DEFINITIONS[kind]
  const errors: FieldError[] = []
  const refuse = (path: string, part: string, characters: string[], fix: string) => {
    // One message per field (two parts can come from one field); the general ones all count.
    if (characters.length === 0 || (path !== 'status' && errors.some((e) => e.path === path))) return
    errors.push({
      path,
      message: `De brief "${definition.label}" kan niet weg: ${part} staan tekens die brieven nog niet kunnen afdrukken: ${listCharacters(characters)}. ${fix}`,
    })
  }
  for (const key of used) {
    // Only the placeholders this letter may use have a value (an unknown one prints nothing).
    if (!isPlaceholder(key) || !Object.hasOwn(values, key)) continue
    const path =
      key === 'naam'
        ? (ctx.addresseePath ?? PLACEHOLDERS.naam.path)
        : ((PLACEHOLDERS[key] as { path?: string }).path ?? 'status')
    refuse(
      path,
      `in het deel "${PLACEHOLDERS[key].label}"`,
      unprintable(values[key] ?? ''),
      'Schrijf ze in Latijnse letters of laat ze weg.',
    )
  }
  if (definition.signatureBlocks) {
    refuse(
      'hearing.attendees',
      'in de namen van de aanwezigen',
      unprintable((ctx.complaint.hearing?.attendees ?? []).map((a) => a.name).join('\n')),
      'Schrijf ze in Latijnse letters.',
    )
  }
  const fixed = TEMPLATE_FIELDS.map((field) => template[field].replace(PLACEHOLDER, '')).join('\n')
  refuse('status', 'in de tekst van de brief', unprintable(fixed), 'Vraag een redacteur de brieftekst aan te passen.')
  return errors
}

/*
 * The promised dates were bare dates once, and texts edited then say "uiterlijk {{beslissing_uiterlijk}}";
 * the placeholder now brings its own words ("uiterlijk …" or "zo snel mogelijk", promisedDate.ts), so
 * those words are left out rather than printed twice.
 */
const OLD_DATE_WORDS =
  /\b(?:uiterlijk|nooit later dan)[ \t]+(?=\{\{\s*(?:bevestiging_uiterlijk|beslissing_uiterlijk|beslissing_uiterste_datum)\s*\}\})/gi
const withoutOldDateWords = (value: string) => value.replace(OLD_DATE_WORDS, '')

/** Where a sentence starts: the start of the text or a line (also after a list dash), or after . ? ! */
const SENTENCE_START = /(?:^|\n)[ \t]*(?:[-•][ \t]+)?$|[.?!][ \t]+$/

function substitute(value: string, values: Record<string, string>): string {
  return value.replace(PLACEHOLDER, (_, key: string, offset: number) => {
    const filled = values[key] ?? ''
    // A phrase such as "uiterlijk 25 november 2026" may open a sentence ("Uiterlijk 25 november 2026 krijgt u…").
    const phrase = isPlaceholder(key) && (PLACEHOLDERS[key] as { phrase?: true }).phrase
    return phrase && SENTENCE_START.test(value.slice(0, offset)) ? capitalise(filled) : filled
  })
}

/**
 * Composes a letter from its template and the case. A required part that is empty (or missing
 * from the template) refuses the letter, naming the part, at the case field it comes from.
 */
export function composeLetter(
  kind: LetterKind,
  template: LetterTemplate,
  ctx: LetterContext,
): { ok: true; message: Message } | { ok: false; errors: FieldError[] } {
  const definition = LETTER_KIND_DEFINITIONS[kind]
  const allowed = allowedFor(kind)
  const values: Record<string, string> = {}
  for (const key of allowed) if (isPlaceholder(key)) values[key] = PLACEHOLDERS[key].value(ctx)

  const inTemplate = new Set(TEMPLATE_FIELDS.flatMap((field) => placeholdersIn(template[field])))
  const errors: FieldError[] = []
  for (const key of definition.required) {
    if (!inTemplate.has(key)) {
      errors.push({
        path: 'status',
        message: `De tekst van de brief "${definition.label}" mist het verplichte deel ${partName(key)}. Vraag een redacteur de brieftekst aan te vullen.`,
      })
    } else if (!values[key]) {
      errors.push({
        path: (PLACEHOLDERS[key] as { path?: string }).path ?? 'status',
        message: `De brief "${definition.label}" kan niet weg: het verplichte deel "${PLACEHOLDERS[key].label}" is leeg (${definition.article}).`,
      })
    }
  }
  for (const phrase of missingPhrases(kind, template.body)) {
    errors.push({
      path: 'status',
      message: `De tekst van de brief "${definition.label}" mist ${phrase.label}. Vraag een redacteur de brieftekst aan te vullen.`,
    })
  }
  errors.push(...unprintableParts(kind, template, values, inTemplate, ctx))
  if (errors.length > 0) return { ok: false, errors }

  const paragraphs = withoutOldDateWords(template.body)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => substitute(p, values).trim())
    .filter(Boolean)
  if (definition.signatureBlocks) {
    for (const attendee of ctx.complaint.hearing?.attendees ?? []) {
      paragraphs.push(`Naam: ${attendee.name}\nHandtekening: ______________________________   Datum: ______________`)
    }
  }
  const salutation = substitute(withoutOldDateWords(template.salutation), values).trim()
  const closing = substitute(withoutOldDateWords(template.closing), values).trim()
  const signature = signatureLines(ctx.settings)
  const subject = substitute(withoutOldDateWords(template.subject), values).replace(/\s+/g, ' ').trim()
  return { ok: true, message: messageOf(subject, { salutation, paragraphs, closing, signature }) }
}

/** The e-mail's text and HTML follow the letter's parts exactly. */
function messageOf(subject: string, letter: Message['letter']): Message {
  const all = [letter.salutation, ...letter.paragraphs, `${letter.closing}\n\n${letter.signature}`]
  return {
    subject,
    text: all.join('\n\n'),
    html: all.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n'),
    letter,
  }
}

/**
 * Decision 16: a corrected letter says that it is one and why; the first letter stays in the
 * dossier, so the complainant can set the two side by side.
 */
export function asCorrection(message: Message, reason: string): Message {
  const notice = `Dit is een gecorrigeerde versie van een brief die wij u eerder over deze klacht stuurden. De eerdere brief blijft in uw dossier. Reden van de correctie: ${reason}`
  return messageOf(`Correctie: ${message.subject}`, {
    ...message.letter,
    paragraphs: [notice, ...message.letter.paragraphs],
  })
}
