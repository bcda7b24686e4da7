import type { Payload } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { type ComplainantLine, describeForComplainant, isComplainantLetter } from '../caseEvents/describeForComplainant'
import type { StoredEvent } from '../caseEvents/describeEvent'
import { complaintAsFormulated } from '../complaints/complaintAsFormulated'
import { formatDutchDate, formatDutchTime } from '../dates/amsterdam'
import type { Status } from '../complaints/workflow/statuses'
import { isEnding, isOpen } from '../complaints/workflow/transitions'
import { calendarFile } from '../letters/calendar'
import { LETTER_KIND_DEFINITIONS, type LetterKind } from '../letters/kinds'
import { relId } from '../relations'

/**
 * What the complainant's own page shows of their case (Decision 20): an explicit view model, built
 * field by field — never a spread of the document — so that nothing is in it that was not put
 * there on purpose. Not in it: drafts in tabs whose letter was not issued, the staff involved,
 * other attendees and their addresses, the UWV notification and anything sent to UWV, internal
 * notes, the reasons of corrections, and every other staff-only field.
 */
export type ComplainantCaseView = {
  reference: string
  receivedOn: string
  status: {
    code: Status
    /** The status in plain Dutch (B1). */
    label: string
    /** What this means, in a sentence. */
    explanation: string
    /** What happens next and by which date (the regulation's terms, or a delay notice's new date). */
    next: string | null
    nextBy: string | null
  }
  /** Who handles the case: the name only. */
  handler: { name: string } | null
  /** A hearing the complainant was invited to (Art. 6.2), with the calendar file of the invitation. */
  hearing: { at: string; atLabel: string; place: string; ics: string } | null
  /** Every letter to the complainant that was issued (for a PDF download). */
  letters: { id: string; kind: LetterKind; label: string; date: string }[]
  /**
   * Decision 8: the complaint as staff wrote it down — the text the letters quote — for the
   * complainant to correct; null for a complaint they wrote themselves (the web form).
   */
  writtenVersion: string | null
  /** The timeline in the complainant's words, oldest first. */
  timeline: ComplainantLine[]
  /** What the complainant can still do (hooks/complainant/actions.ts refuses the rest in any case). */
  canDo: {
    addInformation: boolean
    correctWrittenVersion: boolean
    requestHearing: boolean
    requestTravelCosts: boolean
    withdraw: boolean
    survey: boolean
  }
}

const LABELS: Record<Status, { label: string; explanation: string }> = {
  received: { label: 'Ontvangen', explanation: 'Wij hebben uw klacht ontvangen.' },
  acknowledged: { label: 'In behandeling', explanation: 'Wij onderzoeken uw klacht.' },
  decided: { label: 'Beslist', explanation: 'Wij hebben een beslissing genomen. U hebt daarover een brief gekregen.' },
  not_admitted: {
    label: 'Niet in behandeling genomen',
    explanation: 'Wij behandelen uw klacht niet. In de brief die u kreeg, staat waarom.',
  },
  resolved_informally: { label: 'Opgelost in overleg', explanation: 'Uw klacht is in overleg met u opgelost.' },
  withdrawn: { label: 'Ingetrokken', explanation: 'Uw klacht is ingetrokken. Wij behandelen haar niet verder.' },
  closed: { label: 'Afgesloten', explanation: 'Uw klacht is afgehandeld en het dossier is gesloten.' },
}

/** What happens next, by the deadlines of the case (Art. 5, 7; a delay notice moved the decision target). */
function nextStep(c: Complaint, now: Date): { next: string | null; nextBy: string | null } {
  const by = (at: string | null | undefined) => (at ? formatDutchDate(at) : null)
  const passed = (at: string | null | undefined) => Boolean(at && Date.parse(at) < now.getTime())
  if (c.status === 'received') {
    const due = c.deadlines?.acknowledgeBy
    return {
      next: passed(due)
        ? 'U krijgt zo snel mogelijk een brief waarin wij bevestigen dat wij uw klacht behandelen.'
        : 'U krijgt een brief waarin wij bevestigen dat wij uw klacht behandelen, met de naam van de behandelaar.',
      nextBy: passed(due) ? null : by(due),
    }
  }
  if (c.status === 'acknowledged') {
    const due = c.deadlines?.decisionTargetBy
    const delayed = Boolean(c.delayNotice?.issuedAt)
    return {
      next: delayed
        ? 'Het onderzoek duurt langer. Wij hebben u daarover een brief gestuurd. U krijgt onze beslissing uiterlijk op de nieuwe datum.'
        : 'U krijgt een brief met onze beslissing over uw klacht.',
      nextBy: by(due),
    }
  }
  if (isEnding(c.status)) return { next: 'Wij sluiten het dossier. U hoeft niets meer te doen.', nextBy: null }
  return { next: null, nextBy: null }
}

