import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../../cms/env'
import type { Complaint } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, TEST_SECRET, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken, type StaffUser } from '../helpers/staff'

/**
 * Malformed input anywhere answers 400 with the field it is about, never 500: a date that is no
 * date in a write, a query value that does not fit its field, the versions of something that has
 * none. Each class is shown accepted when well-formed (the control) and refused when not.
 */
let ctx: TestPayload
let payload: Payload
let manager: StaffUser
let auth: { authorization: string }
let complaint: Complaint
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  for (const step of seedSteps) await step.run(payload, env)
  const { user, token } = await createStaffUserWithToken(payload, 'manager@example.nl', 'Manager', [
    'manager',
    'admin',
    'editor',
  ])
  manager = user
  auth = { authorization: `JWT ${token}` }
  complaint = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: staffComplaint(),
  })
})

afterAll(async () => {
  await ctx?.cleanup()
})

/** A phone complaint with no e-mail address for the complainant, and little known about the conduct. */
const staffComplaint = (overrides: Partial<Complaint> = {}): Complaint =>
  recordedComplaint({
    complainant: { role: 'client', name: 'Jan Jansen' },
    conduct: { when: 'unknown' },
    involved: { kind: 'unknown' },
    complaintText: 'Aan de telefoon verteld: de coach kwam niet opdagen.',
    ...overrides,
  })

