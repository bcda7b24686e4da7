import type { LetterKind } from '../../letters/kinds'
import type { Status } from './statuses'

/**
 * Decision 3: the contact person is the handler currently assigned — named in the acknowledgement,
 * or the one who took over. When the handler changes after the complainant was told a name (the
 * acknowledgement went out), the complainant gets a letter naming the new contact person, issued in
 * the save that changes the handler. The first assignment needs none: the acknowledgement names
 * whoever handles the case then; nor does a closed case (Decision 16) or a case left without handler.
 */
export function needsHandlerChangeLetter(input: {
  handlerBefore: string | null
  handlerAfter: string | null
  to: Status
  issued: ReadonlySet<LetterKind>
}): boolean {
  const { handlerBefore, handlerAfter } = input
  if (!handlerBefore || !handlerAfter || handlerBefore === handlerAfter) return false
  return input.to !== 'closed' && input.issued.has('acknowledgement')
}
