import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import type { Complaint, Setting } from '../../cms/payload-types'
import { hasRole } from '../../collections/access/roles'
import { CASE_FILE_TABS } from '../../collections/Complaints/fields/caseFile'
import { CASE_LETTER_TASK } from '../letters/retryLetter'
import { expertOf } from '../letters/placeholders'
import type { Addressee, PreparedLetter } from '../letters/issueLetter'
import type { LetterKind } from '../letters/kinds'
import { stashLetters } from '../letters/pendingLetters'
import { asCorrection } from '../letters/compose'
import { LETTER_FOR_STATUS, prepareLetter } from '../letters/prepareLetter'
import { computeDeadlines, endOfDay } from './deadlines'
import { changedPaths, fieldPathsOf, systemFieldsChanged } from './workflow/changes'
import { stashChanges } from './workflow/pendingChanges'
import {
  type Person,
  type Refusal,
  checkGround,
  needsHearingHistory,
  planAssignment,
  planClosed,
  planCreate,
  planDelayNotice,
  planFrozen,
  planHearingLetters,
  planTakeOver,
  planTransition,
} from './workflow/plan'
import { relId } from '../relations'
import { toSnapshot } from './workflow/snapshot'
import { fieldsBeyond, systemOperationOf } from './workflow/systemOperations'
import { isEnding } from './workflow/transitions'

const fail = (errors: Refusal[], req: PayloadRequest): never => {
  throw new ValidationError({ collection: 'complaints', errors, req }, req.t)
}

/** `context.now` lets trusted code (and tests) judge by a clock of their own; a person always gets the real one. */
const clockOf = (context: Record<string, unknown>, req: PayloadRequest): Date =>
  typeof context.now === 'string' && !req.user ? new Date(context.now) : new Date()

/** Admins hold no case rights (Decision 15): a person is a manager or handler only by those roles. */
const personOf = (req: PayloadRequest): Person =>
  req.user?.collection === 'users'
    ? { id: String(req.user.id), isManager: hasRole(req.user, 'manager'), isHandler: hasRole(req.user, 'handler') }
    : null

/**
 * The one gate of the case workflow (DOMAIN.md), for the admin, REST, GraphQL and the Local API
 * with or without a user: the pure planners of workflow/plan.ts decide; this hook only reads what
 * they need, and turns their refusals into Dutch messages at the fields. Only the system operations
 * of workflow/systemOperations.ts pass by, each limited to the fields it owns.
 */
