import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import type { Complaint, Setting } from '../../cms/payload-types'
import { hasRole } from '../../collections/access/roles'
import { expertOf } from '../letters/placeholders'
import type { Addressee, PreparedLetter } from '../letters/issueLetter'
import type { LetterKind } from '../letters/kinds'
import { stashLetters } from '../letters/pendingLetters'
import { LETTER_FOR_STATUS, prepareLetter } from '../letters/prepareLetter'
import { civilDateIn, computeDeadlines, endOfDay } from './deadlines'
import { checkIndependence, missingRequirements } from './workflow/requirements'
import { relId, toSnapshot } from './workflow/snapshot'
import { STATUS_LABELS } from './workflow/statuses'
import { canTransition, isEnding } from './workflow/transitions'

/**
 * The one gate of the case workflow (DOMAIN.md), for the admin, the REST API and the Local API
 * alike: a status changes only along the table, by whom the table allows, and only when what the
 * regulation requires is recorded; the handler is never someone involved (Art. 4). A refusal is a
 * Dutch message at the field that needs attention.
 */
export const enforceWorkflow: CollectionBeforeChangeHook<Complaint> = async ({ context, data: incoming, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return incoming
  // Trusted bookkeeping (e.g. recording when a letter was sent) changes no workflow field.
  if (context.workflowBookkeeping) return incoming

  let data = incoming
  let next: Partial<Complaint> = mergeCase(originalDoc, data)
  // Trusted: the day mode, the UWV contact and the organisation's details are admin settings. Read
  // fresh (a workflow save is rare, and a letter must show today's details), and at most once.
  let settingsRead: Promise<Setting> | undefined
  const settings = () => (settingsRead ??= req.payload.findGlobal({ slug: 'settings', overrideAccess: true, req, depth: 0 }))
  const errors: { path: string; message: string }[] = []
  const user = req.user?.collection === 'users' ? req.user : null

  const handlerBefore = relId(originalDoc.assignedHandler)
  const handlerAfter = relId(next.assignedHandler)

  // A handler (not a manager) may touch a new, unassigned complaint only to take it themselves. The admin role adds nothing (Decision 15).
  if (user && !handlerBefore && !hasRole(user, 'manager')) {
    if (handlerAfter !== user.id) {
      throw new ValidationError({
        collection: 'complaints',
        errors: [{ path: 'assignedHandler', message: 'Neem de klacht eerst zelf over: kies uzelf als behandelaar en sla op.' }],
        req,
      }, req.t)
    }
    const independence = checkIndependence(user.id, toSnapshot(originalDoc, false).involvedStaff)
    if (!independence.ok) throw new ValidationError({ collection: 'complaints', errors: [{ path: 'assignedHandler', message: independence.message }], req }, req.t)
    if ((data.status ?? originalDoc.status) !== originalDoc.status) {
      throw new ValidationError({
        collection: 'complaints',
        errors: [{ path: 'status', message: 'Neem de klacht eerst over: sla op met uzelf als behandelaar. Daarna kunt u de status wijzigen.' }],
        req,
      }, req.t)
    }
    // Their form showed the case file's tabs empty (they could not read them yet): what they typed
    // there is kept; the blanks of what they could not see never overwrite the case, and the
    // complaint as registered is not theirs to change blind. From here on it is their case.
    const { id: _id, createdAt: _c, updatedAt: _u, messages: _m, timeline: _t, letters: _l, ...unchanged } = originalDoc
    const tabs = Object.fromEntries(CASE_FILE_TABS.filter((tab) => tab in incoming).map((tab) => [tab, incoming[tab]]))
    const typed = typedValues(tabs, originalDoc as unknown as Record<string, unknown>) as Partial<Complaint>
    data = mergeCase(unchanged, { ...typed, assignedHandler: user.id })
    next = mergeCase(originalDoc, data)
  }
  const involved = toSnapshot(next, false).involvedStaff
  if (handlerAfter && (handlerAfter !== handlerBefore || involved.join() !== toSnapshot(originalDoc, false).involvedStaff.join())) {
    const independence = checkIndependence(handlerAfter, involved)
    if (!independence.ok) errors.push({ path: handlerAfter !== handlerBefore ? 'assignedHandler' : 'involvedStaff', message: independence.message })
  }
  if (handlerBefore && handlerAfter !== handlerBefore && user && !hasRole(user, 'manager')) {
    // Issue 8: managers assign; a handler hands a case on through a manager.
    errors.push({ path: 'assignedHandler', message: 'Alleen een manager kan een klacht aan een andere behandelaar geven.' })
  }
  if (handlerAfter && handlerAfter !== handlerBefore) {
    // Trusted read: whether the new handler holds a role that may handle cases.
    const candidate = await req.payload.findByID({ collection: 'users', id: handlerAfter, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!candidate || !hasRole({ collection: 'users', roles: candidate.roles }, 'handler', 'manager')) {
      errors.push({ path: 'assignedHandler', message: 'Kies een medewerker met de rol klachtbehandelaar of manager.' })
    }
  }

  const from = originalDoc.status
  const to = next.status ?? from
  if (to !== from) {
    const actor = { userId: user?.id ?? null, isManager: hasRole(user, 'manager'), isAdmin: hasRole(user, 'admin') }
    // Without a user the caller is trusted server code; the table and the requirements still apply.
    const allowed = user ? canTransition(from, to, actor, handlerBefore) : canTransition(from, to, { userId: null, isManager: true, isAdmin: false }, handlerBefore)
    if (!allowed.ok) errors.push({ path: 'status', message: allowed.reason })
    else {
      const { totalDocs } = await req.payload.count({
        collection: 'case-events',
        where: { and: [{ complaint: { equals: originalDoc.id } }, { type: { equals: 'uwv_notification_queued' } }] },
        overrideAccess: true,
        req,
      })
      // Queued at registration; when no labour expert was known then, the next save queues it (recordCaseChanges).
      const uwvNotified = totalDocs > 0 || Boolean(expertOf(next as Complaint, await settings())?.email)
      const missing = missingRequirements(to, toSnapshot(next, uwvNotified))
      errors.push(...missing)
      if (missing.length > 0) {
        errors.push({
          path: 'status',
          message: `Nog niet naar "${STATUS_LABELS[to].nl}": vul eerst in wat hieronder gemarkeerd is (${missing.length}).`,
        })
      }
    }
  }
  if (errors.length > 0) throw new ValidationError({ collection: 'complaints', errors, req }, req.t)

  const result: Partial<Complaint> = { ...data }
  if (to !== from && to === 'acknowledged') {
    // Art. 7 note: the term stated in the acknowledgement becomes the decision target (never past six weeks).
    const weeks = next.acknowledgement?.statedTermWeeks ?? 4
    const deadlines = computeDeadlines(new Date(originalDoc.receivedAt), (await settings()).dayMode ?? 'calendar', weeks)
    result.deadlines = { ...originalDoc.deadlines, decisionTargetBy: deadlines.decisionTargetBy }
  }
  if (to !== from && isEnding(to)) {
    result.endedAt = new Date().toISOString()
    result.endedAs = to
  }

  // Art. 7 note: a delay notice moves the decision target, never past the six-week limit.
  const delay = next.delayNotice
  const delayChanged = delay?.newTargetDate !== originalDoc.delayNotice?.newTargetDate || delay?.reason !== originalDoc.delayNotice?.reason
  // Only the save that issues it sends the notice: later saves carry the stored issuedAt along.
  let delayIssuedNow = false
  if (delayChanged && (delay?.newTargetDate || delay?.reason)) {
    const problems = checkDelayNotice(next, new Date())
    if (problems.length > 0) throw new ValidationError({ collection: 'complaints', errors: problems, req }, req.t)
    if (delay?.newTargetDate) {
      result.deadlines = { ...originalDoc.deadlines, ...result.deadlines, decisionTargetBy: endOfDay(delay.newTargetDate) }
      // A new date is a new notice; correcting the reason of a notice already sent sends nothing.
      if (delay.newTargetDate !== originalDoc.delayNotice?.newTargetDate || !originalDoc.delayNotice?.issuedAt) {
        result.delayNotice = { ...delay, issuedAt: new Date().toISOString() }
        delayIssuedNow = true
      }
    }
  }

  // The letters this save issues, composed now: a letter with an empty required part refuses the save.
  const hearing = next.hearing
  const kinds: LetterKind[] = []
  if (delayIssuedNow) kinds.push('delay_notice')
  const statusLetter = to !== from ? LETTER_FOR_STATUS[to] : undefined
  if (statusLetter) kinds.push(statusLetter)
  const hearingErrors: { path: string; message: string }[] = []
  if (hearing?.sendInvitation) {
    if (to === 'received' || to === 'acknowledged') kinds.push('hearing_invitation')
    else hearingErrors.push({ path: 'hearing.sendInvitation', message: 'Een uitnodiging voor een gesprek kan alleen bij een klacht die nog in behandeling is.' })
  }
  if (hearing?.sendReport) {
    if (to !== 'closed') kinds.push('hearing_report')
    else hearingErrors.push({ path: 'hearing.sendReport', message: 'Deze klacht is afgesloten; er gaan geen brieven meer uit.' })
  }
  if (hearing?.sendAgreements) {
    if (to !== 'closed') kinds.push('agreements_confirmation')
    else hearingErrors.push({ path: 'hearing.sendAgreements', message: 'Deze klacht is afgesloten; er gaan geen brieven meer uit.' })
  }
  // The latest hearing letter tells where the complainant stands: invited (and still expected),
  // called off, or heard (the report went out). A case may have more than one hearing.
  let latestRead: Promise<string | undefined> | undefined
  const latestHearingLetter = () =>
    (latestRead ??= req.payload
      .find({
        collection: 'letters',
        where: { and: [{ complaint: { equals: originalDoc.id } }, { purpose: { in: ['hearing_invitation', 'hearing_cancellation', 'hearing_report'] } }] },
        sort: '-createdAt',
        limit: 1,
        depth: 0,
        pagination: false,
        select: { purpose: true },
        overrideAccess: true,
        req,
      })
      .then((r) => r.docs[0]?.purpose))
  const invitationStands = async () => (await latestHearingLetter()) === 'hearing_invitation'
  const open = to === 'received' || to === 'acknowledged'
  const invitedAt = originalDoc.hearing?.at
  // Art. 6: a hearing the complainant was invited to that will not take place — its date cleared, or
  // the case ended before it — is called off in writing, and its calendar entry is removed. A
  // hearing with a report took place, whatever date it carries.
  const callOff = Boolean(
    invitedAt &&
      new Date(invitedAt) > new Date() &&
      ((open && !hearing?.at) || (to !== from && isEnding(to))) &&
      !hearing?.sendReport &&
      (await invitationStands()),
  )
  const hearingMoved = Boolean(hearing?.at) && (hearing?.at !== originalDoc.hearing?.at || (hearing?.place ?? '') !== (originalDoc.hearing?.place ?? ''))
  if (hearingMoved && !hearing?.sendInvitation && open) {
    // The complainant was invited for another moment or place: they must hear of the change.
    if (await invitationStands()) {
      hearingErrors.push({
        path: 'hearing.sendInvitation',
        message: 'De klager is al uitgenodigd voor een ander moment of een andere plaats. Vink aan dat de klager een nieuwe uitnodiging krijgt, dan schuift de afspraak in zijn agenda mee.',
      })
    }
  }
  if (hearingErrors.length > 0) throw new ValidationError({ collection: 'complaints', errors: hearingErrors, req }, req.t)
  if (hearing?.sendInvitation || hearing?.sendReport || hearing?.sendAgreements) {
    // Actions, not state: the boxes are empty again after the save.
    result.hearing = { ...hearing, sendInvitation: false, sendReport: false, sendAgreements: false }
  }
  if (callOff) kinds.push('hearing_cancellation')
  if (kinds.length > 0) {
    const full = mergeCase(next, result) as Complaint
    const letters: { kind: LetterKind; to?: Addressee; about?: Complaint }[] = kinds.map((kind) =>
      // The cancellation names the hearing as the complainant was invited to it.
      kind === 'hearing_cancellation' ? { kind, about: { ...full, hearing: { ...full.hearing, at: invitedAt, place: originalDoc.hearing?.place, durationMinutes: originalDoc.hearing?.durationMinutes } } } : { kind },
    )
    if (kinds.includes('hearing_report')) {
      // Art. 6.3: the report goes for signature to those involved: every other attendee with an address.
      for (const attendee of full.hearing?.attendees ?? []) {
        if (attendee.role !== 'complainant' && attendee.role !== 'handler' && attendee.email) {
          letters.push({ kind: 'hearing_report_attendee', to: { name: attendee.name, email: attendee.email } })
        }
      }
    }
    const prepared: PreparedLetter[] = []
    const letterErrors: { path: string; message: string }[] = []
    for (const { kind, to: addressee, about } of letters) {
      const letter = await prepareLetter(kind, about ?? full, await settings(), req, new Date(), addressee)
      if (letter.ok) prepared.push(letter.letter)
      else if (!letterErrors.some((e) => e.path === letter.errors[0]?.path)) letterErrors.push(...letter.errors)
    }
    if (letterErrors.length > 0) throw new ValidationError({ collection: 'complaints', errors: letterErrors, req }, req.t)
    // Issued after the save (recordCaseChanges), exactly as composed here.
    stashLetters(req, originalDoc.id, { letters: prepared, settings: await settings() })
  }
  return result
}

/** The tabs of the case file a handler works in (collections/Complaints.ts). */
const CASE_FILE_TABS = ['acknowledgement', 'nonAdmission', 'decision', 'informal', 'delayNotice', 'hearing', 'withdrawal'] as const

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
const isBlank = (v: unknown) => v === null || v === undefined || v === false || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)

/** The values someone typed into a form that showed them the case without its hidden fields: non-blank and changed. */
export function typedValues(data: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown> {
  const typed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    const before = original[key]
    if (isPlainObject(value)) {
      const inner = typedValues(value, isPlainObject(before) ? before : {})
      if (Object.keys(inner).length > 0) typed[key] = inner
    } else if (!isBlank(value) && JSON.stringify(value) !== JSON.stringify(before)) {
      typed[key] = value
    }
  }
  return typed
}

/** The case as it will be saved: groups (the tabs) merged field by field, so a partial update keeps the rest. */
export function mergeCase(base: Partial<Complaint>, changes: Partial<Complaint>): Partial<Complaint> {
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(changes)) {
    const before = merged[key]
    const isGroup = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
    merged[key] = isGroup(value) && isGroup(before) ? { ...(before as object), ...(value as object) } : value
  }
  return merged as Partial<Complaint>
}

