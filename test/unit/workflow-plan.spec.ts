import { flattenAllFields } from 'payload'
import { describe, expect, it } from 'vitest'

import type { Complaint } from '../../cms/payload-types'
import { EVENT_DATA } from '../../hooks/caseEvents/eventData'
import { CASE_EVENT_TYPES } from '../../hooks/caseEvents/eventTypes'
import { Complaints } from '../../collections/Complaints'
import { changedPaths, fieldPathsOf, systemFieldsChanged } from '../../hooks/complaints/workflow/changes'
import { FROZEN_BY_LETTER, frozenBy } from '../../hooks/complaints/workflow/frozen'
import { checkGround, planAssignment, planCreate, planTakeOver } from '../../hooks/complaints/workflow/plan/assignment'
import { planClosed, planFrozen } from '../../hooks/complaints/workflow/plan/frozen'
import { planDelayNotice, planHearingLetters } from '../../hooks/complaints/workflow/plan/letters'
import type { Person } from '../../hooks/complaints/workflow/plan/refusal'
import { planTransition } from '../../hooks/complaints/workflow/plan/transition'
import { fieldsBeyond, systemOperationOf } from '../../hooks/complaints/workflow/systemOperations'
import type { LetterKind } from '../../hooks/letters/kinds'
import { checkPostingDate } from '../../hooks/letters/postingDate'

const handler: Person = { id: 'h1', isManager: false, isHandler: true }
const otherHandler: Person = { id: 'h2', isManager: false, isHandler: true }
const manager: Person = { id: 'm1', isManager: true, isHandler: false }
const paths = (errors: { path: string }[]) => errors.map((e) => e.path)
const NOW = new Date('2026-12-01T12:00:00Z')

describe('planCreate: Art. 4 and the handler role when a complaint is recorded', () => {
  it.each([
    ['an independent handler', manager, 'h1', [], true, []],
    ['unassigned', handler, null, [], null, []],
    ['a handler taking it themselves', handler, 'h1', [], true, []],
    ['Art. 4: the handler is recorded as involved', manager, 'h1', ['h1'], true, ['assignedHandler']],
    ['a handler giving it to someone else', handler, 'h2', [], true, ['assignedHandler']],
    ['someone without the handler or manager role', manager, 'e1', [], false, ['assignedHandler']],
    ['trusted code: Art. 4 holds too', null, 'h1', ['h1'], true, ['assignedHandler']],
  ] as const)('%s', (_, person, assigned, involved, mayHandle, expected) => {
    expect(
      paths(
        planCreate({
          person,
          status: undefined,
          handler: assigned,
          involvedStaff: [...involved],
          handlerMayHandle: mayHandle,
        }),
      ),
    ).toEqual(expected)
  })

  it('a new complaint starts as received', () => {
    expect(
      paths(planCreate({ person: null, status: 'decided', handler: null, involvedStaff: [], handlerMayHandle: null })),
    ).toEqual(['status'])
    expect(
      planCreate({ person: null, status: 'received', handler: null, involvedStaff: [], handlerMayHandle: null }),
    ).toEqual([])
  })
})

describe('checkGround: Art. 8.5 knows two grounds', () => {
  it.each([
    ['already_subject', []],
    ['insufficient_interest', []],
    [null, []],
    ['', []],
    ['other', ['nonAdmission.ground']],
    ['ALREADY_SUBJECT', ['nonAdmission.ground']],
  ] as const)('%s', (ground, expected) => {
    expect(paths(checkGround(ground))).toEqual(expected)
  })
})

describe('planTakeOver: a handler takes a new case for themselves, then moves it', () => {
  it.each([
    ['takes it', handler, null, 'h1', [], false, true, []],
    ['tries to give it to someone else', handler, null, 'h2', [], false, false, ['assignedHandler']],
    ['saves without taking it', handler, null, null, [], false, false, ['assignedHandler']],
    ['Art. 4: is involved', handler, null, 'h1', ['h1'], false, false, ['assignedHandler']],
    ['takes it and moves it at once', handler, null, 'h1', [], true, false, ['status']],
    ['a manager needs no take-over', manager, null, 'h1', [], true, false, []],
    ['an assigned case is no take-over', handler, 'h1', 'h1', [], false, false, []],
    ['trusted code takes nothing', null, null, 'h1', [], false, false, []],
  ] as const)('%s', (_, person, before, after, involved, statusChanged, take, expected) => {
    const plan = planTakeOver({
      person,
      handlerBefore: before,
      handlerAfter: after,
      involvedStaff: [...involved],
      statusChanged,
    })
    expect([plan.take, paths(plan.errors)]).toEqual([take, expected])
  })
})

