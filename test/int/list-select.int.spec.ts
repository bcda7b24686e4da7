import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fileWebComplaint, readCase, readyForCases, saveAs } from '../helpers/cases'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/*
 * The admin's case list asks Payload's `find` for its columns only (collections/Complaints,
 * `enableListViewSelectAPI`). On SQLite that read must not join the arrays of groups it does not
 * show (cms/lib/narrowSelect.ts): the same documents, fewer statements' work. The statements the
 * adapter sends are read off the real libsql client.
 */

let ctx: TestPayload
let payload: Payload
let manager: StaffUser
let caseId = ''
const LIST_SELECT = { reference: true, status: true, nextDeadline: { due: true, state: true } } as const

type Client = { execute: (stmt: string | { sql: string }) => Promise<unknown> }

async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const client = (payload.db as unknown as { client: Client }).client
  const original = client.execute.bind(client)
  const seen: string[] = []
  client.execute = (stmt) => {
    seen.push(typeof stmt === 'string' ? stmt : stmt.sql)
    return original(stmt)
  }
  try {
    await work()
  } finally {
    client.execute = original
  }
  return seen
}

const listAs = (select: Record<string, unknown>) =>
  payload.find({
    collection: 'complaints',
    select,
    where: { id: { equals: caseId } },
    sort: 'nextDeadline.due',
    overrideAccess: false,
    user: manager,
  })

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  await readyForCases(payload)
  manager = await createStaffUser(payload, 'lijst.manager@example.nl', 'Łukasz Manager', ['manager'])
  caseId = (await fileWebComplaint(ctx, { name: 'Şükrü Łukasz Nguyễn' })).id
  // A hearing with attendees: an array inside the `hearing` group, which the list does not show.
  await saveAs(payload, manager, caseId, {
    hearing: { attendees: [{ name: 'Nguyễn Văn An', role: 'complainant' }] },
  } as never)
})

afterAll(async () => ctx?.cleanup())

describe('the case list reads only its columns (SQLite)', () => {
  it('the hearing’s attendees are stored on the case (control: the array the list must not read exists)', async () => {
    expect((await readCase(payload, caseId)).hearing?.attendees?.map((a) => a.name)).toEqual(['Nguyễn Văn An'])
  })

  it('joins no array of a group it does not show, and answers with the same columns', async () => {
    let docs: unknown[] = []
    const sql = (await statementsOf(async () => (docs = (await listAs(LIST_SELECT)).docs))).join('\n')
    expect(sql).toContain('"complaints"')
    expect(sql).not.toContain('complaints_hearing_attendees')
    expect(sql).not.toContain('complaints_written_version_versions')
    const whole = await readCase(payload, caseId)
    expect(docs).toEqual([
      {
        id: caseId,
        reference: whole.reference,
        status: whole.status,
        // Always read for the field access on personal data (the collection's forceSelect).
        assignedHandler: null,
        nextDeadline: { due: whole.nextDeadline?.due, state: whole.nextDeadline?.state },
      },
    ])
  })

  it('still reads the array when the select names its group', async () => {
    let docs: { hearing?: { attendees?: { name: string }[] | null } }[] = []
    const sql = (
      await statementsOf(async () => (docs = (await listAs({ reference: true, hearing: { attendees: true } })).docs))
    ).join('\n')
    expect(sql).toContain('complaints_hearing_attendees')
    expect(docs[0]?.hearing?.attendees?.map((a) => a.name)).toEqual(['Nguyễn Văn An'])
  })
})