/** What a delay notice needs (Art. 7 note): an open case, a reason, and a new date before the six-week limit. */
export function checkDelayNotice(c: Partial<Complaint>, now: Date): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  const delay = c.delayNotice
  if (c.status !== 'received' && c.status !== 'acknowledged') {
    problems.push({ path: 'delayNotice.newTargetDate', message: 'Een verdagingsbericht kan alleen bij een klacht die nog in behandeling is.' })
    return problems
  }
  if (!delay?.reason?.trim()) problems.push({ path: 'delayNotice.reason', message: 'Vermeld de reden van de verdaging (art. 7, toelichting).' })
  const date = delay?.newTargetDate?.trim()
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    problems.push({ path: 'delayNotice.newTargetDate', message: 'Vul de nieuwe datum in, zoals 2026-12-18.' })
  } else if (date <= civilDateIn(now)) {
    problems.push({ path: 'delayNotice.newTargetDate', message: 'De nieuwe datum moet na vandaag liggen.' })
  } else if (c.deadlines?.decisionLimitBy && date > civilDateIn(new Date(c.deadlines.decisionLimitBy))) {
    problems.push({
      path: 'delayNotice.newTargetDate',
      message: 'De beslissing mag nooit later komen dan zes weken na ontvangst (art. 7). Kies een datum tot en met de uiterste datum.',
    })
  }
  return problems
}
