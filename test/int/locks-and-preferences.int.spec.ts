import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { LETTER_KIND_DEFINITIONS } from '../../hooks/letters/kinds'
import { recordedComplaint } from '../helpers/intake'
import { query } from '../helpers/matrix'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/*
 * Payload's own collections: editing locks (`payload-locked-documents`, who is editing what right
 * now) and preferences (`payload-preferences`, a person's list columns, sort and filters — which can
 * hold what they searched for). Payload 3.90 lets every logged-in user read, change and delete
 * every lock. Decision 15 and least privilege: a person reaches their own locks and preferences,
 * and another person's lock only on a document they could edit themselves — which the admin needs
 * to say "someone else is editing this" and to take over — never anything else. Through REST, as
 * the admin's own screens ask.
 */

const LOCKS = 'payload-locked-documents'

let ctx: TestPayload
let payload: Payload
const ids: Record<string, string> = {}
const tokens: Record<string, string> = {}

async function staff(key: string, roles: User['roles']): Promise<StaffUser> {
  const { user, token } = await createStaffUserWithToken(
    payload,
    `${key.toLowerCase()}@example.nl`,
    `Medewerker ${key}`,
    roles,
  )
  ids[key] = user.id
  tokens[key] = token
  return user
}

async function registerCase(name: string, handler?: string): Promise<string> {
  const doc = await payload.create({
    collection: 'complaints',
    data: recordedComplaint({
      channel: 'email',
      complainant: { role: 'client', name: `Klager ${name}`, email: `klager-${name.toLowerCase()}@example.nl` },
      complaintText: `De klacht van zaak ${name}, lang genoeg om te bewaren.`,
      ...(handler ? { assignedHandler: handler } : {}),
    }),
  })
  return doc.id
}

/** A lock as the admin itself makes one while a person edits (trusted: Payload writes it through the adapter). */
async function lock(key: string, holder: string, target: { collection: string; id: string } | { global: string }) {
  const doc = (await payload.db.create({
    collection: LOCKS,
    data: {
      ...('global' in target
        ? { globalSlug: target.global }
        : { document: { relationTo: target.collection, value: target.id } }),
      user: { relationTo: 'users', value: ids[holder] },
    },
    req: undefined,
  })) as { id: string | number }
  ids[key] = String(doc.id)
}

