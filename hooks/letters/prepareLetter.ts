import type { PayloadRequest } from 'payload'

import { getEnv } from '../../cms/env'
import type { Complaint, Setting, User } from '../../cms/payload-types'
import { relId } from '../relations'
import { calendarFile } from './calendar'
import { composeLetter, type FieldError } from './compose'
import type { Addressee, PreparedLetter } from './issueLetter'
import { LETTER_KIND_DEFINITIONS, type LetterKind } from './kinds'
import { listCharacters, unprintable } from './pdf/fonts'
import { expertOf, letterName } from './placeholders'
import { loadTemplate } from './templateHooks'

type Req = Partial<PayloadRequest> & { payload: PayloadRequest['payload'] }

/** The letter a new status requires (DOMAIN.md: a letter is issued when the status changes). */
export const LETTER_FOR_STATUS: Partial<Record<Complaint['status'], LetterKind>> = {
  acknowledged: 'acknowledgement',
  not_admitted: 'non_admission_notice',
  decided: 'decision',
  resolved_informally: 'informal_confirmation',
  withdrawn: 'withdrawal_confirmation',
}

/** The addressee, and the case fields each line of the address comes from (where a refusal is shown). */
function addresseeOf(
  kind: LetterKind,
  c: Complaint,
  settings: Setting,
  to?: Addressee,
): { addressee: Addressee; paths: Record<keyof Addressee, string> } {
  const recipient = LETTER_KIND_DEFINITIONS[kind].recipient
  if (to) {
    const path = {
      attendee: 'hearing.attendees',
      uwv_labour_expert: 'uwvLabourExpert.name',
      complainant: 'complainant.name',
    }[recipient]
    return { addressee: to, paths: { name: path, email: path, street: path, postalCode: path, city: path } }
  }
  if (recipient === 'attendee') throw new Error(`A letter ${kind} needs its addressee`)
  if (recipient === 'uwv_labour_expert') {
    const expert = expertOf(c, settings)
    const path = 'uwvLabourExpert.name'
    return {
      addressee: { name: expert?.name || 'Arbeidsdeskundige UWV', email: expert?.email || null },
      paths: { name: path, email: 'uwvLabourExpert.email', street: path, postalCode: path, city: path },
    }
  }
  const p = c.complainant
  return {
    // A name the font cannot set is printed in the Latin spelling the case holds (Complaints: nameLatin).
    addressee: { name: letterName(p), email: p.email, street: p.street, postalCode: p.postalCode, city: p.city },
    paths: {
      name: p.nameLatin?.trim() ? 'complainant.nameLatin' : 'complainant.name',
      email: 'complainant.email',
      street: 'complainant.street',
      postalCode: 'complainant.postalCode',
      city: 'complainant.city',
    },
  }
}

/**
 * The lines of the letter that are no part of its text: the address, the signatory and the
 * organisation's details (Decision 14). What the font cannot set refuses the letter at its field,
 * like the parts of the text do (compose.ts).
 */
function unprintableFrame(
  kind: LetterKind,
  to: ReturnType<typeof addresseeOf>,
  signatory: string | null,
  settings: Setting,
): FieldError[] {
  const label = LETTER_KIND_DEFINITIONS[kind].label
  const errors: FieldError[] = []
  const refuse = (path: string, part: string, value: string | null | undefined, fix: string) => {
    const characters = unprintable(value ?? '')
    if (characters.length === 0 || errors.some((e) => e.path === path)) return
    errors.push({
      path,
      message: `De brief "${label}" kan niet weg: in ${part} staan tekens die brieven nog niet kunnen afdrukken: ${listCharacters(characters)}. ${fix}`,
    })
  }
  for (const line of ['name', 'street', 'postalCode', 'city', 'email'] as const) {
    refuse(
      to.paths[line],
      'de naam en het adres van de geadresseerde',
      to.addressee[line],
      'Schrijf ze in Latijnse letters.',
    )
  }
  refuse(
    'assignedHandler',
    'de naam van de behandelaar',
    signatory,
    'Vraag een beheerder de naam van de behandelaar in Latijnse letters te schrijven.',
  )
  const { organisationName, address, phone, contactEmail } = settings
  refuse(
    'status',
    'de gegevens van de organisatie',
    [organisationName, address?.street, address?.postalCode, address?.city, phone, contactEmail].join('\n'),
    'Vraag een beheerder de instellingen aan te passen.',
  )
  return errors
}

