import { describe, expect, it } from 'vitest'

import { checkIndependence, missingRequirements, type CaseSnapshot } from '../../hooks/complaints/workflow/requirements'
import { STATUSES, type Status } from '../../hooks/complaints/workflow/statuses'
import {
  canTransition,
  ENDINGS,
  isEnding,
  isOpen,
  TRANSITIONS,
  WHO_MAY,
  type Actor,
} from '../../hooks/complaints/workflow/transitions'

const manager: Actor = { userId: 'manager-1', isManager: true, isAdmin: false }

/** DOMAIN.md, "Case workflow", copied by hand — never derived from TRANSITIONS. */
const ALLOWED: ReadonlyArray<readonly [Status, Status]> = [
  ['received', 'acknowledged'],
  ['received', 'not_admitted'],
  ['received', 'resolved_informally'],
  ['received', 'withdrawn'],
  ['acknowledged', 'decided'],
  ['acknowledged', 'not_admitted'],
  ['acknowledged', 'resolved_informally'],
  ['acknowledged', 'withdrawn'],
  ['decided', 'closed'],
  ['not_admitted', 'closed'],
  ['resolved_informally', 'closed'],
  ['withdrawn', 'closed'],
]

const isAllowed = (from: Status, to: Status) => ALLOWED.some(([f, t]) => f === from && t === to)
const ALL_PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, isAllowed(from, to)] as const))

describe('Case workflow (DOMAIN.md): every pair of statuses', () => {
  it('has the seven statuses of DOMAIN.md, so the pairs below are all 49', () => {
    expect([...STATUSES]).toEqual([
      'received',
      'acknowledged',
      'decided',
      'not_admitted',
      'resolved_informally',
      'withdrawn',
      'closed',
    ])
  })

  it.each(ALL_PAIRS)('%s → %s allowed: %s', (from, to, allowed) => {
    const result = canTransition(from, to, manager, null)
    expect(result.ok).toBe(allowed)
    if (!result.ok) expect(result.reason).toMatch(/^[A-Z].+\.$/)
  })

  it('the table has exactly the allowed pairs, in the order of DOMAIN.md', () => {
    expect(STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => [from, to]))).toEqual(ALLOWED)
  })
})

describe('Case workflow: refusals say why, in Dutch', () => {
  it.each([
    ['closed', 'received', 'Een klacht met status Afgesloten kan niet meer veranderen.'],
    ['closed', 'closed', 'Een klacht met status Afgesloten kan niet meer veranderen.'],
    [
      'received',
      'decided',
      'Van Ontvangen kan een klacht niet direct naar Beslist: eerst de ontvangst bevestigen (art. 5).',
    ],
    [
      'received',
      'closed',
      'Van Ontvangen kan een klacht niet direct naar Afgesloten: zij moet eerst zijn beslist, niet in behandeling genomen, informeel afgehandeld of ingetrokken.',
    ],
    ['acknowledged', 'received', 'Een klacht kan niet terug naar Ontvangen.'],
    ['acknowledged', 'acknowledged', 'De klacht heeft de status Ontvangst bevestigd al.'],
    ['decided', 'withdrawn', 'Een klacht met status Beslist is beëindigd en kan alleen nog worden afgesloten.'],
    [
      'withdrawn',
      'acknowledged',
      'Een klacht met status Ingetrokken is beëindigd en kan alleen nog worden afgesloten.',
    ],
  ] as const)('%s → %s: %s', (from, to, reason) => {
    expect(canTransition(from, to, manager, null)).toEqual({ ok: false, reason })
  })
})

