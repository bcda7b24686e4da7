import type { FlattenedField, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccessLog, Complaint } from '../../cms/payload-types'
import { ACCESS_LOG_WINDOW_MS, logAccess } from '../../hooks/privacy/logAccess'
import { purgeAccessLog } from '../../hooks/privacy/purgeAccessLog'
import { relId } from '../../hooks/relations'
import { minimalPdf } from '../helpers/files'
import { recordedComplaint } from '../helpers/intake'
import { perform, WAYS, type Caller, type Doc } from '../helpers/matrix'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/**
 * The access log ("raadpleeglog", DOMAIN.md Contracts added; Decision 15): every staff read of a
 * complainant's personal data leaves one entry (who, when, which case, what), at most one per
 * reader, case and kind per 10 minutes; nobody changes or removes an entry, except the log's own
 * retention (setting `accessLogYears`).
 */

let ctx: TestPayload
let payload: Payload
let handler: { user: StaffUser; token: string }
let manager: { user: StaffUser; token: string }
const pdf = minimalPdf('Bijlage bij de klacht')

const NAME = 'Petra Persoonsgegeven'

async function caseWithAttachment(marker: string): Promise<{ complaint: Complaint; attachment: string }> {
  const attachment = await payload.create({
    collection: 'complaint-attachments',
    data: {},
    file: { data: pdf, mimetype: 'application/pdf', name: `bijlage-${marker}.pdf`, size: pdf.byteLength },
  })
  const complaint = await payload.create({
    collection: 'complaints',
    data: recordedComplaint({
      complainant: { role: 'client', name: `${NAME} ${marker}`, email: `${marker}@klager.example` },
      attachments: [attachment.id],
      assignedHandler: handler.user.id,
    }),
  })
  await payload.update({ collection: 'complaint-attachments', id: attachment.id, data: { complaint: complaint.id } })
  return { complaint, attachment: attachment.id }
}

/** Every entry about a case, read by trusted code (the test's view of the log). */
async function entriesOf(complaint: string): Promise<AccessLog[]> {
  const { docs } = await payload.find({
    collection: 'access-log',
    where: { complaint: { equals: complaint } },
    sort: 'at',
    depth: 0,
    limit: 100,
    overrideAccess: true,
  })
  return docs
}

