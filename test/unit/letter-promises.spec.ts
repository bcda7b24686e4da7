import { describe, expect, it } from 'vitest'

import type { Complaint, Setting } from '../../cms/payload-types'
import { composeLetter, type LetterTemplate } from '../../hooks/letters/compose'
import { EARLIER_DEFAULTS } from '../../hooks/letters/earlierDefaults'
import { LETTER_KIND_DEFINITIONS, type LetterKind } from '../../hooks/letters/kinds'
import type { LetterContext } from '../../hooks/letters/placeholders'
import { promisedBy } from '../../hooks/letters/promisedDate'

const settings = {
  organisationName: 'Working Progression',
  address: { street: 'Voorbeeldlaan 1', postalCode: '3511 AB', city: 'Utrecht' },
  phone: '030 123 45 67',
  uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' },
  uwvComplaintProcedure: 'https://www.uwv.example/klacht-indienen',
} as Setting

// Received 18 November 2026; the acknowledgement was due 23 November, the decision 16 December, at the latest 30 December.
const complaint = {
  id: 'c1',
  reference: 'WP-2026-0031',
  status: 'received',
  channel: 'phone',
  receivedAt: '2026-11-18T09:00:00.000Z',
  complainant: { role: 'client', name: 'Jan Jansen', email: 'jan@example.nl' },
  conduct: { when: 'date', date: '2026-11-10' },
  categories: ['negligence'],
  complaintText: 'Mijn coach kwam drie keer niet opdagen.',
  deadlines: {
    acknowledgeBy: '2026-11-23T22:59:59.999Z',
    nonAdmissionNoticeBy: '2026-12-16T22:59:59.999Z',
    decisionTargetBy: '2026-12-16T22:59:59.999Z',
    decisionLimitBy: '2026-12-30T22:59:59.999Z',
  },
  acknowledgement: { factsSummary: 'Drie gemiste afspraken.' },
  nonAdmission: { ground: 'insufficient_interest', reasons: 'Het ging om één minuut.' },
  decision: { outcome: 'not_upheld', factsAsSeen: 'Afgezegd per sms.', reasonedPosition: 'Tijdig afgezegd.' },
  delayNotice: { reason: 'Wij wachten op een verklaring.', newTargetDate: '2026-12-23' },
  hearing: {
    at: '2026-12-08T13:30:00.000Z',
    place: 'Kantoor Utrecht',
    attendees: [{ name: 'Chris Coach', role: 'complained_about' }],
  },
} as unknown as Complaint

const ctx = (c: Complaint, now: string, extra: Partial<LetterContext> = {}): LetterContext => ({
  complaint: c,
  settings,
  handler: { name: 'Anton Behandelaar', email: 'anton@wp.example' },
  now: new Date(now),
  addresseeName: c.complainant.name,
  ...extra,
})

function compose(
  kind: LetterKind,
  c: Complaint,
  now: string,
  extra: Partial<LetterContext> = {},
  template?: LetterTemplate,
) {
  const result = composeLetter(kind, template ?? LETTER_KIND_DEFINITIONS[kind].defaults, ctx(c, now, extra))
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '))
  return result.message.text
}

describe('Art. 5, 7: a date a letter promises (promisedBy)', () => {
  // prettier-ignore
  it.each([
    ['the letter is dated well before the due date',   '2026-11-25T22:59:59.999Z', '2026-11-19T08:00:00Z', 'uiterlijk 25 november 2026'],
    ['the letter is dated on the due day (morning)',   '2026-11-25T22:59:59.999Z', '2026-11-25T07:00:00Z', 'uiterlijk 25 november 2026'],
    ['the letter is dated on the due day (late evening, Amsterdam)', '2026-11-25T22:59:59.999Z', '2026-11-25T22:30:00Z', 'uiterlijk 25 november 2026'],
    ['the letter is dated the day after',             '2026-11-25T22:59:59.999Z', '2026-11-25T23:30:00Z', 'zo snel mogelijk'],
    ['the letter is dated a week after (recorded late)', '2026-11-25T22:59:59.999Z', '2026-12-01T10:00:00Z', 'zo snel mogelijk'],
    ['no date is known',                               null,                       '2026-12-01T10:00:00Z', ''],
  ])('%s', (_, due, letterDate, phrase) => {
    expect(promisedBy(due, new Date(letterDate))).toBe(phrase)
  })
})

