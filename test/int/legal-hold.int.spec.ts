import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ManagerOverview, managerOverview } from '../../cms/components/ManagerOverview'
import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import type { Complaint } from '../../cms/payload-types'
import { markInspectionProvided } from '../../hooks/privacy/inspection'
import { inspectionDueAt } from '../../hooks/privacy/inspectionDue'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { refusal } from '../helpers/refusal'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/**
 * Decision 19: a manager puts a case on legal hold ("vernietiging opgeschort") with a reason and
 * lifts it; the portal records when and by whom. AVG art. 15: staff record a request for inspection,
 * answered within a calendar month. Decision 16: both still write to a closed case. On every path:
 * the Local API with a user and without, and REST (GraphQL is off).
 */

let ctx: TestPayload
let payload: Payload
const tokens: Record<string, string> = {}
let manager: StaffUser
let handler: StaffUser
let admin: StaffUser
let editor: StaffUser

async function staff(email: string, name: string, roles: StaffUser['roles']): Promise<StaffUser> {
  const { user, token } = await createStaffUserWithToken(payload, email, name, roles)
  tokens[user.id] = token
  return user
}

const update = (user: StaffUser | null, id: string, data: Record<string, unknown>) =>
  user
    ? payload.update({ collection: 'complaints', id, data, overrideAccess: false, user })
    : payload.update({ collection: 'complaints', id, data, overrideAccess: true })

const rest = (user: StaffUser, id: string, body: unknown) =>
  ctx.rest(`/complaints/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[user.id]}` },
    body: JSON.stringify(body),
  })

const read = (id: string): Promise<Complaint> =>
  payload.findByID({ collection: 'complaints', id, depth: 0, overrideAccess: true })

const events = async (id: string, type: string) =>
  (
    await payload.find({
      collection: 'case-events',
      where: { and: [{ complaint: { equals: id } }, { type: { equals: type } }] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
  ).docs

async function openCase(): Promise<string> {
  const c = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: recordedComplaint({ assignedHandler: handler.id }),
  })
  await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
  return c.id
}

/** A case withdrawn and closed by its handler through the workflow (Decision 9): letters by e-mail, none to post. */
async function closedCase(): Promise<string> {
  const id = await openCase()
  await update(handler, id, { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } })
  await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
  await update(handler, id, { status: 'closed' })
  expect((await read(id)).status).toBe('closed')
  return id
}

