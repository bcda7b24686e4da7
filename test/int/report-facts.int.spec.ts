import { rmSync } from 'node:fs'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../../cms/env'
import { configFor } from '../../cms/config'
import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import type { Complaint, User } from '../../cms/payload-types'
import { personalFieldNames } from '../../collections/access/personalData'
import { Complaints } from '../../collections/Complaints'
import { computeReport, type Period } from '../../hooks/reports/computeReport'
import { mongoFactsQuery } from '../../hooks/reports/facts/readFacts'
import { rebuildCaseFacts } from '../../hooks/reports/facts/rebuildCaseFacts'
import { reportCsv } from '../../hooks/reports/files/csv'
import { loadCaseFacts, loadPeriodFacts, loadReport } from '../../hooks/reports/loadReport'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { filesUnder } from '../helpers/files'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser } from '../helpers/staff'

/**
 * Art. 9, Decision 18 and 19: the report is read from the `case-facts` projection, which every
 * timeline entry keeps up to date, and it rests on the timeline alone: with every complaint's
 * personal data blanked, every file gone and every complaint row removed, it stays the same.
 * With TEST_DATABASE_URL=mongodb://… the int-mongo project runs this file on MongoDB too (its
 * adapter-level read, hooks/reports/facts/readFacts.ts, held to the same fold); without it, the
 * MongoDB query is checked offline against the Mongoose model (last block), as the schema is.
 */
type Staff = User & { collection: 'users' }
type SqliteClient = { execute(stmt: string | { sql: string; args: unknown[] }): Promise<{ rows: unknown[] }> }

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: Staff
let handler: Staff
const cases: Record<'decided' | 'notAdmitted' | 'withdrawn' | 'open', string> = {
  decided: '',
  notAdmitted: '',
  withdrawn: '',
  open: '',
}
/** A moment after the decided case's acknowledgement was sent and before its decision. */
let midway = ''
const ALL: Period = { from: '2020-01-01', to: '2030-12-31' }

const update = (id: string, data: Record<string, unknown>) =>
  payload.update({ collection: 'complaints', id, data, overrideAccess: false, user: handler })
const runOutbox = () => payload.jobs.run({ queue: OUTBOX_QUEUE })
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()
const isSqlite = () => payload.db.name === 'sqlite'
const sqlite = () => (payload.db as unknown as { client: SqliteClient }).client

async function recordCase(receivedAt: string, data: Partial<Complaint> = {}): Promise<string> {
  const c = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: recordedComplaint({ receivedAt, assignedHandler: handler.id, ...data }),
  })
  return c.id
}