export const enforceWorkflow: CollectionBeforeChangeHook<Complaint> = async ({
  collection,
  context,
  data: incoming,
  operation,
  originalDoc,
  req,
}) => {
  const now = clockOf(context, req)
  const person = personOf(req)
  const mayHandle = async (id: string | null) => {
    if (!id) return null
    // Trusted read: whether the handler holds a role that may handle cases.
    const candidate = await req.payload.findByID({
      collection: 'users',
      id,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
      select: { roles: true },
    })
    return Boolean(candidate && hasRole({ collection: 'users', roles: candidate.roles }, 'handler', 'manager'))
  }

  if (operation === 'create') {
    const handler = relId(incoming.assignedHandler)
    const errors = planCreate({
      person,
      status: incoming.status,
      handler,
      involvedStaff: toSnapshot(incoming, false).involvedStaff,
      handlerMayHandle: await mayHandle(handler),
      ground: incoming.nonAdmission?.ground,
    })
    if (errors.length > 0) fail(errors, req)
    return incoming
  }
  if (!originalDoc) return incoming

  const system = systemOperationOf(context)
  if (system) {
    const beyond = fieldsBeyond(
      system,
      incoming as Record<string, unknown>,
      originalDoc as unknown as Record<string, unknown>,
    )
    if (beyond.length > 0) throw new Error(`System operation ${system} may not write ${beyond.join(', ')}`)
    return incoming
  }

  // What only the system writes (the bookkeeping of letters and deadlines) no other write changes.
  const bookkeeping = systemFieldsChanged(
    incoming as Record<string, unknown>,
    originalDoc as unknown as Record<string, unknown>,
  )
  if (bookkeeping.length > 0)
    fail(
      bookkeeping.map((path) => ({
        path,
        message: 'Dit houdt het portaal zelf bij; het verandert niet met de hand (besluit 16).',
      })),
      req,
    )

  let data = incoming
  let next: Partial<Complaint> = mergeCase(originalDoc, data)
  const handlerBefore = relId(originalDoc.assignedHandler)

  const takeOver = planTakeOver({
    person,
    handlerBefore,
    handlerAfter: relId(next.assignedHandler),
    involvedStaff: toSnapshot(originalDoc, false).involvedStaff,
    statusChanged: (data.status ?? originalDoc.status) !== originalDoc.status,
  })
  if (takeOver.errors.length > 0) fail(takeOver.errors, req)
  if (takeOver.take && person) {
    // Their form showed the case file's tabs empty (they could not read them yet): what they typed
    // there is kept; the blanks of what they could not see never overwrite the case, and the
    // complaint as registered is not theirs to change blind. From here on it is their case.
    const { id: _id, createdAt: _c, updatedAt: _u, messages: _m, timeline: _t, letters: _l, ...unchanged } = originalDoc
    const submitted = incoming as unknown as Record<string, unknown>
    const tabs = Object.fromEntries(
      CASE_FILE_TABS.filter((tab) => tab in submitted).map((tab) => [tab, submitted[tab]]),
    )
    const typed = typedValues(tabs, originalDoc as unknown as Record<string, unknown>) as Partial<Complaint>
    data = mergeCase(unchanged, { ...typed, assignedHandler: person.id })
    next = mergeCase(originalDoc, data)
  }

  const changed = changedPaths(
    data as Record<string, unknown>,
    originalDoc as unknown as Record<string, unknown>,
    fieldPathsOf(collection.flattenedFields),
  )
  const closed = planClosed(originalDoc.status, changed)
  if (closed.length > 0) fail(closed, req)

  const handlerAfter = relId(next.assignedHandler)
  const errors: Refusal[] = [
    ...checkGround(next.nonAdmission?.ground),
    ...planAssignment({
      person,
      handlerBefore,
      handlerAfter,
      involvedBefore: toSnapshot(originalDoc, false).involvedStaff,
      involvedAfter: toSnapshot(next, false).involvedStaff,
      handlerMayHandle: handlerAfter !== handlerBefore ? await mayHandle(handlerAfter) : null,
    }),
  ]

  // Trusted: the day mode, the UWV contact and the organisation's details are admin settings. Read
  // fresh (a workflow save is rare, and a letter must show today's details), and at most once.
  let settingsRead: Promise<Setting> | undefined
  const settings = () =>
    (settingsRead ??= req.payload.findGlobal({ slug: 'settings', overrideAccess: true, req, depth: 0 }))

  const from = originalDoc.status
  const to = next.status ?? from
  if (to !== from) {
    // Queued at registration; when no labour expert was known then, the next save queues it (recordCaseChanges).
    const uwvNotified =
      (await countUwvNotifications(req, originalDoc.id)) > 0 ||
      Boolean(expertOf(next as Complaint, await settings())?.email)
    errors.push(...planTransition({ person, from, to, handlerBefore, next, uwvNotified }))
  }
  if (errors.length > 0) fail(errors, req)

  const result: Partial<Complaint> = { ...data }
  if (to !== from && to === 'acknowledged') {
    // Art. 7 note: the term stated in the acknowledgement becomes the decision target (never past six weeks).
    const weeks = next.acknowledgement?.statedTermWeeks ?? 4
    const deadlines = computeDeadlines(
      new Date(originalDoc.receivedAt),
      (await settings()).dayMode ?? 'calendar',
      weeks,
    )
    result.deadlines = { ...originalDoc.deadlines, decisionTargetBy: deadlines.decisionTargetBy }
  }
  if (to !== from && isEnding(to)) {
    result.endedAt = now.toISOString()
    result.endedAs = to
  }

  const delay = planDelayNotice({ before: originalDoc, next, now })
  if (delay.errors.length > 0) fail(delay.errors, req)
  if (delay.decisionTargetBy) {
    result.deadlines = {
      ...originalDoc.deadlines,
      ...result.deadlines,
      decisionTargetBy: endOfDay(delay.decisionTargetBy),
    }
    if (delay.issue) result.delayNotice = { ...next.delayNotice, issuedAt: now.toISOString() }
  }

  // What the dossier already holds: the letters issued before this save (and any still queued to
  // be issued), read only when a save touches something a letter may have stated or the hearing.
  const history =
    changed.length > 0 || needsHearingHistory(originalDoc, next)
      ? await letterHistory(req, originalDoc.id)
      : { issued: new Set<LetterKind>(), latestHearing: undefined }

  const hearing = planHearingLetters({
    before: originalDoc,
    next,
    from,
    to,
    latestHearingLetter: history.latestHearing,
    now,
  })
  if (hearing.errors.length > 0) fail(hearing.errors, req)
  if (next.hearing?.sendInvitation || next.hearing?.sendReport || next.hearing?.sendAgreements) {
    // Actions, not state: the boxes are empty again after the save.
    result.hearing = { ...next.hearing, sendInvitation: false, sendReport: false, sendAgreements: false }
  }

  const kinds: LetterKind[] = []
  if (delay.issue) kinds.push('delay_notice')
  const statusLetter = to !== from ? LETTER_FOR_STATUS[to] : undefined
  if (statusLetter) kinds.push(statusLetter)
  kinds.push(...hearing.kinds.filter((kind) => kind !== 'hearing_cancellation'))

  // Decision 16: what a letter already stated changes only with a new letter of that kind.
  const reason = next.correction?.reason?.trim() ?? ''
  const frozen = planFrozen({
    person,
    changed,
    issued: history.issued,
    reissued: new Set(kinds),
    correctionReason: reason,
  })
  if (frozen.errors.length > 0) fail(frozen.errors, req)
  const corrected = frozen.correction
  const log = (originalDoc.correction?.log ?? []).map((entry) => ({ ...entry, by: relId(entry.by) as string }))
  if (corrected && person)
    log.push({ at: now.toISOString(), by: person.id, kinds: corrected.kinds, fields: corrected.fields, reason })
  result.correction = { reason: null, log }
  if (corrected) {
    if (corrected.fields.includes('acknowledgement.statedTermWeeks') && !originalDoc.delayNotice?.issuedAt) {
      const weeks = next.acknowledgement?.statedTermWeeks ?? 4
      const deadlines = computeDeadlines(
        new Date(originalDoc.receivedAt),
        (await settings()).dayMode ?? 'calendar',
        weeks,
      )
      result.deadlines = { ...originalDoc.deadlines, ...result.deadlines, decisionTargetBy: deadlines.decisionTargetBy }
    }
  }
  stashChanges(req, originalDoc.id, { fields: changed, correction: corrected })

  const letters: { kind: LetterKind; to?: Addressee; about?: Complaint; correction?: string }[] = kinds.map((kind) => ({
    kind,
  }))
  for (const kind of corrected?.kinds ?? []) letters.push({ kind, correction: reason })
  const full = mergeCase(next, result) as Complaint
  if (hearing.callOff) {
    // The cancellation names the hearing as the complainant was invited to it.
    const invited = {
      ...full.hearing,
      at: originalDoc.hearing?.at,
      place: originalDoc.hearing?.place,
      durationMinutes: originalDoc.hearing?.durationMinutes,
    }
    letters.push({ kind: 'hearing_cancellation', about: { ...full, hearing: invited } })
  }
  if (kinds.includes('hearing_report') || corrected?.kinds.includes('hearing_report')) {
    // Art. 6.3: the report goes for signature to those involved: every other attendee with an address.
    for (const attendee of full.hearing?.attendees ?? []) {
      if (attendee.role !== 'complainant' && attendee.role !== 'handler' && attendee.email) {
        letters.push({ kind: 'hearing_report_attendee', to: { name: attendee.name, email: attendee.email } })
      }
    }
  }
  if (letters.length > 0) {
    const prepared: PreparedLetter[] = []
    const letterErrors: Refusal[] = []
    for (const { kind, to: addressee, about, correction } of letters) {
      const letter = await prepareLetter(kind, about ?? full, await settings(), req, now, addressee)
      if (!letter.ok) {
        if (!letterErrors.some((e) => e.path === letter.errors[0]?.path)) letterErrors.push(...letter.errors)
      } else
        prepared.push(
          correction
            ? { ...letter.letter, message: asCorrection(letter.letter.message, correction), correction: true }
            : letter.letter,
        )
    }
    if (letterErrors.length > 0) fail(letterErrors, req)
    // Issued after the save (recordCaseChanges), exactly as composed here.
    stashLetters(req, originalDoc.id, { letters: prepared, settings: await settings() })
  }
  return result
}

