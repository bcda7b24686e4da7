import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import { applyRetention } from '../../cms/jobs/applyRetention'
import type { Complaint } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { ANONYMISED } from '../../hooks/privacy/anonymiseCase'
import { backfillClosedAt } from '../../hooks/privacy/backfillClosedAt'
import { PERSONAL_DATA_STORES } from '../../hooks/privacy/registry'
import { retentionSchedule } from '../../hooks/privacy/schedule'
import { loadReport } from '../../hooks/reports/loadReport'
import { filesUnder, minimalPdf } from '../helpers/files'
import { fileWebComplaint } from '../helpers/cases'
import { intakeForm, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser, staffUserToken } from '../helpers/staff'

/**
 * Decision 19 (and 13, 16): two years after closing, every store of the registry is anonymised for
 * the case — in the rows, in the files, and in the bytes of the database file itself — while its
 * reference, dates, classification and the Art. 9 report stay. Cases are driven through the real
 * workflow; the clock is faked by passing `now` (the workflow's `context.now` for server code).
 */
type SqliteClient = { execute(sql: string): Promise<{ rows: unknown[] }> }

const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }
const DAY = 86_400_000
const NOW = new Date()
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const TWO_YEARS = (() => {
  const d = new Date(NOW)
  d.setUTCFullYear(d.getUTCFullYear() - 2)
  return NOW.getTime() - d.getTime()
})()

let ctx: TestPayload
let payload: Payload
let manager: StaffUser
let handler: StaffUser
const tokens: Record<string, string> = {}
const uploadDir = () => process.env.UPLOAD_DIR ?? ''
const dbFile = () => ctx.databaseUrl.replace(/^file:/, '')

/** Strings that exist only in one case, to search the database's bytes for. */
const secretsOf = (tag: string) => ({
  name: `Łukasz Wiśniewski-${tag}`,
  email: `lukasz.${tag.toLowerCase()}-9f3@example.nl`,
  sentence: `De coach ${tag} vergat het zeldzame zinnetje paarsblauw-kameel.`,
  attachment: `Bijlage-inhoud ${tag} kameelhaar-9182`,
  facts: `Feiten ${tag}: drie gemiste afspraken met de oranje paraplu.`,
})

