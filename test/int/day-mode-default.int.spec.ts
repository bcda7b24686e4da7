import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { parseEnv } from '../../cms/env'
import { seedSteps } from '../../cms/seed'
import { intakeForm, recordedComplaint, validIntake } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUser } from '../helpers/staff'

/**
 * Decision 1 on a fresh installation: nobody has saved the settings yet, so no test before this one
 * can have switched to working days (this file has its own Payload on its own database).
 */

let ctx: TestPayload
let payload: Payload
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const SITE = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }

// A Friday afternoon: five calendar days end on Wednesday 11 November, five working days on Friday 13 November.
const FRIDAY = '2026-11-06T14:00:00.000Z'
const WEDNESDAY_END = '2026-11-11T22:59:59.999Z' // 23:59:59.999 on Wednesday 11 November in Amsterdam (winter time)

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  // What a first start does: the seed, which leaves the settings alone.
  for (const step of seedSteps) await step.run(payload, env)
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Decision 1: calendar days until an administrator chooses working days', () => {
  it('a fresh installation has no saved settings, and reads the day mode as calendar days', async () => {
    const saved = (await payload.db.findGlobal({ slug: 'settings', req: {}, where: {} })) as { dayMode?: string } | null
    expect(saved?.dayMode ?? null).toBeNull()
    expect((await payload.findGlobal({ slug: 'settings', overrideAccess: true })).dayMode).toBe('calendar')
  })

  it('Art. 5: a complaint staff record as received on a Friday is to be acknowledged by the end of Wednesday', async () => {
    const manager = await createStaffUser(payload, 'manager@example.nl', 'Maria Manager', ['manager'])
    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: recordedComplaint({ receivedAt: FRIDAY }),
    })
    expect(c.deadlines?.acknowledgeBy).toBe(WEDNESDAY_END)
  })

  it('Art. 5: a complaint sent through the form on a Friday is to be acknowledged by the end of Wednesday', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(FRIDAY) })
    let response: Response
    try {
      response = await ctx.rest('/complaints/intake', {
        method: 'POST',
        body: intakeForm(validIntake()),
        headers: SITE,
      })
    } finally {
      vi.useRealTimers()
    }
    expect(response.status).toBe(201)
    const answer = (await response.json()) as { receivedAt: string; deadlines: { acknowledgeBy: string } }
    expect(answer.receivedAt).toBe(FRIDAY)
    expect(answer.deadlines.acknowledgeBy).toBe(WEDNESDAY_END)
  })
})