const rest = (who: string, path: string, init: RequestInit = {}) =>
  ctx.rest(path, {
    ...init,
    headers: { authorization: `JWT ${tokens[who]}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  })
const listed = async (who: string, collection: string, where?: unknown): Promise<{ status: number; ids: string[] }> => {
  const response = await rest(who, `/${collection}?${query({ depth: 0, limit: 100, where })}`)
  const body = (await response.json()) as { docs?: { id: string }[] }
  return { status: response.status, ids: (body.docs ?? []).map((d) => String(d.id)) }
}
const storedLock = (id: string) =>
  payload.db.findOne<{ id: string; user: { value: unknown } }>({
    collection: LOCKS,
    where: { id: { equals: id } },
    req: undefined,
  })
const holderOf = async (id: string) => {
  const value = (await storedLock(id))?.user?.value
  return value && typeof value === 'object' && 'id' in value ? String(value.id) : String(value)
}

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '', SITE_INTERNAL_URL: 'http://127.0.0.1:9' })
  payload = ctx.payload
  // The first account becomes an administrator whatever it asks for: the admin goes first, so that every other role is itself only.
  await staff('admin', ['admin'])
  await staff('manager', ['manager'])
  await staff('handlerA', ['handler'])
  await staff('handlerB', ['handler'])
  await staff('editor', ['editor'])
  await staff('victim', ['handler'])
  await payload.updateGlobal({
    slug: 'settings',
    context: { skipSiteCacheInvalidation: true },
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
  ids.A = await registerCase('A', ids.handlerA)
  ids.B = await registerCase('B', ids.handlerB)
  ids.Q = await registerCase('Q')
  ids.tpl = (
    await payload.create({
      collection: 'letter-templates',
      data: { kind: 'acknowledgement', ...LETTER_KIND_DEFINITIONS.acknowledgement.defaults } as never,
    })
  ).id

  await lock('lockB', 'handlerB', { collection: 'complaints', id: ids.B ?? '' })
  await lock('managerOnA', 'manager', { collection: 'complaints', id: ids.A ?? '' })
  await lock('managerOnQ', 'manager', { collection: 'complaints', id: ids.Q ?? '' })
  await lock('editorOnTemplate', 'editor', { collection: 'letter-templates', id: ids.tpl ?? '' })
  await lock('editorOnRegulation', 'editor', { global: 'regulation' })
  await lock('adminOnSettings', 'admin', { global: 'settings' })
  await lock('adminOnAccount', 'admin', { collection: 'users', id: ids.victim ?? '' })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('editing locks (payload-locked-documents)', () => {
  it('control: a manager, who may edit every case, reads the lock handler B holds on their case — the request itself works', async () => {
    const { status, ids: seen } = await listed('manager', LOCKS)
    expect(status).toBe(200)
    expect(seen).toEqual(expect.arrayContaining([ids.lockB, ids.managerOnA, ids.managerOnQ]))
    expect(seen).not.toContain(ids.editorOnRegulation)
    expect(seen).not.toContain(ids.adminOnSettings)
  })

  it('handler A reads no lock on a colleague’s case, the regulation, a letter text, the settings or an account — in the list, filtered, or by id', async () => {
    const hidden = [ids.lockB, ids.editorOnTemplate, ids.editorOnRegulation, ids.adminOnSettings, ids.adminOnAccount]
    const { status, ids: seen } = await listed('handlerA', LOCKS)
    expect(status).toBe(200)
    for (const id of hidden) expect(seen).not.toContain(id)
    // The admin's own question for one document ("is someone editing case B?") answers nothing either.
    const asked = await listed('handlerA', LOCKS, {
      and: [{ 'document.relationTo': { equals: 'complaints' } }, { 'document.value': { equals: ids.B } }],
    })
    expect(asked.ids).toEqual([])
    for (const id of hidden) expect((await rest('handlerA', `/${LOCKS}/${id}?depth=0`)).status).toBe(404)
  })

  it('an editor reads no lock on a complaint; the locks on the texts they edit they do see', async () => {
    const { ids: seen } = await listed('editor', LOCKS)
    for (const id of [ids.lockB, ids.managerOnA, ids.managerOnQ, ids.adminOnSettings, ids.adminOnAccount])
      expect(seen).not.toContain(id)
    expect(seen).toEqual(expect.arrayContaining([ids.editorOnTemplate, ids.editorOnRegulation]))
  })

  it('the admin reads no lock on a case (Decision 15), and does see the locks on what they administer', async () => {
    const { ids: seen } = await listed('admin', LOCKS)
    for (const id of [ids.lockB, ids.managerOnA, ids.managerOnQ]) expect(seen).not.toContain(id)
    expect(seen).toEqual(
      expect.arrayContaining([ids.adminOnSettings, ids.adminOnAccount, ids.editorOnRegulation, ids.editorOnTemplate]),
    )
  })

  it('handler A neither takes over nor removes handler B’s lock (stored unchanged)', async () => {
    const taken = await rest('handlerA', `/${LOCKS}/${ids.lockB}`, {
      method: 'PATCH',
      body: JSON.stringify({ user: { relationTo: 'users', value: ids.handlerA } }),
    })
    expect([403, 404]).toContain(taken.status)
    expect(await holderOf(ids.lockB ?? '')).toBe(ids.handlerB)
    const removed = await rest('handlerA', `/${LOCKS}/${ids.lockB}`, { method: 'DELETE' })
    expect([403, 404]).toContain(removed.status)
    expect(await storedLock(ids.lockB ?? '')).not.toBeNull()
  })

  it('handler A cannot put a lock on a colleague’s case (which would block the colleague’s saves)', async () => {
    const response = await rest('handlerA', `/${LOCKS}`, {
      method: 'POST',
      body: JSON.stringify({
        document: { relationTo: 'complaints', value: ids.B },
        user: { relationTo: 'users', value: ids.handlerA },
      }),
    })
    expect(response.status).toBe(403)
    const onB = await payload.db.find({
      collection: LOCKS,
      where: { 'document.value': { equals: ids.B } },
      req: undefined,
    })
    expect(onB.docs.map((d) => String(d.id))).toEqual([ids.lockB])
  })

  it('what the admin needs still works: handler A sees that the manager is editing their own case, and a new case in the queue', async () => {
    const asked = await listed('handlerA', LOCKS, {
      and: [{ 'document.relationTo': { equals: 'complaints' } }, { 'document.value': { equals: ids.A } }],
    })
    expect(asked).toEqual({ status: 200, ids: [ids.managerOnA] })
    expect((await listed('handlerA', LOCKS)).ids).toEqual(expect.arrayContaining([ids.managerOnA, ids.managerOnQ]))
  })

  it('handler A’s own lock: made, read, kept fresh and removed through the API, always in their own name', async () => {
    const created = await rest('handlerA', `/${LOCKS}?depth=0`, {
      method: 'POST',
      body: JSON.stringify({
        document: { relationTo: 'users', value: ids.handlerA },
        user: { relationTo: 'users', value: ids.victim },
      }),
    })
    expect(created.status).toBe(201)
    const id = String(((await created.json()) as { doc: { id: string } }).doc.id)
    // Named someone else as the holder: stored in the caller's own name.
    expect(await holderOf(id)).toBe(ids.handlerA)
    expect((await listed('handlerA', LOCKS)).ids).toContain(id)
    expect(
      (
        await rest('handlerA', `/${LOCKS}/${id}`, {
          method: 'PATCH',
          body: JSON.stringify({ user: { relationTo: 'users', value: ids.handlerA } }),
        })
      ).status,
    ).toBe(200)
    expect((await rest('handlerA', `/${LOCKS}/${id}`, { method: 'DELETE' })).status).toBe(200)
    expect(await storedLock(id)).toBeNull()
  })

  it('taking over the manager’s lock on their own case ("edit anyway") puts it in handler A’s name, whatever the request says', async () => {
    const response = await rest('handlerA', `/${LOCKS}/${ids.managerOnA}`, {
      method: 'PATCH',
      body: JSON.stringify({ user: { relationTo: 'users', value: ids.manager } }),
    })
    expect(response.status).toBe(200)
    expect(await holderOf(ids.managerOnA ?? '')).toBe(ids.handlerA)
  })
})

describe('preferences (payload-preferences)', () => {
  const KEY = 'collection-complaints'
  let preferenceOfB = ''

  beforeAll(async () => {
    // As the admin stores a list's settings: handler B searched the list for a complainant's name.
    const response = await rest('handlerB', `/payload-preferences/${KEY}`, {
      method: 'POST',
      body: JSON.stringify({ value: { columns: [], sort: 'reference', search: 'Jansen' } }),
    })
    expect(response.status).toBe(200)
    preferenceOfB = String(((await response.json()) as { doc: { id: string } }).doc.id)
  })

  it('control: handler B reads their own preference back, as the admin does', async () => {
    const response = await rest('handlerB', `/payload-preferences/${KEY}`)
    expect(((await response.json()) as { value: { search?: string } }).value.search).toBe('Jansen')
    expect((await listed('handlerB', 'payload-preferences')).ids).toContain(preferenceOfB)
  })

  it.each(['handlerA', 'editor', 'admin'])(
    '%s reads nothing of handler B’s preferences: not in the list, not filtered by key or user, not under the same key',
    async (who) => {
      expect((await listed(who, 'payload-preferences')).ids).not.toContain(preferenceOfB)
      expect((await listed(who, 'payload-preferences', { 'user.value': { equals: ids.handlerB } })).ids).toEqual([])
      expect((await listed(who, 'payload-preferences', { key: { equals: KEY } })).ids).not.toContain(preferenceOfB)
      const sameKey = await rest(who, `/payload-preferences/${KEY}`)
      expect(JSON.stringify(await sameKey.json())).not.toContain('Jansen')
    },
  )

  it('handler A neither changes nor removes handler B’s preference, and cannot store one in B’s name', async () => {
    expect([403, 404]).toContain(
      (
        await rest('handlerA', `/payload-preferences/${preferenceOfB}`, {
          method: 'PATCH',
          body: JSON.stringify({ value: { search: 'x' } }),
        })
      ).status,
    )
    // (Payload 3.90's delete-by-key fails on SQLite with "no such column" for any key; what counts is that B's preference stays.)
    expect((await rest('handlerA', `/payload-preferences/${preferenceOfB}`, { method: 'DELETE' })).ok).toBe(false)
    const stored = await payload.findByID({
      collection: 'payload-preferences',
      id: preferenceOfB,
      depth: 0,
      overrideAccess: true,
    })
    expect((stored.value as { search?: string }).search).toBe('Jansen')
    const planted = await rest('handlerA', '/payload-preferences', {
      method: 'POST',
      body: JSON.stringify({ key: 'planted', value: { x: 1 }, user: { relationTo: 'users', value: ids.handlerB } }),
    })
    if (planted.ok) {
      const doc = ((await planted.json()) as { doc: { id: string } }).doc
      const saved = await payload.findByID({
        collection: 'payload-preferences',
        id: doc.id,
        depth: 0,
        overrideAccess: true,
      })
      const owner = saved.user.value
      expect(typeof owner === 'object' ? owner.id : owner).toBe(ids.handlerA)
    }
  })
})

describe('the scheduler’s record (payload-jobs-stats)', () => {
  it('no one changes when a schedule last ran through the API (it could hold back the deadline reminders, Art. 5 and 7); the admin may read it', async () => {
    const before = await payload.db.findGlobal({ slug: 'payload-jobs-stats', req: undefined })
    for (const who of ['handlerA', 'editor', 'manager', 'admin']) {
      const response = await rest(who, '/globals/payload-jobs-stats', {
        method: 'POST',
        body: JSON.stringify({
          stats: { scheduledRuns: { queues: { deadlines: { lastScheduledRun: '2999-01-01T00:00:00.000Z' } } } },
        }),
      })
      expect([403, 404], who).toContain(response.status)
    }
    expect(await payload.db.findGlobal({ slug: 'payload-jobs-stats', req: undefined })).toEqual(before)
    expect((await rest('handlerA', '/globals/payload-jobs-stats')).status).toBe(403)
    expect((await rest('admin', '/globals/payload-jobs-stats')).status).toBe(200)
  })
})