describe('planAssignment: Art. 4 on every assignment; only a manager reassigns', () => {
  it.each([
    ['a manager assigns an independent handler', manager, null, 'h1', [], [], true, []],
    ['Art. 4: assigning someone involved', manager, null, 'h1', [], ['h1'], true, ['assignedHandler']],
    ['Art. 4: recording the handler as involved later', manager, 'h1', 'h1', [], ['h1'], null, ['involvedStaff']],
    ['a handler hands the case on', handler, 'h1', 'h2', [], [], true, ['assignedHandler']],
    ['a manager reassigns', manager, 'h1', 'h2', [], [], true, []],
    ['the new handler lacks the role', manager, 'h1', 'e1', [], [], false, ['assignedHandler']],
    ['nothing changes', otherHandler, 'h1', 'h1', [], [], null, []],
  ] as const)('%s', (_, person, before, after, involvedBefore, involvedAfter, mayHandle, expected) => {
    expect(
      paths(
        planAssignment({
          person,
          handlerBefore: before,
          handlerAfter: after,
          involvedBefore: [...involvedBefore],
          involvedAfter: [...involvedAfter],
          handlerMayHandle: mayHandle,
        }),
      ),
    ).toEqual(expected)
  })
})

const complete: Partial<Complaint> = {
  status: 'received',
  assignedHandler: 'h1',
  complaintText: 'Een klacht.',
  conduct: { when: 'date', date: '2026-11-02' },
  acknowledgement: { factsSummary: 'Feiten.', statedTermWeeks: 4 },
}

describe('planTransition: the table and its requirements, for people and for trusted code', () => {
  it.each([
    ['the assigned handler acknowledges', handler, 'received', 'acknowledged', []],
    ['another handler may not', otherHandler, 'received', 'acknowledged', ['status']],
    ['a manager may', manager, 'received', 'acknowledged', []],
    ['trusted code may, along the table', null, 'received', 'acknowledged', []],
    ['nobody jumps received → decided', null, 'received', 'decided', ['status']],
    ['nobody leaves closed', null, 'closed', 'acknowledged', ['status']],
    ['no change is no transition', handler, 'received', 'received', []],
  ] as const)('%s', (_, person, from, to, expected) => {
    expect(
      paths(
        planTransition({ person, from, to, handlerBefore: 'h1', next: { ...complete, status: to }, uwvNotified: true }),
      ),
    ).toEqual(expected)
  })

  it('Art. 5: what is missing is named at its field, with a summary at the status', () => {
    const errors = planTransition({
      person: handler,
      from: 'received',
      to: 'acknowledged',
      handlerBefore: 'h1',
      next: { ...complete, acknowledgement: {} },
      uwvNotified: false,
    })
    expect(paths(errors)).toEqual([
      'acknowledgement.factsSummary',
      'acknowledgement.statedTermWeeks',
      'uwvLabourExpert.email',
      'status',
    ])
  })
})

describe('planClosed: Decision 16, a closed case changes no more', () => {
  it.each([
    ['closed, a field changed', 'closed', ['complainant.phone'], ['complainant.phone']],
    ['closed, the status changed (the table answers that)', 'closed', ['status'], []],
    ['closed, nothing changed', 'closed', [], []],
    ['decided, a field changed', 'decided', ['decision.followUpAction'], []],
  ] as const)('%s', (_, status, changed, expected) => {
    expect(paths(planClosed(status, [...changed]))).toEqual(expected)
  })
})