const get = (path: string) => ctx.rest(path, { headers: auth })
const send = (method: 'POST' | 'PATCH', path: string, body: unknown) =>
  ctx.rest(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** The field paths a 400 names (Payload's ValidationError and QueryError shapes). */
async function refusedPaths(response: Response): Promise<string[]> {
  expect(response.status).toBe(400)
  const body = (await response.json()) as { errors?: { data?: { errors?: { path: string }[] } | { path: string }[] }[] }
  return (body.errors ?? []).flatMap((e) => {
    const data = e.data
    const list = Array.isArray(data) ? data : (data?.errors ?? [])
    return list.map((x) => x.path)
  })
}

describe('a date that is not a date, in a REST create or update of a complaint', () => {
  it('control: a real date is accepted on create', async () => {
    expect((await send('POST', '/complaints?depth=0', staffComplaint())).status).toBe(201)
  })

  it('receivedAt "gisteren" on create: 400 at receivedAt, nothing stored', async () => {
    const before = (await payload.count({ collection: 'complaints' })).totalDocs
    expect(
      await refusedPaths(await send('POST', '/complaints?depth=0', staffComplaint({ receivedAt: 'gisteren' }))),
    ).toContain('receivedAt')
    expect((await payload.count({ collection: 'complaints' })).totalDocs).toBe(before)
  })

  it('a hearing date "volgende week" on update: 400 at the field (control: a real date is stored)', async () => {
    expect(
      (
        await send('PATCH', `/complaints/${complaint.id}?depth=0`, {
          hearing: { documentsReviewedAt: '2026-11-20T10:00:00.000Z' },
        })
      ).status,
    ).toBe(200)
    expect(
      await refusedPaths(
        await send('PATCH', `/complaints/${complaint.id}?depth=0`, {
          hearing: { documentsReviewedAt: 'volgende week' },
        }),
      ),
    ).toContain('hearing.documentsReviewedAt')
  })
})

describe('a date that is not a date, in a global', () => {
  it('the regulation’s validFrom "gisteren": 400 at the field (control: a real date is saved as a draft)', async () => {
    const draft = '/globals/regulation?draft=true&depth=0'
    expect((await send('POST', draft, { validFrom: '2026-12-01T00:00:00.000Z' })).status).toBe(200)
    expect(await refusedPaths(await send('POST', draft, { validFrom: 'gisteren' }))).toContain('validFrom')
  })
})

describe('a text the database would cut at a NUL, in any field (not only the complaint form’s)', () => {
  it('a case note with a NUL: 400 at the field, nothing changed (control: the same note without it is stored whole)', async () => {
    const path = `/complaints/${complaint.id}?depth=0`
    const note = 'Gebeld met de klager; zij vult de klacht nog aan.'
    expect((await send('PATCH', path, { hearing: { agreements: note } })).status).toBe(200)
    expect(
      await refusedPaths(await send('PATCH', path, { hearing: { agreements: `${note}\u0000 En verder.` } })),
    ).toEqual(['hearing.agreements'])
    expect(
      (await payload.findByID({ collection: 'complaints', id: complaint.id, overrideAccess: true })).hearing
        ?.agreements,
    ).toBe(note)
  })
})

describe('a query value that does not fit its field', () => {
  it.each([
    ['/complaints?where[receivedAt][greater_than]=2026-01-01', 200],
    ['/complaints?where[status][in]=received', 200],
    ['/complaints?where[status][in]=', 200],
    ['/complaints?limit=abc', 200],
    ['/complaints?depth=-1', 200],
    ['/complaints?page=abc', 200],
  ])('control: %s answers %i', async (path, status) => {
    expect((await get(path)).status).toBe(status)
  })

  it.each([
    ['a date field compared with a word', '/complaints?where[receivedAt][greater_than]=notadate', 'receivedAt'],
    [
      'a date in a list that is no date',
      '/complaints?where[receivedAt][in][0]=2026-01-01&where[receivedAt][in][1]=morgen',
      'receivedAt',
    ],
    ['an object where a value belongs', '/complaints?where[receivedAt][equals][x]=1', 'receivedAt'],
    [
      'a nested date field',
      '/complaints?where[deadlines.acknowledgeBy][less_than]=binnenkort',
      'deadlines.acknowledgeBy',
    ],
    [
      'the same, in Payload’s other spelling',
      '/complaints?where[deadlines__acknowledgeBy][less_than]=binnenkort',
      'deadlines__acknowledgeBy',
    ],
    ['inside an or', '/complaints?where[or][0][receivedAt][greater_than]=nooit', 'receivedAt'],
    ['near on a field that is no point', '/complaints?where[reference][near]=1,2', 'reference'],
    ['a number compared with a word', '/outbox?where[attempts][greater_than]=veel', 'attempts'],
    ['a date of the outbox', '/outbox?where[sentAt][greater_than]=xx', 'sentAt'],
    ['a date of the accounts', '/users?where[createdAt][less_than_equal]=xx', 'createdAt'],
  ])('%s: 400 naming the field', async (_what, path, field) => {
    expect(await refusedPaths(await get(path))).toEqual([field])
  })

  it('the Local API refuses it the same way (an error with status 400, not a database error)', async () => {
    const error = await payload
      .find({ collection: 'complaints', where: { receivedAt: { greater_than: 'notadate' } } })
      .catch((e: unknown) => e)
    expect((error as { status?: number }).status).toBe(400)
  })
})

describe('the versions endpoints', () => {
  it.each([
    ['/globals/regulation/versions?limit=5', 200],
    ['/letter-templates/versions?limit=5', 200],
  ])('control: %s answers %i', async (path, status) => {
    expect((await get(path)).status).toBe(status)
  })

  it.each([
    ['/globals/regulation/versions?where[createdAt][greater_than]=notadate', 'createdAt'],
    ['/globals/regulation/versions?where[version.validFrom][less_than]=ooit', 'version.validFrom'],
    ['/letter-templates/versions?where[createdAt][less_than]=x', 'createdAt'],
  ])('%s: 400 naming the field', async (path, field) => {
    expect(await refusedPaths(await get(path))).toEqual([field])
  })

  it.each([
    '/globals/regulation/versions/notanid',
    '/globals/settings/versions',
    '/globals/settings/versions?where[id][equals]=notanid',
    '/globals/settings/versions/00000000-0000-4000-8000-000000000000',
    '/complaints/versions',
    '/complaints/versions?where[createdAt][greater_than]=notadate',
  ])('%s: 404, not 500 (a malformed id, or a global that keeps no versions)', async (path) => {
    expect((await get(path)).status).toBe(404)
  })
})
