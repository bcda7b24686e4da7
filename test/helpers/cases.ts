/**
 * Cases for the integration tests, each through the real paths: the web intake as the site hands
 * a complaint in (its service key), staff steps through the Local API as that user (the workflow
 * judges them), and the outbox run as its job runs. One home for what many test files need.
 */
import type { Payload } from 'payload'
import { expect } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { parseEnv } from '../../cms/env'
import type { CaseEvent, Complaint, Letter, Setting, User } from '../../cms/payload-types'
import { seedSteps } from '../../cms/seed'
import { intakeForm, validIntake } from './intake'
import { TEST_SECRET, type TestPayload } from './payload'

const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })

/** The seeded site account's key of a test Payload (seed step "site service account"). */
export const SITE_HEADERS = { authorization: `service-accounts API-Key ${env.SITE_API_KEY}` }

/** Working Progression's details as an administrator fills them in (Decision 14), and a UWV labour expert (Decision 11). */
export const ORGANISATION_SETTINGS = {
  address: { street: 'Voorbeeldstraat 12', postalCode: '3511 AB', city: 'Utrecht' },
  phone: '030 123 45 67',
  contactEmail: 'klachten@wp.example',
  uwvLabourExpert: { name: 'Dirk Deskundige', email: 'dd@uwv.example' },
  uwvComplaintProcedure: 'https://www.uwv.example/klacht',
} satisfies Partial<Setting>

/**
 * A fresh test Payload made ready for cases through the real paths: the site's service account and
 * the letter texts seeded, the settings filled in (`settings` over ORGANISATION_SETTINGS).
 */
export async function readyForCases(payload: Payload, settings: Partial<Setting> = {}): Promise<void> {
  for (const step of seedSteps.filter((s) => s.name === 'site service account' || s.name === 'letter texts'))
    await step.run(payload, env)
  await payload.updateGlobal({
    slug: 'settings',
    context: { skipSiteCacheInvalidation: true },
    data: { ...ORGANISATION_SETTINGS, ...settings },
  })
}

/** Runs the outbox queue (letters of registration, deliveries) until it is empty, as its job would. */
export async function deliverAll(payload: Payload, rounds = 8): Promise<void> {
  for (let round = 0; round < rounds; round++) await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
}

/** The whole case, as trusted code reads it. */
export const readCase = (payload: Payload, id: string): Promise<Complaint> =>
  payload.findByID({ collection: 'complaints', id, overrideAccess: true })

/**
 * A web complaint as the site hands it in (POST /api/complaints/intake with the site's key; the
 * seed step "site service account" must have run): the form's fields with `data` over the
 * defaults of validIntake, and files. Its letters' job is queued, not run.
 */
export async function fileWebComplaint(
  ctx: TestPayload,
  data: Record<string, unknown> = {},
  files: { name: string; type: string; bytes: Buffer }[] = [],
): Promise<Complaint> {
  const response = await ctx.rest('/complaints/intake', {
    method: 'POST',
    body: intakeForm(validIntake(data), files),
    headers: SITE_HEADERS,
  })
  expect(response.status, await response.clone().text()).toBe(201)
  const { reference } = (await response.json()) as { reference: string }
  const found = (
    await ctx.payload.find({
      collection: 'complaints',
      where: { reference: { equals: reference } },
      overrideAccess: true,
    })
  ).docs[0]
  if (!found) throw new Error(`complaint ${reference} not stored`)
  return found
}

/** A save of the case as a staff member, through the workflow and the access rules. */
export const saveAs = (payload: Payload, user: User, id: string, data: Partial<Complaint>): Promise<Complaint> =>
  payload.update({ collection: 'complaints', id, data, overrideAccess: false, user })

/** The manager assigns the case to the handler (Art. 4), and the letters that follow go out. */
export async function assign(
  payload: Payload,
  id: string,
  staff: { manager: User; handler: User },
): Promise<Complaint> {
  await saveAs(payload, staff.manager, id, { assignedHandler: staff.handler.id })
  await deliverAll(payload)
  return readCase(payload, id)
}

/** Every letter of a case, oldest first (trusted: as the system sees them). */
export async function lettersOf(payload: Payload, caseId: string): Promise<Letter[]> {
  const { docs } = await payload.find({
    collection: 'letters',
    where: { complaint: { equals: caseId } },
    pagination: false,
    overrideAccess: true,
    sort: 'createdAt',
  })
  return docs
}

/** The timeline entries of a case, of one type or all, oldest first. */
export async function eventsOf(payload: Payload, id: string, type?: CaseEvent['type']): Promise<CaseEvent[]> {
  const { docs } = await payload.find({
    collection: 'case-events',
    where: { and: [{ complaint: { equals: id } }, ...(type ? [{ type: { equals: type } }] : [])] },
    sort: 'at',
    pagination: false,
    overrideAccess: true,
  })
  return docs
}
