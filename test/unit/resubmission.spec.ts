import { describe, expect, it } from 'vitest'

import type { ComplaintInput } from '../../hooks/complaints/schema'
import {
  contentDigest,
  earlierComplaint,
  formTokenFor,
  readLastSubmission,
  resubmissionKey,
  signLastSubmission,
} from '../../site/lib/resubmission'

const key = resubmissionKey('een-geheim-van-de-site-van-minstens-16-tekens')
const input = {
  complainantRole: 'client',
  onBehalfOf: false,
  name: 'Jan Jansen',
  email: 'jan@example.nl',
  conductWhen: 'unknown',
  involvedKind: 'unknown',
  categories: ['negligence'],
  description: 'Mijn coach kwam twee afspraken niet na.',
  discussedBefore: 'no',
  wantsHearing: false,
  wantsHelpWriting: false,
} as ComplaintInput

describe('sending the same complaint again from the same browser', () => {
  it('gives the same digest for the same content, whatever the order of the fields', () => {
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as ComplaintInput
    expect(contentDigest(reordered, key)).toBe(contentDigest(input, key))
  })

  it('gives another digest for another complaint', () => {
    expect(contentDigest({ ...input, description: 'Mijn coach kwam drie afspraken niet na.' }, key)).not.toBe(
      contentDigest(input, key),
    )
    expect(contentDigest({ ...input, categories: ['negligence', 'privacy_breach'] }, key)).not.toBe(
      contentDigest(input, key),
    )
  })

  it('remembers which token was used, in a cookie without personal data', () => {
    const digest = contentDigest(input, key)
    const cookie = signLastSubmission(
      { token: 'c0ffee00-0000-4000-8000-000000000001', digest, reference: 'WP-2026-0007' },
      key,
    )
    expect(cookie).not.toContain('Jan')
    expect(readLastSubmission(cookie, key)).toEqual({
      token: 'c0ffee00-0000-4000-8000-000000000001',
      digest,
      reference: 'WP-2026-0007',
    })
  })

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['with a changed token', (c: string) => c.replace(/^c0ffee00/, 'deadbeef')],
    [
      'signed with another key',
      () =>
        signLastSubmission(
          { token: 't', digest: 'd', reference: 'WP-2026-0007' },
          resubmissionKey('een-ander-geheim-van-minstens-16-tekens'),
        ),
    ],
    ['with a changed reference', (c: string) => c.replace('WP-2026-0007', 'WP-2026-0008')],
  ])('ignores a cookie that is %s', (_what, make) => {
    const valid = signLastSubmission(
      { token: 'c0ffee00-0000-4000-8000-000000000001', digest: contentDigest(input, key), reference: 'WP-2026-0007' },
      key,
    )
    const value = typeof make === 'function' ? make(valid) : make
    expect(readLastSubmission(value, key)).toBeNull()
  })
})

describe('back, edit, send again: which form token goes to the CMS', () => {
  const last = {
    token: 'c0ffee00-0000-4000-8000-000000000001',
    digest: contentDigest(input, key),
    reference: 'WP-2026-0007',
  }
  it('the same content again: the remembered token, so the CMS answers with the first complaint', () => {
    expect(formTokenFor(last, contentDigest(input, key), 'deadbeef-0000-4000-8000-000000000002')).toBe(last.token)
  })
  it('other content: the form’s own token — the kept form’s token makes the CMS report the edit as not stored, a fresh form’s a new complaint', () => {
    const edited = contentDigest({ ...input, description: 'Mijn coach kwam drie afspraken niet na.' }, key)
    expect(formTokenFor(last, edited, last.token)).toBe(last.token)
    expect(formTokenFor(last, edited, 'deadbeef-0000-4000-8000-000000000002')).toBe(
      'deadbeef-0000-4000-8000-000000000002',
    )
    expect(formTokenFor(null, edited, 'deadbeef-0000-4000-8000-000000000002')).toBe(
      'deadbeef-0000-4000-8000-000000000002',
    )
  })
  it('a new complaint with other content after one from this browser names the earlier one (control: the same complaint again, or none before, names none)', () => {
    const edited = contentDigest({ ...input, description: 'Mijn coach kwam drie afspraken niet na.' }, key)
    expect(
      earlierComplaint(last, {
        token: 'deadbeef-0000-4000-8000-000000000002',
        digest: edited,
        reference: 'WP-2026-0008',
      }),
    ).toBe('WP-2026-0007')
    expect(
      earlierComplaint(last, { token: last.token, digest: last.digest, reference: 'WP-2026-0007' }),
    ).toBeUndefined()
    expect(
      earlierComplaint(null, {
        token: 'deadbeef-0000-4000-8000-000000000002',
        digest: edited,
        reference: 'WP-2026-0008',
      }),
    ).toBeUndefined()
  })
})
