import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { minimalPdf } from '../helpers/files'
import { validIntake } from '../helpers/intake'
import { TEST_SECRET } from '../helpers/payload'

/**
 * The start-up recovery after a crash in the middle of an intake (hooks/complaints/registerComplaint.ts
 * stores the attachments, then the complaint, then links them): what the crash left is removed
 * before the servers start, and nothing that belongs to a complaint is touched.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-orphans-'))
const uploads = path.join(dir, 'uploads')
const folder = path.join(uploads, 'complaints')
const longAgo = new Date(Date.now() - 60 * 60 * 1000)

let prepareDatabase: (now?: Date) => Promise<string[]>
let open: (key: string) => Promise<Payload>

beforeAll(async () => {
  Object.assign(process.env, {
    DATABASE_URL: `file:${dir}/portal.db`,
    UPLOAD_DIR: uploads,
    PAYLOAD_SECRET: TEST_SECRET,
    DISABLE_PAYLOAD_HMR: 'true',
  })
  ;({ prepareDatabase } = await import('../../cms/scripts/lib/prepare'))
  const [{ getPayload }, { default: config }] = await Promise.all([
    import('payload'),
    import('../../cms/payload.config'),
  ])
  open = (key) => getPayload({ config, key })
  await prepareDatabase()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function registerWithAttachment(payload: Payload, name: string) {
  const { registerWebComplaint } = await import('../../hooks/complaints/registerComplaint')
  const bytes = minimalPdf(name)
  const result = await registerWebComplaint(payload, validIntake(), [{ name, size: bytes.length, bytes }], {})
  if (result.kind !== 'stored') throw new Error(`intake refused: ${JSON.stringify(result)}`)
  const complaint = (
    await payload.find({
      collection: 'complaints',
      where: { reference: { equals: result.confirmation.reference } },
      depth: 0,
    })
  ).docs[0]
  const first = complaint?.attachments?.[0]
  const attachment = typeof first === 'string' ? first : String(first?.id)
  return { complaint: String(complaint?.id), attachment, filename: await filenameOf(payload, attachment) }
}

/** An attachment as the intake stores it first: a record and its file, not yet linked to a complaint. */
async function storeUnlinked(payload: Payload, name: string) {
  const bytes = minimalPdf(name)
  const doc = await payload.create({
    collection: 'complaint-attachments',
    overrideAccess: true,
    data: {},
    file: { data: bytes, mimetype: 'application/pdf', name, size: bytes.length },
  })
  return { id: doc.id, filename: String(doc.filename) }
}

async function filenameOf(payload: Payload, id: string): Promise<string> {
  return String(
    (await payload.findByID({ collection: 'complaint-attachments', id, overrideAccess: true, depth: 0 })).filename,
  )
}

const age = (payload: Payload, id: string) =>
  payload.db.updateOne({ collection: 'complaint-attachments', id, data: { createdAt: longAgo.toISOString() } })

function strayFile(name: string, old: boolean) {
  const file = path.join(folder, name)
  writeFileSync(file, minimalPdf(name))
  if (old) utimesSync(file, longAgo, longAgo)
}

const attachmentIds = async (payload: Payload) =>
  (
    await payload.db.find<{ id: string; complaint?: string | null }>({
      collection: 'complaint-attachments',
      pagination: false,
      limit: 0,
      select: { complaint: true },
    })
  ).docs

describe('start-up recovery of an interrupted intake', () => {
  it('removes attachment records of no complaint and files no record knows, keeping every attachment of a complaint', async (context) => {
    if (process.env.PORTAL_TEST_DB === 'mongo')
      context.skip('exercises the SQLite file and upload folder the start script uses')
    const payload = await open('orphans-before')
    // Control: a complaint registered in full, its attachment old enough to be looked at.
    const kept = await registerWithAttachment(payload, 'bewijs.pdf')
    await age(payload, kept.attachment)
    // A crash after the attachments were stored, before the complaint: a record and its file.
    const orphan = await storeUnlinked(payload, 'wees.pdf')
    await age(payload, orphan.id)
    // The same, moments ago: it may belong to an intake still under way.
    const young = await storeUnlinked(payload, 'net-binnen.pdf')
    // A crash after the complaint was stored, before its attachment was linked back.
    const unlinked = await registerWithAttachment(payload, 'nog-koppelen.pdf')
    await payload.db.updateOne({
      collection: 'complaint-attachments',
      id: unlinked.attachment,
      data: { complaint: null },
    })
    await age(payload, unlinked.attachment)
    // A crash between writing a file and storing its record.
    strayFile('los-bestand.pdf', true)
    strayFile('wordt-net-geschreven.pdf', false)
    await payload.destroy()

    const before = readdirSync(folder).sort()
    expect(before).toEqual(
      [
        '.database-id',
        kept.filename,
        orphan.filename,
        young.filename,
        unlinked.filename,
        'los-bestand.pdf',
        'wordt-net-geschreven.pdf',
      ].sort(),
    )

    const lines = await prepareDatabase()
    expect(lines).toContain(
      'interrupted intake: removed 1 attachment record(s) of no complaint and 1 file(s) no record knows',
    )
    expect(lines).toContain('interrupted intake: linked 1 attachment(s) back to the complaint that lists them')

    const after = await open('orphans-after')
    const records = await attachmentIds(after)
    expect(records.map((r) => r.id).sort()).toEqual([kept.attachment, young.id, unlinked.attachment].sort())
    expect(records.find((r) => r.id === kept.attachment)?.complaint).toBe(kept.complaint)
    expect(records.find((r) => r.id === unlinked.attachment)?.complaint).toBe(unlinked.complaint)
    expect(readdirSync(folder).sort()).toEqual(
      ['.database-id', kept.filename, young.filename, unlinked.filename, 'wordt-net-geschreven.pdf'].sort(),
    )
    await after.destroy()

    // A second start finds nothing more to do.
    expect((await prepareDatabase()).filter((l) => l.startsWith('interrupted intake'))).toEqual([])
  })

  it('leaves the files alone in a folder that belongs to another database', async (context) => {
    if (process.env.PORTAL_TEST_DB === 'mongo')
      context.skip('exercises the SQLite file and upload folder the start script uses')
    strayFile('van-een-andere-database.pdf', true)
    writeFileSync(path.join(folder, '.database-id'), 'another-database\n')
    const lines = await prepareDatabase()
    expect(lines.filter((l) => l.startsWith('interrupted intake'))).toEqual([
      `interrupted intake: ${folder} belongs to another database (.database-id): its 1 file(s) that no record knows were left alone`,
    ])
    expect(existsSync(path.join(folder, 'van-een-andere-database.pdf'))).toBe(true)
  })
})
