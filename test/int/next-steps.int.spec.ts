import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Complaint, User } from '../../cms/payload-types'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/**
 * GET /api/complaints/:id/next-steps (the "Volgende stap" panel): a custom endpoint is public until
 * it checks the user, so it answers only the case's own handler and managers (DOMAIN.md, People;
 * Decision 15: not admins), with the steps of the workflow table and what each still needs.
 */
let ctx: TestPayload
let payload: Payload
const auth: Record<string, Record<string, string>> = {}
const staff: Record<string, StaffUser> = {}
let assigned: string
let unassigned: string

async function member(key: string, roles: User['roles']) {
  const { user, token } = await createStaffUserWithToken(payload, `${key}@next-steps.example`, key, roles)
  staff[key] = user
  auth[key] = { authorization: `JWT ${token}` }
}

const record = async (extra: Partial<Complaint>) =>
  (
    await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: staff.manager,
      data: recordedComplaint(extra),
    })
  ).id

type Answer = {
  status?: string
  uwvQueued?: boolean
  defaultExpertEmail?: boolean
  steps?: { kind: string; needs: { path: string; article: string }[] }[]
  error?: string
}
const ask = async (id: string, who?: string): Promise<{ status: number; body: Answer }> => {
  const response = await ctx.rest(`/complaints/${id}/next-steps`, { headers: who ? auth[who] : {} })
  return { status: response.status, body: (await response.json()) as Answer }
}

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '' })
  payload = ctx.payload
  await member('admin', ['admin'])
  await member('editor', ['editor'])
  await member('manager', ['manager'])
  await member('handler', ['handler'])
  await member('other', ['handler'])
  // No default UWV labour expert yet: the Art. 5 notification is not queued at registration.
  assigned = await record({ assignedHandler: staff.handler?.id })
  unassigned = await record({})
  // A slow machine: ten staff logins and two registrations.
}, 300_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('next steps of a case: only for its handler and managers', () => {
  it('the assigned handler gets the steps of the workflow table from "Ontvangen", each with what it needs', async () => {
    const { status, body } = await ask(assigned, 'handler')
    expect(status).toBe(200)
    expect(body.status).toBe('received')
    expect(body.steps?.map((s) => s.kind)).toEqual(['acknowledged', 'not_admitted', 'resolved_informally', 'withdrawn'])
    // Art. 5: no facts summary yet, and nobody to tell at UWV.
    expect(body.steps?.[0]?.needs).toEqual([
      expect.objectContaining({ path: 'acknowledgement.factsSummary', article: 'Art. 5' }),
      expect.objectContaining({ path: 'uwvLabourExpert.email', article: 'Art. 5' }),
    ])
    expect(body).toMatchObject({ uwvQueued: false, defaultExpertEmail: false })
  })

  it('a manager gets them too, for any case', async () => {
    for (const id of [assigned, unassigned]) {
      const { status, body } = await ask(id, 'manager')
      expect(status).toBe(200)
      expect(body.steps?.map((s) => s.kind)).toHaveLength(4)
    }
  })

  it('Art. 5, Decision 11: once a default labour expert is set, the UWV requirement is gone', async () => {
    await payload.updateGlobal({
      slug: 'settings',
      context: { skipSiteCacheInvalidation: true },
      data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
    })
    const { body } = await ask(assigned, 'handler')
    expect(body.defaultExpertEmail).toBe(true)
    expect(body.steps?.[0]?.needs.map((n) => n.path)).toEqual(['acknowledgement.factsSummary'])
  })

  it.each([
    ['nobody logged in', undefined, 'assigned', 401],
    ['Decision 15: an admin', 'admin', 'assigned', 403],
    ['an editor', 'editor', 'assigned', 403],
    ['another handler (it is not found for them)', 'other', 'assigned', 404],
    ['a handler and the queue (take it first; the panel needs no answer for that)', 'handler', 'unassigned', 403],
    ['a manager and a case that does not exist', 'manager', '00000000-0000-4000-8000-000000000000', 404],
  ])('%s gets nothing', async (_name, who, which, expected) => {
    const id = which === 'assigned' ? assigned : which === 'unassigned' ? unassigned : which
    const { status, body } = await ask(id, who)
    expect(status).toBe(expected)
    expect(body.steps).toBeUndefined()
    expect(body.status).toBeUndefined()
    expect(body.error).toMatch(/\S/)
  })
})
