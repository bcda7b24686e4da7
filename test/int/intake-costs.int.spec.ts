/**
 * The shortcuts that keep a registration cheap keep their guarantees: the settings kept
 * in memory follow every change at once, the reference counter never hands out a number twice,
 * and the service key is checked against the database on every request.
 */

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../../cms/env'
import { seedSteps } from '../../cms/seed'
import { computeDeadlines } from '../../hooks/complaints/deadlines'
import { nextReference } from '../../hooks/complaints/nextReference'
import { hashServiceKey } from '../../hooks/complaints/serviceKey'
import { intakeForm, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }

// The complaint as before this helper was shared (no phone, one category, no desired outcome).
const form = () =>
  validIntake({ phone: undefined, involvedName: 'Mijn coach', categories: ['negligence'], desiredOutcome: undefined })

function intake(data: Record<string, unknown>) {
  return ctx.rest('/complaints/intake', { method: 'POST', body: intakeForm(data), headers: SITE })
}

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('settings kept in memory', () => {
  // A Friday afternoon: five working days and five calendar days end on different dates.
  const receivedAt = '2026-11-06T14:00:00.000Z'
  const register = async () => {
    const doc = await payload.create({
      collection: 'complaints',
      overrideAccess: true,
      depth: 0,
      data: { ...staffComplaint(), receivedAt } as never,
    })
    return doc.deadlines
  }

  it('Decision 1: a change of the day mode applies to the very next registration, both ways', async () => {
    const working = computeDeadlines(new Date(receivedAt), 'working')
    const calendar = computeDeadlines(new Date(receivedAt), 'calendar')
    expect(working.acknowledgeBy).not.toBe(calendar.acknowledgeBy)

    await payload.updateGlobal({ slug: 'settings', data: { dayMode: 'calendar' } })
    expect((await register())?.acknowledgeBy).toBe(calendar.acknowledgeBy)
    await payload.updateGlobal({ slug: 'settings', data: { dayMode: 'working' } })
    expect((await register())?.acknowledgeBy).toBe(working.acknowledgeBy)
    await payload.updateGlobal({ slug: 'settings', data: { dayMode: 'calendar' } })
    expect((await register())?.acknowledgeBy).toBe(calendar.acknowledgeBy)
  })
})

describe('the reference counter', () => {
  const n = (ref: string) => Number(ref.split('-')[2])

  it('gives simultaneous registrations distinct, consecutive numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => intake(form())))
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201))
    const numbers = (
      await Promise.all(answers.map(async (a) => n(((await a.json()) as { reference: string }).reference)))
    ).sort((a, b) => a - b)
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i))
  })

  it('starts a new year at 1, once, even when its first numbers are asked for at the same moment', async () => {
    const refs = await Promise.all(Array.from({ length: 6 }, () => nextReference(payload, 2031)))
    expect(refs.map(n).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
    expect(refs.every((r) => r.startsWith('WP-2031-'))).toBe(true)
    expect(await nextReference(payload, 2031)).toBe('WP-2031-0007')
    const counters = await payload.find({
      collection: 'sequences',
      where: { key: { equals: 'complaint-reference-2031' } },
      overrideAccess: true,
    })
    expect(counters.totalDocs).toBe(1)
  })
})

describe('the service key', () => {
  it('is checked on every request: a key replaced closes the door at once, and restoring it opens it', async () => {
    const { docs } = await payload.find({
      collection: 'service-accounts',
      where: { name: { equals: 'site' } },
      overrideAccess: true,
      showHiddenFields: true,
    })
    const site = docs[0]!
    const keyHash = (site as { keyHash?: string }).keyHash
    expect(keyHash).toBe(hashServiceKey(payload, env.SITE_API_KEY))
    expect((await intake(form())).status).toBe(201)
    await payload.update({
      collection: 'service-accounts',
      id: site.id,
      data: { keyHash: 'revoked' },
      overrideAccess: true,
    })
    expect((await intake(form())).status).toBe(403)
    await payload.update({
      collection: 'service-accounts',
      id: site.id,
      data: { keyHash },
      overrideAccess: true,
    })
    expect((await intake(form())).status).toBe(201)
  })
})

function staffComplaint() {
  return {
    channel: 'phone',
    complainant: { role: 'client', name: 'Jan Jansen', email: 'jan@example.nl' },
    conduct: { when: 'date', date: '2026-11-02' },
    involved: { kind: 'employee', description: 'Mijn coach' },
    categories: ['negligence'],
    complaintText: 'Mijn coach kwam drie afspraken niet opdagen.',
    discussedBefore: 'no',
  }
}