describe('Case workflow: reachability', () => {
  it('every status is reachable from received', () => {
    const seen = new Set<Status>(['received'])
    const queue: Status[] = ['received']
    for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
      for (const to of STATUSES) {
        if (!seen.has(to) && canTransition(from, to, manager, null).ok) {
          seen.add(to)
          queue.push(to)
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort())
  })

  it.each(STATUSES)('nothing leaves closed: closed → %s refused', (to) => {
    expect(canTransition('closed', to, manager, 'handler-1')).toEqual({
      ok: false,
      reason: 'Een klacht met status Afgesloten kan niet meer veranderen.',
    })
  })

  it.each([
    ['received', true, false],
    ['acknowledged', true, false],
    ['decided', false, true],
    ['not_admitted', false, true],
    ['resolved_informally', false, true],
    ['withdrawn', false, true],
    ['closed', false, false],
  ] as const)('%s: open %s, ending %s (the clocks stop at an ending)', (status, open, ending) => {
    expect(isOpen(status)).toBe(open)
    expect(isEnding(status)).toBe(ending)
  })

  it('the endings are the four statuses of DOMAIN.md', () => {
    expect([...ENDINGS]).toEqual(['decided', 'not_admitted', 'resolved_informally', 'withdrawn'])
  })
})

describe('Who may move a case: only the assigned handler or a manager', () => {
  const HANDLER = 'handler-1'
  const refusal = 'Alleen de behandelaar van deze klacht of een manager kan de status wijzigen.'
  const ACTORS = [
    ['the assigned handler', { userId: HANDLER, isManager: false, isAdmin: false }, HANDLER, true, ''],
    ['another handler', { userId: 'handler-2', isManager: false, isAdmin: false }, HANDLER, false, refusal],
    [
      'a handler, on a case without a handler',
      { userId: 'handler-2', isManager: false, isAdmin: false },
      null,
      false,
      refusal,
    ],
    ['a manager', { userId: 'manager-1', isManager: true, isAdmin: false }, HANDLER, true, ''],
    [
      'a manager, on a case without a handler',
      { userId: 'manager-1', isManager: true, isAdmin: false },
      null,
      true,
      '',
    ],
    [
      'an admin who is no manager',
      { userId: 'admin-1', isManager: false, isAdmin: true },
      HANDLER,
      false,
      `${refusal} De rol beheerder geeft dat recht niet.`,
    ],
    ['an admin who is also a manager', { userId: 'admin-1', isManager: true, isAdmin: true }, HANDLER, true, ''],
    ['nobody', { userId: null, isManager: false, isAdmin: false }, HANDLER, false, refusal],
    ['nobody, on a case without a handler', { userId: null, isManager: false, isAdmin: false }, null, false, refusal],
  ] as const

  describe.each(ALLOWED)('%s → %s', (from, to) => {
    it.each(ACTORS)('%s', (_who, actor, assigned, allowed, reason) => {
      expect(canTransition(from, to, actor, assigned)).toEqual(allowed ? { ok: true } : { ok: false, reason })
    })
  })

  it('the table of who may fire has one row for every target, each the handler or a manager', () => {
    expect(Object.keys(WHO_MAY).sort()).toEqual([
      'acknowledged',
      'closed',
      'decided',
      'not_admitted',
      'resolved_informally',
      'withdrawn',
    ])
    for (const [to, firers] of Object.entries(WHO_MAY))
      expect([...firers]).toEqual(
        to === 'withdrawn' ? ['assignedHandler', 'manager', 'complainant'] : ['assignedHandler', 'manager'],
      )
  })

  it('Decision 9, 20: the complainant on their own page may withdraw, and fire nothing else', () => {
    const complainant = { userId: null, isManager: false, isAdmin: false, isComplainant: true }
    for (const [from, to] of ALLOWED)
      expect(canTransition(from, to, complainant, HANDLER)).toEqual(
        to === 'withdrawn'
          ? { ok: true }
          : { ok: false, reason: 'Dit kunt u niet zelf doen. Neem contact op met de behandelaar van uw klacht.' },
      )
  })

  it('an impossible step gets the workflow’s reason, whoever asks', () => {
    expect(canTransition('received', 'decided', { userId: null, isManager: false, isAdmin: false }, null)).toEqual({
      ok: false,
      reason: 'Van Ontvangen kan een klacht niet direct naar Beslist: eerst de ontvangst bevestigen (art. 5).',
    })
  })
})

/** A case with everything recorded that any step could ask for. */
function complete(): CaseSnapshot {
  return {
    status: 'acknowledged',
    assignedHandler: 'handler-1',
    involvedStaff: ['coach-7'],
    complaintText: 'Mijn coach kwam drie afspraken niet opdagen.',
    conduct: { when: 'period', date: null, from: '2026-02-02', to: '2026-02-20' },
    acknowledgement: { factsSummary: 'Drie gemiste afspraken in februari.', statedTermWeeks: 4 },
    nonAdmission: {
      ground: 'already_subject',
      earlierComplaint: 'case-12',
      earlierReference: null,
      reasons: 'Dezelfde gedraging als WP-2025-0012.',
    },
    decision: {
      factsAsSeen: 'De afspraken zijn niet doorgegaan.',
      reasonedPosition: 'Afspraken horen te worden nagekomen.',
      outcome: 'upheld',
      remedy: 'partial',
      remedyExplanation: 'Nieuwe afspraken zijn mogelijk; gemiste tijd niet.',
      followUpAction: 'Nieuwe coach en extra sessie.',
      complainantContactedAt: '2026-03-20T10:00:00Z',
    },
    informal: {
      oralAnswer: 'Excuses aangeboden.',
      agreements: 'Nieuwe afspraak op 1 maart.',
      satisfactionConfirmedAt: '2026-02-25T10:00:00Z',
    },
    withdrawal: { withdrawnAt: '2026-02-24T10:00:00Z', note: null },
    uwvNotified: true,
  }
}

type Change = (c: CaseSnapshot) => void

describe('Requirements before each step', () => {
  it.each(STATUSES)('a complete case may reach %s', (to) => {
    expect(missingRequirements(to, complete())).toEqual([])
  })

  const CONDUCT_UNKNOWN =
    'Vul de datum of periode van de gedraging in (art. 5). Weet de klager het niet precies? Vraag het na of noteer de beste schatting.'

  const ROWS: ReadonlyArray<readonly [Status, string, Change, string, string]> = [
    // Art. 5: the acknowledgement
    [
      'acknowledged',
      'Art. 5: no handler',
      (c) => void (c.assignedHandler = null),
      'assignedHandler',
      'Wijs een behandelaar toe: de ontvangstbevestiging noemt de behandelaar van de klacht (art. 5).',
    ],
    [
      'acknowledged',
      'Art. 5: handler blank',
      (c) => void (c.assignedHandler = ' '),
      'assignedHandler',
      'Wijs een behandelaar toe: de ontvangstbevestiging noemt de behandelaar van de klacht (art. 5).',
    ],
    [
      'acknowledged',
      'Art. 5: when of the conduct not chosen',
      (c) => void (c.conduct.when = null),
      'conduct.when',
      CONDUCT_UNKNOWN,
    ],
    [
      'acknowledged',
      'Art. 5: when of the conduct unknown',
      (c) => void (c.conduct.when = 'unknown'),
      'conduct.when',
      CONDUCT_UNKNOWN,
    ],
    [
      'acknowledged',
      'Art. 5: a date without the date',
      (c) => void (c.conduct = { when: 'date', date: null, from: null, to: null }),
      'conduct.date',
      'Vul de datum van de gedraging in (art. 5).',
    ],
    [
      'acknowledged',
      'Art. 5: a period without its start',
      (c) => void (c.conduct.from = ''),
      'conduct.from',
      'Vul het begin van de periode van de gedraging in (art. 5).',
    ],
    [
      'acknowledged',
      'Art. 5: a period without its end',
      (c) => void (c.conduct.to = null),
      'conduct.to',
      'Vul het einde van de periode van de gedraging in (art. 5).',
    ],
    [
      'acknowledged',
      'Art. 5: a period ending before it starts',
      (c) => void (c.conduct.to = '2026-01-31'),
      'conduct.to',
      'Het einde van de periode van de gedraging ligt vóór het begin (art. 5).',
    ],
    [
      'acknowledged',
      'Art. 5: no facts summary',
      (c) => void (c.acknowledgement.factsSummary = '  \n'),
      'acknowledgement.factsSummary',
      'Geef een korte omschrijving van de feiten waarop de klacht betrekking heeft (art. 5).',
    ],
    [
      'acknowledged',
      'Art. 5, 7: no stated term',
      (c) => void (c.acknowledgement.statedTermWeeks = null),
      'acknowledgement.statedTermWeeks',
      'Vul de termijn in waarbinnen de behandeling naar verwachting is afgerond (art. 5, art. 7); de eigen norm is vier weken.',
    ],
    [
      'acknowledged',
      'Art. 7: a term of 0 weeks',
      (c) => void (c.acknowledgement.statedTermWeeks = 0),
      'acknowledgement.statedTermWeeks',
      'De termijn is een heel aantal weken, minstens één (art. 7).',
    ],
    [
      'acknowledged',
      'Art. 7: a term of 4.5 weeks',
      (c) => void (c.acknowledgement.statedTermWeeks = 4.5),
      'acknowledgement.statedTermWeeks',
      'De termijn is een heel aantal weken, minstens één (art. 7).',
    ],
    [
      'acknowledged',
      'Art. 7: a term of 7 weeks',
      (c) => void (c.acknowledgement.statedTermWeeks = 7),
      'acknowledgement.statedTermWeeks',
      'De termijn mag niet langer zijn dan zes weken na ontvangst (art. 7).',
    ],
    [
      'acknowledged',
      'Art. 5: the UWV labour expert not notified',
      (c) => void (c.uwvNotified = false),
      'uwvLabourExpert.email',
      'De klacht is nog niet gemeld aan de arbeidsdeskundige van het UWV. Vul de arbeidsdeskundige in (hier of als standaard in de instellingen), zodat de melding wordt verstuurd (art. 5).',
    ],
    // Art. 8.5: not admitted
    [
      'not_admitted',
      'Art. 8.5: no ground',
      (c) => void (c.nonAdmission.ground = null),
      'nonAdmission.ground',
      'Kies de grond: de gedraging was al eerder onderwerp van een klacht, of het belang van de klager of het gewicht van de gedraging is kennelijk onvoldoende (art. 8.5).',
    ],
    [
      'not_admitted',
      'Art. 8.5, Decision 10: earlier complaint neither linked nor referred to',
      (c) => void (c.nonAdmission = { ...c.nonAdmission, earlierComplaint: null, earlierReference: ' ' }),
      'nonAdmission.earlierComplaint',
      'Koppel de eerdere klacht over dezelfde gedraging, of geef een verwijzing naar die klacht (art. 8.5, besluit 10).',
    ],
    [
      'not_admitted',
      'Art. 7, 8.5: no reasons',
      (c) => void (c.nonAdmission.reasons = ''),
      'nonAdmission.reasons',
      'Geef de onderbouwing waarom de klacht niet in behandeling wordt genomen (art. 7, art. 8.5).',
    ],
    // Art. 8.2, 8.3: the decision
    [
      'decided',
      'Art. 8.2: no complaint text',
      (c) => void (c.complaintText = null),
      'complaintText',
      'De beslissing bevat de klacht zoals de klager die heeft geformuleerd; die ontbreekt (art. 8.2).',
    ],
    [
      'decided',
      'Art. 8.2: no facts as WP sees them',
      (c) => void (c.decision.factsAsSeen = ' '),
      'decision.factsAsSeen',
      'Beschrijf de feiten zoals Working Progression die ziet (art. 8.2).',
    ],
    [
      'decided',
      'Art. 8.2: no reasoned position',
      (c) => void (c.decision.reasonedPosition = null),
      'decision.reasonedPosition',
      'Geef een gemotiveerde stellingname over de klacht (art. 8.2).',
    ],
    [
      'decided',
      'Art. 8.3: no outcome',
      (c) => void (c.decision.outcome = null),
      'decision.outcome',
      'Kies de beslissing: gegrond of ongegrond (art. 8.3).',
    ],
    [
      'decided',
      'Art. 8.4, Decision 6: upheld without remedy',
      (c) => void (c.decision.remedy = null),
      'decision.remedy',
      'Geef aan of de gegronde klacht geheel, gedeeltelijk of niet te verhelpen is (art. 8.4, besluit 6).',
    ],
    [
      'decided',
      'Art. 8.4, Decision 6: upheld without explanation',
      (c) => void (c.decision.remedyExplanation = ''),
      'decision.remedyExplanation',
      'Licht toe waarom de klacht geheel, gedeeltelijk of niet te verhelpen is (art. 8.4, besluit 6).',
    ],
    // Art. 5 note: informal settlement
    [
      'resolved_informally',
      'Art. 5 note: no oral answer',
      (c) => void (c.informal.oralAnswer = null),
      'informal.oralAnswer',
      'Leg het mondelinge antwoord op de klacht vast in het dossier (art. 5, toelichting).',
    ],
    [
      'resolved_informally',
      'Art. 5 note: no agreements',
      (c) => void (c.informal.agreements = ' '),
      'informal.agreements',
      'Leg de afspraken met de klager vast in het dossier; zijn er geen, noteer dat (art. 5, toelichting).',
    ],
    [
      'resolved_informally',
      'Art. 5 note, Decision 7: no confirmation of satisfaction',
      (c) => void (c.informal.satisfactionConfirmedAt = null),
      'informal.satisfactionConfirmedAt',
      'Informeel afhandelen kan alleen als de klager aangeeft dat de klacht naar tevredenheid is afgewikkeld: vul de datum van die bevestiging in (art. 5, toelichting; besluit 7).',
    ],
    // Decision 9: withdrawal
    [
      'withdrawn',
      'Decision 9: no date of withdrawal',
      (c) => void (c.withdrawal.withdrawnAt = null),
      'withdrawal.withdrawnAt',
      'Vul de datum in waarop de klager de klacht heeft ingetrokken (besluit 9).',
    ],
    // Art. 8.4: closing after an upheld decision with a possible remedy
    [
      'closed',
      'Art. 8.4: upheld, partial remedy, no follow-up action',
      (c) => void (c.decision.followUpAction = null),
      'decision.followUpAction',
      'Leg vast welke actie de contactpersoon heeft genomen om de gegronde klacht te verhelpen (art. 8.4).',
    ],
    [
      'closed',
      'Art. 8.4: upheld, full remedy, complainant not contacted',
      (c) => void (c.decision = { ...c.decision, remedy: 'full', complainantContactedAt: null }),
      'decision.complainantContactedAt',
      'Vul de datum in waarop de contactpersoon met de klager contact heeft opgenomen over de oplossing (art. 8.4).',
    ],
  ]

  it.each(ROWS)('to %s — %s', (to, _what, change, path, message) => {
    const c = complete()
    change(c)
    expect(missingRequirements(to, c)).toEqual([{ path, message }])
  })

  it('Art. 5: an empty case lacks every part of the acknowledgement, each at its field', () => {
    const c = complete()
    c.assignedHandler = null
    c.conduct = { when: null, date: null, from: null, to: null }
    c.acknowledgement = { factsSummary: null, statedTermWeeks: null }
    c.uwvNotified = false
    expect(missingRequirements('acknowledged', c).map((m) => m.path)).toEqual([
      'assignedHandler',
      'conduct.when',
      'acknowledgement.factsSummary',
      'acknowledgement.statedTermWeeks',
      'uwvLabourExpert.email',
    ])
  })

  it.each([
    ['a single date', { when: 'date', date: '2026-02-02', from: null, to: null }],
    ['a period', { when: 'period', date: null, from: '2026-02-02', to: '2026-02-02' }],
  ] as const)('Art. 5: %s of the conduct is enough', (_what, conduct) => {
    expect(missingRequirements('acknowledged', { ...complete(), conduct })).toEqual([])
  })

  it.each([1, 4, 6])('Art. 7: a stated term of %i weeks is accepted', (weeks) => {
    const c = complete()
    c.acknowledgement.statedTermWeeks = weeks
    expect(missingRequirements('acknowledged', c)).toEqual([])
  })

  it('Art. 8.5, Decision 10: a free-text reference to an earlier complaint will do', () => {
    const c = complete()
    c.nonAdmission = { ...c.nonAdmission, earlierComplaint: null, earlierReference: 'Klacht per brief van 3 mei 2024' }
    expect(missingRequirements('not_admitted', c)).toEqual([])
  })

  it('Art. 8.5: the ground "insufficient interest" needs no earlier complaint', () => {
    const c = complete()
    c.nonAdmission = {
      ground: 'insufficient_interest',
      earlierComplaint: null,
      earlierReference: null,
      reasons: 'Kennelijk onvoldoende belang.',
    }
    expect(missingRequirements('not_admitted', c)).toEqual([])
  })

  it.each([
    ['upheld, no remedy recorded', 'upheld', ['decision.remedy', 'decision.remedyExplanation']],
    ['not upheld, no remedy recorded', 'not_upheld', []],
  ] as const)('Art. 8.4, Decision 6: %s', (_what, outcome, paths) => {
    const c = complete()
    c.decision = { ...c.decision, outcome, remedy: null, remedyExplanation: null }
    expect(missingRequirements('decided', c).map((m) => m.path)).toEqual(paths)
  })

  it.each([
    ['upheld, partial remedy', 'upheld', 'partial', ['decision.followUpAction', 'decision.complainantContactedAt']],
    ['upheld, full remedy', 'upheld', 'full', ['decision.followUpAction', 'decision.complainantContactedAt']],
    ['upheld, remedy not possible', 'upheld', 'not_possible', []],
    ['not upheld', 'not_upheld', null, []],
    ['not admitted (no decision)', null, null, []],
  ] as const)('Art. 8.4: closing after %s without follow-up', (_what, outcome, remedy, paths) => {
    for (const status of ['decided', 'closed'] as const) {
      const c = complete()
      c.status = status
      c.decision = { ...c.decision, outcome, remedy, followUpAction: null, complainantContactedAt: null }
      expect(missingRequirements('closed', c).map((m) => m.path)).toEqual(paths)
    }
  })

  it('nothing is required to stay received', () => {
    const c = complete()
    c.assignedHandler = null
    c.conduct = { when: null, date: null, from: null, to: null }
    expect(missingRequirements('received', c)).toEqual([])
  })
})

describe('Art. 4: an independent handler', () => {
  it.each([
    ['a handler not involved', 'handler-1', ['coach-7'], true],
    ['a handler with nobody recorded as involved', 'handler-1', [], true],
    ['no handler yet', null, ['coach-7'], true],
    ['the employee complained about', 'coach-7', ['coach-7'], false],
    ['one of several involved', 'coach-8', ['coach-7', 'coach-8'], false],
  ] as const)('%s', (_who, handler, involved, ok) => {
    expect(checkIndependence(handler, [...involved])).toEqual(
      ok
        ? { ok: true }
        : { ok: false, message: 'Deze medewerker is betrokken bij de klacht en mag haar niet behandelen (art. 4).' },
    )
  })
})