const rest = (path: string, token: string, init: RequestInit = {}) =>
  ctx.rest(path, { ...init, headers: { authorization: `JWT ${token}`, ...init.headers } })

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '', SITE_INTERNAL_URL: 'http://127.0.0.1:9' })
  payload = ctx.payload
  handler = await createStaffUserWithToken(payload, 'handler@log.example', 'Henk Handler', ['handler'])
  manager = await createStaffUserWithToken(payload, 'manager@log.example', 'Mia Manager', ['manager'])
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Contracts added, access log: a staff read of personal data is logged', () => {
  it('a REST read of a case by its handler leaves one entry: who, which case, what; no personal data in it', async () => {
    const { complaint } = await caseWithAttachment('rest')
    expect(await entriesOf(complaint.id), 'registration by trusted code logs nothing').toHaveLength(0)
    const response = await rest(`/complaints/${complaint.id}`, handler.token)
    expect(response.status).toBe(200)
    expect(((await response.json()) as Complaint).complainant?.name).toBe(`${NAME} rest`)
    const entries = await entriesOf(complaint.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorKind: 'staff',
      actor: handler.user.id,
      complaint: complaint.id,
      kind: 'case_read',
    })
    expect(JSON.stringify(entries[0])).not.toMatch(/Petra|klager\.example/)
  })

  it('the same read within 10 minutes adds nothing; once the last entry is 10 minutes old, a read adds one', async () => {
    const { complaint } = await caseWithAttachment('again')
    expect((await rest(`/complaints/${complaint.id}`, handler.token)).status).toBe(200)
    expect((await rest(`/complaints/${complaint.id}`, handler.token)).status).toBe(200)
    const [first, ...more] = await entriesOf(complaint.id)
    expect(more).toHaveLength(0)
    if (!first) throw new Error('no entry')
    // The clock: the entry moved back past the window, through the adapter (no hook, no API).
    await payload.db.updateOne({
      collection: 'access-log',
      id: first.id,
      data: { at: new Date(Date.now() - ACCESS_LOG_WINDOW_MS - 1000).toISOString() },
    })
    expect((await rest(`/complaints/${complaint.id}`, handler.token)).status).toBe(200)
    expect(await entriesOf(complaint.id)).toHaveLength(2)
  })

  it('logAccess keeps one entry per reader, case and kind per 10 minutes, counted from the last entry', async () => {
    const { complaint } = await caseWithAttachment('clock')
    const reader = { kind: 'staff', userId: handler.user.id } as const
    const t0 = new Date('2026-12-01T10:00:00Z')
    const after = (ms: number) => new Date(t0.getTime() + ms)
    expect(await logAccess(payload, { reader, complaint: complaint.id, kind: 'case_read', at: t0 })).toBe(true)
    expect(
      await logAccess(payload, { reader, complaint: complaint.id, kind: 'case_read', at: after(9 * 60_000) }),
    ).toBe(false)
    // Another kind and another reader are entries of their own.
    expect(await logAccess(payload, { reader, complaint: complaint.id, kind: 'dossier', at: after(60_000) })).toBe(true)
    expect(
      await logAccess(payload, {
        reader: { kind: 'staff', userId: manager.user.id },
        complaint: complaint.id,
        kind: 'case_read',
        // A moment of its own: entries at the same moment have no order by `at`.
        at: after(2 * 60_000),
      }),
    ).toBe(true)
    expect(
      await logAccess(payload, { reader, complaint: complaint.id, kind: 'case_read', at: after(10 * 60_000) }),
    ).toBe(true)
    expect((await entriesOf(complaint.id)).map((e) => [e.kind, e.actor, e.at])).toEqual([
      ['case_read', handler.user.id, t0.toISOString()],
      ['dossier', handler.user.id, after(60_000).toISOString()],
      ['case_read', manager.user.id, after(2 * 60_000).toISOString()],
      ['case_read', handler.user.id, after(10 * 60_000).toISOString()],
    ])
  })

  it('two reads at the same moment leave one entry (the unique window key decides, not a check before the insert)', async () => {
    const { complaint } = await caseWithAttachment('race')
    const reader = { kind: 'staff', userId: handler.user.id } as const
    const at = new Date('2026-12-01T12:00:00Z')
    const written = await Promise.all(
      Array.from({ length: 4 }, () => logAccess(payload, { reader, complaint: complaint.id, kind: 'case_read', at })),
    )
    expect(written.filter(Boolean)).toHaveLength(1)
    expect(await entriesOf(complaint.id)).toHaveLength(1)
  })

  it('a find returning several cases with personal data is one entry per case; a list selecting only its columns none', async () => {
    const a = await caseWithAttachment('listA')
    const b = await caseWithAttachment('listB')
    const where = `where[id][in]=${a.complaint.id},${b.complaint.id}`
    // As the admin's list asks (enableListViewSelectAPI): its columns only.
    const columns = ['reference', 'receivedAt', 'status', 'assignedHandler'].map((f) => `select[${f}]=true`).join('&')
    const list = await rest(`/complaints?${where}&${columns}`, handler.token)
    expect(list.status).toBe(200)
    expect(((await list.json()) as { docs: Doc[] }).docs).toHaveLength(2)
    expect(await entriesOf(a.complaint.id)).toHaveLength(0)
    expect(await entriesOf(b.complaint.id)).toHaveLength(0)
    const full = await rest(`/complaints?${where}`, handler.token)
    expect(full.status).toBe(200)
    expect((await entriesOf(a.complaint.id)).map((e) => e.kind)).toEqual(['case_read'])
    expect((await entriesOf(b.complaint.id)).map((e) => e.kind)).toEqual(['case_read'])
  })

  it('the Local API with a user logs its reads; trusted code without a user logs nothing', async () => {
    const { complaint } = await caseWithAttachment('local')
    const read = await payload.findByID({ collection: 'complaints', id: complaint.id, overrideAccess: true })
    expect(read.complainant?.name).toBe(`${NAME} local`)
    await payload.find({ collection: 'complaints', where: { id: { equals: complaint.id } } })
    expect(await entriesOf(complaint.id)).toHaveLength(0)
    await payload.findByID({ collection: 'complaints', id: complaint.id, overrideAccess: false, user: handler.user })
    expect((await entriesOf(complaint.id)).map((e) => [e.kind, e.actor])).toEqual([['case_read', handler.user.id]])
  })

  it('a handler looking at a new case in the queue reads no personal data, and nothing is logged', async () => {
    const queued = await payload.create({
      collection: 'complaints',
      data: recordedComplaint({ complainant: { role: 'client', name: NAME, email: 'queue@klager.example' } }),
    })
    const response = await rest(`/complaints/${queued.id}`, handler.token)
    expect(response.status).toBe(200)
    expect(((await response.json()) as Complaint).complainant).toBeUndefined()
    expect(await entriesOf(queued.id)).toHaveLength(0)
  })

  it('a download of an attachment leaves one attachment_downloaded entry; a refused download none', async () => {
    const { complaint, attachment } = await caseWithAttachment('file')
    const { filename } = await payload.findByID({ collection: 'complaint-attachments', id: attachment })
    const path = `/complaint-attachments/file/${encodeURIComponent(filename ?? '')}`
    const outsider = await createStaffUserWithToken(payload, 'other@log.example', 'Olaf Ander', ['handler'])
    expect([403, 404]).toContain((await rest(path, outsider.token)).status)
    expect(await entriesOf(complaint.id)).toHaveLength(0)
    const response = await rest(path, handler.token)
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true)
    // A manager reads every case file: Payload finds no document in its access check, the log names the case all the same.
    expect((await rest(path, manager.token)).status).toBe(200)
    expect((await entriesOf(complaint.id)).map((e) => [e.kind, e.actor])).toEqual([
      ['attachment_downloaded', handler.user.id],
      ['attachment_downloaded', manager.user.id],
    ])
  })
})

