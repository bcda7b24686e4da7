/**
 * The public complaint form as the site receives it: from the posted FormData to the shared
 * complaint schema (hooks/complaints/schema) and back to what the form shows again. The rules and
 * their messages live in that schema and in hooks/complaints/attachments; this module only adds
 * what belongs to the web form itself (consent, the form token, the honeypot) and its messages.
 *
 * Astro Actions can map FormData onto an input schema, but they turn an empty text field into
 * null, which the schema (rightly) refuses with a type error instead of its own Dutch message
 * ("Vul uw naam in."). So the action takes the FormData as it is and this module reads it.
 */
import { z } from 'zod'

import { checkAttachments, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../hooks/complaints/attachments'
import { type ComplaintInput, complaintFields, complaintSchema, fieldErrors } from '../../hooks/complaints/schema'

/** The form-only fields beside the complaint's own (whose names are the schema's keys). */
export const CONSENT_FIELD = 'consent'
export const FORM_TOKEN_FIELD = 'formToken'
/** Left empty by people, filled in by robots that fill in every field. */
export const HONEYPOT_FIELD = 'website'
export const ATTACHMENTS_FIELD = 'attachments'

/** Every field in the order the form asks them: the error summary lists problems in this order. */
export const FIELD_ORDER = [
  'complainantRole',
  'onBehalfOf',
  'onBehalfOfName',
  'clientName',
  'clientOrganisation',
  'clientOrganisationName',
  'name',
  'nameLatin',
  'email',
  'phone',
  'street',
  'postalCode',
  'city',
  'conductWhen',
  'conductDate',
  'conductFrom',
  'conductTo',
  'involvedKind',
  'involvedName',
  'categories',
  'description',
  'desiredOutcome',
  'discussedBefore',
  'wantsHearing',
  'wantsHelpWriting',
  ATTACHMENTS_FIELD,
  CONSENT_FIELD,
] as const satisfies readonly (keyof typeof complaintFields | typeof ATTACHMENTS_FIELD | typeof CONSENT_FIELD)[]

// A field added to the schema but not to the form fails type-checking here (its name appears in the error).
type NotAsked = Exclude<keyof typeof complaintFields, (typeof FIELD_ORDER)[number]>
export const EVERY_FIELD_ASKED: [NotAsked] extends [never] ? true : NotAsked = true

/** The id of a field's input (for a group: its first option), the target of the summary's links. */
export const fieldId = (name: string) => `field-${name}`

/** The aria-describedby of a field: its description, its error message and any further notes, when present. */
export const describedBy = (
  id: string,
  parts: { description?: unknown; error?: unknown; reselect?: unknown },
): string | undefined =>
  [parts.description && `${id}-description`, parts.error && `${id}-error`, parts.reselect && `${id}-reselect`]
    .filter(Boolean)
    .join(' ') || undefined

export const MESSAGES = {
  consent: 'Geef toestemming om uw gegevens te gebruiken voor de behandeling van uw klacht.',
  /** Honeypot filled in, or the form token missing: the same plain message, nothing stored. */
  notSent:
    'Uw klacht kon niet worden verstuurd. Controleer het formulier en verstuur het opnieuw. Lukt het niet? Bel ons.',
  tooLarge: `De bijlagen zijn samen te groot. U kunt hoogstens ${MAX_ATTACHMENTS} bestanden van elk ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB meesturen.`,
  unreadable:
    'Wij konden uw formulier niet goed ontvangen. Daardoor is ook wat u had ingevuld niet bewaard. Vul het formulier opnieuw in en verstuur het nog een keer.',
  /** Said honestly: a body refused unread cannot give back what was typed. */
  tooLargeInputLost:
    'Omdat het formulier te groot was, hebben wij niets ervan kunnen lezen. Ook wat u had ingevuld is daardoor niet bewaard. Vul het formulier opnieuw in en kies kleinere of minder bijlagen. Het spijt ons.',
} as const

/** Working Progression's contact details as the settings hold them (Decision 14: only what an admin filled in). */
export type ContactDetails = {
  organisationName: string
  phone?: string | null
  contactEmail?: string | null
  address?: { street?: string | null; postalCode?: string | null; city?: string | null } | null
}

/** Another way to make contact: a phone number, an e-mail address or a postal address, with its link. */
export type ContactWay = { label: string; text: string; href?: string }

/** Where a letter reaches us, on one line; undefined until an administrator filled in the whole address (Decision 14). */
export function postalAddress(contact: ContactDetails): string | undefined {
  const a = contact.address
  return a?.street && a.postalCode && a.city
    ? `${contact.organisationName}, ${a.street}, ${a.postalCode} ${a.city}`
    : undefined
}

export function contactWays(contact: ContactDetails, { letter }: { letter: boolean }): ContactWay[] {
  const ways: ContactWay[] = []
  if (contact.phone)
    ways.push({ label: 'Bel ons', text: contact.phone, href: `tel:${contact.phone.replace(/[^\d+]/g, '')}` })
  if (contact.contactEmail)
    ways.push({ label: 'Mail ons', text: contact.contactEmail, href: `mailto:${contact.contactEmail}` })
  const address = postalAddress(contact)
  if (letter && address) ways.push({ label: 'Stuur een brief naar', text: address })
  return ways
}

/** A message about the whole form when it could not be stored, or not for certain; `ways` lists the other ways to reach us. */
export type StorageAlert = { title: string; messages: string[]; ways: ContactWay[] }

/**
 * What the person is told when the complaint was not stored, or may not have been. "Niet
 * opgeslagen" only when that is certain (the CMS could not be reached, or said so itself); after a
 * timeout the site cannot know, and says that instead, with how to find out. Either way what was
 * typed is on the form again, and its form token stays, so sending it again never makes two.
 */
export function storageAlert(outcome: 'unreachable' | 'refused' | 'uncertain', contact: ContactDetails): StorageAlert {
  const kept = 'U bent niets kwijt: wat u hebt ingevuld, staat hieronder nog.'
  if (outcome === 'uncertain') {
    const ways = contactWays(contact, { letter: false })
    return {
      title: 'Wij weten nog niet zeker of uw klacht is opgeslagen',
      messages: [
        'Ons systeem gaf niet op tijd antwoord. Misschien is uw klacht toch opgeslagen, misschien niet.',
        kept,
        'Verstuur dit formulier over een paar minuten nog een keer, zonder iets te veranderen. Hebben wij uw klacht al? Dan ziet u het kenmerk. U krijgt dan geen tweede klacht.',
        'Hebben wij uw klacht, dan krijgt u ook een e-mail met het kenmerk.' +
          (ways.length > 0 ? ' Wilt u het nu zeker weten? Neem dan contact met ons op:' : ''),
      ],
      ways,
    }
  }
  const ways = contactWays(contact, { letter: true })
  const otherWays =
    ways.length > 0
      ? 'Probeer het later nog eens met dit formulier. Of dien uw klacht op een andere manier in:'
      : 'Probeer het later nog eens met dit formulier.'
  return {
    title: 'Uw klacht is niet opgeslagen',
    messages: [
      outcome === 'unreachable'
        ? 'Ons systeem is nu niet bereikbaar. Daardoor is uw klacht niet opgeslagen: wij hebben hem niet ontvangen.'
        : 'Er ging bij ons iets mis. Daardoor is uw klacht niet opgeslagen: wij hebben hem niet ontvangen.',
      kept,
      otherWays,
    ],
    ways,
  }
}

/**
 * The confirmation page's notice when the same form was sent again with changes after it was
 * stored: the first version stands, the changes did not arrive, and how to add them.
 */
export function changeNotStoredNotice(reference: string, contact: ContactDetails): StorageAlert {
  const ways = contactWays(contact, { letter: false })
  return {
    title: 'Uw wijziging is niet verwerkt',
    messages: [
      `U had dit formulier al eerder verstuurd. Wij hebben uw eerste versie ontvangen, met kenmerk ${reference}. Wat u daarna hebt veranderd, hebben wij niet ontvangen.`,
      ways.length > 0
        ? `Wilt u iets aanvullen of veranderen? Neem dan contact met ons op en noem uw kenmerk ${reference}:`
        : `Wilt u iets aanvullen of veranderen? Neem dan contact met ons op en noem uw kenmerk ${reference}.`,
    ],
    ways,
  }
}

/**
 * The confirmation page's notice when this new complaint came shortly after another one from the
 * same browser with other content: both stand; if the second was meant as a change of the first,
 * the person says so and the two are joined.
 */
export function newComplaintNotice(reference: string, earlierReference: string, contact: ContactDetails): StorageAlert {
  const ways = contactWays(contact, { letter: false })
  return {
    title: 'Dit is een nieuwe klacht',
    messages: [
      `U stuurde eerder al een klacht, met kenmerk ${earlierReference}. Die klacht blijft staan. Wat u nu stuurde, is een nieuwe klacht met kenmerk ${reference}.`,
      'Was dit bedoeld als wijziging van uw eerste klacht? Neem dan contact met ons op en noem beide kenmerken. Dan voegen wij ze samen.',
    ],
    ways,
  }
}

/** Files cannot be sent back to the browser: the person chooses them again. */
export const reselectMessage = (names: string[]) => `Kies uw bijlage(n) opnieuw: ${names.join(', ')}`

/**
 * The largest body the form can need: 5 files of 10 MB and the text fields. The site refuses a
 * larger body before reading it. Astro's `security.actionBodySizeLimit` must be at least this.
 */
export const MAX_FORM_BODY_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 2 * 1024 * 1024

/** What the person typed, exactly, to show again: text as strings, checkbox groups as lists. */
export type FormValues = Record<string, string | string[]>

export type ReadForm = {
  values: FormValues
  files: File[]
  formToken: string | undefined
  honeypotFilled: boolean
  result: { ok: true; input: ComplaintInput } | { ok: false; errors: Record<string, string> }
}

const isArrayField = (key: string) => complaintFields[key as keyof typeof complaintFields] instanceof z.ZodArray
const uuid = z.uuid()

/** Reads and checks a posted complaint form; `today` is YYYY-MM-DD in Europe/Amsterdam. */
export async function readComplaintForm(form: FormData, today: string): Promise<ReadForm> {
  const values = formValues(form)
  const files = attachedFiles(form)
  const honeypot = form.get(HONEYPOT_FIELD)

  const { [CONSENT_FIELD]: consent, ...candidate } = values
  const parsed = complaintSchema({ today, emailRequired: true }).safeParse(candidate)
  const errors = parsed.success ? {} : fieldErrors(parsed.error)
  if (consent !== 'on') errors[CONSENT_FIELD] = MESSAGES.consent
  const attachments = checkAttachments(
    await Promise.all(
      files.map(async (file) => ({
        name: file.name,
        size: file.size,
        bytes: new Uint8Array(await file.arrayBuffer()),
      })),
    ),
  )
  if (!attachments.ok) errors[ATTACHMENTS_FIELD] = attachments.message

  return {
    values,
    files,
    formToken: formTokenOf(form),
    honeypotFilled: typeof honeypot === 'string' && honeypot.trim() !== '',
    result:
      parsed.success && Object.keys(errors).length === 0 ? { ok: true, input: parsed.data } : { ok: false, errors },
  }
}

/** The complaint's fields and the consent as posted (the honeypot and the token are not shown again). */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {}
  for (const key of [...Object.keys(complaintFields), CONSENT_FIELD]) {
    if (isArrayField(key)) values[key] = form.getAll(key).filter((v): v is string => typeof v === 'string')
    else {
      const value = form.get(key)
      if (typeof value === 'string') values[key] = value
    }
  }
  return values
}