export async function countUwvNotifications(req: PayloadRequest, complaint: string): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'case-events',
    where: { and: [{ complaint: { equals: complaint } }, { type: { equals: 'uwv_notification_queued' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

type HearingPurpose = 'hearing_invitation' | 'hearing_cancellation' | 'hearing_report'
const HEARING_PURPOSES = new Set<string>(['hearing_invitation', 'hearing_cancellation', 'hearing_report'])

/** The kinds of letter the case's dossier holds or a retry job will still issue, and its latest hearing letter. */
async function letterHistory(
  req: PayloadRequest,
  complaint: string,
): Promise<{ issued: Set<LetterKind>; latestHearing: HearingPurpose | undefined }> {
  // Trusted reads of the dossier's own bookkeeping (no personal data is read).
  const [{ docs }, { docs: jobs }] = await Promise.all([
    req.payload.find({
      collection: 'letters',
      where: { complaint: { equals: complaint } },
      sort: 'createdAt',
      depth: 0,
      pagination: false,
      select: { purpose: true },
      overrideAccess: true,
      req,
    }),
    req.payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: CASE_LETTER_TASK } },
          { 'input.complaintId': { equals: complaint } },
          { completedAt: { exists: false } },
        ],
      },
      depth: 0,
      pagination: false,
      select: { input: true },
      overrideAccess: true,
      req,
    }),
  ])
  const issued = new Set<LetterKind>(docs.map((d) => d.purpose).filter((p): p is LetterKind => p !== 'system'))
  for (const job of jobs) {
    const kind = (job.input as { letter?: { kind?: LetterKind } } | undefined)?.letter?.kind
    if (kind) issued.add(kind)
  }
  const hearingLetters = docs.filter((d) => HEARING_PURPOSES.has(d.purpose))
  return { issued, latestHearing: hearingLetters.at(-1)?.purpose as HearingPurpose | undefined }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
const isBlank = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === false ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0)

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
    merged[key] = isPlainObject(value) && isPlainObject(before) ? { ...before, ...value } : value
  }
  return merged as Partial<Complaint>
}

export { checkDelayNotice } from './workflow/plan'