/** A web complaint with an attachment, acknowledged, withdrawn and closed at `closedAt`: through the real workflow. */
async function closedCase(tag: string, closedAt: Date): Promise<string> {
  const s = secretsOf(tag)
  const id = (
    await fileWebComplaint(ctx, { name: s.name, email: s.email, description: s.sentence, phone: '06 99887766' }, [
      { name: `${tag}-verslag.pdf`, type: 'application/pdf', bytes: minimalPdf(s.attachment) },
    ])
  ).id
  await payload.jobs.run()
  const asHandler = (data: Record<string, unknown>) =>
    payload.update({ collection: 'complaints', id, data, overrideAccess: false, user: handler })
  await payload.update({
    collection: 'complaints',
    id,
    data: { assignedHandler: handler.id },
    overrideAccess: false,
    user: manager,
  })
  await asHandler({ status: 'acknowledged', acknowledgement: { factsSummary: s.facts, statedTermWeeks: 4 } })
  await asHandler({ status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
  await payload.jobs.run()
  await payload.jobs.run({ queue: OUTBOX_QUEUE })
  // Trusted server code without a user: the workflow's clock is the one given (Decision 16 still applies).
  await payload.update({
    collection: 'complaints',
    id,
    data: { status: 'closed' },
    context: { now: closedAt.toISOString() },
  })
  return id
}

const read = <S extends 'complaints' | 'letters' | 'complaint-attachments' | 'outbox'>(collection: S, where: Where) =>
  payload.find({ collection, where, pagination: false, overrideAccess: true, depth: 0 })
const complaintOf = (id: string) => payload.findByID({ collection: 'complaints', id, overrideAccess: true })

const contains = (haystack: Buffer, needle: string) => haystack.includes(Buffer.from(needle, 'utf8'))

async function anonymisedEvents(id: string) {
  return (
    await payload.count({
      collection: 'case-events',
      where: { and: [{ complaint: { equals: id } }, { type: { equals: 'anonymised' } }] },
      overrideAccess: true,
    })
  ).totalDocs
}

const cases = { due: '', notYet: '', onHold: '' }

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
  manager = await createStaffUser(payload, 'm@retention.example', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, 'h@retention.example', 'Hans Behandelaar', ['handler'])
  await createStaffUser(payload, 'a@retention.example', 'Ad Beheer', ['admin'])
  await createStaffUser(payload, 'e@retention.example', 'Eva Redacteur', ['editor'])
  for (const key of ['m', 'h', 'a', 'e']) tokens[key] = await staffUserToken(payload, `${key}@retention.example`)

  cases.due = await closedCase('Qx7', ago(TWO_YEARS + DAY))
  cases.notYet = await closedCase('Kz4', ago(TWO_YEARS - DAY))
  cases.onHold = await closedCase('Hb2', ago(TWO_YEARS + 10 * DAY))
  await payload.update({
    collection: 'complaints',
    id: cases.onHold,
    data: { privacy: { legalHold: true, legalHoldReason: 'Lopende procedure bij de rechter.' } },
    overrideAccess: true,
    context: { systemOperation: 'anonymise' },
  })
  // The due case's complainant asked for a link to their own page and opened a session (Decision 20).
  const link = await payload.create({
    collection: 'complainant-links',
    data: {
      complaint: cases.due,
      tokenHash: 'hash-of-link-Qx7',
      expiresAt: new Date(NOW.getTime() + DAY).toISOString(),
    },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'complainant-sessions',
    data: {
      complaint: cases.due,
      link: link.id,
      sessionHash: 'hash-of-session-Qx7',
      expiresAt: new Date(NOW.getTime() + DAY).toISOString(),
    },
    overrideAccess: true,
  })
  // A letter still queued for the due case: a job input that carries a composed letter.
  await payload.jobs.queue({
    task: 'issueCaseLetter',
    queue: 'never-run',
    input: { complaintId: cases.due, letter: { text: secretsOf('Qx7').sentence } },
  })
}, 240_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Decision 19: the case is closed on a date the term counts from', () => {
  it('closing writes privacy.closedAt in the same save, at the workflow’s clock', async () => {
    const c = await complaintOf(cases.due)
    expect(c.status).toBe('closed')
    expect(c.privacy?.closedAt).toBe(ago(TWO_YEARS + DAY).toISOString())
  })

  it('backfillClosedAt fills a closed case of an older installation from its closing entry, and only that', async () => {
    const c = await complaintOf(cases.notYet)
    // The old state: closed, no closing date.
    await payload.db.updateOne({
      collection: 'complaints',
      id: cases.notYet,
      data: { privacy: { ...c.privacy, closedAt: null } },
    })
    expect(await backfillClosedAt(payload)).toBe(1)
    const after = await complaintOf(cases.notYet)
    const closing = (
      await payload.find({
        collection: 'case-events',
        where: { and: [{ complaint: { equals: cases.notYet } }, { type: { equals: 'status_changed' } }] },
        sort: '-at',
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]
    expect(closing?.data).toEqual({ from: 'withdrawn', to: 'closed' })
    expect(after.privacy?.closedAt).toBe(closing?.at)
    expect(await backfillClosedAt(payload)).toBe(0)
    // Back to the date the workflow gave it, for the schedule below.
    await payload.db.updateOne({ collection: 'complaints', id: cases.notYet, data: { privacy: c.privacy } })
  })
})

describe('Decision 19: retentionSchedule', () => {
  it('lists the case closed 2 years and a day ago as due, the one a day short as upcoming, the one on hold apart', async () => {
    const s = await retentionSchedule(payload, NOW)
    expect(s.due.map((c) => c.id)).toEqual([cases.due])
    expect(s.upcoming.map((c) => c.id)).toEqual([cases.notYet])
    expect(s.onHold.map((c) => c.id)).toEqual([cases.onHold])
    expect(s.endedNotClosed).toEqual([])
    // retentionYears (2) after the closing: a day ago, and the other case tomorrow.
    expect(s.due[0]?.anonymiseOn).toBe(ago(DAY).toISOString())
    expect(s.upcoming[0]?.anonymiseOn).toBe(new Date(NOW.getTime() + DAY).toISOString())
  })
})

describe('Decision 19: the daily run anonymises every store of a due case, and nothing else', () => {
  const report = () => loadReport(payload, { from: '2020-01-01', to: '2035-12-31' }, NOW)
  let before: Awaited<ReturnType<typeof report>>
  let classificationBefore: Partial<Complaint>
  let filesBefore: string[]

  beforeAll(async () => {
    before = await report()
    const c = await complaintOf(cases.due)
    classificationBefore = {
      reference: c.reference,
      receivedAt: c.receivedAt,
      categories: c.categories,
      channel: c.channel,
      endedAt: c.endedAt,
      endedAs: c.endedAs,
      deadlineOutcomes: c.deadlineOutcomes,
    }
    filesBefore = filesUnder(uploadDir())
    const result = await applyRetention(payload, NOW)
    expect(result.anonymised).toBe(1)
  }, 120_000)

  it('the complaint: names, contact details and free text blanked; reference, dates, classification and clocks kept', async () => {
    const c = await complaintOf(cases.due)
    expect(c.complainant?.name).toBe(ANONYMISED)
    expect(c.complainant?.email ?? null).toBeNull()
    expect(c.complainant?.phone ?? null).toBeNull()
    expect(c.complainant?.role).toBe('client')
    expect(c.complainant?.clientOrganisation).toBe('uwv')
    expect(c.complaintText).toBe(ANONYMISED)
    expect(c.acknowledgement?.factsSummary ?? ANONYMISED).toBe(ANONYMISED)
    expect(c.privacy?.anonymisedAt).toBe(NOW.toISOString())
    expect(c).toMatchObject(classificationBefore)
  })

  it.each(PERSONAL_DATA_STORES.filter((s) => s.term === 'case' && s.erasure !== 'keep').map((s) => [s.id, s]))(
    'store %s holds nothing of the case any more',
    async (_id, store) => {
      const secrets = Object.values(secretsOf('Qx7'))
      if (store.collection === 'payload-jobs') {
        const jobs = await payload.find({ collection: 'payload-jobs', overrideAccess: true, pagination: false })
        expect(JSON.stringify(jobs.docs)).not.toContain('Qx7')
        return
      }
      const where: Where =
        store.collection === 'complaints' ? { id: { equals: cases.due } } : { complaint: { equals: cases.due } }
      const { docs } = await read(store.collection as 'complaints', where)
      // A removed store keeps no row of the case (its links and sessions: set up before the run).
      if (store.erasure === 'remove') {
        expect(docs).toEqual([])
        return
      }
      expect(docs.length).toBeGreaterThan(0)
      const pick = (doc: Record<string, unknown>) =>
        (store.fields ?? []).map((p) =>
          p.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], doc),
        )
      for (const doc of docs) {
        const text = JSON.stringify(pick(doc as unknown as Record<string, unknown>))
        for (const secret of [...secrets, 'Qx7']) expect(text).not.toContain(secret)
      }
    },
  )

  it('the files of its attachments and letters are gone from disk; the letters keep kind, channel and dates', async () => {
    const letters = await read('letters', { complaint: { equals: cases.due } })
    expect(letters.docs.length).toBeGreaterThanOrEqual(3)
    for (const letter of letters.docs) {
      expect(letter.filename).toBe(`${letter.id}.pdf`)
      expect(letter.purpose).toBeTypeOf('string')
      expect(letter.channel).toBe('email')
    }
    const gone = filesBefore.filter((f) => !existsSync(f))
    // Every letter and the attachment of the due case, and nothing of the others.
    expect(gone.length).toBe(letters.docs.length + 1)
    const others = await read('letters', { complaint: { in: [cases.notYet, cases.onHold] } })
    for (const letter of others.docs)
      expect(existsSync(path.join(uploadDir(), 'letters', letter.filename ?? ''))).toBe(true)
  })

  it('the outbox messages of the case: no recipient, subject, body or attachment left', async () => {
    const { docs } = await read('outbox', { complaint: { equals: cases.due } })
    expect(docs.length).toBeGreaterThan(0)
    for (const m of docs) {
      expect(m.to).toEqual([ANONYMISED])
      expect(m.text).toBe(ANONYMISED)
      expect(JSON.stringify(m)).not.toContain('Qx7')
    }
  })

  it('the case not yet due and the case on legal hold keep everything', async () => {
    for (const [id, tag] of [
      [cases.notYet, 'Kz4'],
      [cases.onHold, 'Hb2'],
    ] as const) {
      const c = await complaintOf(id)
      expect(c.complainant?.name).toBe(secretsOf(tag).name)
      expect(c.privacy?.anonymisedAt ?? null).toBeNull()
      expect(await anonymisedEvents(id)).toBe(0)
    }
  })

  it('the timeline says so once, without a reason; the Art. 9 report is identical', async () => {
    const events = await payload.find({
      collection: 'case-events',
      where: { and: [{ complaint: { equals: cases.due } }, { type: { equals: 'anonymised' } }] },
      overrideAccess: true,
    })
    expect(events.docs.map((e) => (e.data as { by: string }).by)).toEqual(['retention'])
    expect(await report()).toEqual(before)
  })

  it('the run is recorded: when and how many, nothing personal', async () => {
    const runs = await payload.find({
      collection: 'retention-runs',
      where: { kind: { equals: 'run' } },
      overrideAccess: true,
    })
    expect(runs.docs.map((r) => r.cases)).toEqual([1])
    expect(JSON.stringify(runs.docs)).not.toContain('Qx7')
  })

  it('a second run changes nothing', async () => {
    const c = await payload.findByID({ collection: 'complaints', id: cases.due, overrideAccess: true })
    const result = await applyRetention(payload, new Date(NOW.getTime() + 60_000))
    expect(result.anonymised).toBe(0)
    expect(await payload.findByID({ collection: 'complaints', id: cases.due, overrideAccess: true })).toEqual(c)
    expect(await anonymisedEvents(cases.due)).toBe(1)
  })

  it('after the run (VACUUM and a checkpoint), no byte of the database, its log or the uploads holds the case', async () => {
    const client = (payload.db as unknown as { client: SqliteClient }).client
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    const stores = [dbFile(), `${dbFile()}-wal`, ...filesUnder(uploadDir())].filter((f) => existsSync(f))
    const secrets = Object.values(secretsOf('Qx7'))
    // The control: the other cases' strings are found by the same search.
    const all = Buffer.concat(stores.map((f) => readFileSync(f)))
    expect(contains(all, secretsOf('Kz4').email)).toBe(true)
    expect(contains(all, secretsOf('Kz4').attachment)).toBe(true)
    for (const secret of secrets) expect(contains(all, secret), secret).toBe(false)
  })
})

