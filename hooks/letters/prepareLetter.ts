import type { PayloadRequest } from 'payload'

import type { Complaint, Setting, User } from '../../cms/payload-types'
import { relId } from '../complaints/workflow/snapshot'
import { calendarFile } from './calendar'
import { composeLetter, type FieldError } from './compose'
import type { Addressee, PreparedLetter } from './issueLetter'
import { LETTER_KIND_DEFINITIONS, type LetterKind } from './kinds'
import { expertOf } from './placeholders'
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

function addresseeOf(kind: LetterKind, c: Complaint, settings: Setting, to?: Addressee): Addressee {
  if (to) return to
  if (LETTER_KIND_DEFINITIONS[kind].recipient === 'attendee') throw new Error(`A letter ${kind} needs its addressee`)
  if (LETTER_KIND_DEFINITIONS[kind].recipient === 'uwv_labour_expert') {
    const expert = expertOf(c, settings)
    return { name: expert?.name || 'Arbeidsdeskundige UWV', email: expert?.email || null }
  }
  const p = c.complainant
  return { name: p.name, email: p.email, street: p.street, postalCode: p.postalCode, city: p.city }
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
): Promise<{ ok: true; letter: PreparedLetter } | { ok: false; errors: FieldError[] }> {
  const { payload } = req
  const handlerId = relId(complaint.assignedHandler)
  // Trusted read: the handler's name goes into the letter (Art. 5) and under it.
  const handler: Pick<User, 'name'> | null = handlerId
    ? await payload.findByID({ collection: 'users', id: handlerId, depth: 0, overrideAccess: true, req, disableErrors: true, select: { name: true } })
    : null
  const addressee = addresseeOf(kind, complaint, settings, to)
  const template = await loadTemplate(payload, kind, req)
  const composed = composeLetter(kind, template, { complaint, settings, handler, now, addresseeName: addressee.name })
  if (!composed.ok) return composed

  const letter: PreparedLetter = {
    kind,
    message: composed.message,
    to: addressee,
    signatory: LETTER_KIND_DEFINITIONS[kind].recipient !== 'uwv_labour_expert' && handler?.name ? `${handler.name}\nbehandelaar van uw klacht` : null,
  }
  if ((kind === 'hearing_invitation' || kind === 'hearing_cancellation') && complaint.hearing?.at) {
    // The same hearing keeps its UID while it is moved; each calendar letter (a new invitation, a
    // cancellation) raises the sequence, so calendars update or remove the appointment (RFC 5546).
    // A hearing planned again after a cancellation is a new appointment with a UID of its own:
    // some calendars never bring back a UID they saw cancelled.
    const { docs: earlier } = await payload.find({
      collection: 'letters',
      where: { and: [{ complaint: { equals: complaint.id } }, { purpose: { in: ['hearing_invitation', 'hearing_cancellation'] } }] },
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
