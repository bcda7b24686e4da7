/**
 * The steps a person can take next on a case, each with what the regulation still needs before it
 * ("Volgende stap" in the admin). Pure and free of any server runtime, so that the admin's browser
 * code runs it over the form's unsaved values (a requirement disappears as its field is filled)
 * and the next-steps endpoint over the stored case. It only reads the workflow's own tables:
 * TRANSITIONS and WHO_MAY (transitions.ts), REQUIREMENTS (requirements.ts); enforceWorkflow stays
 * the gate that decides on the save.
 */
import type { Complaint } from '../../../cms/payload-types'
import { relId } from '../../relations'
import { checkIndependence, missingRequirements } from './requirements'
import { toSnapshot } from './snapshot'
import type { Status } from './statuses'
import { allowedTargets, canTransition, type TransitionTarget } from './transitions'

/** Who looks at the case: a staff member with the roles that matter here, or nobody. */
export type StepPerson = { id: string; isManager: boolean; isHandler: boolean } | null

/** One thing still needed before a step, at its field, named by its article. */
export type StepNeed = { path: string; article: string; message: string }

export type NextStep = {
  /** `take`: become the case's handler; otherwise the status the step moves the case to. */
  kind: 'take' | TransitionTarget
  label: string
  hint: string
  /** Who becomes the handler in the same save (taking an unassigned case), or null. */
  assignTo: string | null
  /** What the regulation still needs; the step can be tried anyway, and the save then names each at its field. */
  needs: StepNeed[]
}

export type NextSteps = { steps: NextStep[]; note: string | null }

/** Dutch names of the steps, one per transition target of the workflow table. */
export const STEP_TEXT = {
  take: { label: 'Klacht overnemen', hint: 'U wordt de behandelaar (art. 4). Daarna ziet u het dossier.' },
  acknowledged: {
    label: 'Ontvangst bevestigen',
    hint: 'De klager krijgt de ontvangstbevestiging (art. 5).',
  },
  decided: { label: 'Beslissen', hint: 'De klager krijgt de schriftelijke beslissing (art. 8).' },
  not_admitted: {
    label: 'Niet in behandeling nemen',
    hint: 'De klager krijgt bericht, met de reden (art. 8.5).',
  },
  resolved_informally: {
    label: 'Informeel afhandelen',
    hint: 'Alleen als de klager zegt dat de klacht naar tevredenheid is opgelost (art. 5, toelichting).',
  },
  withdrawn: { label: 'Intrekking vastleggen', hint: 'De klager heeft de klacht ingetrokken (besluit 9).' },
  closed: { label: 'Dossier afsluiten', hint: 'Daarna verandert het dossier niet meer (besluit 16).' },
} as const satisfies Record<'take' | TransitionTarget, { label: string; hint: string }>

/**
 * The article (or Decision) a requirement's message names in its last parenthesis, capitalised:
 * "… (art. 8.4, besluit 6)." gives "Art. 8.4, besluit 6".
 */
export function articleOf(message: string): string {
  const groups = [...message.matchAll(/\(([^()]*)\)/g)].map((m) => m[1] ?? '')
  const named = groups.filter((g) => /^(art\.|besluit)/i.test(g.trim())).at(-1)
  if (!named) return ''
  const trimmed = named.trim()
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
}

/**
 * Art. 5: is the UWV labour expert told of this case by the time a save of `own` (the case's own
 * expert, as in the form) is done? Yes once the notification was queued; otherwise the save queues
 * it to the case's own expert when one is filled in, else to the default of the settings
 * (Decision 11; as `expertOf` in hooks/letters/placeholders.ts chooses).
 */
export function uwvWillBeNotified(input: {
  queued: boolean
  defaultExpertEmail: boolean
  own: { name?: string | null; email?: string | null } | null | undefined
}): boolean {
  if (input.queued) return true
  const own = input.own
  if (own?.email?.trim() || own?.name?.trim()) return Boolean(own.email?.trim())
  return input.defaultExpertEmail
}

const NOTES = {
  nobody: 'Alleen de behandelaar van deze klacht of een manager brengt de klacht verder.',
  closed: 'Deze klacht is afgesloten: er volgen geen stappen meer (besluit 16).',
  someoneElse: 'Deze klacht heeft een andere behandelaar. Alleen die behandelaar of een manager brengt haar verder.',
  take: 'Neem de klacht eerst over. Daarna ziet u het dossier en de volgende stappen.',
} as const

/**
 * What `person` can do next with the case. `saved` is the case as stored (its status and handler
 * decide who may move it); `values` the case as the form holds it now; `uwvNotified` whether the
 * Art. 5 notification to the UWV labour expert exists or will be queued by this save.
 */
export function nextSteps(input: {
  person: StepPerson
  saved: { status: Status; assignedHandler: string | null }
  values: Partial<Complaint>
  uwvNotified: boolean
}): NextSteps {
  const { person, saved } = input
  if (!person || !(person.isManager || person.isHandler)) return { steps: [], note: NOTES.nobody }
  if (saved.status === 'closed') return { steps: [], note: NOTES.closed }
  if (!saved.assignedHandler && !person.isManager) {
    // A handler takes a new case in a save of its own (planTakeOver): moving it comes after.
    return { steps: [{ kind: 'take', ...STEP_TEXT.take, assignTo: person.id, needs: [] }], note: NOTES.take }
  }
  if (saved.assignedHandler && saved.assignedHandler !== person.id && !person.isManager)
    return { steps: [], note: NOTES.someoneElse }

  // A manager may take an unassigned case and move it in the same save.
  const chosen = relId(input.values.assignedHandler)
  const assignTo = !saved.assignedHandler && !chosen ? person.id : null
  const handler = chosen ?? assignTo
  const snapshot = toSnapshot({ ...input.values, assignedHandler: handler }, input.uwvNotified)
  const independence = checkIndependence(handler, snapshot.involvedStaff)
  const actor = { userId: person.id, isManager: person.isManager, isAdmin: false }

  const steps = allowedTargets(saved.status)
    .filter((to) => canTransition(saved.status, to, actor, saved.assignedHandler).ok)
    .map((to): NextStep => {
      const target = to as TransitionTarget
      const needs = missingRequirements(to, snapshot).map(({ path, message }) => ({
        path,
        message,
        article: articleOf(message),
      }))
      if (!independence.ok) needs.unshift({ path: 'assignedHandler', message: independence.message, article: 'Art. 4' })
      return { kind: target, ...STEP_TEXT[target], assignTo, needs }
    })
  return { steps, note: null }
}
