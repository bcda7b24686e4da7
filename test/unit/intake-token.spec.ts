import { describe, expect, it } from 'vitest'

import { dutchDate } from '../../site/lib/dutchDate'
import { type Proof, PROOF_LIFETIME_MS, proofKey, signProof, verifyProof } from '../../site/lib/proofToken'

const key = proofKey('een-geheim-van-de-site-van-minstens-16-tekens')
const now = new Date('2026-03-14T10:00:00Z')
const proof: Proof = {
  reference: 'WP-2026-0007',
  receivedAt: '2026-03-14T10:00:00.000Z',
  acknowledgeBy: '2026-03-19T22:59:59.999Z',
  decisionTargetBy: '2026-04-11T21:59:59.999Z',
  decisionLimitBy: '2026-04-25T21:59:59.999Z',
  emailed: true,
}

const later = (ms: number) => new Date(now.getTime() + ms)

describe('the proof of receipt in the confirmation address', () => {
  it('round-trips: what was signed is what the confirmation page shows', () => {
    const token = signProof(proof, key, now)
    expect(verifyProof(token, key, later(60_000))).toEqual(proof)
  })

  it('is URL-safe and carries no personal data, only the reference and the dates', () => {
    const token = signProof(proof, key, now)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    const payload = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >
    expect(Object.keys(payload).sort()).toEqual(
      [
        'acknowledgeBy',
        'decisionLimitBy',
        'decisionTargetBy',
        'emailed',
        'expiresAt',
        'receivedAt',
        'reference',
      ].sort(),
    )
  })

  it('is refused once it expired (after 24 hours)', () => {
    const token = signProof(proof, key, now)
    expect(verifyProof(token, key, later(PROOF_LIFETIME_MS - 1))).toEqual(proof)
    expect(verifyProof(token, key, later(PROOF_LIFETIME_MS))).toBeNull()
  })

  it('is refused when its content was changed, even with the signature left as it was', () => {
    const [payload, signature] = signProof(proof, key, now).split('.') as [string, string]
    const changed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    changed.reference = 'WP-2026-0008'
    const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`
    expect(verifyProof(forged, key, now)).toBeNull()
  })

  it('is refused when its lifetime was stretched', () => {
    const [payload, signature] = signProof(proof, key, now).split('.') as [string, string]
    const changed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    changed.expiresAt = Number(changed.expiresAt) + 365 * 24 * 3600 * 1000
    expect(
      verifyProof(
        `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`,
        key,
        later(PROOF_LIFETIME_MS),
      ),
    ).toBeNull()
  })

  it('is refused when signed with another key (the cache signal secret itself is not the proof key)', () => {
    const secret = 'een-geheim-van-de-site-van-minstens-16-tekens'
    const token = signProof(proof, proofKey('een-ander-geheim-van-minstens-16-tekens'), now)
    expect(verifyProof(token, key, now)).toBeNull()
    expect(proofKey(secret).equals(Buffer.from(secret))).toBe(false)
  })

  it.each([
    ['missing', null],
    ['empty', ''],
    ['without a signature', 'eyJhIjoxfQ'],
    ['with a third part', `${signProof(proof, key, now)}.x`],
    ['not base64url at all', '%%%.%%%'],
    ['absurdly long', 'a'.repeat(5000)],
  ])('is refused when %s', (_what, token) => {
    expect(verifyProof(token, key, now)).toBeNull()
  })

  it('refuses to sign a reference that is not WP-<year>-<number>', () => {
    expect(() => signProof({ ...proof, reference: 'Jan Jansen' }, key, now)).toThrow()
  })
})

describe('Art. 5, 7: the dates the confirmation page shows, read from the proof on the Amsterdam calendar', () => {
  // The intake's answer for these moments (test/int/intake.int.spec.ts), due dates worked out by hand:
  // the end of the local day, which in UTC may still be the day before.
  it.each([
    {
      what: 'received on Saturday 28 March 00:30 (27 March in UTC), summer time from 29 March',
      answer: {
        receivedAt: '2026-03-27T23:30:00.000Z',
        acknowledgeBy: '2026-04-02T21:59:59.999Z',
        decisionTargetBy: '2026-04-25T21:59:59.999Z',
        decisionLimitBy: '2026-05-09T21:59:59.999Z',
      },
      shown: [
        ['28 maart 2026', '2026-03-28'],
        ['2 april 2026', '2026-04-02'],
        ['25 april 2026', '2026-04-25'],
        ['9 mei 2026', '2026-05-09'],
      ],
    },
    {
      what: 'received on Saturday 24 October 00:30 (23 October in UTC), winter time from 25 October',
      answer: {
        receivedAt: '2026-10-23T22:30:00.000Z',
        acknowledgeBy: '2026-10-29T22:59:59.999Z',
        decisionTargetBy: '2026-11-21T22:59:59.999Z',
        decisionLimitBy: '2026-12-05T22:59:59.999Z',
      },
      shown: [
        ['24 oktober 2026', '2026-10-24'],
        ['29 oktober 2026', '2026-10-29'],
        ['21 november 2026', '2026-11-21'],
        ['5 december 2026', '2026-12-05'],
      ],
    },
  ])('$what', ({ answer, shown }) => {
    const signed = signProof({ reference: 'WP-2026-0007', emailed: true, ...answer }, key, new Date(answer.receivedAt))
    const read = verifyProof(signed, key, new Date(answer.receivedAt))
    if (!read) throw new Error('proof refused')
    // The page's four <time> elements, in its order: received, acknowledgement, decision (target), decision (limit).
    const dates = [read.receivedAt, read.acknowledgeBy, read.decisionTargetBy, read.decisionLimitBy].map(dutchDate)
    expect(dates.map((d) => [d.text, d.iso])).toEqual(shown)
  })
})
