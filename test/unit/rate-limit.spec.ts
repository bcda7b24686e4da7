import { describe, expect, it } from 'vitest'

import { createRateLimiter } from '../../site/lib/limiter/limiter'
import { memoryRateLimitStore } from '../../site/lib/limiter/store'
import { complaintLimitKeys, createComplaintLimiter, rateLimitAlert } from '../../site/lib/rateLimit'

const HOUR = 60 * 60 * 1000
const START = Date.UTC(2026, 11, 1, 9, 0)

/** A clock the test moves: `minutes` after 10:00 Amsterdam time on 1 December 2026. */
function testClock() {
  let now = START
  return { clock: () => new Date(now), at: (minutes: number) => (now = START + minutes * 60_000) }
}

type Step = [minute: number, keys: { ip?: string; email?: string }, id: string, expected: 'ok' | `refused:${string}`]

describe('the rate limiter (site/lib/limiter): sliding window per rule, an id counts once', () => {
  // prettier-ignore
  const tables: [string, { ip: number; email: number }, Step[]][] = [
    ['allows up to the limit of a key and refuses the next, naming the rule', { ip: 2, email: 9 }, [
      [0, { ip: 'a' }, 't1', 'ok'], [1, { ip: 'a' }, 't2', 'ok'], [2, { ip: 'a' }, 't3', 'refused:ip'],
    ]],
    ['counts each value of a key on its own', { ip: 1, email: 9 }, [
      [0, { ip: 'a' }, 't1', 'ok'], [0, { ip: 'b' }, 't2', 'ok'], [1, { ip: 'a' }, 't3', 'refused:ip'],
    ]],
    ['frees a place once the first hit is a full window old, not a minute earlier', { ip: 1, email: 9 }, [
      [0, { ip: 'a' }, 't1', 'ok'], [59, { ip: 'a' }, 't2', 'refused:ip'], [60, { ip: 'a' }, 't2', 'ok'],
    ]],
    ['the same id again counts once, also at the limit', { ip: 1, email: 9 }, [
      [0, { ip: 'a' }, 'same', 'ok'], [5, { ip: 'a' }, 'same', 'ok'], [6, { ip: 'a' }, 'other', 'refused:ip'],
    ]],
    ['applies every rule whose key is given; the strictest refuses', { ip: 9, email: 1 }, [
      [0, { ip: 'a', email: 'x' }, 't1', 'ok'], [1, { ip: 'b', email: 'x' }, 't2', 'refused:email'],
      [2, { ip: 'a', email: 'y' }, 't3', 'ok'],
    ]],
    ['an event refused by one rule takes no place under the others', { ip: 2, email: 1 }, [
      [0, { ip: 'a', email: 'x' }, 't1', 'ok'], [1, { ip: 'a', email: 'x' }, 't2', 'refused:email'],
      [2, { ip: 'a', email: 'y' }, 't3', 'ok'], [3, { ip: 'a', email: 'z' }, 't4', 'refused:ip'],
    ]],
    ['a rule without a key is not applied', { ip: 1, email: 1 }, [
      [0, { ip: 'a' }, 't1', 'ok'], [1, { email: 'x' }, 't2', 'ok'], [2, { email: 'x' }, 't3', 'refused:email'],
    ]],
  ]
  it.each(tables)('%s', async (_, limits, steps) => {
    const { clock, at } = testClock()
    const limiter = createRateLimiter({
      store: memoryRateLimitStore(),
      clock,
      rules: { ip: { limit: limits.ip, windowMs: HOUR }, email: { limit: limits.email, windowMs: HOUR } },
    })
    for (const [minute, keys, id, expected] of steps) {
      at(minute)
      const answer = await limiter.reserve(keys, id)
      expect(answer.ok ? 'ok' : `refused:${answer.rule}`, `minute ${minute}, ${id}`).toBe(expected)
    }
  })

  it('says when the first place frees up: an hour after the oldest hit', async () => {
    const { clock, at } = testClock()
    const limiter = createRateLimiter({
      store: memoryRateLimitStore(),
      clock,
      rules: { ip: { limit: 2, windowMs: HOUR } },
    })
    at(10)
    await limiter.reserve({ ip: 'a' }, 't1')
    at(25)
    await limiter.reserve({ ip: 'a' }, 't2')
    at(30)
    expect(await limiter.reserve({ ip: 'a' }, 't3')).toEqual({
      ok: false,
      rule: 'ip',
      limit: 2,
      retryAt: new Date(START + 70 * 60_000),
    })
  })

  it('a released place is free again; releasing a repeat does not free the first one', async () => {
    const { clock } = testClock()
    const limiter = createRateLimiter({
      store: memoryRateLimitStore(),
      clock,
      rules: { ip: { limit: 1, windowMs: HOUR } },
    })
    const failed = await limiter.reserve({ ip: 'a' }, 't1')
    if (!failed.ok) throw new Error('expected a place')
    await failed.release()
    const stored = await limiter.reserve({ ip: 'a' }, 't2')
    expect(stored.ok).toBe(true)
    const repeat = await limiter.reserve({ ip: 'a' }, 't2')
    if (!repeat.ok) throw new Error('a repeat is allowed')
    await repeat.release()
    expect((await limiter.reserve({ ip: 'a' }, 't3')).ok).toBe(false)
  })

  it('the in-memory store forgets the least recently counted key beyond its bound', async () => {
    const store = memoryRateLimitStore({ maxKeys: 2 })
    await store.take('a', { id: '1', at: 10 }, 0, 1)
    await store.take('b', { id: '2', at: 10 }, 0, 1)
    await store.take('c', { id: '3', at: 10 }, 0, 1)
    expect(await store.take('a', { id: '4', at: 11 }, 0, 1)).toEqual({ kind: 'taken' })
    expect(await store.take('c', { id: '5', at: 11 }, 0, 1)).toEqual({ kind: 'full', oldest: 10 })
  })
})

