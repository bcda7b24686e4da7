import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../../cms/env'
import { seedSteps } from '../../cms/seed'
import { minimalPdf, tinyPng } from '../helpers/files'
import { intakeForm, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken } from '../helpers/staff'

/**
 * Attachments and letter PDFs (the dossier the complainant may inspect, Art. 6 note) leave the CMS
 * only as downloads, through Payload's own REST handler for `/api/<slug>/file/<name>`: never
 * rendered in the browser (a polyglot file must not run on the CMS's origin), and only for those
 * who may read the case.
 */

const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }

/** A file that is a PDF by its first bytes and an HTML page with a script by the rest. */
const polyglot = Buffer.concat([
  minimalPdf('Polyglot'),
  Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n'),
])

let ctx: TestPayload
let payload: Payload
const auth: Record<'manager' | 'handler' | 'editor', Record<string, string>> = { manager: {}, handler: {}, editor: {} }
let attachments: { filename: string; mimeType: string; bytes: Buffer }[] = []
let letter: { filename: string; bytes: Buffer }

async function staff(role: 'manager' | 'handler' | 'editor') {
  const { token } = await createStaffUserWithToken(payload, `${role}@downloads.example`, role, [role])
  auth[role] = { authorization: `JWT ${token}` }
}

beforeAll(async () => {
  // No e-mail service: the letters stay in the outbox; their PDFs are in the dossier all the same.
  ctx = await createTestPayload({ RESEND_API_KEY: '', SITE_INTERNAL_URL: 'http://127.0.0.1:9' })
  payload = ctx.payload
  for (const step of seedSteps.filter((s) => s.name === 'site service account' || s.name === 'letter texts'))
    await step.run(payload, env)
  await payload.updateGlobal({
    slug: 'settings',
    context: { skipSiteCacheInvalidation: true },
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
  for (const role of ['manager', 'handler', 'editor'] as const) await staff(role)

  const files = [
    { name: 'verslag.pdf', type: 'application/pdf', bytes: minimalPdf('Verslag van het gesprek') },
    { name: 'foto.png', type: 'image/png', bytes: tinyPng },
    { name: 'bewijs.html', type: 'text/html', bytes: polyglot },
  ]
  const response = await ctx.rest('/complaints/intake', {
    method: 'POST',
    body: intakeForm(validIntake(), files),
    headers: SITE,
  })
  expect(response.status).toBe(201)
  const complaint = (
    await payload.find({ collection: 'complaints', sort: '-createdAt', limit: 1, overrideAccess: true })
  ).docs[0]
  if (!complaint) throw new Error('complaint not stored')
  const stored = await payload.find({
    collection: 'complaint-attachments',
    where: { complaint: { equals: complaint.id } },
    sort: 'createdAt',
    overrideAccess: true,
  })
  attachments = stored.docs.map((doc) => {
    const source = files.find((f) => doc.filename?.startsWith(f.name.replace(/\.\w+$/, '')))
    if (!source || !doc.filename || !doc.mimeType) throw new Error(`unexpected attachment ${doc.filename}`)
    return { filename: doc.filename, mimeType: doc.mimeType, bytes: source.bytes }
  })
  expect(attachments).toHaveLength(3)

  // The letters of registration (receipt, UWV notification) come from one job after the answer.
  await payload.jobs.run({ queue: 'outbox' })
  const receipt = (
    await payload.find({
      collection: 'letters',
      where: { complaint: { equals: complaint.id }, purpose: { equals: 'receipt' } },
      overrideAccess: true,
    })
  ).docs[0]
  if (!receipt?.filename) throw new Error('no receipt letter in the dossier')
  const bytes = await ctx.rest(`/letters/file/${encodeURIComponent(receipt.filename)}`, { headers: auth.manager })
  letter = { filename: receipt.filename, bytes: Buffer.from(await bytes.arrayBuffer()) }
  expect(letter.bytes.subarray(0, 5).toString()).toBe('%PDF-')
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
})

const download = (slug: string, filename: string, headers: Record<string, string>) =>
  ctx.rest(`/${slug}/file/${encodeURIComponent(filename)}`, { headers })

function expectDownloadHeaders(response: Response) {
  expect(response.headers.get('content-disposition')).toBe('attachment')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
}

describe('attachments and letters are served as downloads only (Art. 6 note: the dossier), to those who may read the case', () => {
  it('an attachment, downloaded by a manager, comes whole, typed by its bytes, as a download with nosniff', async () => {
    for (const attachment of attachments) {
      const response = await download('complaint-attachments', attachment.filename, auth.manager)
      expect(response.status, attachment.filename).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).equals(attachment.bytes)).toBe(true)
      expect(response.headers.get('content-type')).toBe(attachment.mimeType)
      expectDownloadHeaders(response)
    }
  })

  it('a polyglot attachment (a PDF that is also an HTML page with a script) is a PDF download, never a page', async () => {
    const file = attachments.find((a) => a.bytes === polyglot)
    if (!file) throw new Error('no polyglot attachment')
    expect(file.filename).toMatch(/\.pdf$/)
    const response = await download('complaint-attachments', file.filename, auth.manager)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expectDownloadHeaders(response)
  })

  it('a letter PDF, downloaded by a manager, comes whole as a download with nosniff', async () => {
    const response = await download('letters', letter.filename, auth.manager)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await response.arrayBuffer()).equals(letter.bytes)).toBe(true)
    expectDownloadHeaders(response)
  })

  it('a part of a file (a Range request, as PDF viewers make) and a refused range are downloads too', async () => {
    const part = await ctx.rest(`/letters/file/${encodeURIComponent(letter.filename)}`, {
      headers: { ...auth.manager, range: 'bytes=0-4' },
    })
    expect(part.status).toBe(206)
    expect(Buffer.from(await part.arrayBuffer()).toString()).toBe('%PDF-')
    expectDownloadHeaders(part)
    const refused = await ctx.rest(`/letters/file/${encodeURIComponent(letter.filename)}`, {
      headers: { ...auth.manager, range: 'bytes=999999999-' },
    })
    expect(refused.status).toBe(416)
    expectDownloadHeaders(refused)
  })

  it('access control stays: an editor, a handler who does not have the case and an anonymous visitor get neither file', async () => {
    const [attachment] = attachments
    if (!attachment) throw new Error('no attachment')
    // The control: the same requests succeed for a manager (above); here each is refused.
    for (const [who, headers] of [
      ['editor', auth.editor],
      ['handler', auth.handler],
      ['anonymous', {}],
    ] as const) {
      for (const [slug, filename] of [
        ['complaint-attachments', attachment.filename],
        ['letters', letter.filename],
      ] as const) {
        const response = await download(slug, filename, headers)
        expect([403, 404], `${who} ${slug}`).toContain(response.status)
        expect(Buffer.from(await response.arrayBuffer()).includes('%PDF-'), `${who} ${slug}`).toBe(false)
      }
    }
  })
})