describe('planFrozen: Decision 16, what a letter stated changes only with a new letter', () => {
  const issued = new Set<LetterKind>(['acknowledgement', 'decision'])
  it.each([
    ['a part no letter stated yet', handler, ['informal.oralAnswer'], new Set<LetterKind>(), '', null, []],
    [
      'contact details stay editable',
      handler,
      ['complainant.phone', 'categories'],
      new Set<LetterKind>(),
      '',
      null,
      [],
    ],
    [
      'a handler changes the outcome',
      handler,
      ['decision.outcome'],
      new Set<LetterKind>(),
      '',
      null,
      ['decision.outcome'],
    ],
    [
      'trusted code changes the facts',
      null,
      ['acknowledgement.factsSummary'],
      new Set<LetterKind>(),
      'reden',
      null,
      ['acknowledgement.factsSummary'],
    ],
    [
      'a manager without a reason',
      manager,
      ['decision.outcome'],
      new Set<LetterKind>(),
      '  ',
      null,
      ['correction.reason', 'decision.outcome'],
    ],
    [
      'a manager with a reason corrects',
      manager,
      ['decision.outcome', 'decision.remedy'],
      new Set<LetterKind>(),
      'Verkeerd.',
      ['decision'],
      [],
    ],
    [
      'a reason without a correction',
      manager,
      ['complainant.phone'],
      new Set<LetterKind>(),
      'Verkeerd.',
      null,
      ['correction.reason'],
    ],
    [
      'a letter of the kind goes out again in this save',
      handler,
      ['decision.outcome'],
      new Set<LetterKind>(['decision']),
      '',
      null,
      [],
    ],
  ] as const)('%s', (_, person, changed, reissued, reason, kinds, expected) => {
    const plan = planFrozen({ person, changed: [...changed], issued, reissued, correctionReason: reason })
    expect([plan.correction?.kinds ?? null, paths(plan.errors)]).toEqual([kinds, expected])
  })

  it('every frozen part names the letters that freeze it', () => {
    for (const [kind, parts] of Object.entries(FROZEN_BY_LETTER)) expect(new Set(parts).size, kind).toBe(parts.length)
    expect(frozenBy('decision.reasonedPosition')).toEqual(['decision'])
    expect(frozenBy('complaintText')).toEqual(['non_admission_notice', 'decision'])
    expect(frozenBy('decision.followUpAction')).toEqual([])
    expect(frozenBy('complainant.phone')).toEqual([])
  })

  it('Decision 16: the complaint text is frozen by the decision, and a correction reissues exactly that letter', () => {
    const decided = new Set<LetterKind>(['acknowledgement', 'decision'])
    expect(
      paths(
        planFrozen({
          person: null,
          changed: ['complaintText'],
          issued: decided,
          reissued: new Set(),
          correctionReason: '',
        }).errors,
      ),
    ).toEqual(['complaintText'])
    expect(
      planFrozen({
        person: null,
        changed: ['complaintText'],
        issued: new Set(['acknowledgement']),
        reissued: new Set(),
        correctionReason: '',
      }).errors,
    ).toEqual([])
    expect(
      planFrozen({
        person: manager,
        changed: ['complaintText'],
        issued: decided,
        reissued: new Set(),
        correctionReason: 'Verkeerd overgenomen.',
      }).correction?.kinds,
    ).toEqual(['decision'])
  })
})

describe('planDelayNotice: Art. 7 note, with the test’s own clock', () => {
  const open: Partial<Complaint> = {
    status: 'acknowledged',
    deadlines: { decisionLimitBy: '2026-12-20T22:59:59.999Z' },
  }
  it.each([
    ['no delay', {}, {}, false, []],
    ['a new notice', {}, { reason: 'Wachten op stukken.', newTargetDate: '2026-12-15' }, true, []],
    ['no reason', {}, { newTargetDate: '2026-12-15' }, false, ['delayNotice.reason']],
    ['today is too soon', {}, { reason: 'R', newTargetDate: '2026-12-01' }, false, ['delayNotice.newTargetDate']],
    ['past six weeks', {}, { reason: 'R', newTargetDate: '2026-12-21' }, false, ['delayNotice.newTargetDate']],
    [
      'the same notice again',
      { reason: 'R', newTargetDate: '2026-12-15', issuedAt: '2026-11-30T10:00:00Z' },
      { reason: 'R', newTargetDate: '2026-12-15', issuedAt: '2026-11-30T10:00:00Z' },
      false,
      [],
    ],
    [
      'a later date is a new notice',
      { reason: 'R', newTargetDate: '2026-12-15', issuedAt: '2026-11-30T10:00:00Z' },
      { reason: 'R2', newTargetDate: '2026-12-18' },
      true,
      [],
    ],
  ] as const)('%s', (_, before, after, issue, expected) => {
    const plan = planDelayNotice({
      before: { ...open, delayNotice: before },
      next: { ...open, delayNotice: after },
      now: NOW,
    })
    expect([plan.issue, paths(plan.errors)]).toEqual([issue, expected])
  })
})

