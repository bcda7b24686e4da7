import { LETTER_KIND_DEFINITIONS, type LetterKind } from '../../letters/kinds'
import type { Status } from './statuses'

type Refusal = { path: string; message: string }

/**
 * Decision 12: a letter for post counts as sent only by the posting date the handler records. A
 * dossier closed with a letter that has none would never show whether (or when) the complainant got
 * it, and its clock could never be judged; so a case closes only once every such letter has its date.
 */
export function checkClosingLetters(input: { from: Status; to: Status; unposted: readonly string[] }): Refusal[] {
  if (input.to !== 'closed' || input.from === 'closed' || input.unposted.length === 0) return []
  const names = input.unposted.map((purpose) =>
    purpose in LETTER_KIND_DEFINITIONS ? LETTER_KIND_DEFINITIONS[purpose as LetterKind].label : purpose,
  )
  const count = names.length === 1 ? 'Eén brief voor de post heeft' : `${names.length} brieven voor de post hebben`
  return [
    {
      path: 'status',
      message: `Nog niet afsluiten: ${count} nog geen verzenddatum (${names.join('; ')}). Vul bij Brieven in wanneer u ze op de post deed; pas die datum telt als verzonden (besluit 12).`,
    },
  ]
}
