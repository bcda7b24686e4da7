import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import type { Complaint } from '../../cms/payload-types'
import { prepareLetter } from '../../hooks/letters/prepareLetter'
import { queueLetterRetry } from '../../hooks/letters/retryLetter'
import { readSettings } from '../../hooks/settings/cachedSettings'
import { fileWebComplaint, readCase, readyForCases, saveAs, lettersOf as lettersOfCase } from '../helpers/cases'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/*
 * Production shape (PITFALLS: Payload 3.90 can hand one job to two workers, and leaves the job of a
 * worker that died claimed for ever): two job workers, each `npm run worker` as its own plain Node
 * process, on one SQLite file beside this process (the CMS: filings, staff saves). Mail goes
 * through the real Resend SDK to the local fake, which counts what it delivered.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const API_KEY = 're_two_workers_0123'
const LEASE_MS = 3000
const DAY = 24 * 60 * 60 * 1000

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: StaffUser
let handler: StaffUser

type Worker = { child: ChildProcess; output: () => string; exited: Promise<unknown> }
const workers: Worker[] = []

/** `npm run worker`, in its own process group (npm, then node: both must go when it is killed). */
async function startWorker(): Promise<Worker> {
  const child = spawn('npm', ['run', '--silent', 'worker'], {
    cwd: root,
    env: {
      ...process.env,
      RESEND_API_KEY: API_KEY,
      RESEND_BASE_URL: fake.url,
      OUTBOX_RETRY_DELAY_MS: '1',
      JOB_LEASE_MS: String(LEASE_MS),
      WORKER_STOP_GRACE_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const worker = { child, output: () => output, exited }
  workers.push(worker)
  await vi.waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`worker exited early:\n${output}`)
      expect(output).toContain('wachtrijen draaien')
    },
    { timeout: 60_000, interval: 200 },
  )
  return worker
}

async function stopWorker(worker: Worker, signal: NodeJS.Signals): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null || worker.child.pid === undefined) return
  process.kill(-worker.child.pid, signal)
  await worker.exited
}

/** How often each job was started, per worker: `job <id>: <task> started` (cms/jobs/lease.ts). */
const startsIn = (worker: Worker) =>
  [...worker.output().matchAll(/job (\S+): (\w+) started/g)].map((m) => `${m[2]}:${m[1]}`)

const unfinishedJobs = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      // The outbox queue's (the workers also schedule the daily jobs, waiting for their hour).
      where: { and: [{ queue: { equals: OUTBOX_QUEUE } }, { completedAt: { exists: false } }] },
      pagination: false,
      overrideAccess: true,
    })
  ).docs

const lettersOf = (caseId: string) => lettersOfCase(payload, caseId)

const messages = async () =>
  (await payload.find({ collection: 'outbox', pagination: false, overrideAccess: true, depth: 0 })).docs

const letterFiles = () => readdirSync(path.join(process.env.UPLOAD_DIR ?? '', 'letters'))

/** Moves a case's acknowledgement date, at the database (the deadline job reads the stored dates). */
async function setAcknowledgeBy(c: Complaint, at: Date): Promise<void> {
  const current = await readCase(payload, c.id)
  await payload.db.updateOne({
    collection: 'complaints',
    id: c.id,
    data: { deadlines: { ...current.deadlines, acknowledgeBy: at.toISOString() } },
  })
}

type Client = { execute: (sql: string) => Promise<unknown> }
const sql = (statement: string) => (payload.db as unknown as { client: Client }).client.execute(statement)

/**
 * The double claim, forced: every claim of a job is undone in the same statement (a trigger), so
 * each worker that looks claims every job not yet finished — also while the other one runs it.
 */
