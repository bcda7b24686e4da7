import type { PayloadRequest } from 'payload'

import type { Complaint, Setting } from '../../../cms/payload-types'
import { asCorrection } from '../../letters/compose'
import type { Addressee, PreparedLetter } from '../../letters/issueLetter'
import type { LetterKind } from '../../letters/kinds'
import { stashLetters } from '../../letters/pendingLetters'
import { prepareLetter } from '../../letters/prepareLetter'
import type { CorrectionPlan } from '../workflow/plan/frozen'
import type { Refusal } from '../workflow/plan/refusal'

/**
 * The letters one save of a case issues, composed before it is written (enforceWorkflow): the
 * planned kinds, a corrected letter per corrected kind, the call-off of a hearing and the report to
 * every other attendee. A letter that cannot be made (an empty required part, a character the font
 * lacks) refuses the save at the field it comes from. Returns those refusals; what was composed is
 * handed to recordCaseChanges, which issues it after the save exactly as composed here.
 */
export async function composeLetters(input: {
  req: PayloadRequest
  now: Date
  originalDoc: Complaint
  full: Complaint
  kinds: LetterKind[]
  corrected: CorrectionPlan | null
  reason: string
  callOff: boolean
  settings: () => Promise<Setting>
}): Promise<Refusal[]> {
  const { req, now, originalDoc, full, kinds, corrected, reason, settings } = input
  const letters: { kind: LetterKind; to?: Addressee; about?: Complaint; correction?: string }[] = kinds.map((kind) => ({
    kind,
  }))
  for (const kind of corrected?.kinds ?? []) letters.push({ kind, correction: reason })
  if (input.callOff) {
    // The cancellation names the hearing as the complainant was invited to it.
    const invited = {
      ...full.hearing,
      at: originalDoc.hearing?.at,
      place: originalDoc.hearing?.place,
      durationMinutes: originalDoc.hearing?.durationMinutes,
    }
    letters.push({ kind: 'hearing_cancellation', about: { ...full, hearing: invited } })
  }
  if (kinds.includes('hearing_report') || corrected?.kinds.includes('hearing_report')) {
    // Art. 6.3: the report goes for signature to those involved: every other attendee with an address.
    for (const attendee of full.hearing?.attendees ?? []) {
      if (attendee.role !== 'complainant' && attendee.role !== 'handler' && attendee.email) {
        letters.push({ kind: 'hearing_report_attendee', to: { name: attendee.name, email: attendee.email } })
      }
    }
  }
  if (letters.length > 0) {
    const prepared: PreparedLetter[] = []
    const letterErrors: Refusal[] = []
    for (const { kind, to: addressee, about, correction } of letters) {
      // `originalDoc`: the delay notice names the date it moves (Art. 7 note).
      const letter = await prepareLetter(kind, about ?? full, await settings(), req, now, addressee, originalDoc)
      if (!letter.ok) {
        if (!letterErrors.some((e) => e.path === letter.errors[0]?.path)) letterErrors.push(...letter.errors)
      } else
        prepared.push(
          correction
            ? { ...letter.letter, message: asCorrection(letter.letter.message, correction), correction: true }
            : letter.letter,
        )
    }
    if (letterErrors.length > 0) return letterErrors
    // Issued after the save (recordCaseChanges), exactly as composed here.
    stashLetters(req, originalDoc.id, { letters: prepared, settings: await settings() })
  }
  return []
}
