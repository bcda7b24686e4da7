import type { Payload } from 'payload'
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEADLINES_QUEUE, remindOfDeadlines } from '../../cms/jobs/deadlineReminders'
import { parseEnv } from '../../cms/env'
import type { Complaint, User } from '../../cms/payload-types'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser } from '../helpers/staff'

let ctx: TestPayload
let payload: Payload
let complaint: Complaint
let handler: User
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const day = 86_400_000

const mails = async () =>
  (
    await payload.find({
      collection: 'outbox',
      where: { complaint: { equals: complaint.id } },
      overrideAccess: true,
      sort: 'createdAt',
      pagination: false,
    })
  ).docs
    .filter((m) => m.subject.startsWith('Termijn'))
    .map((m) => [m.subject.replace(/: .*/, ''), m.to])

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  await createStaffUser(payload, 'beheer@example.nl', 'B', ['admin'])
  await createStaffUser(payload, 'manager@example.nl', 'M', ['manager'])
  handler = await createStaffUser(payload, 'behandelaar@example.nl', 'H', ['handler'])
  complaint = await payload.create({
    collection: 'complaints',
    data: recordedComplaint({ receivedAt: new Date(Date.now() - 4 * day).toISOString(), assignedHandler: handler.id }),
  })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the deadline job (DOMAIN.md: due soon, passed, once per event)', () => {
  it('Art. 5: two days before the acknowledgement is due, the handler gets one reminder, however often the job runs', async () => {
    expect(await remindOfDeadlines(payload, env, new Date())).toEqual({ reminded: 1, escalated: 0 })
    expect(await remindOfDeadlines(payload, env, new Date())).toEqual({ reminded: 0, escalated: 0 })
    expect(await mails()).toEqual([['Termijn bijna verlopen', ['behandelaar@example.nl']]])
    const c = await payload.findByID({ collection: 'complaints', id: complaint.id, overrideAccess: true })
    expect([c.nextDeadline?.clock, c.nextDeadline?.state]).toEqual(['acknowledge', 'due_soon'])
  })

  it('once the date has passed, the managers are told once', async () => {
    const later = new Date(Date.now() + 3 * day)
    const before = await payload.findByID({ collection: 'complaints', id: complaint.id, overrideAccess: true })
    expect(await remindOfDeadlines(payload, env, later)).toEqual({ reminded: 0, escalated: 1 })
    expect(await remindOfDeadlines(payload, env, later)).toEqual({ reminded: 0, escalated: 0 })
    expect((await mails()).at(-1)).toEqual(['Termijn verstreken', ['manager@example.nl']])
    const c = await payload.findByID({ collection: 'complaints', id: complaint.id, overrideAccess: true })
    expect(c.nextDeadline?.state).toBe('overdue')
    // Decision 16: the refresh is bookkeeping; the case keeps the updatedAt an open form was loaded with.
    expect(c.updatedAt).toBe(before.updatedAt)
    const events = await payload.find({
      collection: 'case-events',
      where: { complaint: { equals: complaint.id } },
      overrideAccess: true,
      pagination: false,
    })
    expect(
      events.docs.filter((e) => e.type === 'deadline_escalated').map((e) => (e.data as { clock: string }).clock),
    ).toEqual(['acknowledge'])
  })

  it('is scheduled on its own queue for every quarter of an hour, one at a time, and runs from there', async () => {
    // The job system's clock (Payload's own hook for this): scheduling and running happen at the
    // moments set here, without waiting. Croner computes the very first moment from the real time.
    let clock = new Date('2026-12-01T10:07:00.000Z')
    _internal_jobSystemGlobals.getCurrentDate = () => new Date(clock)
    const jobs = async () =>
      (
        await payload.find({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'deadlineReminders' } },
          overrideAccess: true,
          depth: 0,
          sort: 'createdAt',
        })
      ).docs
    try {
      const before = Date.now()
      const first = await payload.jobs.handleSchedules({ queue: DEADLINES_QUEUE })
      const after = Date.now()
      expect(first.queued.map((q) => q.taskConfig?.slug)).toEqual(['deadlineReminders'])
      const quarter = 15 * 60_000
      const nextQuarter = (ms: number) => Math.floor(ms / quarter) * quarter + quarter
      const firstAt = new Date((await jobs())[0]?.waitUntil ?? 0)
      expect([nextQuarter(before), nextQuarter(after)]).toContain(firstAt.getTime())
      // While it waits, scheduling again adds no second one, and the queue does not run it early.
      expect((await payload.jobs.handleSchedules({ queue: DEADLINES_QUEUE })).queued).toEqual([])
      expect((await payload.jobs.run({ queue: DEADLINES_QUEUE })).noJobsRemaining).toBe(true)

      clock = new Date(firstAt.getTime() + 1)
      const ran = await payload.jobs.run({ queue: DEADLINES_QUEUE })
      expect(Object.values(ran.jobStatus ?? {}).map((s) => s.status)).toEqual(['success'])

      // The next one follows the last scheduling (at 10:07 on the job clock): the first quarter after it.
      expect(
        (await payload.jobs.handleSchedules({ queue: DEADLINES_QUEUE })).queued.map((q) => q.taskConfig?.slug),
      ).toEqual(['deadlineReminders'])
      expect((await jobs()).map((j) => j.waitUntil).at(-1)).toBe('2026-12-01T10:15:00.000Z')
    } finally {
      _internal_resetJobSystemGlobals()
    }
  })
})
