import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Complaint, User } from '../../cms/payload-types'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, STAFF_PASSWORD } from '../helpers/staff'

/**
 * A refused save names its fields by the Dutch label the handler sees, never by the API path
 * ("ongeldig: assignedHandler"): the admin's toast shows the message of the REST answer. The
 * message at the field stays, found by its path.
 */

type Refused = {
  status: number
  message: string
  fieldErrors: { path: string; message: string; label?: string }[]
}

let ctx: TestPayload
let payload: Payload
let complaintId: string
let involvedId: string
let handlerId: string
let managerToken: string
let editorToken: string

const staff = (email: string, name: string, roles: User['roles']) => createStaffUser(payload, email, name, roles)

async function tokenOf(email: string): Promise<string> {
  const response = await ctx.rest('/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: STAFF_PASSWORD }),
  })
  const { token } = (await response.json()) as { token: string }
  return token
}

async function save(method: 'PATCH' | 'POST', route: string, token: string, body: unknown): Promise<Refused> {
  const response = await ctx.rest(route, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, 'accept-language': 'nl' },
    body: JSON.stringify(body),
  })
  const json = (await response.json()) as {
    errors?: { message: string; data?: { errors?: Refused['fieldErrors'] } }[]
  }
  return {
    status: response.status,
    message: json.errors?.[0]?.message ?? '',
    fieldErrors: json.errors?.[0]?.data?.errors ?? [],
  }
}

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  await staff('beheer@example.nl', 'Beheerder', ['admin'])
  await staff('redacteur@example.nl', 'Rita Redacteur', ['editor'])
  const manager = await staff('manager@example.nl', 'Maria Manager', ['manager'])
  handlerId = (await staff('a@example.nl', 'Anton Behandelaar', ['handler'])).id
  involvedId = (await staff('coach@example.nl', 'Chris Coach', ['handler'])).id
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
  const complaint = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: { ...manager, collection: 'users' },
    data: {
      channel: 'phone',
      receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      complainant: { role: 'client', name: 'Jan Jansen', email: 'jan@example.nl' },
      conduct: { when: 'date', date: '2026-11-02' },
      involved: { kind: 'employee', description: 'Chris Coach' },
      involvedStaff: [involvedId],
      categories: ['negligence'],
      complaintText: 'Mijn coach kwam drie afspraken niet opdagen en belde niet af.',
      discussedBefore: 'no',
    } as Partial<Complaint> as Complaint,
  })
  complaintId = complaint.id
  managerToken = await tokenOf('manager@example.nl')
  editorToken = await tokenOf('redacteur@example.nl')
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('a refused save names its fields by their Dutch labels', () => {
  it('Art. 4: assigning someone involved is refused with "Behandelaar", not "assignedHandler"; an independent handler is accepted', async () => {
    const refused = await save('PATCH', `/complaints/${complaintId}`, managerToken, { assignedHandler: involvedId })
    expect(refused.status).toBe(400)
    expect(refused.message).toBe('Het volgende veld is ongeldig: Behandelaar')
    // The message at the field is still found by its path.
    expect(refused.fieldErrors).toEqual([
      expect.objectContaining({
        path: 'assignedHandler',
        label: 'Behandelaar',
        message: expect.stringMatching(/art\. 4/),
      }),
    ])
    // Control: the same save with an independent handler goes through.
    const accepted = await save('PATCH', `/complaints/${complaintId}`, managerToken, { assignedHandler: handlerId })
    expect(accepted.status).toBe(200)
  })

  it('a field inside a group is named with its group ("Klager > Naam")', async () => {
    const refused = await save('PATCH', `/complaints/${complaintId}`, managerToken, { complainant: { name: '' } })
    expect(refused.status).toBe(400)
    expect(refused.message).toContain('Klager > Naam')
    expect(refused.message).not.toMatch(/complainant\.name/)
  })

  it('a global’s field too: publishing the regulation without a change note names "Wijziging in deze versie"', async () => {
    const refused = await save('POST', '/globals/regulation', editorToken, { _status: 'published', changeNote: '' })
    expect(refused.status).toBe(400)
    expect(refused.message).toBe('Het volgende veld is ongeldig: Wijziging in deze versie')
    expect(refused.fieldErrors).toEqual([expect.objectContaining({ path: 'changeNote' })])
  })
})
