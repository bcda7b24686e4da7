import { civilDateIn } from '../dates/amsterdam'

export type PostingRefusal = { path: string; message: string }

/**
 * Decision 17: a posting date (Decision 12) lies between the day the letter was produced and
 * today — otherwise a missed deadline could be made to look met — and once recorded it changes
 * only with a reason. Days are local days in Europe/Amsterdam: the date picker records a day.
 */
export function checkPostingDate(input: {
  channel: 'email' | 'post' | null | undefined
  createdAt: string
  before: string | null | undefined
  after: string | null | undefined
  reason: string | null | undefined
  /** The reason stored with the last change, if any. */
  previousReason?: string | null
  now: Date
}): PostingRefusal[] {
  const { before, after } = input
  if ((before ?? null) === (after ?? null)) return []
  if (after && Number.isNaN(Date.parse(after))) return [{ path: 'postedAt', message: 'Vul een geldige datum in.' }]
  if (before && after && new Date(before).getTime() === new Date(after).getTime()) return []
  if (input.channel !== 'post')
    return [
      {
        path: 'postedAt',
        message: 'Deze brief ging per e-mail; een verzenddatum per post hoort daar niet bij (besluit 12).',
      },
    ]
  if (before && !after)
    return [
      {
        path: 'postedAt',
        message:
          'Een vastgelegde verzenddatum kan niet worden gewist. Klopt hij niet? Vul de juiste datum in met de reden (besluit 17).',
      },
    ]
  const errors: PostingRefusal[] = []
  const day = civilDateIn(new Date(after as string))
  if (day < civilDateIn(new Date(input.createdAt))) {
    errors.push({
      path: 'postedAt',
      message: 'De brief kan niet zijn verstuurd vóór de dag waarop hij is gemaakt (besluit 17).',
    })
  } else if (day > civilDateIn(input.now)) {
    errors.push({ path: 'postedAt', message: 'De verzenddatum kan niet in de toekomst liggen (besluit 17).' })
  }
  if (before && !input.reason?.trim()) {
    errors.push({
      path: 'postedAtChangeReason',
      message: 'De verzenddatum was al vastgelegd. Schrijf op waarom u hem wijzigt (besluit 17).',
    })
  } else if (before && input.reason?.trim() === input.previousReason?.trim()) {
    // The admin sends the stored reason back with the form: each change needs a reason of its own.
    errors.push({
      path: 'postedAtChangeReason',
      message: 'Dit is de reden van de vorige wijziging. Schrijf op waarom u de datum nu wijzigt (besluit 17).',
    })
  }
  return errors
}
