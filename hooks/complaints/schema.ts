import { z } from 'zod'

import { listCharacters, unprintable } from '../letters/pdf/fonts'
import { CATEGORIES, CLIENT_ORGANISATIONS, COMPLAINANT_ROLES, CONDUCT_WHEN, INVOLVED_KINDS } from './vocabulary'

/**
 * What a complaint needs, and nothing more (Art. 1, 2, 3, 5) — one schema for the public form
 * (Astro Action) and the CMS (the intake endpoint and the collection's validation), so the same
 * rule cannot differ in two places. Messages are Dutch, plain, and name what to do.
 *
 * `today` (YYYY-MM-DD, Europe/Amsterdam) is an argument: dates of conduct cannot lie in the future.
 */
/*
 * Characters that cannot be stored as typed. The SQLite driver cuts a text off at a NUL, and a
 * lone surrogate half becomes U+FFFD on the way to UTF-8: either way less would be stored than
 * was sent, and the complainant would be told it was received. So such text is refused at its
 * field, never cut or changed: C0 controls (tab, LF and CR only in multi-line fields), DEL, the
 * C1 controls, and unpaired surrogates.
 */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const UNSTORABLE_CHARACTER = {
  line: 'In dit veld staat een teken dat wij niet kunnen opslaan, zoals een tab, een nieuwe regel of een onzichtbaar teken. Dat gebeurt soms bij gekopieerde tekst. Typ de tekst zelf opnieuw.',
  text: 'In deze tekst staat een onzichtbaar teken dat wij niet kunnen opslaan. Dat gebeurt soms bij gekopieerde tekst. Typ dat stuk zelf opnieuw, of plak de tekst eerst in een gewoon tekstbestand.',
} as const

