import { describe, expect, it } from 'vitest'

import { fieldId, fieldPlaces } from '../../cms/components/fieldPlaces'
import type { Complaint } from '../../cms/payload-types'
import { Complaints } from '../../collections/Complaints'
import {
  articleOf,
  nextSteps,
  STEP_TEXT,
  type StepPerson,
  uwvWillBeNotified,
} from '../../hooks/complaints/workflow/nextSteps'
import { planTransition } from '../../hooks/complaints/workflow/plan/transition'
import { REQUIREMENTS } from '../../hooks/complaints/workflow/requirements'
import { STATUSES, type Status } from '../../hooks/complaints/workflow/statuses'
import { allowedTargets, type TransitionTarget } from '../../hooks/complaints/workflow/transitions'

const handler: StepPerson = { id: 'h1', isManager: false, isHandler: true }
const otherHandler: StepPerson = { id: 'h2', isManager: false, isHandler: true }
const manager: StepPerson = { id: 'm1', isManager: true, isHandler: false }
const editor: StepPerson = { id: 'e1', isManager: false, isHandler: false }

/** A case with everything every step needs, upheld with a partial remedy and its follow-up. */
const complete: Partial<Complaint> = {
  assignedHandler: 'h1',
  involvedStaff: [],
  complaintText: 'De coach kwam niet.',
  conduct: { when: 'date', date: '2026-11-02' },
  acknowledgement: { factsSummary: 'Drie gemiste afspraken.', statedTermWeeks: 4 },
  nonAdmission: { ground: 'insufficient_interest', reasons: 'Kennelijk onvoldoende gewicht.' },
  decision: {
    factsAsSeen: 'Twee afspraken verzet.',
    reasonedPosition: 'Niet tijdig gemeld.',
    outcome: 'upheld',
    remedy: 'partial',
    remedyExplanation: 'Nieuwe coach.',
    followUpAction: 'Nieuwe coach toegewezen.',
    complainantContactedAt: '2026-11-20T10:00:00.000Z',
  },
  informal: { oralAnswer: 'Uitgelegd.', agreements: 'Geen.', satisfactionConfirmedAt: '2026-11-10T10:00:00.000Z' },
  withdrawal: { withdrawnAt: '2026-11-10T10:00:00.000Z' },
}

const kinds = (result: ReturnType<typeof nextSteps>) => result.steps.map((s) => s.kind)
const steps = (
  person: StepPerson,
  status: Status,
  savedHandler: string | null,
  values: Partial<Complaint> = complete,
) => nextSteps({ person, saved: { status, assignedHandler: savedHandler }, values, uwvNotified: true })

describe('nextSteps: only the steps the workflow table allows from here, for this person (DOMAIN.md, Case workflow)', () => {
  it.each<[string, StepPerson, Status, string | null, string[]]>([
    ['nobody logged in', null, 'received', 'h1', []],
    ['Decision 15: an editor or admin without a case role', editor, 'received', 'h1', []],
    ['Art. 4: a handler and a new case without a handler: take it first', handler, 'received', null, ['take']],
    ['a handler and the case of another handler', otherHandler, 'received', 'h1', []],
    [
      'the assigned handler of a received case',
      handler,
      'received',
      'h1',
      ['acknowledged', 'not_admitted', 'resolved_informally', 'withdrawn'],
    ],
    [
      'the assigned handler of an acknowledged case',
      handler,
      'acknowledged',
      'h1',
      [...allowedTargets('acknowledged')],
    ],
    [
      'a manager and an unassigned case: every step, assigning themselves',
      manager,
      'received',
      null,
      [...allowedTargets('received')],
    ],
    ['a manager and the case of a handler', manager, 'decided', 'h1', ['closed']],
    ['Decision 16: nothing leaves closed', manager, 'closed', 'h1', []],
  ])('%s', (_name, person, status, savedHandler, expected) => {
    expect(kinds(steps(person, status, savedHandler))).toEqual(expected)
  })

  it('every status with its allowed targets: a step for each, named in Dutch', () => {
    for (const status of STATUSES) {
      const result = steps(handler, status, 'h1')
      expect(kinds(result)).toEqual([...allowedTargets(status)])
      for (const step of result.steps) expect(step.label).toBe(STEP_TEXT[step.kind].label)
    }
  })

  it('a manager taking an unassigned case becomes its handler in the same save; with a handler chosen in the form, that one', () => {
    const own = steps(manager, 'received', null, { ...complete, assignedHandler: null })
    expect(own.steps.map((s) => s.assignTo)).toEqual(['m1', 'm1', 'm1', 'm1'])
    expect(own.steps[0]?.needs).toEqual([])
    const chosen = steps(manager, 'received', null, { ...complete, assignedHandler: 'h2' })
    expect(chosen.steps.map((s) => s.assignTo)).toEqual([null, null, null, null])
  })

  it('Art. 4: a handler recorded as involved is named at the handler field on every step', () => {
    const result = steps(manager, 'received', 'h1', { ...complete, involvedStaff: ['h1'] })
    for (const step of result.steps) expect(step.needs[0]).toMatchObject({ path: 'assignedHandler', article: 'Art. 4' })
  })
})

