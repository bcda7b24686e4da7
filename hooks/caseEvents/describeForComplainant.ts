import { formatDutchDate } from '../dates/amsterdam'
import type { Status } from '../complaints/workflow/statuses'
import { LETTER_KIND_DEFINITIONS, LETTER_KINDS, type LetterKind } from '../letters/kinds'
import { relId } from '../relations'
import type { StoredEvent } from './describeEvent'
import { EVENT_DATA, type EventDataOf } from './eventData'
import type { ComplainantAction } from './eventTypes'

/** A line of the complainant's own timeline (Decision 20): the day, and what happened in plain Dutch (B1). */
export type ComplainantLine = { when: string; at: string; what: string }

/** What the complainant's timeline needs besides the entry: the handler's name by user id. */
export type ComplainantLookups = { staffNames: ReadonlyMap<string, string> }

/** A letter the complainant receives (not the UWV notification, not a letter to another attendee). */
export const isComplainantLetter = (purpose: string): purpose is LetterKind =>
  (LETTER_KINDS as readonly string[]).includes(purpose) &&
  LETTER_KIND_DEFINITIONS[purpose as LetterKind].recipient === 'complainant'

const STATUS_LINES: Partial<Record<Status, string>> = {
  acknowledged: 'Wij hebben bevestigd dat wij uw klacht behandelen.',
  decided: 'Wij hebben een beslissing genomen over uw klacht.',
  not_admitted: 'Wij hebben besloten uw klacht niet te behandelen. In de brief staat waarom.',
  resolved_informally: 'Uw klacht is in overleg met u opgelost.',
  withdrawn: 'Uw klacht is ingetrokken.',
  closed: 'Het dossier van uw klacht is gesloten.',
}

const ACTION_LINES: Record<ComplainantAction, (d: { files?: number }) => string> = {
  information_added: (d) =>
    `U hebt informatie toegevoegd${d.files ? ` (${d.files} ${d.files === 1 ? 'bestand' : 'bestanden'})` : ''}.`,
  written_version_corrected: () => 'U hebt de tekst van uw klacht verbeterd.',
  hearing_requested: () => 'U hebt gevraagd om een gesprek.',
  survey_submitted: () => 'U hebt de vragen over uw tevredenheid beantwoord.',
}

function line(event: StoredEvent, lookups: ComplainantLookups): string | null {
  const parse = <T extends keyof typeof EVENT_DATA>(type: T): EventDataOf<T> | null => {
    const parsed = EVENT_DATA[type].safeParse(event.data ?? {})
    return parsed.success ? (parsed.data as EventDataOf<T>) : null
  }
  switch (event.type) {
    case 'received':
    case 'received_backfilled':
      return event.type === 'received' ? 'Wij hebben uw klacht ontvangen.' : null
    case 'handler_assigned': {
      const d = parse('handler_assigned')
      const name = d?.handler ? lookups.staffNames.get(d.handler) : undefined
      return name ? `${name} behandelt uw klacht.` : null
    }
    case 'status_changed': {
      const d = parse('status_changed')
      if (!d) return null
      if (d.to === 'withdrawn' && event.actorKind === 'complainant') return 'U hebt uw klacht ingetrokken.'
      return STATUS_LINES[d.to] ?? null
    }
    case 'letter_sent': {
      const d = parse('letter_sent')
      if (!d || !isComplainantLetter(d.purpose)) return null
      const by = d.channel === 'post' ? ' per post' : d.channel === 'email' || d.message ? ' per e-mail' : ''
      return `Wij hebben u een brief gestuurd${by}: ${LETTER_KIND_DEFINITIONS[d.purpose].label.toLowerCase()}.`
    }
    case 'travel_costs_requested':
      return 'U hebt gevraagd om vergoeding van uw reiskosten.'
    case 'complainant_action': {
      const d = parse('complainant_action')
      return d ? ACTION_LINES[d.action](d) : null
    }
    case 'inspection_provided': {
      const d = parse('inspection_provided')
      if (!d) return null
      return d.via === 'complainant' ? 'U hebt uw dossier gedownload.' : 'Wij hebben u uw dossier gegeven.'
    }
    default:
      // The rest is the handling's own bookkeeping (reminders, classification, corrections, jobs).
      return null
  }
}

/**
 * One entry of a case's timeline as the complainant reads it on their own page (Decision 20), or
 * null for the entries that are not theirs to read: only what they did, what we sent them, who
 * handles the case and where it stands, in plain Dutch. Pure, like describeEvent.
 */
export function describeForComplainant(
  event: StoredEvent,
  lookups: ComplainantLookups = { staffNames: new Map() },
): ComplainantLine | null {
  const what = line({ ...event, actor: relId(event.actor) }, lookups)
  return what ? { when: formatDutchDate(event.at), at: event.at, what } : null
}