/** True when the text holds a character that cannot be stored as typed (see above). */
export function hasUnstorableCharacter(value: string, multiline: boolean): boolean {
  return (multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(value) || LONE_SURROGATE.test(value)
}

/*
 * Spaces around a text are not part of it and are trimmed; everything else is kept as sent, and a
 * text over its maximum is refused with a message, never cut.
 */
const text = (max: number, tooLong: string, multiline = false) =>
  z
    .string()
    .refine((v) => !hasUnstorableCharacter(v, multiline), {
      message: multiline ? UNSTORABLE_CHARACTER.text : UNSTORABLE_CHARACTER.line,
      abort: true,
    })
    .trim()
    .max(max, tooLong)
    .transform((v) => v.replace(/\r\n/g, '\n'))

const optionalText = (max: number, tooLong: string, multiline = false) =>
  text(max, tooLong, multiline)
    .optional()
    .transform((v) => (v ? v : undefined))

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als jaar-maand-dag, zoals 2026-03-14.')

const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true')

const PHONE = /^\+?[0-9][0-9 ()-]{7,18}[0-9]$/
const POSTAL_CODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/

export const complaintFields = {
  complainantRole: z.enum(COMPLAINANT_ROLES, { message: 'Kies wie u bent.' }),
  onBehalfOf: checkbox,
  onBehalfOfName: optionalText(200, 'Gebruik hoogstens 200 tekens.'),
  /** Decision 11: the cliënt's own name when someone else complains (the UWV notification names the cliënt). */
  clientName: optionalText(200, 'Gebruik hoogstens 200 tekens.'),
  clientOrganisation: z
    .enum(CLIENT_ORGANISATIONS, { message: 'Kies een opdrachtgever, of "Weet ik niet".' })
    .optional(),
  clientOrganisationName: optionalText(200, 'Gebruik hoogstens 200 tekens.'),
  name: text(200, 'Gebruik hoogstens 200 tekens.').pipe(z.string().min(2, 'Vul uw naam in.')),
  /** The spelling letters use when the name is in a script they cannot print (hooks/letters/pdf/fonts.ts). */
  nameLatin: optionalText(200, 'Gebruik hoogstens 200 tekens.'),
  email: optionalText(254, 'Dit e-mailadres is te lang.').pipe(
    z.email({ message: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' }).optional(),
  ),
  phone: optionalText(20, 'Vul een telefoonnummer in, zoals 06 12345678.').pipe(
    z.string().regex(PHONE, 'Vul een telefoonnummer in, zoals 06 12345678.').optional(),
  ),
  street: optionalText(200, 'Gebruik hoogstens 200 tekens.'),
  postalCode: optionalText(7, 'Vul een postcode in, zoals 1234 AB.').pipe(
    z.string().regex(POSTAL_CODE, 'Vul een postcode in, zoals 1234 AB.').optional(),
  ),
  city: optionalText(100, 'Gebruik hoogstens 100 tekens.'),
  conductWhen: z.enum(CONDUCT_WHEN, { message: 'Kies wanneer het gebeurde, of "Weet ik niet precies".' }),
  conductDate: isoDate.optional().or(z.literal('').transform(() => undefined)),
  conductFrom: isoDate.optional().or(z.literal('').transform(() => undefined)),
  conductTo: isoDate.optional().or(z.literal('').transform(() => undefined)),
  involvedKind: z.enum(INVOLVED_KINDS, { message: 'Kies over wie uw klacht gaat, of "Weet ik niet".' }),
  involvedName: optionalText(500, 'Gebruik hoogstens 500 tekens.', true),
  categories: z
    .array(z.enum(CATEGORIES, { message: 'Kies uit de lijst.' }), { message: 'Kies minstens één soort klacht.' })
    .min(1, 'Kies minstens één soort klacht.'),
  description: text(
    10_000,
    'Uw beschrijving is te lang: gebruik hoogstens 10.000 tekens, of stuur een bijlage mee.',
    true,
  ).pipe(z.string().min(20, 'Beschrijf wat er is gebeurd (minstens 20 tekens).')),
  desiredOutcome: optionalText(5_000, 'Gebruik hoogstens 5.000 tekens.', true),
  discussedBefore: z.enum(['yes', 'no'], { message: 'Kies ja of nee.' }),
  wantsHearing: checkbox,
  wantsHelpWriting: checkbox,
}

export type ComplaintContext = {
  /** Today in Europe/Amsterdam, YYYY-MM-DD. */
  today: string
  /** The web form always asks an e-mail address; staff may record a complaint without one (Decision 12). */
  emailRequired: boolean
  /**
   * Decision 11: the cliënt's name is asked when the complainant is not the cliënt. Default true;
   * false only for a case stored before the field existed, until someone fills it in (validateComplaint).
   */
  clientNameRequired?: boolean
}

type Issue = { path: string; message: string }

export const MESSAGE_NAME_NEEDS_LATIN =
  'Brieven kunnen deze letters nog niet afdrukken. Vul hieronder ook uw naam in Latijnse letters in.'

/**
 * What our letters print must print as typed (hooks/letters/pdf/fonts.ts): a name in another script
 * needs a Latin spelling beside it; the other fields letters quote (the complaint itself, Art. 8.2;
 * the address; on whose behalf) cannot be changed or spelled twice, so they are refused here, where
 * the person can still fix them, and not later when a letter cannot go out.
 */
function printIssues(v: z.infer<z.ZodObject<typeof complaintFields>>): Issue[] {
  const issues: Issue[] = []
  if (!v.nameLatin && unprintable(v.name).length > 0) issues.push({ path: 'name', message: MESSAGE_NAME_NEEDS_LATIN })
  const latin = unprintable(v.nameLatin ?? '')
  if (latin.length > 0) {
    issues.push({
      path: 'nameLatin',
      message: `Gebruik hier alleen Latijnse letters, zoals in uw paspoort. Brieven kunnen deze tekens niet afdrukken: ${listCharacters(latin)}`,
    })
  }
  for (const path of ['onBehalfOfName', 'clientName', 'street', 'city', 'description'] as const) {
    const characters = unprintable(v[path] ?? '')
    if (characters.length > 0) {
      issues.push({
        path,
        message: `Brieven kunnen deze tekens nog niet afdrukken: ${listCharacters(characters)}. Schrijf ze in Latijnse letters of laat ze weg.`,
      })
    }
  }
  return issues
}

const CLIENT_NAME_REQUIRED_FOR = new Set<string>(['employer', 'client_organisation'])

/** Rules that join fields; each names the field where the person can fix it. */
function crossFieldIssues(v: z.infer<z.ZodObject<typeof complaintFields>>, ctx: ComplaintContext): Issue[] {
  const issues: Issue[] = printIssues(v)
  if (ctx.emailRequired && !v.email)
    issues.push({ path: 'email', message: 'Vul uw e-mailadres in. Daar sturen wij de bevestiging heen.' })
  if (v.wantsHelpWriting && !v.phone)
    issues.push({ path: 'phone', message: 'Vul uw telefoonnummer in, dan bellen wij u om te helpen met uw klacht.' })
  // Decision 11: an employer or an opdrachtgever always complains about one cliënt; someone else
  // (Art. 1: ieder) may complain about conduct towards nobody in guidance, so the name is asked, not required.
  if (CLIENT_NAME_REQUIRED_FOR.has(v.complainantRole) && !v.clientName && ctx.clientNameRequired !== false)
    issues.push({
      path: 'clientName',
      message: 'Vul de naam in van de cliënt om wie het gaat. Die naam geven wij door aan UWV.',
    })
  if (v.onBehalfOf && !v.onBehalfOfName)
    issues.push({ path: 'onBehalfOfName', message: 'Vul in namens wie u de klacht indient.' })
  if (v.conductWhen === 'date') {
    if (!v.conductDate) issues.push({ path: 'conductDate', message: 'Vul de datum in waarop het gebeurde.' })
    else if (!isRealDate(v.conductDate))
      issues.push({ path: 'conductDate', message: 'Deze datum bestaat niet. Controleer dag en maand.' })
    else if (v.conductDate > ctx.today)
      issues.push({
        path: 'conductDate',
        message: 'Deze datum ligt in de toekomst. Vul de datum in waarop het gebeurde.',
      })
  }
  if (v.conductWhen === 'period') {
    if (!v.conductFrom) issues.push({ path: 'conductFrom', message: 'Vul in wanneer het begon.' })
    else if (!isRealDate(v.conductFrom))
      issues.push({ path: 'conductFrom', message: 'Deze datum bestaat niet. Controleer dag en maand.' })
    else if (v.conductFrom > ctx.today) issues.push({ path: 'conductFrom', message: 'Deze datum ligt in de toekomst.' })
    if (!v.conductTo)
      issues.push({
        path: 'conductTo',
        message: 'Vul in wanneer het ophield. Gaat het nog door? Vul dan de datum van vandaag in.',
      })
    else if (!isRealDate(v.conductTo))
      issues.push({ path: 'conductTo', message: 'Deze datum bestaat niet. Controleer dag en maand.' })
    else if (v.conductTo > ctx.today) issues.push({ path: 'conductTo', message: 'Deze datum ligt in de toekomst.' })
    else if (v.conductFrom && v.conductFrom > v.conductTo)
      issues.push({ path: 'conductTo', message: 'De einddatum ligt vóór de begindatum.' })
  }
  return issues
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T12:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The schema of a complaint as the complainant gives it, for a given day and channel. */
export function complaintSchema(ctx: ComplaintContext) {
  return z.object(complaintFields).superRefine((value, refinement) => {
    for (const issue of crossFieldIssues(value, ctx))
      refinement.addIssue({ code: 'custom', path: [issue.path], message: issue.message })
  })
}

export type ComplaintInput = z.output<ReturnType<typeof complaintSchema>>

/** Field → first message, for an error summary and messages at the fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form')
    errors[key] ??= issue.message
  }
  return errors
}
