import type { TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core'

/**
 * What makes a staff password acceptable (OWASP ASVS 4.0.3 V2.1.1, V2.1.7): at least 12 characters,
 * not on zxcvbn's offline list of common passwords nor guessable from its patterns (score 3 of 4
 * or better), and not built from the person's own name or e-mail address.
 * Pure: no Payload here; the hooks beside it turn a problem into a message at the password field.
 */

export const MIN_PASSWORD_LENGTH = 12
/** zxcvbn's scale: 0–2 fall to an online or a slow offline attack; 3 is "safely unguessable". */
export const MIN_PASSWORD_SCORE = 3

const GUESSABLE = 'Kies een wachtwoord dat moeilijker te raden is:'
const ADVICE = 'Neem bijvoorbeeld vier losse woorden die niets met elkaar te maken hebben.'

/** Words anyone guessing a password for this portal tries first; zxcvbn's lists are English. */
const PORTAL_WORDS = [
  'wachtwoord',
  'welkom',
  'geheim',
  'working',
  'progression',
  'workingprogression',
  'klacht',
  'klachten',
  'klachtenportaal',
  'portaal',
  'reintegratie',
  'beheerder',
  'uwv',
]

/** zxcvbn's warnings in Dutch; `satisfies` makes a missing or misspelt key fail tsc. */
const WARNINGS = {
  straightRow: 'het bevat een rij naast elkaar liggende toetsen',
  keyPattern: 'het bevat een patroon van het toetsenbord',
  simpleRepeat: 'het herhaalt dezelfde tekens',
  extendedRepeat: 'het herhaalt dezelfde tekens',
  sequences: 'het bevat een reeks zoals abc of 123',
  recentYears: 'het bevat een recent jaartal',
  dates: 'het bevat een datum',
  topTen: 'het is een van de meest gebruikte wachtwoorden',
  topHundred: 'het is een van de meest gebruikte wachtwoorden',
  common: 'het is een veelgebruikt wachtwoord',
  similarToCommon: 'het lijkt op een veelgebruikt wachtwoord',
  wordByItself: 'één woord alleen is snel geraden',
  namesByThemselves: 'namen zijn snel geraden',
  commonNames: 'veelvoorkomende namen zijn snel geraden',
  userInputs: 'het bevat uw naam of uw e-mailadres',
  pwned: 'dit wachtwoord is bij een datalek uitgelekt',
} satisfies Record<keyof TranslationKeys['warnings'], string>

export type PasswordOwner = { email?: string | null; name?: string | null }

let estimator: Promise<ZxcvbnFactory> | undefined
let estimatorLoads = 0

/** How often zxcvbn was built in this process (for the test that it happens once, on first use). */
export const zxcvbnLoads = () => estimatorLoads

/**
 * zxcvbn ranks its dictionaries (tens of thousands of words) when it is built: do that once,
 * and only when a password is first set, not when the CMS or a test starts.
 */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')])
    .then(([{ ZxcvbnFactory }, common]) => {
      estimatorLoads += 1
      return new ZxcvbnFactory({
        dictionary: { ...common.dictionary, portal: PORTAL_WORDS },
        graphs: common.adjacencyGraphs,
      })
    })
    .catch((error: unknown) => {
      // A failed load is retried on the next password, not remembered.
      estimator = undefined
      throw error
    })
  return estimator
}

/** Lower case, accents and everything but letters and digits removed: "Jan-Jansen" and "janjansen" compare equal. */
const normalise = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

/**
 * The parts of a person's name and e-mail address a password must not contain: the whole name and
 * the whole local part (3 characters or more), and each word of them of 4 characters or more
 * (shorter words such as "Jan" occur inside too many ordinary words).
 */
export function personalParts(owner: PasswordOwner): string[] {
  const pieces = [owner.email?.split('@')[0] ?? '', owner.name ?? '']
  const parts = new Set<string>()
  for (const piece of pieces) {
    const whole = normalise(piece)
    if (whole.length >= 3) parts.add(whole)
    for (const word of piece.split(/[^\p{L}\p{N}]+/u)) {
      const normalised = normalise(word)
      if (normalised.length >= 4) parts.add(normalised)
    }
  }
  return [...parts]
}

/** Why this password may not be used, in Dutch for the password field; `null` when it may. */
export async function passwordProblem(password: string, owner: PasswordOwner): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`
  const normalised = normalise(password)
  const parts = personalParts(owner)
  if (parts.some((part) => normalised.includes(part))) {
    return `${GUESSABLE} het bevat uw naam of een deel van uw e-mailadres. ${ADVICE}`
  }
  const zxcvbn = await loadEstimator()
  const result = zxcvbn.check(password, [owner.email ?? '', owner.name ?? '', ...parts].filter(Boolean))
  if (result.score >= MIN_PASSWORD_SCORE) return null
  const warning = result.feedback.warning
  const reason =
    warning && Object.hasOwn(WARNINGS, warning) ? WARNINGS[warning as keyof typeof WARNINGS] : 'het is te voorspelbaar'
  return `${GUESSABLE} ${reason}. ${ADVICE}`
}