const HOLD = { privacy: { legalHold: true, legalHoldReason: 'Lopende rechtszaak van de klager.' } }
const LIFT = { privacy: { legalHold: false } }

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '' })
  payload = ctx.payload
  // The first account is an administrator whatever it asks for: the admin goes first.
  admin = await staff('admin@example.nl', 'Anja Beheer', ['admin'])
  manager = await staff('manager@example.nl', 'Maria Manager', ['manager'])
  handler = await staff('handler@example.nl', 'Henk Behandelaar', ['handler'])
  editor = await staff('editor@example.nl', 'Eddy Redacteur', ['editor'])
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Decision 19: a manager sets and lifts a legal hold, with a reason; the portal records since and by', () => {
  for (const closed of [false, true]) {
    const kind = closed ? 'a closed case (Decision 16)' : 'an open case'
    it(`on ${kind}, through the Local API with a user and through REST`, async () => {
      const id = closed ? await closedCase() : await openCase()
      const before = Date.now()
      await update(manager, id, HOLD)
      let stored = await read(id)
      expect(stored.privacy?.legalHold).toBe(true)
      expect(stored.privacy?.legalHoldReason).toBe(HOLD.privacy.legalHoldReason)
      expect(stored.privacy?.legalHoldBy).toBe(manager.id)
      expect(Date.parse(stored.privacy?.legalHoldSince ?? '')).toBeGreaterThanOrEqual(before - 1000)

      await update(manager, id, LIFT)
      stored = await read(id)
      expect([stored.privacy?.legalHold, stored.privacy?.legalHoldSince, stored.privacy?.legalHoldBy]).toEqual([
        false,
        null,
        null,
      ])
      // Decision: a reason stands only with a hold; lifting clears it.
      expect(stored.privacy?.legalHoldReason ?? null).toBeNull()

      expect((await rest(manager, id, HOLD)).status).toBe(200)
      expect((await read(id)).privacy?.legalHold).toBe(true)
      expect((await rest(manager, id, LIFT)).status).toBe(200)
      expect((await read(id)).privacy?.legalHold).toBe(false)

      // The timeline: who and when, never the reason (Decision 19).
      const set = await events(id, 'legal_hold_set')
      const lifted = await events(id, 'legal_hold_lifted')
      expect([set.length, lifted.length]).toEqual([2, 2])
      for (const entry of [...set, ...lifted]) {
        expect(entry.data).toEqual({})
        expect(entry.actor).toBe(manager.id)
      }
      expect(JSON.stringify(set)).not.toContain('rechtszaak')
      if (closed) expect((await read(id)).status).toBe('closed')
    })
  }

  it('Decision 16: on a closed case exactly these fields pass; another change is still refused', async () => {
    const id = await closedCase()
    const errors = await refusal(update(manager, id, { ...HOLD, complainant: { phone: '06 99999999' } }))
    expect(errors['complainant.phone']).toMatch(/afgesloten/)
    expect(errors['privacy.legalHold']).toBeUndefined()
    expect((await read(id)).privacy?.legalHold).toBe(false)
  })

  it('without a reason: refused at the reason, in Dutch, on every path; nothing stored', async () => {
    const id = await openCase()
    const local = await refusal(update(manager, id, { privacy: { legalHold: true, legalHoldReason: '  ' } }))
    expect(local['privacy.legalHoldReason']).toBe('Schrijf op waarom de vernietiging wordt opgeschort (besluit 19).')
    const viaRest = await rest(manager, id, { privacy: { legalHold: true } })
    expect(viaRest.status).toBe(400)
    expect(JSON.stringify(await viaRest.json())).toContain('privacy.legalHoldReason')
    expect((await read(id)).privacy?.legalHold).toBe(false)
  })

  it('a handler (even the assigned one), an admin and an editor cannot set or lift it; a manager can (control)', async () => {
    const id = await openCase()
    for (const person of [handler, admin, editor]) {
      // Field access drops the hold for them (Payload), or the case is not theirs to change at all.
      await update(person, id, HOLD).catch(() => undefined)
      const viaRest = await rest(person, id, HOLD)
      expect([200, 403], person.email).toContain(viaRest.status)
      expect((await read(id)).privacy?.legalHold, person.email).toBe(false)
    }
    // Control: the same request by a manager is accepted.
    await update(manager, id, HOLD)
    expect((await read(id)).privacy?.legalHold).toBe(true)
    for (const person of [handler, admin, editor]) {
      await update(person, id, LIFT).catch(() => undefined)
      await rest(person, id, { privacy: { legalHold: false, legalHoldReason: 'Anders' } })
      const stored = await read(id)
      expect([stored.privacy?.legalHold, stored.privacy?.legalHoldReason], person.email).toEqual([
        true,
        HOLD.privacy.legalHoldReason,
      ])
    }
    // Trusted code without a user is nobody: it cannot lift a hold either.
    const server = await refusal(update(null, id, LIFT))
    expect(server['privacy.legalHold']).toMatch(/Alleen een manager/)
    expect((await read(id)).privacy?.legalHold).toBe(true)
  })

  it('since and by cannot be forged: not by the manager, not by trusted code without a user', async () => {
    const id = await openCase()
    const forged = { legalHoldSince: '2020-01-01T00:00:00.000Z', legalHoldBy: handler.id }
    expect((await rest(manager, id, { privacy: { ...HOLD.privacy, ...forged } })).status).toBe(200)
    let stored = await read(id)
    expect(stored.privacy?.legalHoldBy).toBe(manager.id)
    expect(stored.privacy?.legalHoldSince?.startsWith('2020')).toBe(false)
    const since = stored.privacy?.legalHoldSince

    await update(null, id, { privacy: { ...HOLD.privacy, ...forged } })
    await update(manager, id, { privacy: { ...HOLD.privacy, ...forged } })
    stored = await read(id)
    expect([stored.privacy?.legalHoldSince, stored.privacy?.legalHoldBy]).toEqual([since, manager.id])
  })
})

