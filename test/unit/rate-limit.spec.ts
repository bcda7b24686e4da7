import { describe, expect, it } from 'vitest'

import { createSubmissionLimiter, rateLimitMessage } from '../../site/lib/rateLimit'

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 14, 10, minutes))
const HOUR = 60 * 60 * 1000

describe('the complaint form rate limit per IP address', () => {
  it('allows 5 stored complaints in an hour and refuses the 6th, naming the limit', () => {
    const limiter = createSubmissionLimiter({ limit: 5 })
    for (let i = 0; i < 5; i++) expect(limiter.reserve('192.0.2.1', `form-${i}`, at(i)).ok).toBe(true)
    expect(limiter.reserve('192.0.2.1', 'form-5', at(10))).toEqual({ ok: false, limit: 5 })
    expect(rateLimitMessage(5)).toBe(
      'U hebt het afgelopen uur al 5 klachten verstuurd. Probeer het over een uur opnieuw, of bel ons.',
    )
  })

  it('allows again once the first of them is more than an hour old', () => {
    const limiter = createSubmissionLimiter({ limit: 2 })
    limiter.reserve('192.0.2.1', 'a', at(0))
    limiter.reserve('192.0.2.1', 'b', at(30))
    expect(limiter.reserve('192.0.2.1', 'c', at(59)).ok).toBe(false)
    expect(limiter.reserve('192.0.2.1', 'c', new Date(at(0).getTime() + HOUR)).ok).toBe(true)
  })

  it('counts each address on its own', () => {
    const limiter = createSubmissionLimiter({ limit: 1 })
    expect(limiter.reserve('192.0.2.1', 'a', at(0)).ok).toBe(true)
    expect(limiter.reserve('192.0.2.2', 'b', at(0)).ok).toBe(true)
    expect(limiter.reserve('192.0.2.1', 'c', at(1)).ok).toBe(false)
  })

  it('counts only successful submissions: a released place is free again', () => {
    const limiter = createSubmissionLimiter({ limit: 1 })
    const failed = limiter.reserve('192.0.2.1', 'a', at(0))
    if (!failed.ok) throw new Error('expected a place')
    failed.release()
    expect(limiter.reserve('192.0.2.1', 'b', at(1)).ok).toBe(true)
  })

  it('counts the same form sent twice (same token) once, also when the limit is reached', () => {
    const limiter = createSubmissionLimiter({ limit: 1 })
    expect(limiter.reserve('192.0.2.1', 'same-form', at(0)).ok).toBe(true)
    const again = limiter.reserve('192.0.2.1', 'same-form', at(1))
    expect(again.ok).toBe(true)
    // Releasing the repeat does not free the first submission's place.
    if (again.ok) again.release()
    expect(limiter.reserve('192.0.2.1', 'other-form', at(2)).ok).toBe(false)
  })

  it('says "1 klacht" for a limit of one', () => {
    expect(rateLimitMessage(1)).toBe(
      'U hebt het afgelopen uur al 1 klacht verstuurd. Probeer het over een uur opnieuw, of bel ons.',
    )
  })
})