export async function complainantCaseView(
  payload: Payload,
  caseId: string,
  now: Date = new Date(),
): Promise<ComplainantCaseView> {
  // Trusted reads: the complainant's session is for this case (checked by the page that calls us);
  // what they see is chosen field by field below.
  const c = await payload.findByID({
    collection: 'complaints',
    id: caseId,
    depth: 0,
    joins: false,
    overrideAccess: true,
  })
  const [letters, events] = await Promise.all([
    payload.find({
      collection: 'letters',
      where: { complaint: { equals: caseId } },
      sort: 'createdAt',
      depth: 0,
      pagination: false,
      select: { purpose: true, createdAt: true },
      overrideAccess: true,
    }),
    payload.find({
      collection: 'case-events',
      where: { complaint: { equals: caseId } },
      sort: 'at',
      depth: 0,
      pagination: false,
      select: { type: true, actorKind: true, actor: true, data: true, at: true },
      overrideAccess: true,
    }),
  ])

  // Names of the staff the complainant's timeline names: handlers assigned to the case, never the staff involved.
  const handlerIds = new Set<string>()
  const currentHandler = relId(c.assignedHandler)
  if (currentHandler) handlerIds.add(currentHandler)
  for (const e of events.docs)
    if (e.type === 'handler_assigned') {
      const handler = (e.data as { handler?: unknown } | null)?.handler
      if (typeof handler === 'string') handlerIds.add(handler)
    }
  const staff = handlerIds.size
    ? await payload.find({
        collection: 'users',
        where: { id: { in: [...handlerIds] } },
        depth: 0,
        pagination: false,
        select: { name: true },
        overrideAccess: true,
      })
    : { docs: [] }
  const staffNames = new Map(staff.docs.map((u) => [String(u.id), u.name ?? '']))

  const hearingLetters = letters.docs.filter(
    (l) => l.purpose === 'hearing_invitation' || l.purpose === 'hearing_cancellation',
  )
  const invited = hearingLetters.at(-1)?.purpose === 'hearing_invitation'
  let hearing: ComplainantCaseView['hearing'] = null
  if (invited && c.hearing?.at) {
    const settings = await payload.findGlobal({ slug: 'settings', overrideAccess: true, depth: 0 })
    const cancellations = hearingLetters.filter((l) => l.purpose === 'hearing_cancellation').length
    const handlerName = currentHandler ? staffNames.get(currentHandler) : undefined
    hearing = {
      at: c.hearing.at,
      atLabel: `${formatDutchDate(c.hearing.at)} om ${formatDutchTime(c.hearing.at)}`,
      place: c.hearing.place ?? '',
      // The same UID and SEQUENCE as the invitation's file (hooks/letters/prepareLetter.ts).
      ics: calendarFile({
        uid: `gesprek-${c.id}${cancellations > 0 ? `-${cancellations + 1}` : ''}@klachtenportaal.workingprogression.nl`,
        sequence: hearingLetters.length - 1,
        start: new Date(c.hearing.at),
        durationMinutes: c.hearing.durationMinutes ?? 60,
        stamp: now,
        summary: `Gesprek over uw klacht ${c.reference ?? ''}`.trim(),
        location: c.hearing.place ?? '',
        description: `Gesprek over uw klacht (artikel 6 van het klachtenreglement van ${settings.organisationName}). Kenmerk: ${c.reference ?? ''}.${handlerName ? ` Met ${handlerName}.` : ''}`,
        organizer: settings.contactEmail ? { name: settings.organisationName, email: settings.contactEmail } : null,
      }),
    }
  }

  const handlerName = currentHandler ? staffNames.get(currentHandler) : undefined
  const open = isOpen(c.status)
  const ended = c.status === 'closed' || isEnding(c.status)
  return {
    reference: c.reference ?? '',
    receivedOn: formatDutchDate(c.receivedAt),
    status: { code: c.status, ...LABELS[c.status], ...nextStep(c, now) },
    handler: handlerName ? { name: handlerName } : null,
    hearing,
    letters: letters.docs
      .filter((l) => isComplainantLetter(l.purpose))
      .map((l) => ({
        id: String(l.id),
        kind: l.purpose as LetterKind,
        label: LETTER_KIND_DEFINITIONS[l.purpose as LetterKind].label,
        date: formatDutchDate(l.createdAt),
      })),
    writtenVersion: c.channel === 'web' ? null : complaintAsFormulated(c) || null,
    timeline: events.docs
      .map((e) => describeForComplainant(e as unknown as StoredEvent, { staffNames }))
      .filter((line): line is ComplainantLine => line !== null),
    canDo: {
      addInformation: open,
      correctWrittenVersion: open && c.channel !== 'web',
      requestHearing: open && !c.hearing?.requestedBy && !c.hearing?.at,
      requestTravelCosts: open && !c.hearing?.travelCostRequested,
      withdraw: open,
      survey: ended && !c.survey?.submittedAt,
    },
  }
}
