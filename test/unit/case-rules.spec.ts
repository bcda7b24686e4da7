import { describe, expect, it } from 'vitest'

import type { Complaint, Setting } from '../../cms/payload-types'
import { checkClosingLetters } from '../../hooks/complaints/workflow/closing'
import { needsHandlerChangeLetter } from '../../hooks/complaints/workflow/handlerChange'
import { checkHearingReport } from '../../hooks/complaints/workflow/hearingReport'
import type { LetterKind } from '../../hooks/letters/kinds'
import { missingSettings } from '../../hooks/settings/missingSettings'

const NOW = new Date('2026-12-01T12:00:00Z')
const paths = (errors: { path: string }[]) => errors.map((e) => e.path)

describe('checkClosingLetters: Decision 12, a case closes once every letter for post has its posting date', () => {
  it.each([
    ['control: nothing left to post', 'withdrawn', 'closed', [], []],
    ['one letter for post without a date', 'withdrawn', 'closed', ['withdrawal_confirmation'], ['status']],
    ['another step than closing is not held up', 'acknowledged', 'decided', ['acknowledgement'], []],
  ] as const)('%s', (_, from, to, unposted, expected) => {
    expect(paths(checkClosingLetters({ from: from, to: to, unposted }))).toEqual(expected)
  })

  it('names each letter and Decision 12', () => {
    const [refusal] = checkClosingLetters({ from: 'decided', to: 'closed', unposted: ['decision', 'receipt'] })
    expect(refusal?.message).toContain('2 brieven voor de post hebben nog geen verzenddatum')
    expect(refusal?.message).toContain('Beslissing op de klacht; Bevestiging van ontvangst')
    expect(refusal?.message).toContain('besluit 12')
  })
})

describe('checkHearingReport: Art. 6.3, a report records a hearing that took place', () => {
  const ahead = '2026-12-03T09:00:00.000Z'
  const past = '2026-11-30T09:00:00.000Z'
  const withHearing = (hearing: Partial<NonNullable<Complaint['hearing']>>) => ({ hearing }) as Partial<Complaint>
  it.each([
    ['control: a report after the hearing', null, withHearing({ at: past, report: 'Verslag.', sendReport: true }), []],
    ['a report written before the hearing', null, withHearing({ at: ahead, report: 'Verslag.' }), ['hearing.report']],
    [
      'sending the report of a hearing still ahead',
      withHearing({ at: ahead, report: 'Verslag.' }),
      withHearing({ at: ahead, report: 'Verslag.', sendReport: true }),
      ['hearing.sendReport'],
    ],
    [
      'the report of the hearing before stays when a next one is planned',
      withHearing({ at: past, report: 'Verslag.' }),
      withHearing({ at: ahead, report: 'Verslag.' }),
      [],
    ],
    ['a hearing planned, no report', null, withHearing({ at: ahead }), []],
    ['a report without a date', null, withHearing({ report: 'Verslag.' }), []],
  ] as const)('%s', (_, before, next, expected) => {
    expect(paths(checkHearingReport({ before, next, now: NOW }))).toEqual(expected)
  })

  it('says when the hearing is planned, in Amsterdam time, and cites Art. 6', () => {
    const [refusal] = checkHearingReport({
      before: null,
      next: withHearing({ at: ahead, report: 'Verslag.' }),
      now: NOW,
    })
    expect(refusal?.message).toContain('3 december 2026 om 10:00 uur')
    expect(refusal?.message).toContain('art. 6')
  })
})

describe('needsHandlerChangeLetter: Decision 3, the complainant learns of a new contact person', () => {
  const acknowledged = new Set<LetterKind>(['receipt', 'acknowledgement'])
  const notYet = new Set<LetterKind>(['receipt'])
  it.each([
    ['a new handler after the acknowledgement', 'h1', 'h2', 'acknowledged', acknowledged, true],
    ['after the decision too (the contact person acts, Art. 8.4)', 'h1', 'h2', 'decided', acknowledged, true],
    ['the first assignment', null, 'h1', 'received', notYet, false],
    ['a change before any letter named a handler', 'h1', 'h2', 'received', notYet, false],
    ['the same handler', 'h1', 'h1', 'acknowledged', acknowledged, false],
    ['the handler removed', 'h1', null, 'acknowledged', acknowledged, false],
  ] as const)('%s', (_, handlerBefore, handlerAfter, to, issued, expected) => {
    expect(needsHandlerChangeLetter({ handlerBefore, handlerAfter, to: to, issued })).toBe(expected)
  })
})

describe('missingSettings: what letters and notifications need (Art. 5, 8; Decision 14)', () => {
  const complete: Partial<Setting> = {
    organisationName: 'Working Progression',
    address: { street: 'Voorbeeldstraat 12', postalCode: '3511 AB', city: 'Utrecht' },
    phone: '030 123 45 67',
    contactEmail: 'klachten@wp.example',
    uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' },
  }
  it('control: complete settings miss nothing', () => {
    expect(missingSettings(complete)).toEqual([])
  })
  it('names the labour expert, the address parts, the phone and the e-mail address when empty (blank counts as empty)', () => {
    const missing = missingSettings({
      ...complete,
      uwvLabourExpert: { name: ' ', email: null },
      address: { street: '', postalCode: '3511 AB', city: null },
      phone: null,
      contactEmail: null,
    })
    expect(missing.map((m) => m.path)).toEqual([
      'uwvLabourExpert.email',
      'uwvLabourExpert.name',
      'address.street',
      'phone',
      'contactEmail',
    ])
    expect(missing.find((m) => m.path === 'address.street')?.label).toBe('Adres (straat en huisnummer, plaats)')
    expect(missing[0]?.neededFor).toContain('art. 5')
  })
})