describe('planHearingLetters: Art. 6, invited, moved, called off, heard', () => {
  const at = '2026-12-10T13:00:00.000Z'
  const invited: Partial<Complaint> = { status: 'acknowledged', hearing: { at, place: 'Utrecht' } }
  it.each([
    [
      'an invitation',
      { status: 'acknowledged' },
      { status: 'acknowledged', hearing: { at, place: 'Utrecht', sendInvitation: true } },
      'acknowledged',
      undefined,
      ['hearing_invitation'],
      [],
    ],
    [
      'moved without a new invitation',
      invited,
      { status: 'acknowledged', hearing: { at: '2026-12-11T13:00:00.000Z', place: 'Utrecht' } },
      'acknowledged',
      'hearing_invitation',
      [],
      ['hearing.sendInvitation'],
    ],
    [
      'its date cleared: called off',
      invited,
      { status: 'acknowledged', hearing: { at: null, place: 'Utrecht' } },
      'acknowledged',
      'hearing_invitation',
      ['hearing_cancellation'],
      [],
    ],
    [
      'the case ends before it: called off',
      invited,
      { ...invited, status: 'withdrawn' },
      'withdrawn',
      'hearing_invitation',
      ['hearing_cancellation'],
      [],
    ],
    [
      'a hearing with its report is not called off',
      invited,
      { ...invited, status: 'withdrawn' },
      'withdrawn',
      'hearing_report',
      [],
      [],
    ],
    [
      'the report, with the test’s own clock after the hearing',
      invited,
      { status: 'acknowledged', hearing: { at, place: 'Utrecht', report: 'Verslag.', sendReport: true } },
      'acknowledged',
      'hearing_invitation',
      ['hearing_report'],
      [],
    ],
    [
      'no invitation once the case ended (and the one that stood is called off)',
      invited,
      { status: 'decided', hearing: { at, place: 'Utrecht', sendInvitation: true } },
      'decided',
      'hearing_invitation',
      ['hearing_cancellation'],
      ['hearing.sendInvitation'],
    ],
  ] as const)('%s', (_, before, next, to, latest, kinds, expected) => {
    const plan = planHearingLetters({
      before: before,
      next: next,
      from: 'acknowledged',
      to,
      latestHearingLetter: latest,
      now: NOW,
    })
    expect([plan.kinds, paths(plan.errors)]).toEqual([kinds, expected])
  })
})

describe('changedPaths: what a save really changes (the admin sends the whole document)', () => {
  const known = fieldPathsOf(flattenAllFields({ fields: Complaints.fields }))

  it('reports only leaves whose stored value differs', () => {
    const before = {
      status: 'received',
      complainant: { name: 'Ana', phone: null },
      assignedHandler: { id: 'h1', createdAt: 'x' },
      receivedAt: '2026-11-30T10:00:00.000Z',
    }
    const after = {
      status: 'received',
      complainant: { name: 'Ana', phone: '' },
      assignedHandler: 'h1',
      receivedAt: '2026-11-30T10:00:00Z',
    }
    expect(changedPaths(after, before, known)).toEqual([])
    expect(changedPaths({ ...after, complainant: { name: 'Anna', phone: '06' } }, before, known)).toEqual([
      'complainant.name',
      'complainant.phone',
    ])
  })

  it('leaves out what nobody edits: computed fields, joins and the save’s actions', () => {
    expect(
      changedPaths(
        {
          lettersSent: { decisionAt: 'now' },
          hearing: { sendInvitation: true },
          timeline: { docs: [] },
          correction: { reason: 'x' },
        },
        {},
        known,
      ),
    ).toEqual([])
  })

  it('a key the collection does not have is no change, so its name never reaches the timeline', () => {
    expect(
      changedPaths({ Woont_Dorpsstraat_1: true, complainant: { Lukasz_BSN_123: 'x', phone: '06' } }, {}, known),
    ).toEqual(['complainant.phone'])
  })
})

