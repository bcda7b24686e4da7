import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import type { Complaint, Setting } from '../../../cms/payload-types'
import { CASE_FILE_TABS } from '../../../collections/Complaints/fields/caseFile'
import { expertOf } from '../../letters/placeholders'
import type { LetterKind } from '../../letters/kinds'
import { LETTER_FOR_STATUS } from '../../letters/prepareLetter'
import { unpostedLettersOf } from '../../letters/unposted'
import { relId } from '../../relations'
import { computeDeadlines, endOfDay } from '../deadlines'
import { changedPaths, fieldPathsOf, systemFieldsChanged } from '../workflow/changes'
import { checkClosingLetters } from '../workflow/closing'
import { needsHandlerChangeLetter } from '../workflow/handlerChange'
import { checkHearingReport } from '../workflow/hearingReport'
import { mergeCase, typedValues } from '../workflow/mergeCase'
import { stashChanges } from '../workflow/pendingChanges'
import { checkGround, planAssignment, planCreate, planTakeOver } from '../workflow/plan/assignment'
import { planClosed, planFrozen } from '../workflow/plan/frozen'
import { needsHearingHistory, planDelayNotice, planHearingLetters } from '../workflow/plan/letters'
import type { Refusal } from '../workflow/plan/refusal'
import { planTransition } from '../workflow/plan/transition'
import { toSnapshot } from '../workflow/snapshot'
import { fieldsBeyond, systemOperationOf } from '../workflow/systemOperations'
import { isEnding } from '../workflow/transitions'
import { composeLetters } from './composeLetters'
import { byComplainant, clockOf, countUwvNotifications, handlerMayHandle, letterHistory, personOf } from './load'

const fail = (errors: Refusal[], req: PayloadRequest): never => {
  throw new ValidationError({ collection: 'complaints', errors, req }, req.t)
}

/**
 * The one gate of the case workflow (DOMAIN.md), for the admin, REST, GraphQL and the Local API
 * with or without a user: the pure planners of workflow/plan/ decide; this hook only reads what
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
  const mayHandle = (id: string | null) => handlerMayHandle(req, id)

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
    errors.push(...checkHearingReport({ before: null, next: incoming, now }))
    if (errors.length > 0) fail(errors, req)
    return incoming
  }
  if (!originalDoc) return incoming

  const system = systemOperationOf(context)
  if (system) {
    const beyond = fieldsBeyond(system, incoming, originalDoc as unknown as Record<string, unknown>)
    if (beyond.length > 0) throw new Error(`System operation ${system} may not write ${beyond.join(', ')}`)
    return incoming
  }

  // What only the system writes (the bookkeeping of letters and deadlines) no other write changes.
  const bookkeeping = systemFieldsChanged(incoming, originalDoc as unknown as Record<string, unknown>)
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
    data,
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
    errors.push(
      ...planTransition({
        person,
        from,
        to,
        handlerBefore,
        next,
        uwvNotified,
        complainant: byComplainant(context, req, originalDoc.id),
      }),
    )
    if (to === 'closed')
      errors.push(...checkClosingLetters({ from, to, unposted: await unpostedLettersOf(req, originalDoc.id) }))
  }
  errors.push(...checkHearingReport({ before: originalDoc, next, now }))
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
  // Decision 19: the retention term counts from the closing, written in the same save.
  if (to !== from && to === 'closed')
    result.privacy = { ...originalDoc.privacy, ...data.privacy, closedAt: now.toISOString() }

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
  // Art. 3, Decision 8: a new written version (recordWrittenVersion) goes to the complainant to correct;
  // a version the complainant corrected themselves is theirs already (the handler is told instead).
  if (changed.includes('writtenVersion.versions') && !byComplainant(context, req, originalDoc.id))
    kinds.push('written_version')
  if (needsHandlerChangeLetter({ handlerBefore, handlerAfter, to, issued: history.issued }))
    kinds.push('handler_change')

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

  const full = mergeCase(next, result) as Complaint
  const letterErrors = await composeLetters({
    req,
    now,
    originalDoc,
    full,
    kinds,
    corrected,
    reason,
    callOff: hearing.callOff,
    settings,
  })
  if (letterErrors.length > 0) fail(letterErrors, req)
  return result
}
