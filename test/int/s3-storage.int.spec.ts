import path from 'node:path'

import { unzipSync } from 'fflate'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import { fileStorageConfig } from '../../cms/lib/fileStorage'
import { fileStore } from '../../cms/lib/fileStore'
import { applyRetention } from '../../cms/jobs/applyRetention'
import type { Letter } from '../../cms/payload-types'
import { removeOrphanAttachments } from '../../cms/scripts/lib/removeOrphanAttachments'
import { seedSteps } from '../../cms/seed'
import { readUpload } from '../../hooks/privacy/dossierParts'
import { freezeReport, manualKey, reportPdf } from '../../hooks/reports/freezeReport'
import { fileWebComplaint, lettersOf } from '../helpers/cases'
import { filesUnder, minimalPdf } from '../helpers/files'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { type LocalS3, startLocalS3 } from '../helpers/s3'
import { createStaffUser, type StaffUser, staffUserToken } from '../helpers/staff'

/*
 * Shared file storage (S3_BUCKET): attachments, letters and reports live in one bucket that every
 * CMS process and the worker reach, here a local S3-compatible server (s3rver). The same rules
 * hold as on disk: downloads only through Payload's access check (Art. 6 note, the dossier),
 * retention removes a case's files (Decision 19), and nothing is written to the local disk.
 */

const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const DAY = 86_400_000
const NOW = new Date()
const TWO_YEARS_AND_A_DAY = 2 * 366 * DAY

let s3: LocalS3
let ctx: TestPayload
let payload: Payload
let manager: StaffUser
let handler: StaffUser
const auth: Record<'manager' | 'handler' | 'otherHandler' | 'editor', Record<string, string>> = {
  manager: {},
  handler: {},
  otherHandler: {},
  editor: {},
}
const cases = { due: '', kept: '' }

const uploadDir = () => process.env.UPLOAD_DIR ?? ''
const download = (slug: string, filename: string, headers: Record<string, string>) =>
  ctx.rest(`/${slug}/file/${encodeURIComponent(filename)}`, { headers })
const attachmentsOf = async (caseId: string) =>
  (
    await payload.find({
      collection: 'complaint-attachments',
      where: { complaint: { equals: caseId } },
      pagination: false,
      overrideAccess: true,
    })
  ).docs