describe('AVG art. 15: a request for inspection, answered within one calendar month', () => {
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString()

  it('the handler records it; the due date is computed, a forged due or answer is ignored; the timeline has the due date', async () => {
    const id = await openCase()
    const receivedAt = daysAgo(2)
    await update(handler, id, {
      inspectionRequests: [{ receivedAt, dueAt: '2099-01-01T00:00:00.000Z', providedAt: daysAgo(1) }],
    })
    const stored = await read(id)
    const due = inspectionDueAt(receivedAt)
    expect(stored.inspectionRequests?.map((r) => [r.dueAt, r.providedAt ?? null])).toEqual([[due, null]])
    expect(stored.inspectionDueAt).toBe(due)
    const entries = await events(id, 'inspection_requested')
    expect(entries.map((e) => [e.data, e.actor])).toEqual([[{ due }, handler.id]])
  })

  it('a date of receipt in the future is refused at the field, in Dutch; REST too', async () => {
    const id = await openCase()
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString()
    const errors = await refusal(update(handler, id, { inspectionRequests: [{ receivedAt: tomorrow }] }))
    expect(errors['inspectionRequests.0.receivedAt']).toBe('De datum van ontvangst kan niet in de toekomst liggen.')
    const viaRest = await rest(manager, id, { inspectionRequests: [{ receivedAt: tomorrow }] })
    expect(viaRest.status).toBe(400)
    expect((await read(id)).inspectionRequests ?? []).toEqual([])
    // Control: today is accepted.
    expect((await rest(manager, id, { inspectionRequests: [{ receivedAt: new Date().toISOString() }] })).status).toBe(
      200,
    )
    expect((await read(id)).inspectionRequests).toHaveLength(1)
  })

  it('Decision 16: recorded on a closed case too, and answered by markInspectionProvided; a request stays in the dossier', async () => {
    const id = await closedCase()
    const viaRest = await rest(manager, id, { inspectionRequests: [{ receivedAt: daysAgo(3) }] })
    expect(viaRest.status).toBe(200)
    const [row] = (await read(id)).inspectionRequests ?? []
    expect(row?.dueAt).toBe(inspectionDueAt(row?.receivedAt ?? ''))
    expect((await read(id)).inspectionDueAt).toBe(row?.dueAt)

    const at = new Date()
    expect(await markInspectionProvided(payload, id, at)).toBe(1)
    const stored = await read(id)
    expect(stored.inspectionRequests?.map((r) => r.providedAt)).toEqual([at.toISOString()])
    expect(stored.inspectionDueAt ?? null).toBeNull()
    expect(stored.status).toBe('closed')
    // Nothing left to answer: no write.
    expect(await markInspectionProvided(payload, id, new Date())).toBe(0)

    const removed = await refusal(update(manager, id, { inspectionRequests: [] }))
    expect(removed.inspectionRequests).toMatch(/blijft in het dossier/)
  })
})

describe('AVG art. 15: the managers’ dashboard counts open requests and those past due, each a link to its list', () => {
  const listed = async (href: string): Promise<string[]> => {
    const url = new URL(href, 'http://localhost:3000')
    const response = await ctx.rest(`/complaints?${url.searchParams.toString()}&depth=0&limit=100`, {
      headers: { authorization: `JWT ${tokens[manager.id]}` },
    })
    expect(response.status, href).toBe(200)
    return ((await response.json()) as { docs: { id: string }[] }).docs.map((d) => d.id).sort()
  }

  it('counts cases with an open request and with one past its due date; an answered one leaves both', async () => {
    const row = async (label: string) => (await managerOverview(payload, manager)).find((r) => r.label === label)
    const OPEN = 'Inzageverzoeken nog te beantwoorden'
    const LATE = 'Inzageverzoeken over de termijn'
    const openBefore = (await row(OPEN))?.count ?? 0
    const lateBefore = (await row(LATE))?.count ?? 0
    const recent = await openCase()
    const late = await openCase()
    const answered = await openCase()
    await update(manager, recent, { inspectionRequests: [{ receivedAt: new Date().toISOString() }] })
    // Received two months ago: its month has passed.
    await update(manager, late, {
      inspectionRequests: [{ receivedAt: new Date(Date.now() - 62 * 86_400_000).toISOString() }],
    })
    await update(manager, answered, {
      inspectionRequests: [{ receivedAt: new Date(Date.now() - 62 * 86_400_000).toISOString() }],
    })
    await markInspectionProvided(payload, answered, new Date())

    const open = await row(OPEN)
    const overdue = await row(LATE)
    expect(open?.count).toBe(openBefore + 2)
    expect(overdue?.count).toBe(lateBefore + 1)
    const openIds = await listed(open?.href ?? '')
    const lateIds = await listed(overdue?.href ?? '')
    expect(openIds).toHaveLength(open?.count ?? -1)
    expect(openIds).toEqual(expect.arrayContaining([recent, late]))
    expect(openIds).not.toContain(answered)
    expect(lateIds).toContain(late)
    expect(lateIds).not.toContain(recent)
    expect(lateIds).toHaveLength(overdue?.count ?? -1)

    const html = renderToStaticMarkup((await ManagerOverview({ payload, user: manager })) ?? '')
    expect(html).toContain(`${open?.count}</strong> ${OPEN}`)
    expect(html).toContain(`${overdue?.count}</strong> ${LATE}`)
    expect(html).toContain(open?.href.replaceAll('&', '&amp;'))
    // The late link names the moment of the page: past due as of when the manager looked.
    expect(html).toContain('where%5BinspectionDueAt%5D%5Bless_than%5D=')
    // Still the letters first and the handlers after (Decision 12).
    expect(html.indexOf('Brieven nog op de post doen')).toBeLessThan(html.indexOf(OPEN))
    expect(html).toContain('Henk Behandelaar: <strong>')
  })
})