const byCase = <T extends { complaint: string }>(facts: T[]): T[] =>
  [...facts].sort((a, b) => a.complaint.localeCompare(b.complaint))

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: 're_report_facts_key_123' })
  ctx = await createTestPayload({
    RESEND_API_KEY: 're_report_facts_key_123',
    RESEND_BASE_URL: fake.url,
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
  manager = await createStaffUser(payload, 'manager@example.nl', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, 'h@example.nl', 'Hans Behandelaar', ['handler'])
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })

  cases.decided = await recordCase(daysAgo(12), {
    complainant: { role: 'client', name: 'Dirk Besluit', email: 'dirk@example.nl' },
    categories: ['negligence', 'privacy_breach'],
  })
  await update(cases.decided, {
    status: 'acknowledged',
    acknowledgement: { factsSummary: 'Drie gemiste afspraken.', statedTermWeeks: 4 },
  })
  await runOutbox()
  midway = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 5))
  await update(cases.decided, {
    status: 'decided',
    decision: {
      outcome: 'upheld',
      factsAsSeen: 'De coach heeft drie afspraken gemist.',
      reasonedPosition: 'Afspraken nakomen hoort bij behoorlijke begeleiding.',
      remedy: 'partial',
      remedyExplanation: 'Wij plannen de gesprekken opnieuw in.',
    },
  })

  cases.notAdmitted = await recordCase(daysAgo(5), {
    channel: 'email',
    complainant: { role: 'employer', name: 'Nina Niet', email: 'nina@example.nl' },
    clientName: 'Karel Klant',
  })
  await update(cases.notAdmitted, {
    status: 'not_admitted',
    nonAdmission: { ground: 'insufficient_interest', reasons: 'Eén koude kop koffie raakt uw traject niet.' },
  })

  cases.withdrawn = await recordCase(daysAgo(3), {
    complainant: { role: 'client', name: 'Wim Weg', email: 'wim@example.nl' },
  })
  await update(cases.withdrawn, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })

  cases.open = await recordCase(daysAgo(1), {
    complainant: { role: 'client', name: 'Olga Open', email: 'olga@example.nl' },
  })
  await runOutbox()
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Art. 9: the case-facts projection follows the timeline', () => {
  it('holds, for every case driven through the workflow, exactly what a fresh fold of its timeline gives', async () => {
    const now = new Date().toISOString()
    const projected = byCase(await loadPeriodFacts(payload, ALL, now))
    const folded = byCase(await loadCaseFacts(payload, now))
    expect(projected).toEqual(folded)
    // Not four empty folds: each case got its ending (or none) and its letters' moments.
    const of = (id: string) => projected.find((f) => f.complaint === id)
    expect(projected).toHaveLength(4)
    expect(of(cases.decided)).toMatchObject({ ending: 'decided', outcome: 'upheld', role: 'client' })
    expect(of(cases.decided)?.categories).toEqual(['negligence', 'privacy_breach'])
    expect(of(cases.decided)?.acknowledgementSentAt).toEqual(expect.any(String))
    expect(of(cases.decided)?.endedAt).toEqual(expect.any(String))
    expect(of(cases.notAdmitted)).toMatchObject({ ending: 'not_admitted', role: 'employer', channel: 'email' })
    expect(of(cases.notAdmitted)?.nonAdmissionNoticeSentAt).toEqual(expect.any(String))
    expect(of(cases.withdrawn)).toMatchObject({ ending: 'withdrawn' })
    expect(of(cases.open)).toMatchObject({ ending: null, endedAt: null })
  })

  it('Decision 18: a report as of a past moment equals the fold of the timeline up to that moment', async () => {
    const asOf = new Date(midway)
    // The timeline's numbers; the survey's table (ISO 10002) comes from its own unlinked rows, not the timeline.
    const { satisfaction, ...report } = await loadReport(payload, ALL, asOf)
    expect(satisfaction?.responses).toBe(0)
    expect(report).toEqual(computeReport(await loadCaseFacts(payload, midway), ALL, midway))
    // The cutoff mattered: then every case had been received, one acknowledged, none ended yet.
    expect(report).toMatchObject({ total: 4, notAdmitted: 0, admitted: 4, open: 4, ended: 0, acknowledged: 1 })
    const today = await loadReport(payload, ALL)
    expect(today).toMatchObject({ total: 4, notAdmitted: 1, admitted: 3, ended: 3, open: 1 })
  })

  it('rebuildCaseFacts fills the projection of an installation whose events came before it, and again gives the same', async () => {
    const now = new Date().toISOString()
    const before = byCase(await loadPeriodFacts(payload, ALL, now))
    await payload.db.deleteMany({ collection: 'case-facts', where: {} })
    expect(await loadPeriodFacts(payload, ALL, now)).toEqual([])
    expect(await rebuildCaseFacts(payload)).toBe(4)
    expect(byCase(await loadPeriodFacts(payload, ALL, now))).toEqual(before)
    await rebuildCaseFacts(payload)
    expect((await payload.db.count({ collection: 'case-facts', where: {} })).totalDocs).toBe(4)
    expect(byCase(await loadPeriodFacts(payload, ALL, now))).toEqual(before)
  })
})

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Decision 19, taken to the end: every personal field of every complaint blanked, at the adapter. */
async function blankPersonalData(): Promise<void> {
  const personal = personalFieldNames(Complaints.fields)
  expect(personal).toEqual(expect.arrayContaining(['complainant', 'complaintText']))
  if (isSqlite()) {
    const { rows } = await sqlite().execute('PRAGMA table_info(complaints)')
    const prefixes = personal.map(snake)
    const assignments = (rows as { name: string; notnull: number }[])
      .filter((c) => prefixes.some((p) => c.name === p || c.name.startsWith(`${p}_`)))
      .map((c) => `"${c.name}" = ${c.notnull ? "''" : 'NULL'}`)
    expect(assignments.length).toBeGreaterThan(10)
    await sqlite().execute(`UPDATE complaints SET ${assignments.join(', ')}`)
    const tables = (await sqlite().execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows as {
      name: string
    }[]
    for (const { name } of tables)
      if (prefixes.some((p) => name.startsWith(`complaints_${p}`))) await sqlite().execute(`DELETE FROM "${name}"`)
    return
  }
  const model = (payload.db as unknown as { collections: Record<string, ComplaintModel> }).collections.complaints
  await model?.updateMany({}, { $unset: Object.fromEntries(personal.map((name) => [name, ''])) })
}
type ComplaintModel = { updateMany(f: object, u: object): Promise<unknown>; deleteMany(f: object): Promise<unknown> }

/**
 * Every complaint row removed, at the adapter. SQLite: the timeline's link is NOT NULL with ON DELETE
 * SET NULL, so with foreign keys on the database refuses to remove a complaint that has a timeline;
 * the rows go with the check off, as a hand-made clean-up would do it.
 */
async function removeComplaintRows(): Promise<void> {
  if (isSqlite()) {
    await sqlite().execute('PRAGMA foreign_keys = OFF')
    const tables = (await sqlite().execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows as {
      name: string
    }[]
    for (const { name } of tables) if (name.startsWith('complaints_')) await sqlite().execute(`DELETE FROM "${name}"`)
    await sqlite().execute('DELETE FROM complaints')
    await sqlite().execute('PRAGMA foreign_keys = ON')
    return
  }
  const model = (payload.db as unknown as { collections: Record<string, ComplaintModel> }).collections.complaints
  await model?.deleteMany({})
}

describe('Art. 9, Decision 19: the report rests on the timeline alone', () => {
  it('gives the same JSON and CSV after every personal field is blanked, every file deleted and every complaint row removed', async () => {
    const asOf = new Date()
    const before = await loadReport(payload, ALL, asOf)
    const beforePast = await loadReport(payload, ALL, new Date(midway))
    expect(before.total).toBe(4)

    if (isSqlite()) {
      const joined = await sqlite().execute(
        'SELECT count(*) AS n FROM case_events e JOIN complaints c ON c.id = e.complaint_id',
      )
      // The control's starting point: every timeline entry joins its complaint.
      expect(Number((joined.rows[0] as { n: number }).n)).toBeGreaterThan(10)
    }
    await blankPersonalData()
    const uploads = process.env.UPLOAD_DIR ?? ''
    const files = filesUnder(uploads)
    expect(files.length).toBeGreaterThan(3)
    for (const file of files) rmSync(file)
    expect(filesUnder(uploads)).toEqual([])
    await removeComplaintRows()

    // The control: what a loader reading complaints (or joining the timeline to them) would have
    // had is gone — no complaint row, and no timeline entry finds its complaint any more.
    expect((await payload.count({ collection: 'complaints', overrideAccess: true })).totalDocs).toBe(0)
    const { docs: events } = await payload.find({
      collection: 'case-events',
      overrideAccess: true,
      pagination: false,
      depth: 1,
    })
    expect(events.length).toBeGreaterThan(10)
    expect(events.filter((e) => typeof e.complaint === 'object' && e.complaint !== null)).toEqual([])
    if (isSqlite()) {
      const joined = await sqlite().execute(
        'SELECT count(*) AS n FROM case_events e JOIN complaints c ON c.id = e.complaint_id',
      )
      expect(Number((joined.rows[0] as { n: number }).n)).toBe(0)
    }

    const after = await loadReport(payload, ALL, asOf)
    expect(JSON.stringify(after)).toBe(JSON.stringify(before))
    expect(reportCsv(after)).toBe(reportCsv(before))
    expect(JSON.stringify(await loadReport(payload, ALL, new Date(midway)))).toBe(JSON.stringify(beforePast))
  })
})

describe('MongoDB: the report’s adapter-level query (offline)', () => {
  it('names only paths of the case-facts model, and its range runs on an indexed field', async () => {
    const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET, DATABASE_URL: 'mongodb://offline.invalid/portal' })
    const config = await buildConfig({ ...configFor(env), db: mongooseAdapter({ url: false }) })
    const offline = await getPayload({ config, key: 'mongo-offline-report-facts' })
    try {
      type Model = { schema: { path(name: string): { instance: string; options: { index?: unknown } } | undefined } }
      const model = (offline.db as unknown as { collections: Record<string, Model> }).collections['case-facts']
      const { filter, projection } = mongoFactsQuery({ from: '2026-01-01', to: '2026-03-31' })
      expect(filter).toEqual({ receivedOn: { $gte: '2026-01-01', $lte: '2026-03-31' } })
      const paths = Object.keys(projection).filter((key) => key !== '_id')
      expect(paths).toHaveLength(21)
      for (const name of paths) expect(model?.schema.path(name), name).not.toBeUndefined()
      expect(model?.schema.path('receivedOn')?.options.index).toBe(true)
      expect(model?.schema.path('categories')?.instance).toBe('Mixed')
    } finally {
      await offline.destroy()
    }
  })
})
