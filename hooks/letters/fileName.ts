import { civilDateIn } from '../dates/amsterdam'
import type { LetterKind } from './kinds'

/** What a letter's PDF is called, in Dutch: the complainant and staff see the name in the e-mail and the dossier. */
export const LETTER_FILE_NAMES = {
  receipt: 'ontvangst',
  written_version: 'schriftelijke-versie',
  uwv_notification: 'melding-uwv',
  acknowledgement: 'ontvangstbevestiging',
  delay_notice: 'verdagingsbericht',
  non_admission_notice: 'niet-in-behandeling',
  decision: 'beslissing',
  informal_confirmation: 'informele-afhandeling',
  hearing_invitation: 'uitnodiging-gesprek',
  hearing_report: 'verslag-gesprek',
  hearing_report_attendee: 'verslag-gesprek',
  agreements_confirmation: 'bevestiging-afspraken',
  hearing_cancellation: 'gesprek-vervalt',
  withdrawal_confirmation: 'bevestiging-intrekking',
  handler_change: 'nieuwe-contactpersoon',
} as const satisfies Record<LetterKind, string>

/**
 * E.g. `WP-2026-0007-2026-12-01-beslissing.pdf` (the day in Amsterdam). The name ends in a word, not
 * the date: the upload numbers a second file of the same name by its trailing number
 * (`…-beslissing-1.pdf`), and would otherwise turn the day `-01` into `-2`.
 */
export function letterFileName(reference: string | null | undefined, kind: LetterKind, now: Date): string {
  return `${reference ?? 'klacht'}-${civilDateIn(now)}-${LETTER_FILE_NAMES[kind]}.pdf`
}