/** The form token rendered into the form (a random UUID), or undefined when it is missing or malformed. */
export function formTokenOf(form: FormData): string | undefined {
  const token = form.get(FORM_TOKEN_FIELD)
  return typeof token === 'string' && uuid.safeParse(token).success ? token : undefined
}

/** The chosen files; a file input left empty still posts one nameless empty part, which is no attachment. */
export function attachedFiles(form: FormData): File[] {
  return form.getAll(ATTACHMENTS_FIELD).filter((v): v is File => typeof v !== 'string' && v.size > 0)
}

/** Errors in the order of the form; messages for anything else (the CMS may name another key) last. */
export function orderedErrors(errors: Record<string, string>): { field: string | undefined; message: string }[] {
  const known: readonly string[] = FIELD_ORDER
  return [
    ...FIELD_ORDER.filter((field) => errors[field]).map((field) => ({
      field: field,
      message: errors[field] as string,
    })),
    ...Object.entries(errors)
      .filter(([field]) => !known.includes(field))
      .map(([, message]) => ({ field: undefined, message })),
  ]
}

/** The posted body, read once by the middleware under a size limit. */
export type FormBody = { kind: 'form'; form: FormData } | { kind: 'tooLarge' } | { kind: 'unreadable' }

/**
 * Reads a form body without holding more than `limit` bytes: a declared length above it is refused
 * unread; a body without a declared length (chunked) is counted while it streams in.
 */
export async function readFormBody(request: Request, limit: number): Promise<FormBody> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > limit) return { kind: 'tooLarge' }
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType) || !request.body)
    return { kind: 'unreadable' }
  try {
    if (declared !== null) return { kind: 'form', form: await request.formData() }
    const chunks: Uint8Array[] = []
    let received = 0
    const reader = request.body.getReader()
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      received += part.value.byteLength
      if (received > limit) {
        await reader.cancel()
        return { kind: 'tooLarge' }
      }
      chunks.push(part.value)
    }
    return {
      kind: 'form',
      form: await new Response(Buffer.concat(chunks), { headers: { 'content-type': contentType } }).formData(),
    }
  } catch (error) {
    // A broken or aborted upload: the form is shown again with a message, nothing is stored.
    console.error(`[site] complaint form unreadable: ${(error as Error).message}`)
    return { kind: 'unreadable' }
  }
}