describe('nextSteps: what a step still needs follows the unsaved values', () => {
  it('Art. 5: an empty description of the facts is needed, and is no longer once typed', () => {
    const empty = { ...complete, acknowledgement: { factsSummary: '  ', statedTermWeeks: 4 } }
    const before = steps(handler, 'received', 'h1', empty).steps.find((s) => s.kind === 'acknowledged')
    expect(before?.needs).toEqual([
      {
        path: 'acknowledgement.factsSummary',
        article: 'Art. 5',
        message: expect.stringContaining('korte omschrijving van de feiten'),
      },
    ])
    const after = steps(handler, 'received', 'h1', complete).steps.find((s) => s.kind === 'acknowledged')
    expect(after?.needs).toEqual([])
  })

  it('Art. 8.2–8.4, Decision 6: an upheld decision without its parts lists each by article', () => {
    const bare = { ...complete, decision: { outcome: 'upheld' as const } }
    const decide = steps(handler, 'acknowledged', 'h1', bare).steps.find((s) => s.kind === 'decided')
    expect(decide?.needs.map((n) => [n.path, n.article])).toEqual([
      ['decision.factsAsSeen', 'Art. 8.2'],
      ['decision.reasonedPosition', 'Art. 8.2'],
      ['decision.remedy', 'Art. 8.4, besluit 6'],
      ['decision.remedyExplanation', 'Art. 8.4, besluit 6'],
    ])
  })

  it('Art. 8.4: closing after an upheld decision with a remedy needs the follow-up and the contact date', () => {
    const noFollowUp = {
      ...complete,
      decision: { ...complete.decision, followUpAction: null, complainantContactedAt: null },
    }
    const close = steps(handler, 'decided', 'h1', noFollowUp).steps[0]
    expect(close?.needs.map((n) => n.path)).toEqual(['decision.followUpAction', 'decision.complainantContactedAt'])
  })

  it('Art. 5: the UWV notification, from the facts the form does not hold', () => {
    const result = nextSteps({
      person: handler,
      saved: { status: 'received', assignedHandler: 'h1' },
      values: complete,
      uwvNotified: false,
    })
    expect(result.steps[0]?.needs.map((n) => n.path)).toEqual(['uwvLabourExpert.email'])
  })
})

describe('nextSteps reads the gate’s own tables: a step it shows as complete passes planTransition, one with needs is refused at the same fields', () => {
  const variants: [string, Partial<Complaint>][] = [
    ['complete', complete],
    ['nothing filled in', { assignedHandler: 'h1', complaintText: 'x', conduct: { when: 'unknown' } }],
    ['upheld without remedy', { ...complete, decision: { ...complete.decision, remedy: null, followUpAction: null } }],
    ['a term of eight weeks', { ...complete, acknowledgement: { factsSummary: 'x', statedTermWeeks: 8 } }],
  ]
  for (const [name, values] of variants)
    for (const status of STATUSES)
      for (const uwvNotified of [true, false])
        it(`${name}, from ${status}, UWV ${uwvNotified ? 'told' : 'not told'}`, () => {
          const result = nextSteps({ person: handler, saved: { status, assignedHandler: 'h1' }, values, uwvNotified })
          for (const step of result.steps) {
            const refusals = planTransition({
              person: handler,
              from: status,
              to: step.kind as TransitionTarget,
              handlerBefore: 'h1',
              next: { ...values, status: step.kind as TransitionTarget },
              uwvNotified,
            })
            expect(refusals.filter((r) => r.path !== 'status')).toEqual(
              step.needs.map(({ path, message }) => ({ path, message })),
            )
            expect(refusals.length === 0).toBe(step.needs.length === 0)
          }
        })
})

describe('every requirement is named by its article and found in the form', () => {
  const places = fieldPlaces(Complaints.fields)
  const rows = STATUSES.flatMap((status) => REQUIREMENTS[status].map((r) => [status, r.path, r.message] as const))
  it.each(rows)('%s: %s', (_status, path, message) => {
    expect(articleOf(message)).toMatch(/^(Art\. \d|Besluit \d)/)
    const place = places.get(path)
    expect(place?.label).toMatch(/\S/)
    // A part of the case file opens its tab; the rest sits on the main form or in the sidebar.
    const tabs = ['acknowledgement', 'nonAdmission', 'decision', 'informal', 'withdrawal']
    if (tabs.includes(path.split('.')[0] ?? '')) expect(place?.tab).toMatch(/\S/)
  })

  it('labels and tabs as the admin shows them, in Dutch', () => {
    expect(places.get('decision.factsAsSeen')).toEqual({
      label: 'De feiten zoals Working Progression die ziet',
      tab: 'Beslissing',
    })
    expect(places.get('acknowledgement.factsSummary')?.tab).toBe('Ontvangstbevestiging')
    expect(places.get('conduct.date')).toEqual({ label: 'Datum', tab: null })
    expect(fieldId('decision.factsAsSeen')).toBe('field-decision__factsAsSeen')
  })

  it.each([
    ['Vul de termijn in (art. 5, art. 7); de eigen norm is vier weken.', 'Art. 5, art. 7'],
    ['Informeel afhandelen kan alleen … (art. 5, toelichting; besluit 7).', 'Art. 5, toelichting; besluit 7'],
    ['Vul de datum in waarop de klager de klacht heeft ingetrokken (besluit 9).', 'Besluit 9'],
    ['Geen artikel (zie boven).', ''],
  ])('articleOf(%j) is %j', (message, article) => {
    expect(articleOf(message)).toBe(article)
  })
})

describe('uwvWillBeNotified: Art. 5, Decision 11 — as the letter picks its addressee', () => {
  it.each([
    ['already queued', true, false, null, true],
    ['the default expert of the settings', false, true, null, true],
    ['no expert anywhere', false, false, null, false],
    ['the case’s own expert with an address', false, false, { name: 'B', email: 'b@uwv.example' }, true],
    ['the case’s own expert without an address overrides the default', false, true, { name: 'B', email: '' }, false],
  ])('%s', (_name, queued, defaultExpertEmail, own, expected) => {
    expect(uwvWillBeNotified({ queued, defaultExpertEmail, own })).toBe(expected)
  })
})
