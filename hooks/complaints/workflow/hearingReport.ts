import type { Complaint } from '../../../cms/payload-types'
import { formatDutchDate, formatDutchTime } from '../../dates/amsterdam'

type Refusal = { path: string; message: string }

/**
 * Art. 6.3: the report records a hearing that took place. A report written, or sent for signature,
 * while the hearing's date still lies ahead records nothing yet (or the date is typed wrong), so it
 * is refused — on create and update alike. A report already on the case stays when a next hearing
 * is planned: it belongs to the hearing before.
 */
export function checkHearingReport(input: {
  before: Partial<Complaint> | null
  next: Partial<Complaint>
  now: Date
}): Refusal[] {
  const hearing = input.next.hearing
  const at = hearing?.at ? new Date(hearing.at) : null
  if (!at || Number.isNaN(at.getTime()) || at <= input.now) return []
  const report = hearing?.report?.trim() ?? ''
  const written = report !== '' && report !== (input.before?.hearing?.report?.trim() ?? '')
  if (!written && !hearing?.sendReport) return []
  return [
    {
      path: written ? 'hearing.report' : 'hearing.sendReport',
      message: `Het gesprek staat gepland op ${formatDutchDate(at)} om ${formatDutchTime(at)} uur. Een verslag legt een gesprek vast dat heeft plaatsgevonden (art. 6): schrijf en verstuur het na het gesprek, of verbeter de datum van het gesprek.`,
    },
  ]
}