/** A web complaint with an attachment, through the real workflow up to its letters; closed at `closedAt` if given. */
async function webCase(name: string, closedAt?: Date): Promise<string> {
  const id = (
    await fileWebComplaint(
      ctx,
      {
        name,
        email: `${name
          .normalize('NFD')
          .replace(/[^a-z]/gi, '')
          .toLowerCase()}@example.nl`,
      },
      [{ name: `verslag ${name}.pdf`, type: 'application/pdf', bytes: minimalPdf(`Bijlage van ${name}`) }],
    )
  ).id
  await payload.jobs.run()
  await payload.update({ collection: 'complaints', id, data: { assignedHandler: handler.id }, user: manager })
  const asHandler = (data: Record<string, unknown>) =>
    payload.update({ collection: 'complaints', id, data, overrideAccess: false, user: handler })
  await asHandler({
    status: 'acknowledged',
    acknowledgement: { factsSummary: 'Gemiste afspraken.', statedTermWeeks: 4 },
  })
  await payload.jobs.run()
  await payload.jobs.run({ queue: OUTBOX_QUEUE })
  if (closedAt) {
    await asHandler({ status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
    await payload.jobs.run()
    await payload.update({
      collection: 'complaints',
      id,
      data: { status: 'closed' },
      context: { now: closedAt.toISOString() },
    })
  }
  return id
}

beforeAll(async () => {
  s3 = await startLocalS3()
  ctx = await createTestPayload({ ...s3.env, RESEND_API_KEY: '', SITE_INTERNAL_URL: 'http://127.0.0.1:9' })
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
  await payload.updateGlobal({
    slug: 'settings',
    context: { skipSiteCacheInvalidation: true },
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
  manager = await createStaffUser(payload, 'm@s3.example', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, 'h@s3.example', 'Hans Behandelaar', ['handler'])
  await createStaffUser(payload, 'o@s3.example', 'Olga Behandelaar', ['handler'])
  await createStaffUser(payload, 'e@s3.example', 'Eva Redacteur', ['editor'])
  for (const [role, key] of [
    ['manager', 'm'],
    ['handler', 'h'],
    ['otherHandler', 'o'],
    ['editor', 'e'],
  ] as const)
    auth[role] = { authorization: `JWT ${await staffUserToken(payload, `${key}@s3.example`)}` }

  cases.due = await webCase('Łukasz Wiśniewski', new Date(NOW.getTime() - TWO_YEARS_AND_A_DAY))
  cases.kept = await webCase('Şükrü Nguyễn')
}, 240_000)

afterAll(async () => {
  await ctx?.cleanup()
  await s3?.close()
})

describe('shared storage: the files of every upload collection are in the bucket, none on the local disk', () => {
  it('each attachment is an object under complaints/, with the bytes the complainant sent', async () => {
    const attachments = await attachmentsOf(cases.kept)
    expect(attachments).toHaveLength(1)
    const [attachment] = attachments
    expect(await s3.keys('complaints/')).toContain(`complaints/${attachment?.filename}`)
    const stored = await s3.get(`complaints/${attachment?.filename}`)
    expect(stored?.equals(minimalPdf('Bijlage van Şükrü Nguyễn'))).toBe(true)
  })

  it('each letter of the workflow is an object under letters/ (receipt, UWV notification, acknowledgement)', async () => {
    const letters = await lettersOf(payload, cases.kept)
    expect(letters.map((l) => l.purpose).sort()).toEqual(['acknowledgement', 'receipt', 'uwv_notification'])
    const keys = await s3.keys('letters/')
    for (const letter of letters) expect(keys).toContain(`letters/${letter.filename}`)
  })

  it('the upload folder on disk stays empty', () => {
    // The control that the folder is the one Payload would use: it is the collections' staticDir.
    expect(payload.collections.letters.config.upload.staticDir).toBe(path.join(uploadDir(), 'letters'))
    expect(filesUnder(uploadDir())).toEqual([])
  })
})

describe('Art. 6 note: a file leaves the bucket only through Payload, to those who may read the case', () => {
  let letter: Letter
  beforeAll(async () => {
    const receipt = (await lettersOf(payload, cases.kept)).find((l) => l.purpose === 'receipt')
    if (!receipt) throw new Error('no receipt')
    letter = receipt
  })

  it('a manager downloads a letter and an attachment: the object’s bytes, as a download with nosniff', async () => {
    const [attachment] = await attachmentsOf(cases.kept)
    for (const [slug, folder, filename] of [
      ['letters', 'letters', letter.filename ?? ''],
      ['complaint-attachments', 'complaints', attachment?.filename ?? ''],
    ] as const) {
      const response = await download(slug, filename, auth.manager)
      expect(response.status, slug).toBe(200)
      expect(
        Buffer.from(await response.arrayBuffer()).equals((await s3.get(`${folder}/${filename}`)) ?? Buffer.alloc(0)),
      ).toBe(true)
      expect(response.headers.get('content-type')).toBe('application/pdf')
      expect(response.headers.get('content-disposition')).toBe('attachment')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('the case’s own handler may, another handler, an editor and an anonymous visitor get nothing', async () => {
    // The control: the same request for the handler who has the case succeeds.
    expect((await download('letters', letter.filename ?? '', auth.handler)).status).toBe(200)
    for (const [who, headers] of [
      ['another handler', auth.otherHandler],
      ['editor', auth.editor],
      ['anonymous', {}],
    ] as const) {
      const response = await download('letters', letter.filename ?? '', headers)
      expect([403, 404], who).toContain(response.status)
      expect(Buffer.from(await response.arrayBuffer()).includes('%PDF-'), who).toBe(false)
    }
  })

  it('the dossier for inspection (AVG art. 15) and the complainant’s page read the letters from the bucket', async () => {
    const response = await ctx.rest(`/complaints/${cases.kept}/dossier`, { headers: auth.handler })
    expect(response.status).toBe(200)
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()))
    const zipped = Object.entries(entries)
      .filter(([name]) => name.startsWith('brieven/'))
      .map(([, bytes]) => Buffer.from(bytes))
    const object = await s3.get(`letters/${letter.filename}`)
    expect(object).not.toBeNull()
    expect(zipped.filter((bytes) => object && bytes.equals(object))).toHaveLength(1)
    expect((await readUpload(payload, 'letters', letter.filename ?? '')).equals(object ?? Buffer.alloc(0))).toBe(true)
  })

  it('where a file lies is the server’s to say: a request cannot move it (its storage fields are closed)', async () => {
    const attempt = (overrideAccess: boolean) =>
      payload.update({
        collection: 'letters',
        id: letter.id,
        data: { prefix: 'complaints' },
        user: manager,
        overrideAccess,
        context: { skipCloudStorage: true },
      })
    await attempt(false)
    expect((await payload.findByID({ collection: 'letters', id: letter.id, overrideAccess: true })).prefix).toBe(
      'letters',
    )
    // The control: the same change with access control off (trusted server code) is stored.
    await attempt(true)
    expect((await payload.findByID({ collection: 'letters', id: letter.id, overrideAccess: true })).prefix).toBe(
      'complaints',
    )
    await payload.update({
      collection: 'letters',
      id: letter.id,
      data: { prefix: 'letters' },
      overrideAccess: true,
      context: { skipCloudStorage: true },
    })
  })
})

describe('Art. 9: a frozen report’s PDF is in the bucket', () => {
  it('under reports/, and the managers’ download reads it from there', async () => {
    const period = { from: '2026-01-01', to: '2026-12-31' }
    const { report, created } = await freezeReport(payload, {
      period,
      asOf: NOW,
      kind: 'manual',
      key: manualKey(period, NOW),
      madeBy: manager.id,
    })
    expect(created).toBe(true)
    const object = await s3.get(`reports/${report.filename}`)
    expect(object?.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await reportPdf(payload, report)).equals(object ?? Buffer.alloc(0))).toBe(true)
  })
})

describe('Decision 19: retention and the start-up sweep remove files from the bucket', () => {
  it('the case closed two years ago loses its attachment and letters in the bucket; the other case keeps them', async () => {
    const dueKeys = [
      ...(await attachmentsOf(cases.due)).map((a) => `complaints/${a.filename}`),
      ...(await lettersOf(payload, cases.due)).map((l) => `letters/${l.filename}`),
    ]
    const keptKeys = [
      ...(await attachmentsOf(cases.kept)).map((a) => `complaints/${a.filename}`),
      ...(await lettersOf(payload, cases.kept)).map((l) => `letters/${l.filename}`),
    ]
    // The control: before the run every file of both cases is there.
    expect(dueKeys.length).toBeGreaterThanOrEqual(4)
    const before = await s3.keys()
    for (const key of [...dueKeys, ...keptKeys]) expect(before).toContain(key)

    const result = await applyRetention(payload, NOW)
    expect(result.anonymised).toBe(1)

    const after = await s3.keys()
    for (const key of dueKeys) expect(after).not.toContain(key)
    for (const key of keptKeys) expect(after).toContain(key)
  })

  it('an object under complaints/ that no record knows goes at start-up; the known ones stay', async () => {
    await s3.put('complaints/achtergebleven.pdf', minimalPdf('Van een onderbroken ontvangst'))
    const known = (await attachmentsOf(cases.kept)).map((a) => `complaints/${a.filename}`)
    expect(await s3.keys('complaints/')).toContain('complaints/achtergebleven.pdf')
    // Eleven minutes from now, so that the object is older than the sweep's minimum age.
    const report = await removeOrphanAttachments(payload, new Date(Date.now() + 11 * 60_000))
    expect(report).toMatchObject({ files: 1, records: 0 })
    const keys = await s3.keys('complaints/')
    expect(keys).not.toContain('complaints/achtergebleven.pdf')
    for (const key of known) expect(keys).toContain(key)
    // The bucket's folder now names this database, as a folder on disk would.
    expect(keys).toContain('complaints/.database-id')
  })
})

describe('a bucket the portal cannot use stops the start with one line (cms/scripts/lib/prepare.ts)', () => {
  const storeFor = (overrides: Record<string, string>) =>
    fileStore({
      config: {
        custom: { fileStore: fileStorageConfig(parseEnv({ PAYLOAD_SECRET: TEST_SECRET, ...s3.env, ...overrides })) },
      },
    } as unknown as Payload)

  it('the configured bucket passes (the control); a missing bucket and no server are each named (s3rver checks no keys)', async () => {
    expect(await storeFor({}).problem()).toBeNull()
    expect(await storeFor({ S3_BUCKET: 'bestaat-niet' }).problem()).toMatch(
      /^"bestaat-niet" op http:\/\/127\.0\.0\.1:\d+ bestaat niet: controleer S3_BUCKET/,
    )
    expect(await storeFor({ S3_ENDPOINT: 'http://127.0.0.1:9' }).problem()).toMatch(
      /op http:\/\/127\.0\.0\.1:9 is niet bereikbaar \(/,
    )
  })

  it('the local disk has nothing to check', async () => {
    expect(
      await fileStore({
        config: { custom: { fileStore: { kind: 'disk' } } },
        collections: {},
      } as unknown as Payload).problem(),
    ).toBeNull()
  })
})