const HELD = '2999-01-01T00:00:00.000Z'
const FORCE_DOUBLE_CLAIM = `CREATE TRIGGER force_double_claim AFTER UPDATE OF processing ON payload_jobs
  WHEN NEW.processing = 1 AND NEW.completed_at IS NULL
  BEGIN UPDATE payload_jobs SET processing = 0 WHERE id = NEW.id; END`

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({ RESEND_API_KEY: API_KEY, RESEND_BASE_URL: fake.url, OUTBOX_RETRY_DELAY_MS: '1' })
  payload = ctx.payload
  await readyForCases(payload)
  manager = await createStaffUser(payload, 'maria.workers@wp.example', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, 'anton.workers@wp.example', 'Anton Behandelaar', ['handler'])
}, 120_000)

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => stopWorker(worker, 'SIGKILL')))
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('two job workers on one queue', () => {
  it('Art. 5, 7, Decision 11: both claim every job and run it, yet each letter, notification, reminder and mail exists once', async () => {
    // Cases arriving as the workers will find them: three filings (their letters of registration
    // queued), two assigned (the handler's letters), a workflow letter handed to its retry job,
    // one acknowledgement due tomorrow and one overdue, and the deadline job queued twice.
    const cases = [
      await fileWebComplaint(ctx, { name: 'Łukasz Kowalski', email: 'lukasz.workers@example.nl' }),
      await fileWebComplaint(ctx, { name: 'Şükrü Yılmaz', email: 'sukru.workers@example.nl' }),
      await fileWebComplaint(ctx, { name: 'Nguyễn Thị Lan', email: 'nguyen.workers@example.nl' }),
    ]
    const [lukasz, sukru, nguyen] = cases as [Complaint, Complaint, Complaint]
    const assigned = await saveAs(payload, manager, sukru.id, { assignedHandler: handler.id })
    await saveAs(payload, manager, nguyen.id, { assignedHandler: handler.id })
    const prepared = await prepareLetter('handler_change', assigned, await readSettings(payload), { payload })
    if (!prepared.ok) throw new Error(prepared.errors.map((e) => e.message).join(' '))
    await queueLetterRetry(payload, sukru.id, prepared.letter, {}, null)
    await setAcknowledgeBy(sukru, new Date(Date.now() + DAY))
    await setAcknowledgeBy(nguyen, new Date(Date.now() - DAY))
    for (let i = 0; i < 2; i++) await payload.jobs.queue({ task: 'deadlineReminders', queue: OUTBOX_QUEUE, input: {} })

    await sql(FORCE_DOUBLE_CLAIM)
    // Held back until both workers run, so that neither finishes a job before the other can claim it.
    await sql(`UPDATE payload_jobs SET wait_until = '${HELD}' WHERE completed_at IS NULL`)
    const started = Promise.all([startWorker(), startWorker()])
    try {
      await started
      await sql(`UPDATE payload_jobs SET wait_until = NULL WHERE wait_until = '${HELD}'`)
      // Until every job is done and every message sent (the workers' own ticks, every 5 s).
      await vi.waitFor(
        async () => {
          expect(await unfinishedJobs()).toEqual([])
          const all = await messages()
          expect(all.length).toBeGreaterThan(0)
          expect(all.filter((m) => m.status !== 'sent').map((m) => [m.subject, m.status])).toEqual([])
        },
        { timeout: 120_000, interval: 1000 },
      )
    } finally {
      await sql('DROP TRIGGER force_double_claim')
    }
    const [first, second] = await started

    // The force worked: jobs of letters and deliveries were started by both workers.
    const inFirst = new Set(startsIn(first))
    const inBoth = startsIn(second).filter((start) => inFirst.has(start))
    expect(inBoth.some((start) => start.startsWith('issueIntakeLetters:'))).toBe(true)
    expect(inBoth.some((start) => start.startsWith('deliverEmail:'))).toBe(true)

    // Art. 5, Decision 11: per case one receipt and one UWV notification, each one file.
    for (const c of cases) {
      const purposes = (await lettersOf(c.id)).map((l) => l.purpose).sort()
      expect(purposes.filter((p) => p === 'receipt' || p === 'uwv_notification')).toEqual([
        'receipt',
        'uwv_notification',
      ])
      for (const word of ['ontvangst', 'melding-uwv'])
        expect(letterFiles().filter((f) => f.startsWith(`${c.reference}-`) && f.includes(`-${word}`))).toHaveLength(1)
    }
    // The retried workflow letter: one letter of its key, one file.
    const retried = (await lettersOf(sukru.id)).filter((l) =>
      l.effectKey?.startsWith(`case:${sukru.id}:handler_change:`),
    )
    expect(retried).toHaveLength(1)
    expect(
      letterFiles().filter((f) => f.startsWith(`${sukru.reference}-`) && f.includes('-nieuwe-contactpersoon')),
    ).toHaveLength((await lettersOf(sukru.id)).filter((l) => l.purpose === 'handler_change').length)
    // Art. 5, 7: one reminder to the handler, one escalation to the managers.
    const about = (subject: string) => fake.deliveries.filter((d) => d.subject.startsWith(subject))
    expect(about('Termijn bijna verlopen').map((d) => [d.subject, d.to])).toEqual([
      [`Termijn bijna verlopen: ${sukru.reference}`, ['anton.workers@wp.example']],
    ])
    expect(about('Termijn verstreken').map((d) => [d.subject, d.to])).toEqual([
      [`Termijn verstreken: ${nguyen.reference}`, ['maria.workers@wp.example']],
    ])
    // Every message in the outbox was delivered exactly once, and nothing else was.
    const sent = await messages()
    expect(fake.deliveries).toHaveLength(sent.length)
    expect(new Set(fake.deliveries.map((d) => d.idempotencyKey)).size).toBe(sent.length)
    expect(fake.deliveries.filter((d) => d.to.includes('lukasz.workers@example.nl'))).toHaveLength(1)
    // Two workers refreshed the same cases at once: each case's selects are stored once.
    for (const c of cases) expect((await readCase(payload, c.id)).categories).toEqual(c.categories)
    expect(lukasz.categories?.length).toBeGreaterThan(0)
  }, 240_000)

  it('a worker killed in the middle of a delivery: the other one finishes it after the lease, and nothing is doubled', async () => {
    fake.reset()
    const c = await fileWebComplaint(ctx, { name: 'Zoë Şahin-Nguyễn', email: 'zoe.workers@example.nl' })
    // Resend takes the first message but answers late: the worker is killed while it waits.
    fake.delayNextAnswer(1500)
    const requestsBefore = fake.requests
    const doomed = await startWorker()
    await vi.waitFor(() => expect(fake.requests).toBeGreaterThan(requestsBefore), { timeout: 60_000, interval: 50 })
    await stopWorker(doomed, 'SIGKILL')
    const killedAt = Date.now()
    const claimed = (await unfinishedJobs()).filter((job) => job.processing)
    expect(claimed.map((job) => job.taskSlug)).toContain('deliverEmail')

    const survivor = await startWorker()
    await vi.waitFor(
      async () => {
        expect(await unfinishedJobs()).toEqual([])
        const mine = (await messages()).filter((m) => m.complaint === c.id)
        expect(mine.map((m) => m.status)).toEqual(['sent', 'sent'])
      },
      { timeout: 90_000, interval: 500 },
    )
    expect(survivor.output()).toContain('released after their lease ran out')
    // Not before the lease: the dead worker's last heartbeat was at most a third of it before the kill.
    const mine = (await messages()).filter((m) => m.complaint === c.id)
    const lastSent = Math.max(...mine.map((m) => Date.parse(m.sentAt ?? '')))
    expect(lastSent - killedAt).toBeGreaterThanOrEqual((2 * LEASE_MS) / 3)
    const taken = claimed.map((job) => `${job.taskSlug}:${String(job.id)}`)
    expect(startsIn(survivor)).toEqual(expect.arrayContaining(taken))
    // The receipt and the UWV notification once each, each mail delivered once (Resend's idempotency key).
    expect((await lettersOf(c.id)).map((l) => l.purpose).sort()).toEqual(['receipt', 'uwv_notification'])
    expect(fake.deliveries.filter((d) => d.to.includes('zoe.workers@example.nl'))).toHaveLength(1)
    expect(fake.deliveries.filter((d) => d.subject.includes(c.reference ?? ''))).toHaveLength(2)
  }, 240_000)
})
