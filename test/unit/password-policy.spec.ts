import { describe, expect, it } from 'vitest'

import { passwordProblem, personalParts, zxcvbnLoads } from '../../hooks/users/passwordPolicy'

const owner = { email: 'jan.jansen@workingprogression.nl', name: 'Jan Jansen' }
const GUESSABLE = /^Kies een wachtwoord dat moeilijker te raden is: /

describe('staff passwords (OWASP ASVS V2.1.1, V2.1.7)', () => {
  it('zxcvbn is built only when a password is first judged, and once', async () => {
    expect(zxcvbnLoads()).toBe(0)
    await passwordProblem('kwarktaart-lantaarn-negen', owner)
    await passwordProblem('fietsbel-oceaan-trommel', owner)
    expect(zxcvbnLoads()).toBe(1)
  })

  it.each([
    // Controls: long, unrelated words, nothing of the person in them.
    ['kwarktaart-lantaarn-negen'],
    ['Zomer-Fiets-Lamp-42'],
    ['correct horse battery staple'],
    ['een-lang-wachtwoord'],
  ])('accepts %s', async (password) => {
    expect(await passwordProblem(password, owner)).toBeNull()
  })

  it('keeps the minimum of 12 characters, with its own message', async () => {
    expect(await passwordProblem('Kw4rk!taart', owner)).toBe('Kies een wachtwoord van minstens 12 tekens.')
  })

  it.each([
    ['a common password', 'password1234', 'het lijkt op een veelgebruikt wachtwoord'],
    ['a keyboard row', 'qwertyuiop12', 'het lijkt op een veelgebruikt wachtwoord'],
    ['repeated characters', 'aaaaaaaaaaaaaaaa', 'het herhaalt dezelfde tekens'],
    ['a sequence', 'abcdefghijklmnop', 'het bevat een reeks zoals abc of 123'],
    ['the Dutch word for password', 'Wachtwoord2024!', 'het is te voorspelbaar'],
    ["the portal's own name", 'WorkingProgression1', 'het is te voorspelbaar'],
  ])('refuses %s (%s)', async (_label, password, reason) => {
    const message = await passwordProblem(password, owner)
    expect(message).toMatch(GUESSABLE)
    expect(message).toContain(reason)
  })

  it.each([
    ['the name', 'JanJansen-fiets-42'],
    ['a word of the name, written otherwise', 'zomer-JANSEN-lamp'],
    ['the e-mail local part', 'jan.jansen-kwarktaart'],
    ['the name with accents', 'jänsen-kwarktaart-lamp'],
  ])('refuses a password that contains %s', async (_label, password) => {
    // Control: the same password is fine for someone else.
    expect(await passwordProblem(password, { email: 'piet@example.nl', name: 'Piet Pieters' })).toBeNull()
    expect(await passwordProblem(password, owner)).toBe(
      'Kies een wachtwoord dat moeilijker te raden is: het bevat uw naam of een deel van uw e-mailadres. Neem bijvoorbeeld vier losse woorden die niets met elkaar te maken hebben.',
    )
  })

  it('takes whole names and local parts from 3 characters, their words from 4', () => {
    expect(personalParts({ email: 'ina@example.nl', name: 'Jan de Vries' }).sort()).toEqual([
      'ina',
      'jandevries',
      'vries',
    ])
    expect(personalParts({ email: 'b@example.nl', name: 'B' })).toEqual([])
  })
})