/**
 * Composes one letter for a case from the editors' text, at the moment it is needed: the whole
 * case (not only what the acting user may read), the settings, the handler's name. A required part
 * that is empty refuses it, by name, at the case field (the workflow shows that as a field error).
 */
export async function prepareLetter(
  kind: LetterKind,
  complaint: Complaint,
  settings: Setting,
  req: Req,
  now = new Date(),
  to?: Addressee,
  before?: Pick<Complaint, 'deadlines'>,
): Promise<{ ok: true; letter: PreparedLetter } | { ok: false; errors: FieldError[] }> {
  const { payload } = req
  const handlerId = relId(complaint.assignedHandler)
  // Trusted read: the handler's name goes into the letter (Art. 5) and under it.
  const handler: Pick<User, 'name' | 'email'> | null = handlerId
    ? await payload.findByID({
        collection: 'users',
        id: handlerId,
        depth: 0,
        overrideAccess: true,
        req,
        disableErrors: true,
        select: { name: true, email: true },
      })
    : null
  const target = addresseeOf(kind, complaint, settings, to)
  const addressee = target.addressee
  const template = await loadTemplate(payload, kind, req)
  const composed = composeLetter(kind, template, {
    complaint,
    settings,
    handler,
    now,
    addresseeName: addressee.name,
    addresseePath: target.paths.name,
    siteUrl: getEnv().SITE_URL,
    before,
  })
  const signatory =
    LETTER_KIND_DEFINITIONS[kind].recipient !== 'uwv_labour_expert' && handler?.name
      ? `${handler.name}\nbehandelaar van uw klacht`
      : null
  const unprintableLines = unprintableFrame(kind, target, signatory, settings)
  if (!composed.ok || unprintableLines.length > 0) {
    const errors = composed.ok ? [] : composed.errors
    return {
      ok: false,
      errors: [
        ...errors,
        ...unprintableLines.filter((e) => e.path === 'status' || !errors.some((f) => f.path === e.path)),
      ],
    }
  }

  const letter: PreparedLetter = { kind, message: composed.message, to: addressee, signatory }
  if ((kind === 'hearing_invitation' || kind === 'hearing_cancellation') && complaint.hearing?.at) {
    // The same hearing keeps its UID while it is moved; each calendar letter (a new invitation, a
    // cancellation) raises the sequence, so calendars update or remove the appointment (RFC 5546).
    // A hearing planned again after a cancellation is a new appointment with a UID of its own:
    // some calendars never bring back a UID they saw cancelled.
    const { docs: earlier } = await payload.find({
      collection: 'letters',
      where: {
        and: [
          { complaint: { equals: complaint.id } },
          { purpose: { in: ['hearing_invitation', 'hearing_cancellation'] } },
        ],
      },
      depth: 0,
      pagination: false,
      select: { purpose: true },
      overrideAccess: true,
      req,
    })
    const calendarLetters = earlier.length
    const cancellations = earlier.filter((l) => l.purpose === 'hearing_cancellation').length
    const cancelled = kind === 'hearing_cancellation'
    const ics = calendarFile({
      uid: `gesprek-${complaint.id}${cancellations > 0 ? `-${cancellations + 1}` : ''}@klachtenportaal.workingprogression.nl`,
      sequence: calendarLetters,
      start: new Date(complaint.hearing.at),
      durationMinutes: complaint.hearing.durationMinutes ?? 60,
      stamp: now,
      summary: `${cancelled ? 'Gaat niet door: g' : 'G'}esprek over uw klacht ${complaint.reference ?? ''}`.trim(),
      location: complaint.hearing.place ?? '',
      description: cancelled
        ? `Het gesprek over uw klacht gaat niet door. Kenmerk: ${complaint.reference ?? ''}.`
        : `Gesprek over uw klacht (artikel 6 van het klachtenreglement van ${settings.organisationName}). Kenmerk: ${complaint.reference ?? ''}.${handler?.name ? ` Met ${handler.name}.` : ''}`,
      organizer: settings.contactEmail ? { name: settings.organisationName, email: settings.contactEmail } : null,
      cancelled,
    })
    letter.extraAttachments = [
      {
        filename: `gesprek-${complaint.reference ?? 'klacht'}${cancelled ? '-vervalt' : ''}.ics`,
        contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
        content: Buffer.from(ics, 'utf8'),
      },
    ]
  }
  return { ok: true, letter }
}
