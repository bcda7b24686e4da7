import { describe, expect, it } from 'vitest'

import type { ComplaintInput } from '../../hooks/complaints/schema'
import { ATTACHMENTS_TOO_LARGE_AT_CMS, submitComplaint } from '../../site/lib/cms'

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

const confirmation = {
  reference: 'WP-2026-0007',
  receivedAt: '2026-03-14T10:00:00.000Z',
  deadlines: {
    acknowledgeBy: '2026-03-19T22:59:59.999Z',
    nonAdmissionNoticeBy: '2026-04-11T21:59:59.999Z',
    decisionTargetBy: '2026-04-11T21:59:59.999Z',
    decisionLimitBy: '2026-04-25T21:59:59.999Z',
  },
  emailed: true,
  callbackRequested: false,
}

type Seen = { url: string; init: RequestInit }

function fakeCms(answer: () => Response | Promise<Response>) {
  const seen: Seen[] = []
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: (url as string | URL).toString(), init: init ?? {} })
    return answer()
  }) as typeof globalThis.fetch
  return { seen, fetch }
}

const request = (files: File[] = []) => ({
  input,
  consent: true as const,
  formToken: 'c0ffee00-0000-4000-8000-000000000001',
  files,
})
const options = (fetch: typeof globalThis.fetch) => ({ fetch, apiUrl: 'http://cms.test/api', apiKey: 'k'.repeat(32) })

describe('storing a complaint through the CMS intake endpoint', () => {
  it('posts the parsed input with consent and form token as `data`, and one `files` part per attachment', async () => {
    const cms = fakeCms(() => Response.json(confirmation, { status: 201 }))
    const pdf = new File(['%PDF-1.4\n'], 'brief.pdf', { type: 'application/pdf' })
    const png = new File([new Uint8Array([0x89, 0x50])], 'foto.png', { type: 'image/png' })
    await submitComplaint(request([pdf, png]), options(cms.fetch))

    const [call] = cms.seen
    expect(call?.url).toBe('http://cms.test/api/complaints/intake')
    expect(call?.init.method).toBe('POST')
    expect(new Headers(call?.init.headers).get('authorization')).toBe(`service-accounts API-Key ${'k'.repeat(32)}`)
    const body = call?.init.body as FormData
    expect(JSON.parse(String(body.get('data') as string))).toEqual({
      ...input,
      consent: true,
      formToken: 'c0ffee00-0000-4000-8000-000000000001',
    })
    expect(body.getAll('files').map((f) => [(f as File).name, (f as File).type])).toEqual([
      ['brief.pdf', 'application/pdf'],
      ['foto.png', 'image/png'],
    ])
  })

  it.each([
    [201, false],
    [200, true],
  ])('HTTP %i: stored (repeated form token: %s), with what the confirmation page shows', async (status, repeated) => {
    const cms = fakeCms(() => Response.json(confirmation, { status }))
    expect(await submitComplaint(request(), options(cms.fetch))).toEqual({
      kind: 'stored',
      repeated,
      changed: false,
      ...confirmation,
    })
  })

  it.each([
    ['same', false],
    ['changed', true],
  ])(
    'a repeated form token with resubmission "%s": the edit was stored: %s (the confirmation page says so)',
    async (resubmission, changed) => {
      const cms = fakeCms(() => Response.json({ ...confirmation, resubmission }, { status: 200 }))
      expect(await submitComplaint(request(), options(cms.fetch))).toEqual({
        kind: 'stored',
        repeated: true,
        changed,
        ...confirmation,
      })
    },
  )

  it("HTTP 400: the CMS's messages per field", async () => {
    const errors = { attachments: 'Bestand x.exe is geen PDF, JPEG, PNG of Word-bestand.' }
    const cms = fakeCms(() => Response.json({ errors }, { status: 400 }))
    expect(await submitComplaint(request(), options(cms.fetch))).toEqual({ kind: 'invalid', errors })
  })

  it('HTTP 413: named at the attachments', async () => {
    const cms = fakeCms(() => new Response('too large', { status: 413 }))
    expect(await submitComplaint(request(), options(cms.fetch))).toEqual({
      kind: 'invalid',
      errors: { attachments: ATTACHMENTS_TOO_LARGE_AT_CMS },
    })
  })

  it.each([
    [
      "the intake's own 503 (it undid its writes)",
      () => Response.json({ error: 'De klacht is niet opgeslagen.', stored: false }, { status: 503 }),
    ],
    ['HTTP 403 (wrong key)', () => Response.json({ error: 'Geen toegang.' }, { status: 403 })],
    ['a 400 without messages', () => Response.json({}, { status: 400 })],
  ])('%s: certainly not stored, and the CMS is not asked again', async (_what, answer) => {
    const cms = fakeCms(answer)
    expect(await submitComplaint(request(), options(cms.fetch))).toEqual({ kind: 'notStored', reason: 'refused' })
    expect(cms.seen.map((s) => s.url)).toEqual(['http://cms.test/api/complaints/intake'])
  })

  it('connection refused (the CMS is down): certainly not stored, said as such', async () => {
    const cms = fakeCms(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3000'), { code: 'ECONNREFUSED' }),
      })
    })
    expect(await submitComplaint(request(), options(cms.fetch))).toEqual({ kind: 'notStored', reason: 'unreachable' })
  })

  const notFound = () => Response.json({ stored: false })
  it.each([
    ['HTTP 500 with HTML', () => new Response('<html>', { status: 500 })],
    ['a 502 from a proxy in between', () => new Response('Bad gateway', { status: 502 })],
    ['a 201 without a reference', () => Response.json({ ...confirmation, reference: undefined }, { status: 201 })],
    [
      'a timeout',
      () => {
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError')
      },
    ],
    [
      'a connection reset after the form went out',
      () => {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        })
      },
    ],
  ])(
    '%s: maybe stored — the site asks by form token, and without a yes says it is not sure (never "not stored")',
    async (_what, answer) => {
      let calls = 0
      const cms = fakeCms(() => (calls++ === 0 ? answer() : notFound()))
      expect(await submitComplaint(request(), options(cms.fetch))).toEqual({ kind: 'uncertain' })
      const [, lookup] = cms.seen
      expect(lookup?.url).toBe('http://cms.test/api/complaints/intake/status')
      expect(JSON.parse(String(lookup?.init.body as string))).toEqual({
        formToken: 'c0ffee00-0000-4000-8000-000000000001',
      })
      expect(new Headers(lookup?.init.headers).get('authorization')).toBe(`service-accounts API-Key ${'k'.repeat(32)}`)
    },
  )

  it('a timeout, and the check by form token finds it: stored, with its proof', async () => {
    let calls = 0
    const cms = fakeCms(() => {
      if (calls++ === 0) throw new DOMException('The operation was aborted due to timeout', 'TimeoutError')
      return Response.json({ stored: true, ...confirmation })
    })
    expect(await submitComplaint(request(), options(cms.fetch))).toEqual({
      kind: 'stored',
      repeated: false,
      changed: false,
      ...confirmation,
    })
  })

  it('a timeout, and the check by form token fails too: not sure', async () => {
    const cms = fakeCms(() => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    })
    expect(await submitComplaint(request(), options(cms.fetch))).toEqual({ kind: 'uncertain' })
  })
})