describe.each(WAYS)('Contracts added, access log: append-only through the %s API', (way) => {
  const callers = (): Record<'manager' | 'handler', Caller> => ({
    manager: { user: manager.user, authorization: `JWT ${manager.token}` },
    handler: { user: handler.user, authorization: `JWT ${handler.token}` },
  })

  async function anEntry(marker: string): Promise<AccessLog> {
    const { complaint } = await caseWithAttachment(`${way}-${marker}`)
    await logAccess(payload, {
      reader: { kind: 'staff', userId: handler.user.id },
      complaint: complaint.id,
      kind: 'case_read',
    })
    const [entry] = await entriesOf(complaint.id)
    if (!entry) throw new Error('no entry')
    return entry
  }

  it('a manager reads an entry (the control); a handler does not', async () => {
    const entry = await anEntry('read')
    const read = await perform(ctx, way, callers().manager, {
      kind: 'findByID',
      collection: 'access-log',
      id: entry.id,
    })
    expect(read.status).toBe(200)
    expect(read.doc?.kind).toBe('case_read')
    const refused = await perform(ctx, way, callers().handler, {
      kind: 'findByID',
      collection: 'access-log',
      id: entry.id,
    })
    expect(refused.status).toBe(403)
  })

  it('nobody, not even a manager, creates, changes or removes an entry', async () => {
    const entry = await anEntry('write')
    const caseId = relId(entry.complaint) ?? ''
    for (const caller of Object.values(callers())) {
      const before = (await entriesOf(caseId)).length
      const created = await perform(ctx, way, caller, {
        kind: 'create',
        collection: 'access-log',
        data: {
          at: new Date().toISOString(),
          actorKind: 'staff',
          actor: manager.user.id,
          complaint: caseId,
          kind: 'export',
        },
      })
      expect([403, 404]).toContain(created.status)
      expect(await entriesOf(caseId)).toHaveLength(before)
      const changed = await perform(ctx, way, caller, {
        kind: 'update',
        collection: 'access-log',
        id: entry.id,
        data: { kind: 'export' },
      })
      expect([403, 404]).toContain(changed.status)
      const removed = await perform(ctx, way, caller, { kind: 'delete', collection: 'access-log', id: entry.id })
      expect([403, 404]).toContain(removed.status)
      const stored = await payload.findByID({ collection: 'access-log', id: entry.id, depth: 0 })
      expect(stored.kind).toBe('case_read')
    }
  })
})