describe('Art. 3, Decision 8: the written version of a complaint recorded late promises no passed date', () => {
  it('recorded in time: it promises the acknowledgement and the decision by their dates', () => {
    const text = compose('written_version', complaint, '2026-11-19T10:00:00Z')
    expect(text).toContain(
      'Uiterlijk 23 november 2026 krijgt u een brief met de naam van de behandelaar. Ons antwoord krijgt u uiterlijk 16 december 2026. Het komt in elk geval uiterlijk 30 december 2026.',
    )
  })

  it('recorded on 1 December, after the acknowledgement was due: it says the letter comes as soon as possible', () => {
    const text = compose('written_version', complaint, '2026-12-01T10:00:00Z')
    expect(text).toContain('Zo snel mogelijk krijgt u een brief met de naam van de behandelaar.')
    expect(text).toContain('Ons antwoord krijgt u uiterlijk 16 december 2026.')
    expect(text).not.toContain('23 november')
  })

  it('recorded after the decision was due too: no date is promised at all', () => {
    const text = compose('written_version', complaint, '2026-12-31T10:00:00Z')
    expect(text).toContain(
      'Zo snel mogelijk krijgt u een brief met de naam van de behandelaar. Ons antwoord krijgt u zo snel mogelijk. Het komt in elk geval zo snel mogelijk.',
    )
    expect(text).not.toMatch(/uiterlijk \d/)
  })

  it('a text edited while the placeholders held a bare date ("Uiterlijk {{bevestiging_uiterlijk}}") reads right in both cases', () => {
    const edited = {
      ...LETTER_KIND_DEFINITIONS.written_version.defaults,
      body: '{{klacht}}\n\nUiterlijk {{bevestiging_uiterlijk}} krijgt u een brief. Ons antwoord komt nooit later dan {{beslissing_uiterste_datum}}. Ontvangen op {{datum_ontvangst}}, kenmerk {{kenmerk}}.',
    }
    expect(compose('written_version', complaint, '2026-11-19T10:00:00Z', {}, edited)).toContain(
      'Uiterlijk 23 november 2026 krijgt u een brief. Ons antwoord komt uiterlijk 30 december 2026.',
    )
    expect(compose('written_version', complaint, '2026-12-01T10:00:00Z', {}, edited)).toContain(
      'Zo snel mogelijk krijgt u een brief. Ons antwoord komt uiterlijk 30 december 2026.',
    )
  })

  it('the receipt reads right too, before and after its dates', () => {
    expect(compose('receipt', complaint, '2026-11-18T10:00:00Z')).toContain(
      '- Uiterlijk 23 november 2026 krijgt u een brief.',
    )
    expect(compose('receipt', complaint, '2026-11-24T10:00:00Z')).toContain('- Zo snel mogelijk krijgt u een brief.')
  })

  it('the acknowledgement after its term (a late case) says the decision comes as soon as possible', () => {
    const acknowledged = { ...complaint, status: 'acknowledged' } as Complaint
    expect(compose('acknowledgement', acknowledged, '2026-11-20T10:00:00Z')).toContain(
      'U krijgt onze beslissing uiterlijk 16 december 2026.',
    )
    expect(compose('acknowledgement', acknowledged, '2026-12-17T10:00:00Z')).toContain(
      'U krijgt onze beslissing zo snel mogelijk.',
    )
  })
})

describe('Decision 11: the UWV notification names the cliënt', () => {
  it('a cliënt who complains: their own name (the Latin spelling where given)', () => {
    const text = compose('uwv_notification', complaint, '2026-11-18T10:00:00Z', { addresseeName: 'A. Deskundige' })
    expect(text).toContain('Naam cliënt: Jan Jansen')
  })

  it('someone else complains (the employer, a parent): the cliënt’s own name, never the complainant or "on behalf of"', () => {
    const byParent = {
      ...complaint,
      complainant: {
        role: 'other',
        name: 'Petra Visser',
        email: 'petra@example.nl',
        onBehalfOf: true,
        onBehalfOfName: 'Mijn zoon, Daan Visser',
      },
      clientName: 'Daan Visser',
    } as unknown as Complaint
    const text = compose('uwv_notification', byParent, '2026-11-18T10:00:00Z', { addresseeName: 'A. Deskundige' })
    expect(text).toContain('Naam cliënt: Daan Visser\n')
    expect(text).not.toContain('Petra')
    expect(text).not.toContain('Mijn zoon')
  })

  it('Art. 5: without the cliënt’s name (a case from before the field) the notification still goes, saying so', () => {
    const byEmployer = {
      ...complaint,
      complainant: { role: 'employer', name: 'Bakkerij De Korf', email: 'hr@korf.example' },
    } as unknown as Complaint
    const text = compose('uwv_notification', byEmployer, '2026-11-18T10:00:00Z', { addresseeName: 'A. Deskundige' })
    expect(text).toContain('Naam cliënt: niet opgegeven\n')
    expect(text).not.toContain('Bakkerij')
  })
})