describe('systemFieldsChanged: the bookkeeping only the system writes (Decision 16)', () => {
  const stored = {
    lettersSent: { decisionAt: '2026-11-30T10:00:00.000Z' },
    endedAt: '2026-11-30T10:00:00.000Z',
    delayNotice: { reason: 'R', issuedAt: '2026-11-29T10:00:00.000Z' },
  }
  it.each([
    ['the whole document sent back unchanged', stored, []],
    ['a field that is not bookkeeping', { complainant: { phone: '06' } }, []],
    ['a sent date moved', { lettersSent: { decisionAt: '2026-11-20T10:00:00.000Z' } }, ['lettersSent']],
    ['the ending moved', { endedAt: '2020-01-01T00:00:00.000Z', endedAs: 'withdrawn' }, ['endedAs', 'endedAt']],
    [
      'the delay notice’s issue date moved',
      { delayNotice: { reason: 'R', issuedAt: '2026-11-01T10:00:00.000Z' } },
      ['delayNotice.issuedAt'],
    ],
  ] as const)('%s', (_, changes, expected) => {
    expect(systemFieldsChanged(changes as Record<string, unknown>, stored)).toEqual(expected)
  })
})

describe('system operations: named, and limited to what they own', () => {
  it('knows its names, and refuses any other', () => {
    expect(systemOperationOf({})).toBeNull()
    expect(systemOperationOf({ systemOperation: 'recordSending' })).toBe('recordSending')
    expect(() => systemOperationOf({ systemOperation: 'retentionx' })).toThrow(/Unknown system operation/)
  })

  it('a field it does not own counts only when its value changes', () => {
    const stored = { status: 'closed', lettersSent: {} }
    expect(fieldsBeyond('recordSending', { status: 'closed', lettersSent: { decisionAt: 'x' } }, stored)).toEqual([])
    expect(fieldsBeyond('recordSending', { status: 'decided', lettersSent: {} }, stored)).toEqual(['status'])
  })
})

describe('checkPostingDate: Decision 17', () => {
  const base = { channel: 'post' as const, createdAt: '2026-11-30T15:00:00.000Z', before: null, reason: null, now: NOW }
  it.each([
    ['the day the letter was made, earlier that day', { after: '2026-11-30T07:00:00.000Z' }, []],
    ['today', { after: '2026-12-01T09:00:00.000Z' }, []],
    ['the day before the letter', { after: '2026-11-29T12:00:00.000Z' }, ['postedAt']],
    ['tomorrow', { after: '2026-12-02T12:00:00.000Z' }, ['postedAt']],
    ['not a date', { after: 'gisteren' }, ['postedAt']],
    ['an e-mailed letter', { channel: 'email' as const, after: '2026-12-01T09:00:00.000Z' }, ['postedAt']],
    [
      'a change without a reason',
      { before: '2026-11-30T16:00:00.000Z', after: '2026-12-01T09:00:00.000Z' },
      ['postedAtChangeReason'],
    ],
    [
      'a change with a reason',
      { before: '2026-11-30T16:00:00.000Z', after: '2026-12-01T09:00:00.000Z', reason: 'Verkeerde dag.' },
      [],
    ],
    ['cleared after it was recorded', { before: '2026-11-30T16:00:00.000Z', after: null }, ['postedAt']],
    ['the same moment, spelled otherwise', { before: '2026-11-30T16:00:00.000Z', after: '2026-11-30T16:00:00Z' }, []],
  ] as const)('%s', (_, input, expected) => {
    expect(paths(checkPostingDate({ ...base, ...input }))).toEqual(expected)
  })
})

describe('the timeline’s typed payloads: no free text in any event', () => {
  it('has a schema for every event type', () => {
    expect(Object.keys(EVENT_DATA).sort()).toEqual([...CASE_EVENT_TYPES].sort())
  })

  it.each([
    [
      'fields_changed with a value instead of a path',
      'fields_changed',
      { fields: ['complainant.phone', '06 12345678'] },
    ],
    ['a status that does not exist', 'status_changed', { from: 'received', to: 'done' }],
    [
      'an extra, untyped key',
      'status_changed',
      { from: 'received', to: 'acknowledged', note: 'gebeld met mevrouw Jansen' },
    ],
    [
      'a reason in a correction event (Decision 19)',
      'correction_recorded',
      { kinds: ['decision'], fields: ['decision.outcome'], reason: 'Verkeerd' },
    ],
  ] as const)('refuses %s', (_, type, data) => {
    expect(EVENT_DATA[type].safeParse(data).success).toBe(false)
  })

  it('accepts the codes and ids it is meant for (control)', () => {
    expect(EVENT_DATA.fields_changed.safeParse({ fields: ['complainant.phone', 'categories'] }).success).toBe(true)
    expect(EVENT_DATA.status_changed.safeParse({ from: 'received', to: 'acknowledged' }).success).toBe(true)
  })
})