describe('Decision 19: two runs at once anonymise each case once', () => {
  it('Promise.all of two runs: one anonymised entry, one claim', async () => {
    const id = await closedCase('Zw9', ago(TWO_YEARS + 3 * DAY))
    const [a, b] = await Promise.all([applyRetention(payload, NOW), applyRetention(payload, NOW)])
    expect(a.anonymised + b.anonymised).toBe(1)
    expect(await anonymisedEvents(id)).toBe(1)
    const claims = await payload.count({
      collection: 'retention-runs',
      where: { key: { equals: `case:${id}` } },
      overrideAccess: true,
    })
    expect(claims.totalDocs).toBe(1)
  }, 120_000)
})

describe('Decision 19, AVG art. 17: POST /api/complaints/:id/anonymise (managers only, ended or closed cases)', () => {
  const post = (id: string, body: unknown, token?: string) =>
    ctx.rest(`/complaints/${id}/anonymise`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: JSON.stringify(body),
    })
  const reason = { reason: 'De klager vroeg om wissen op 1 december.' }

  it('refuses without a user (401), for a handler, admin or editor (403), for an unknown id (404)', async () => {
    expect((await post(cases.notYet, reason)).status).toBe(401)
    for (const key of ['h', 'a', 'e']) expect((await post(cases.notYet, reason, tokens[key])).status).toBe(403)
    expect((await post('00000000-0000-4000-a000-000000000000', reason, tokens.m)).status).toBe(404)
    const c = await complaintOf(cases.notYet)
    expect(c.privacy?.anonymisedAt ?? null).toBeNull()
  })

  it('refuses an open case (409) and a missing reason (400 at reason), then accepts the closed case with a reason', async () => {
    const open = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: {
        channel: 'phone',
        receivedAt: ago(DAY).toISOString(),
        complainant: { role: 'client', name: 'Olga Open', email: 'olga@example.nl' },
        clientName: 'Olga Open',
        conduct: { when: 'date', date: '2026-11-02' },
        involved: { kind: 'employee', description: 'Chris Coach' },
        categories: ['negligence'],
        complaintText: 'Een klacht die nog in behandeling is.',
        discussedBefore: 'no',
      } as Partial<Complaint> as Complaint,
    })
    const refused = await post(open.id, reason, tokens.m)
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { error: string }).error).toMatch(/loopt nog/)

    const noReason = await post(cases.notYet, { reason: '  ' }, tokens.m)
    expect(noReason.status).toBe(400)
    expect(await noReason.json()).toEqual({
      errors: [{ path: 'reason', message: 'Vul de reden in van het verzoek om wissen.' }],
    })

    const accepted = await post(cases.notYet, reason, tokens.m)
    expect(accepted.status).toBe(200)
    const c = await complaintOf(cases.notYet)
    expect(c.complainant?.name).toBe(ANONYMISED)
    expect(c.privacy?.erasureReason).toBe(reason.reason)
    const events = await payload.find({
      collection: 'case-events',
      where: { and: [{ complaint: { equals: cases.notYet } }, { type: { equals: 'anonymised' } }] },
      overrideAccess: true,
    })
    expect(events.docs.map((e) => e.data)).toEqual([{ by: 'erasure' }])
    expect((await post(cases.notYet, reason, tokens.m)).status).toBe(409)
  })

  it('an ended case that is not closed is closed through the workflow first, with its closing on the timeline', async () => {
    const s = secretsOf('Ew5')
    const response = await ctx.rest('/complaints/intake', {
      method: 'POST',
      headers: SITE,
      body: intakeForm(validIntake({ name: s.name, email: s.email, description: s.sentence })),
    })
    expect(response.status).toBe(201)
    const [c] = (
      await payload.find({
        collection: 'complaints',
        where: { 'complainant.email': { equals: s.email } },
        overrideAccess: true,
      })
    ).docs
    const id = c?.id ?? ''
    await payload.update({
      collection: 'complaints',
      id,
      data: { assignedHandler: handler.id },
      overrideAccess: false,
      user: manager,
    })
    await payload.update({
      collection: 'complaints',
      id,
      data: { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } },
      overrideAccess: false,
      user: handler,
    })
    expect((await post(id, reason, tokens.m)).status).toBe(200)
    const after = await complaintOf(id)
    expect(after.status).toBe('closed')
    expect(after.privacy?.closedAt).toBeTypeOf('string')
    expect(after.complainant?.name).toBe(ANONYMISED)
    const closing = await payload.find({
      collection: 'case-events',
      where: { and: [{ complaint: { equals: id } }, { type: { equals: 'status_changed' } }] },
      overrideAccess: true,
    })
    expect(closing.docs.map((e) => (e.data as { to: string }).to)).toContain('closed')
  })
})