describe('Art. 5–8: what each letter tells the complainant', () => {
  it('Art. 5: the acknowledgement says the UWV labour expert was informed, by name', () => {
    const text = compose('acknowledgement', complaint, '2026-11-20T10:00:00Z')
    expect(text).toContain(
      'Wij melden elke klacht aan de arbeidsdeskundige van UWV (artikel 5). Uw klacht hebben wij gemeld aan A. Deskundige (ad@uwv.example).',
    )
  })

  it('Art. 6: the hearing invitation names everyone who will attend: the complainant, the other side, the handler', () => {
    const text = compose('hearing_invitation', complaint, '2026-11-25T10:00:00Z')
    expect(text).toContain(
      'Wie zijn er bij het gesprek?\n- Jan Jansen (klager)\n- Chris Coach (over wie geklaagd wordt)\n- Anton Behandelaar (behandelaar)',
    )
  })

  it('Art. 7 note: the delay notice names the date it moves and the new one', () => {
    const moved = {
      ...complaint,
      deadlines: { ...complaint.deadlines, decisionTargetBy: '2026-12-23T22:59:59.999Z' },
    } as Complaint
    const text = compose('delay_notice', moved, '2026-12-10T10:00:00Z', { before: complaint })
    expect(text).toContain(
      'Wij hebben u beloofd dat u onze beslissing op uw klacht op 16 december 2026 zou krijgen. Dat lukt helaas niet.',
    )
    expect(text).toContain('U krijgt onze beslissing nu uiterlijk 23 december 2026. Later mag niet')
  })

  it.each(['decision', 'non_admission_notice'] as const)(
    'Art. 8: the %s says how to reach UWV’s complaint procedure (settings) and the handler directly',
    (kind) => {
      const text = compose(kind, complaint, '2026-12-10T10:00:00Z')
      expect(text).toContain('Zo bereikt u de klachtenregeling van UWV: https://www.uwv.example/klacht-indienen')
      expect(text).toContain(
        'Hebt u vragen over deze brief? Neem dan contact op met Anton Behandelaar, de behandelaar van uw klacht, via anton@wp.example.',
      )
      // Not filled in yet (Decision 14): the paragraph is left out, the referral itself stays.
      const bare = composeLetter(kind, LETTER_KIND_DEFINITIONS[kind].defaults, {
        ...ctx(complaint, '2026-12-10T10:00:00Z'),
        settings: { ...settings, uwvComplaintProcedure: null },
        handler: { name: 'Anton Behandelaar' },
      })
      if (!bare.ok) throw new Error('expected a letter')
      expect(bare.message.text).not.toContain('Zo bereikt u')
      expect(bare.message.text).toContain('via de klachtenregeling van UWV.')
      expect(bare.message.text).toContain('Neem dan contact op met Anton Behandelaar, de behandelaar van uw klacht.')
    },
  )
})

describe('existing installations: the earlier default texts', () => {
  it('every kind whose default changed keeps its earlier default on record, different from the current one', () => {
    for (const kind of [
      'receipt',
      'written_version',
      'acknowledgement',
      'delay_notice',
      'non_admission_notice',
      'decision',
      'hearing_invitation',
    ] as const) {
      expect(EARLIER_DEFAULTS[kind]?.length, kind).toBeGreaterThan(0)
      expect(EARLIER_DEFAULTS[kind]?.[0]?.body, kind).not.toBe(LETTER_KIND_DEFINITIONS[kind].defaults.body)
    }
  })
})
