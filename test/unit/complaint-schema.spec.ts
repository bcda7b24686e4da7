import { describe, expect, it } from 'vitest'

import { complaintSchema, fieldErrors, UNSTORABLE_CHARACTER } from '../../hooks/complaints/schema'

const TODAY = '2026-03-14'
const valid = {
  complainantRole: 'client',
  name: 'Jan Jansen',
  email: 'jan@example.nl',
  conductWhen: 'unknown',
  involvedKind: 'unknown',
  categories: ['negligence'],
  description: 'Mijn coach kwam twee afspraken niet na.',
  discussedBefore: 'no',
}
const parse = (overrides: Record<string, unknown>) =>
  complaintSchema({ today: TODAY, emailRequired: true }).safeParse({ ...valid, ...overrides })
const errorsOf = (overrides: Record<string, unknown>) => {
  const result = parse(overrides)
  return result.success ? {} : fieldErrors(result.error)
}

describe('the shared complaint schema keeps a text whole or refuses it (Art. 3: the complaint as the complainant wrote it)', () => {
  it('control: ordinary text with line breaks and tabs in the description is accepted as typed', () => {
    const result = parse({ description: 'Eerste regel.\r\nTweede regel,\tmet een tab. Ook é, ß en 😀.' })
    expect(result.success && result.data.description).toBe('Eerste regel.\nTweede regel,\tmet een tab. Ook é, ß en 😀.')
  })

  it.each([
    [
      'a NUL in the description',
      { description: 'Mijn coach kwam niet\u0000 opdagen bij de afspraak.' },
      'description',
      UNSTORABLE_CHARACTER.text,
    ],
    ['a NUL in the name', { name: 'Jan\u0000 Jansen' }, 'name', UNSTORABLE_CHARACTER.line],
    [
      'a bell character in the desired outcome',
      { desiredOutcome: 'Een andere coach\u0007' },
      'desiredOutcome',
      UNSTORABLE_CHARACTER.text,
    ],
    [
      'a vertical tab (which trimming would drop) at the end of the description',
      { description: 'Mijn coach kwam twee afspraken niet na.\u000B' },
      'description',
      UNSTORABLE_CHARACTER.text,
    ],
    ['DEL in who was involved', { involvedName: 'Mijn coach\u007F' }, 'involvedName', UNSTORABLE_CHARACTER.text],
    ['a C1 control in the city', { city: 'Utrecht\u0085' }, 'city', UNSTORABLE_CHARACTER.line],
    ['a line break in the name (a one-line field)', { name: 'Jan\nJansen' }, 'name', UNSTORABLE_CHARACTER.line],
    ['a tab in the street', { street: 'Dorpsstraat\t1' }, 'street', UNSTORABLE_CHARACTER.line],
    [
      'half an emoji (a lone surrogate) in the description',
      { description: 'Mijn coach kwam twee afspraken niet na \uD83D.' },
      'description',
      UNSTORABLE_CHARACTER.text,
    ],
  ])('refuses %s at its field, with a Dutch message', (_what, overrides, field, message) => {
    expect(errorsOf(overrides)).toEqual({ [field]: message })
  })

  it.each([
    ['name', 200, 'Gebruik hoogstens 200 tekens.'],
    ['description', 10_000, 'Uw beschrijving is te lang: gebruik hoogstens 10.000 tekens, of stuur een bijlage mee.'],
    ['desiredOutcome', 5_000, 'Gebruik hoogstens 5.000 tekens.'],
    ['involvedName', 500, 'Gebruik hoogstens 500 tekens.'],
    ['city', 100, 'Gebruik hoogstens 100 tekens.'],
  ])(
    'a %s of exactly %i characters is kept whole; one more is refused at the field, never cut',
    (field, max, message) => {
      const exact = parse({ [field]: 'a'.repeat(max) })
      expect(exact.success && (exact.data as Record<string, unknown>)[field]).toBe('a'.repeat(max))
      expect(errorsOf({ [field]: 'a'.repeat(max + 1) })).toEqual({ [field]: message })
    },
  )
})

describe('Decision 11: the cliënt’s own name when someone else complains', () => {
  it('control: a cliënt who complains gives no second name', () => {
    expect(errorsOf({})).toEqual({})
  })

  it.each(['client_organisation', 'employer'])(
    'a complainant in the role %s must give the cliënt’s name, at that field, in Dutch',
    (role) => {
      expect(errorsOf({ complainantRole: role })).toEqual({
        clientName: 'Vul de naam in van de cliënt om wie het gaat. Die naam geven wij door aan UWV.',
      })
      const filled = parse({ complainantRole: role, clientName: '  Daan Visser ' })
      expect(filled.success && filled.data.clientName).toBe('Daan Visser')
    },
  )

  it('Art. 1 (ieder): someone else may complain about conduct towards nobody in guidance: the name is optional', () => {
    expect(errorsOf({ complainantRole: 'other' })).toEqual({})
    const filled = parse({ complainantRole: 'other', clientName: 'Daan Visser' })
    expect(filled.success && filled.data.clientName).toBe('Daan Visser')
  })

  it('a case stored before the field existed keeps its saves until someone fills it in', () => {
    const result = complaintSchema({ today: TODAY, emailRequired: true, clientNameRequired: false }).safeParse({
      ...valid,
      complainantRole: 'employer',
    })
    expect(result.success).toBe(true)
  })

  it('refuses a cliënt’s name letters cannot print, like every other name they quote', () => {
    expect(errorsOf({ complainantRole: 'other', clientName: 'דן' }).clientName).toMatch(
      /^Brieven kunnen deze tekens nog niet afdrukken/,
    )
  })
})