describe('Contracts added, access log: append-only for trusted code too', () => {
  it('the Local API with overrideAccess changes or removes no entry without the purge context', async () => {
    const { complaint } = await caseWithAttachment('trusted')
    await logAccess(payload, {
      reader: { kind: 'staff', userId: handler.user.id },
      complaint: complaint.id,
      kind: 'case_read',
    })
    const [entry] = await entriesOf(complaint.id)
    if (!entry) throw new Error('no entry')
    await expect(
      payload.update({ collection: 'access-log', id: entry.id, data: { kind: 'export' }, overrideAccess: true }),
    ).rejects.toThrow()
    await expect(payload.delete({ collection: 'access-log', id: entry.id, overrideAccess: true })).rejects.toThrow()
    const bulk = await payload.delete({
      collection: 'access-log',
      where: { id: { equals: entry.id } },
      overrideAccess: true,
    })
    expect(bulk.errors).toHaveLength(1)
    expect((await entriesOf(complaint.id)).map((e) => e.kind)).toEqual(['case_read'])
    // The control: the same delete with the purge's context goes through.
    await payload.delete({
      collection: 'access-log',
      id: entry.id,
      overrideAccess: true,
      context: { accessLogPurge: true },
    })
    expect(await entriesOf(complaint.id)).toHaveLength(0)
  })

  it('purgeAccessLog removes exactly the entries older than accessLogYears (counted from their moment)', async () => {
    const { complaint } = await caseWithAttachment('purge')
    await payload.updateGlobal({
      slug: 'settings',
      context: { skipSiteCacheInvalidation: true },
      data: { accessLogYears: 3 },
    })
    const reader = { kind: 'staff', userId: handler.user.id } as const
    const now = new Date('2030-06-15T12:00:00Z')
    const moments = ['2027-06-15T11:45:00Z', '2027-06-15T12:00:00Z', '2027-06-15T12:15:00Z', '2030-06-01T08:00:00Z']
    for (const at of moments)
      await logAccess(payload, { reader, complaint: complaint.id, kind: 'case_read', at: new Date(at) })
    const other = await caseWithAttachment('purge-other')
    await logAccess(payload, {
      reader,
      complaint: other.complaint.id,
      kind: 'dossier',
      at: new Date('2026-01-01T00:00:00Z'),
    })
    // Other tests' entries (written now, 2026) are older than three years on 15 June 2030 too: count them in.
    const all = await payload.find({ collection: 'access-log', limit: 0, pagination: false, depth: 0 })
    const cutoff = new Date('2027-06-15T12:00:00Z').getTime()
    const old = all.docs.filter((e) => new Date(e.at).getTime() < cutoff).map((e) => e.id)
    expect(old.length).toBeGreaterThanOrEqual(2)
    expect(await purgeAccessLog(payload, now)).toBe(old.length)
    const left = await payload.find({ collection: 'access-log', limit: 0, pagination: false, depth: 0 })
    expect(left.docs.map((e) => e.id).sort()).toEqual(
      all.docs
        .filter((e) => !old.includes(e.id))
        .map((e) => e.id)
        .sort(),
    )
    expect((await entriesOf(complaint.id)).map((e) => e.at)).toEqual([
      '2027-06-15T12:00:00.000Z',
      '2027-06-15T12:15:00.000Z',
      '2030-06-01T08:00:00.000Z',
    ])
    expect(await entriesOf(other.complaint.id)).toHaveLength(0)
  })
})

describe('Contracts added, access log: no other collection reaches it', () => {
  it('no collection has a relationship or join into access-log (Payload’s own included), so no query of another collection names it', () => {
    const reaching: string[] = []
    const walk = (slug: string, fields: readonly FlattenedField[], prefix: string) => {
      for (const field of fields) {
        const path = `${prefix}${field.name}`
        const target =
          field.type === 'relationship' || field.type === 'upload'
            ? [field.relationTo].flat()
            : field.type === 'join'
              ? [field.collection].flat()
              : []
        if (target.includes('access-log')) reaching.push(`${slug}.${path}`)
        if ('flattenedFields' in field) walk(slug, field.flattenedFields, `${path}.`)
        if (field.type === 'blocks')
          for (const block of field.blocks) walk(slug, block.flattenedFields, `${path}.${block.slug}.`)
      }
    }
    for (const collection of payload.config.collections) walk(collection.slug, collection.flattenedFields, '')
    expect(payload.config.collections.map((c) => c.slug)).toContain('payload-locked-documents')
    expect(reaching).toEqual([])
  })
})