describe('the complaint form’s limits: generous per IP address, strict per e-mail address', () => {
  it('defaults: 30 per IP address and 3 per e-mail address an hour; the address in any case is one address', async () => {
    const { clock } = testClock()
    const limiter = createComplaintLimiter({ perAddress: 30, perEmail: 3, clock })
    // A library: 30 people, each with their own address, from one IP address.
    for (let i = 0; i < 30; i++)
      expect((await limiter.reserve(complaintLimitKeys('192.0.2.1', `lezer${i}@example.nl`), `form-${i}`)).ok).toBe(
        true,
      )
    expect(await limiter.reserve(complaintLimitKeys('192.0.2.1', 'lezer30@example.nl'), 'form-30')).toMatchObject({
      ok: false,
      rule: 'address',
    })
    for (let i = 0; i < 3; i++)
      expect((await limiter.reserve(complaintLimitKeys(`198.51.100.${i}`, ' Jan@Example.nl'), `jan-${i}`)).ok).toBe(
        true,
      )
    expect(await limiter.reserve(complaintLimitKeys('198.51.100.9', 'jan@example.nl'), 'jan-3')).toMatchObject({
      ok: false,
      rule: 'email',
      limit: 3,
    })
  })

  const contact = {
    organisationName: 'Working Progression',
    phone: '030 123 45 67',
    address: { street: 'Voorbeeldlaan 1', postalCode: '3511 AB', city: 'Utrecht' },
  }
  const retryAt = new Date(START + 70 * 60_000)

  it('per IP address: says what happened, keeps their input, when to try again, and how else to file', () => {
    expect(rateLimitAlert({ rule: 'address', limit: 30, retryAt }, contact)).toEqual({
      title: 'Uw klacht is nog niet verstuurd',
      messages: [
        'Het afgelopen uur zijn er al veel klachten verstuurd. Daarom kan het formulier nu even geen nieuwe klacht aannemen. Dat kan gebeuren als veel mensen hetzelfde internet gebruiken, bijvoorbeeld op een kantoor of in een bibliotheek.',
        'U bent niets kwijt: wat u hebt ingevuld, staat hieronder nog.',
        'Verstuur het formulier na 11:10 uur opnieuw. Wilt u niet wachten? Dien uw klacht dan op een andere manier in:',
      ],
      ways: [
        { label: 'Bel ons', text: '030 123 45 67', href: 'tel:0301234567' },
        { label: 'Stuur een brief naar', text: 'Working Progression, Voorbeeldlaan 1, 3511 AB Utrecht' },
      ],
    })
  })

  it('per e-mail address: the same words as the general limit, so the refusal does not tell that the address was used; without contact details in the settings it offers none', () => {
    const alert = rateLimitAlert({ rule: 'email', limit: 3, retryAt }, { organisationName: 'Working Progression' })
    const general = rateLimitAlert({ rule: 'address', limit: 30, retryAt }, { organisationName: 'Working Progression' })
    expect(alert).toEqual(general)
    expect(alert.messages.join(' ')).not.toMatch(/e-mailadres|3 klachten/)
    expect(alert.messages[2]).toBe('Verstuur het formulier na 11:10 uur opnieuw.')
    expect(alert.ways).toEqual([])
  })
})
