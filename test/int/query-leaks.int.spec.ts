import { configToSchema } from '@payloadcms/graphql'
import type { GraphQLSchema } from 'graphql'
import type { Payload, Where } from 'payload'
import { validOperators } from 'payload/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { personalFieldNames, QUEUE_QUERYABLE_FIELDS } from '../../collections/access/personalData'
import { hashServiceKey } from '../../hooks/complaints/serviceKey'
import { minimalPdf } from '../helpers/files'
import { recordedComplaint } from '../helpers/intake'
import type { Caller } from '../helpers/matrix'
import { type Answer, askGraphQL, askLocal, askRest, type Question, told } from '../helpers/probe'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser, staffUserToken } from '../helpers/staff'

/*
 * Decision 15 and the queue: nobody learns what they may not read — not from an answer's
 * content, and not from its count. A handler once learned an unassigned complainant's e-mail
 * address one character at a time from `totalDocs`, through a spelling of the path the guard did
 * not know. This file is GENERATED from three lists nobody here keeps by hand:
 *   Payload's own operators (`validOperators`) × the spellings Payload reads of one path ×
 *   every personal field of a complaint (the registry, derived from the collection's config),
 * asked by every role that may not read them, through the Local API (with a user), REST and
 * Payload's GraphQL resolvers. Two cases are prepared: M, whose hidden values are what every
 * probe asks for ("kwartel"), and N, whose values are not ("merel"). For every probe, the answer
 * about M must equal the answer about N — status, totalDocs and ids — and no answer may hold a
 * hidden value. A control shows that the same probes DO tell M from N for a manager, who may read.
 */

const MATCH = 'kwartel'
const OTHER = 'merel'
const SITE_KEY = 'site-api-key-for-the-query-leaks-test-0123456789'

/**
 * One leaf per personal top-level field, with M's value, N's value, a value between the two (for
 * greater_than and friends) and a fragment of M's value only (for like and contains). `many`:
 * the path goes through a has-many relationship or a join (the `contains: { … }` spelling).
 */
type Probe = { path: string; m: unknown; n: unknown; between: unknown; fragment: unknown; many?: true }
const text = (path: string, suffix = ''): Probe => ({
  path,
  m: `${MATCH} ${path}${suffix}`,
  n: `${OTHER} ${path}${suffix}`,
  between: 'l',
  fragment: MATCH,
})
const email = (path: string): Probe => ({
  path,
  m: `${MATCH}@klager.example`,
  n: `${OTHER}@klager.example`,
  between: 'l',
  fragment: MATCH,
})
const date = (path: string): Probe => ({
  path,
  m: '2026-03-03T10:00:00.000Z',
  n: '2026-01-01T10:00:00.000Z',
  between: '2026-02-01T00:00:00.000Z',
  fragment: '2026-03',
})
const choice = (path: string, m: unknown, n: unknown): Probe => ({ path, m, n, between: m, fragment: m })

// prettier-ignore
const PROBES: Record<string, Probe> = {
  channel: choice('channel', 'letter', 'phone'),
  complainant: email('complainant.email'),
  clientName: text('clientName'),
  conduct: { path: 'conduct.date', m: '2026-03-03', n: '2026-01-01', between: '2026-02', fragment: '2026-03' },
  involved: text('involved.description'),
  complaintText: text('complaintText', ', zoals de klager die formuleerde.'),
  desiredOutcome: text('desiredOutcome'),
  discussedBefore: choice('discussedBefore', 'yes', 'no'),
  wantsHearing: choice('wantsHearing', true, false),
  writtenVersion: text('writtenVersion.draft'),
  attachments: { ...text('attachments.filename'), m: `${MATCH}.pdf`, n: `${OTHER}.pdf`, many: true },
  involvedStaff: { ...email('involvedStaff.email'), m: `${MATCH}@staf.example`, n: `${OTHER}@staf.example`, many: true },
  acknowledgement: text('acknowledgement.factsSummary'),
  nonAdmission: text('nonAdmission.reasons'),
  decision: text('decision.reasonedPosition'),
  informal: text('informal.oralAnswer'),
  delayNotice: text('delayNotice.reason'),
  hearing: text('hearing.place'),
  withdrawal: text('withdrawal.note'),
  correction: text('correction.reason'),
  lettersSent: date('lettersSent.acknowledgementAt'),
  endedAs: choice('endedAs', 'withdrawn', 'not_admitted'),
  endedAt: date('endedAt'),
  uwvLabourExpert: { ...email('uwvLabourExpert.email'), m: `${MATCH}@uwv.example`, n: `${OTHER}@uwv.example` },
  consentAt: date('consentAt'),
  privacy: date('privacy.legalHoldSince'),
  inspectionRequests: date('inspectionRequests.receivedAt'),
  inspectionDueAt: date('inspectionDueAt'),
  complainantAdditions: text('complainantAdditions.text'),
  survey: text('survey.text'),
  messages: { ...text('messages.subject'), many: true },
  letters: { ...choice('letters.purpose', 'decision', 'receipt'), many: true },
  timeline: { ...choice('timeline.type', 'decision_recorded', 'hearing_recorded'), many: true },
}

/** The value an operator gets in a probe that asks "is the hidden value M's?". */
function operand(operator: string, probe: Probe): unknown {
  switch (operator) {
    case 'in':
    case 'not_in':
    case 'all':
      return [probe.m]
    case 'like':
    case 'not_like':
    case 'contains':
      return probe.fragment
    case 'exists':
      return true
    case 'greater_than':
    case 'greater_than_equal':
    case 'less_than':
    case 'less_than_equal':
      return probe.between
    case 'near':
      return '5.1,52.1,10000'
    case 'within':
    case 'intersects':
      return {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [0, 60],
            [60, 60],
            [60, 0],
            [0, 0],
          ],
        ],
      }
    default:
      return probe.m
  }
}

/** The spellings of one path Payload reads (and some it refuses: those must be refused for everyone). */
type Spelling = {
  name: string
  payloadAccepts: boolean
  build: (path: string, operator: string, value: unknown, probe?: Probe) => Where | null
}
const leaf = (operator: string, value: unknown) => ({ [operator]: value })
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const SPELLINGS: Spelling[] = [
  { name: 'a.b', payloadAccepts: true, build: (p, o, v) => ({ [p]: leaf(o, v) }) },
  { name: 'a__b', payloadAccepts: true, build: (p, o, v) => ({ [p.replaceAll('.', '__')]: leaf(o, v) }) },
  { name: 'or[and[a.b]]', payloadAccepts: true, build: (p, o, v) => ({ or: [{ and: [{ [p]: leaf(o, v) }] }] }) },
  {
    name: 'AND[OR[a__b]]',
    payloadAccepts: true,
    build: (p, o, v) => ({ AND: [{ OR: [{ [p.replaceAll('.', '__')]: leaf(o, v) }] }] }),
  },
  {
    name: '{ a: { contains: { b } } }',
    payloadAccepts: true,
    build: (p, o, v, probe) => {
      const [first, ...rest] = p.split('.')
      return probe?.many && first && rest.length ? { [first]: { contains: { [rest.join('.')]: leaf(o, v) } } } : null
    },
  },
  {
    name: '{ a: { b: … } }',
    payloadAccepts: false,
    build: (p, o, v) =>
      p.includes('.')
        ? (p.split('.').reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), leaf(o, v)) as Where)
        : null,
  },
  {
    name: '{ a: { b__c } }',
    payloadAccepts: false,
    build: (p, o, v) => {
      const [first, ...rest] = p.split('.')
      return rest.length ? { [first ?? '']: { [rest.join('__')]: leaf(o, v) } } : null
    },
  },
  {
    name: 'A.B',
    payloadAccepts: false,
    build: (p, o, v) => ({ [p.split('.').map(capitalise).join('.')]: leaf(o, v) }),
  },
]

/** A sample of Payload's operators for one (field, spelling): rotating, so each field meets every operator. */
function operatorsFor(fieldIndex: number, spellingIndex: number, k: number): string[] {
  return Array.from(
    { length: k },
    (_, j) => validOperators[(fieldIndex * 5 + spellingIndex * k + j) % validOperators.length] as string,
  )
}

// ---------------------------------------------------------------------------------------------
// Fixtures (trusted code: access control bypassed on purpose)

let ctx: TestPayload
let payload: Payload
let schema: GraphQLSchema
const ids: Record<string, string> = {}
const callers: Record<string, Caller> = {}
const REGISTRY: string[] = []

async function staff(key: string, roles: User['roles']): Promise<StaffUser> {
  const user = await createStaffUser(payload, `${key.toLowerCase()}@example.nl`, `Medewerker ${key}`, roles)
  ids[key] = user.id
  return user
}

/** `{ a: { b: value } }` for the path `a.b`. */
const nested = (path: string, value: unknown): Record<string, unknown> =>
  path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>
const merge = (target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> => {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    target[key] =
      existing && typeof existing === 'object' && value && typeof value === 'object' && !Array.isArray(value)
        ? merge(existing as Record<string, unknown>, value as Record<string, unknown>)
        : value
  }
  return target
}

async function registerCase(name: string, handler?: string): Promise<string> {
  const doc = await payload.create({
    collection: 'complaints',
    // Every field the probes compare is given here, so the two sides differ only by what hide() sets.
    data: recordedComplaint({
      channel: 'email',
      receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      complainant: {
        role: 'client',
        clientOrganisation: 'uwv',
        name: `Klager ${name}`,
        email: `klager-${name.toLowerCase()}@example.nl`,
      },
      conduct: { when: 'date', date: '2026-01-05' },
      involved: { kind: 'employee', description: `Coach bij zaak ${name}` },
      complaintText: `De klacht van zaak ${name}, lang genoeg om te bewaren.`,
      ...(handler ? { assignedHandler: handler } : {}),
    }),
  })
  return doc.id
}

/** Every document that points at a case: an attachment, a letter, a message, a timeline entry. */
async function caseDocuments(complaint: string, side: 'm' | 'n' | 'plain'): Promise<{ attachment: string }> {
  const token = side === 'm' ? MATCH : side === 'n' ? OTHER : `bijlage-${complaint.slice(0, 6)}`
  const pdf = minimalPdf()
  const attachment = await payload.create({
    collection: 'complaint-attachments',
    data: { complaint },
    file: { data: pdf, mimetype: 'application/pdf', name: `${token}.pdf`, size: pdf.byteLength },
  })
  const purpose = side === 'm' ? PROBES.letters?.m : side === 'n' ? PROBES.letters?.n : 'receipt'
  await payload.create({
    collection: 'letters',
    data: { complaint, purpose, channel: 'post' } as never,
    file: { data: pdf, mimetype: 'application/pdf', name: `brief-${complaint.slice(0, 8)}.pdf`, size: pdf.byteLength },
  })
  const subject = side === 'm' ? PROBES.messages?.m : side === 'n' ? PROBES.messages?.n : 'Bericht over de zaak'
  await payload.create({
    collection: 'outbox',
    data: {
      subject,
      complaint,
      to: ['klager@example.nl'],
      from: 'Working Progression <brieven@wp.example>',
      text: 'Tekst',
      html: '<p>Tekst</p>',
      status: 'queued',
      purpose: 'system',
      attempts: 0,
      idempotencyKey: `leaks-${complaint}`,
    } as never,
  })
  const type = side === 'm' ? PROBES.timeline?.m : side === 'n' ? PROBES.timeline?.n : 'hearing_recorded'
  await payload.create({
    collection: 'case-events',
    data: { complaint, type, at: new Date().toISOString(), actorKind: 'system', data: {} } as never,
  })
  return { attachment: attachment.id }
}

/** Writes a case straight to the database: no workflow hook decides what a fixture may hold (the whole row, as the adapter upserts). */
async function write(complaint: string, changes: Record<string, unknown>) {
  const stored = await payload.findByID({
    collection: 'complaints',
    id: complaint,
    depth: 0,
    joins: false,
    overrideAccess: true,
    showHiddenFields: true,
  })
  await payload.db.updateOne({
    collection: 'complaints',
    id: complaint,
    data: merge({ ...stored }, changes),
    req: undefined,
  })
}

/** Sets every probe's value on a case. */
async function hide(complaint: string, side: 'm' | 'n', attachment: string) {
  const data: Record<string, unknown> = {}
  for (const [field, probe] of Object.entries(PROBES)) {
    if (
      [
        'messages',
        'letters',
        'timeline',
        'attachments',
        'involvedStaff',
        'inspectionRequests',
        'complainantAdditions',
      ].includes(field)
    )
      continue
    merge(data, nested(probe.path, side === 'm' ? probe.m : probe.n))
  }
  // Array fields: each probe is a row's value (AVG art. 15; Decision 20).
  data.complainantAdditions = [
    {
      id: `addition-${side}-${complaint.slice(0, 8)}`,
      at: new Date().toISOString(),
      text: side === 'm' ? PROBES.complainantAdditions?.m : PROBES.complainantAdditions?.n,
    },
  ]
  data.inspectionRequests = [
    {
      id: `inspection-${side}-${complaint.slice(0, 8)}`,
      receivedAt: side === 'm' ? PROBES.inspectionRequests?.m : PROBES.inspectionRequests?.n,
    },
  ]
  data.attachments = [attachment]
  data.involvedStaff = [side === 'm' ? ids.staffM : ids.staffN]
  await write(complaint, data)
}

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '', SITE_INTERNAL_URL: 'http://127.0.0.1:9' })
  payload = ctx.payload
  REGISTRY.push(...personalFieldNames(payload.collections.complaints.config.fields))
  schema = configToSchema(payload.config).schema

  // The first account becomes an administrator whatever it asks for: the admin goes first, so that every other role is itself only.
  const accounts = {
    admin: await staff('admin', ['admin']),
    manager: await staff('manager', ['manager']),
    adminManager: await staff('adminManager', ['admin', 'manager']),
    handlerA: await staff('handlerA', ['handler']),
    handlerB: await staff('handlerB', ['handler']),
    editor: await staff('editor', ['editor']),
  }
  await staff('staffM', ['handler'])
  await payload.update({ collection: 'users', id: ids.staffM ?? '', data: { email: `${MATCH}@staf.example` } })
  await staff('staffN', ['handler'])
  await payload.update({ collection: 'users', id: ids.staffN ?? '', data: { email: `${OTHER}@staf.example` } })
  await payload.create({
    collection: 'service-accounts',
    data: { name: 'site', scopes: ['complaint-intake'], keyHash: hashServiceKey(payload, SITE_KEY) },
  })
  await payload.updateGlobal({
    slug: 'settings',
    context: { skipSiteCacheInvalidation: true },
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example', phone: '088 898 92 95' } },
  })

  // M and N: new, unassigned complaints in the queue (every handler lists them, none may read their data).
  ids.M = await registerCase('M')
  ids.N = await registerCase('N')
  await hide(ids.M, 'm', (await caseDocuments(ids.M, 'm')).attachment)
  await hide(ids.N, 'n', (await caseDocuments(ids.N, 'n')).attachment)
  // AM and AN: handler A's own cases, which name M and N as the earlier complaint (Art. 8.5 ground a).
  ids.AM = await registerCase('AM', ids.handlerA)
  ids.AN = await registerCase('AN', ids.handlerA)
  for (const [own, earlier] of [
    ['AM', 'M'],
    ['AN', 'N'],
  ] as const) {
    await write(ids[own] ?? '', { nonAdmission: { ground: 'already_subject', earlierComplaint: ids[earlier] } })
    await caseDocuments(ids[own] ?? '', 'plain')
  }

  callers.anonymous = { user: null, authorization: null }
  callers.site = { user: null, authorization: `service-accounts API-Key ${SITE_KEY}` }
  for (const [key, user] of Object.entries(accounts)) {
    callers[key] = { user, authorization: `JWT ${await staffUserToken(payload, user.email)}` }
  }
})

afterAll(async () => {
  await ctx?.cleanup()
})

// ---------------------------------------------------------------------------------------------
// Asking the same question about two cases

type Way = 'local' | 'rest' | 'graphql'
function ask(way: Way, who: string, q: Question): Promise<Answer> {
  const caller = callers[who]
  if (!caller) throw new Error(`no caller ${who}`)
  if (way === 'local') return askLocal(payload, caller, q)
  if (way === 'rest') return askRest(ctx, caller, q)
  return askGraphQL(payload, schema, caller, q)
}

/** The answers about M and N (or AM and AN) to one probe, in the form that can be compared. */
async function pair(
  way: Way,
  who: string,
  sides: readonly [string, string],
  question: (id: string) => Question,
): Promise<{ m: string; n: string; bodies: string[] }> {
  const [m, n] = [
    await ask(way, who, question(ids[sides[0]] ?? '')),
    await ask(way, who, question(ids[sides[1]] ?? '')),
  ]
  return {
    m: told(m, { [ids[sides[0]] ?? '']: 'asked' }),
    n: told(n, { [ids[sides[1]] ?? '']: 'asked' }),
    bodies: [m.body, n.body],
  }
}

/**
 * Whether an answer holds a hidden value. A probe asks with M's values, and an error may echo the
 * question (GraphQL does), so where the question names M's value only N's ("merel", asked by no
 * probe) counts; N's data would leak by the same road as M's.
 */
const leaks = (bodies: string[], tokens: readonly string[] = [MATCH, OTHER]) =>
  bodies.some((b) => tokens.some((t) => b.includes(t)))

/** Where the probe for one field sits on a collection: the complaint itself, or its `complaint` relationship. */
type Target = { collection: string; prefix: string; scope: (id: string) => Where }
const ON_COMPLAINTS: Target = { collection: 'complaints', prefix: '', scope: (id) => ({ id: { equals: id } }) }
const POINTING: Target[] = ['case-events', 'letters', 'outbox', 'complaint-attachments'].map((collection) => ({
  collection,
  prefix: 'complaint.',
  scope: (id) => ({ complaint: { equals: id } }),
}))

type Finding = { probe: string; m: string; n: string } | { probe: string; leaked: true }
async function probeAll(opts: {
  way: Way
  who: string
  target: Target
  via?: string
  sides: readonly [string, string]
  k: number
  spellings: Spelling[]
  kinds: Question['kind'][]
}): Promise<{ findings: Finding[]; asked: number }> {
  const findings: Finding[] = []
  let asked = 0
  for (const [fieldIndex, field] of REGISTRY.entries()) {
    const probe = PROBES[field]
    if (!probe) throw new Error(`no probe for the personal field ${field}`)
    const path = `${opts.target.prefix}${opts.via ?? ''}${probe.path}`
    for (const spelling of opts.spellings) {
      for (const operator of operatorsFor(fieldIndex, SPELLINGS.indexOf(spelling), opts.k)) {
        const where = spelling.build(
          path,
          operator,
          operand(operator, probe),
          opts.via || opts.target.prefix ? undefined : probe,
        )
        if (!where) continue
        for (const kind of opts.kinds) {
          // GraphQL's where type spells the conjunction AND only.
          const and = opts.way === 'graphql' ? 'AND' : 'and'
          const { m, n, bodies } = await pair(opts.way, opts.who, opts.sides, (id) => ({
            collection: opts.target.collection,
            kind,
            where: { [and]: [opts.target.scope(id), where] },
          }))
          asked += 2
          const name = `${kind} ${opts.target.collection} ${spelling.name} ${path} ${operator}`
          if (m !== n) findings.push({ probe: name, m, n })
          if (leaks(bodies, [OTHER])) findings.push({ probe: name, leaked: true })
        }
      }
    }
  }
  return { findings, asked }
}

// ---------------------------------------------------------------------------------------------

describe('the generated probes cover what they claim', () => {
  it('every personal field of the registry has a probe, and no probe is for a field that is not personal', () => {
    expect(REGISTRY.length).toBeGreaterThan(20)
    expect(Object.keys(PROBES).sort()).toEqual([...REGISTRY].sort())
  })

  it('the operators are Payload’s own list, and the queue’s queryable fields hold none of the registry', () => {
    expect(validOperators).toEqual(expect.arrayContaining(['equals', 'like', 'contains', 'in', 'exists', 'near']))
    const sampled = new Set(SPELLINGS.flatMap((_, s) => REGISTRY.flatMap((__, f) => operatorsFor(f, s, 4))))
    expect([...sampled].sort()).toEqual([...validOperators].sort())
    expect(QUEUE_QUERYABLE_FIELDS.filter((f) => REGISTRY.includes(f))).toEqual([])
  })

  it('no collection with a complaint’s personal data keeps versions (so there is no version history to query)', async () => {
    for (const slug of ['complaints', 'case-events', 'letters', 'outbox', 'complaint-attachments'] as const) {
      expect(payload.collections[slug].config.versions, slug).toBeFalsy()
    }
    // Payload 3.90 routes /versions for every collection; without a version table the adapter fails, and nothing is listed.
    for (const who of ['manager', 'handlerB', 'admin']) {
      const response = await ctx.rest(
        `/complaints/versions?${new URLSearchParams({ where: JSON.stringify({ 'version.complainant.email': { like: MATCH } }) })}`,
        { headers: { authorization: callers[who]?.authorization ?? '' } },
      )
      expect(response.ok, who).toBe(false)
      expect(leaks([await response.text()], [OTHER]), who).toBe(false)
    }
  })
})

describe('control: the same probes DO tell M from N for a manager, who may read (Decision 15: and for an admin who is also a manager)', () => {
  for (const who of ['manager', 'adminManager'] as const) {
    for (const way of ['local', 'rest'] as const) {
      it(`${who} through ${way}: equals on every personal field, in every spelling Payload accepts, tells M from N; the spellings Payload refuses are refused`, async () => {
        const silent: string[] = []
        for (const field of REGISTRY) {
          const probe = PROBES[field] as Probe
          for (const spelling of SPELLINGS) {
            const where = spelling.build(probe.path, 'equals', probe.m, probe)
            if (!where) continue
            const { m, n } = await pair(way, who, ['M', 'N'], (id) => ({
              collection: 'complaints',
              kind: 'find',
              where: { and: [{ id: { equals: id } }, where] },
            }))
            // Payload 3.90's REST reads `contains: { … }` on a join as no match at all (the Local API applies it).
            const restJoinContains =
              way === 'rest' &&
              spelling.name.includes('contains') &&
              ['messages', 'letters', 'timeline'].includes(field)
            if (spelling.payloadAccepts && !restJoinContains && m === n)
              silent.push(`${spelling.name} ${probe.path}: ${m}`)
            if (!spelling.payloadAccepts)
              expect((JSON.parse(m) as { status?: number }).status, `${spelling.name} ${probe.path}`).toBe(400)
          }
        }
        expect(silent).toEqual([])
      })
    }
  }

  it('manager: the same probes through case-events, letters, outbox and attachments (`complaint.…`) tell M from N', async () => {
    const silent: string[] = []
    for (const target of POINTING) {
      for (const field of REGISTRY) {
        const probe = PROBES[field] as Probe
        const { m, n } = await pair('rest', 'manager', ['M', 'N'], (id) => ({
          collection: target.collection,
          kind: 'count',
          where: { and: [target.scope(id), { [`complaint.${probe.path}`]: { equals: probe.m } }] },
        }))
        if (m === n) silent.push(`${target.collection} complaint.${probe.path}: ${m}`)
      }
    }
    expect(silent).toEqual([])
  })

  it('manager: through an own case to the earlier complaint (`nonAdmission.earlierComplaint.…`) tells AM from AN', async () => {
    const silent: string[] = []
    for (const target of [ON_COMPLAINTS, ...POINTING]) {
      for (const field of REGISTRY) {
        const probe = PROBES[field] as Probe
        const path = `${target.prefix}nonAdmission.earlierComplaint.${probe.path}`
        const { m, n } = await pair('local', 'manager', ['AM', 'AN'], (id) => ({
          collection: target.collection,
          kind: 'count',
          where: { and: [target.scope(id), { [path]: { equals: probe.m } }] },
        }))
        if (m === n) silent.push(`${target.collection} ${path}: ${m}`)
      }
    }
    expect(silent).toEqual([])
  })

  it('GraphQL’s resolvers answer the manager’s `__` probes, telling M from N (so the refusals below are not GraphQL’s own)', async () => {
    const probe = PROBES.complainant as Probe
    for (const kind of ['find', 'count'] as const) {
      const { m, n } = await pair('graphql', 'manager', ['M', 'N'], (id) => ({
        collection: 'complaints',
        kind,
        where: { AND: [{ id: { equals: id } }, { complainant__email: { like: MATCH } }] as Where[] },
      }))
      expect(m, `${kind}: ${m} vs ${n} (${probe.path})`).not.toBe(n)
    }
  })
})

// Those who may not read a complaint's personal data: the handler who is not assigned (M and N
// are in their queue: they list them), and those who reach no complaint at all (Decision 15:
// the admin; the editor; anonymous callers; the site's service key, which is no login).
const ROLES_WITHOUT_PERSONAL_DATA = [
  { who: 'handlerB', ways: ['local', 'rest', 'graphql'], k: 4 },
  { who: 'admin', ways: ['local', 'rest', 'graphql'], k: 1 },
  { who: 'editor', ways: ['local', 'rest'], k: 1 },
  { who: 'anonymous', ways: ['local', 'rest'], k: 1 },
  { who: 'site', ways: ['rest'], k: 1 },
] as const

describe('nobody who may not read a personal field learns it from a where (find and count), in any spelling, with any operator', () => {
  for (const { who, ways, k } of ROLES_WITHOUT_PERSONAL_DATA) {
    for (const way of ways) {
      // GraphQL spells paths `a__b` and nests with AND / OR.
      const spellings =
        way === 'graphql' ? SPELLINGS.filter((s) => s.name === 'a__b' || s.name === 'AND[OR[a__b]]') : SPELLINGS
      it(`${who} through ${way}: complaints`, async () => {
        const { findings, asked } = await probeAll({
          way,
          who,
          target: ON_COMPLAINTS,
          sides: ['M', 'N'],
          k,
          spellings,
          kinds: ['find', 'count'],
        })
        expect(asked).toBeGreaterThan(100)
        expect(findings).toEqual([])
      })
    }
    if (who === 'handlerB') continue
    it(`${who} through rest: case-events, letters, outbox and attachments by their complaint (\`complaint.…\`)`, async () => {
      for (const target of POINTING) {
        const { findings } = await probeAll({
          way: 'rest',
          who,
          target,
          sides: ['M', 'N'],
          k: 1,
          spellings: SPELLINGS.slice(0, 4),
          kinds: [who === 'admin' ? 'find' : 'count'],
        })
        expect(findings, target.collection).toEqual([])
      }
    })
  }

  it('handlerA (M and N are in their queue; AM and AN are their own cases, naming M and N as the earlier complaint): nothing through `nonAdmission.earlierComplaint.…`, from any collection', async () => {
    for (const way of ['local', 'rest'] as const) {
      for (const target of [ON_COMPLAINTS, ...POINTING]) {
        const onComplaints = target === ON_COMPLAINTS
        const { findings } = await probeAll({
          way,
          who: 'handlerA',
          target,
          via: 'nonAdmission.earlierComplaint.',
          sides: ['AM', 'AN'],
          k: onComplaints ? 2 : 1,
          spellings: SPELLINGS.slice(0, 4),
          kinds: onComplaints ? ['find', 'count'] : ['count'],
        })
        expect(findings, `${way} ${target.collection}`).toEqual([])
      }
    }
  })

  it('handlerB cannot reach the queue’s data through the handler either: assignedHandler allows its id only', async () => {
    const answer = await ask('rest', 'handlerB', {
      collection: 'complaints',
      kind: 'find',
      where: { 'assignedHandler.email': { like: '@' } },
    })
    expect(answer.status).toBe(400)
    const allowed = await ask('rest', 'handlerB', {
      collection: 'complaints',
      kind: 'find',
      where: { and: [{ id: { in: [ids.M, ids.N] } }, { 'assignedHandler.id': { exists: false } }] },
    })
    expect(allowed.status).toBe(200)
    expect(allowed.totalDocs).toBe(2)
  })

  it('a bulk update or delete with a where (which answers per matching document) tells handlerB nothing either', async () => {
    const probe = PROBES.complainant as Probe
    for (const spelling of SPELLINGS.slice(0, 4)) {
      const where = spelling.build(probe.path, 'like', MATCH) as Where
      const answers: string[] = []
      for (const id of [ids.M, ids.N]) {
        for (const method of ['PATCH', 'DELETE'] as const) {
          const response = await ctx.rest(
            `/complaints?${new URLSearchParams({ where: JSON.stringify({ and: [{ id: { equals: id } }, where] }) })}`,
            {
              method,
              headers: { authorization: callers.handlerB?.authorization ?? '', 'content-type': 'application/json' },
              body: method === 'PATCH' ? JSON.stringify({ desiredOutcome: 'Overschreven' }) : undefined,
            },
          )
          const body = (await response.json()) as { docs?: unknown[]; errors?: unknown[] }
          answers.push(
            JSON.stringify({
              method,
              status: response.status,
              docs: body.docs?.length ?? null,
              errors: body.errors?.length ?? null,
            }),
          )
        }
      }
      expect(answers.slice(0, 2), spelling.name).toEqual(answers.slice(2))
    }
  })
})

describe('sort: the order of the answer tells nothing either (asc and desc give the same order)', () => {
  const sortForms = (path: string): [string, string | string[], string | string[]][] => [
    ['x / -x', path, `-${path}`],
    ['x__y / -x__y', path.replaceAll('.', '__'), `-${path.replaceAll('.', '__')}`],
    ['[x, createdAt] / [-x, createdAt]', [path, 'createdAt'], [`-${path}`, 'createdAt']],
    ['"createdAt,x" (a comma list)', `id,${path}`, `id,-${path}`],
  ]

  for (const who of ['manager', 'handlerB', 'admin'] as const) {
    for (const way of ['local', 'rest'] as const) {
      it(`${who} through ${way}: ${who === 'manager' ? 'the control — sorting on a personal field reverses the order' : 'the order never follows a personal field'}`, async () => {
        const findings: string[] = []
        for (const field of REGISTRY) {
          const probe = PROBES[field] as Probe
          for (const [name, asc, desc] of sortForms(probe.path)) {
            if (who === 'manager' && (probe.many || name.includes('comma'))) continue
            const where: Where = { id: { in: [ids.M, ids.N] } }
            const [a, d] = [
              await ask(way, who, { collection: 'complaints', kind: 'find', where, sort: asc }),
              await ask(way, who, { collection: 'complaints', kind: 'find', where, sort: desc }),
            ]
            const names = { [ids.M ?? '']: 'M', [ids.N ?? '']: 'N' }
            const same = told(a, names) === told(d, names)
            if (who === 'manager' ? same : !same || leaks([a.body, d.body]))
              findings.push(`${name} ${probe.path}: ${told(a, names)} / ${told(d, names)}`)
          }
        }
        expect(findings).toEqual([])
      })
    }
  }

  it('GraphQL: sort on a personal field tells handlerB nothing', async () => {
    const findings: string[] = []
    for (const field of REGISTRY) {
      const path = (PROBES[field] as Probe).path.replaceAll('.', '__')
      const where: Where = { id: { in: [ids.M, ids.N] } }
      const names = { [ids.M ?? '']: 'M', [ids.N ?? '']: 'N' }
      const [a, d] = [
        await ask('graphql', 'handlerB', { collection: 'complaints', kind: 'find', where, sort: path }),
        await ask('graphql', 'handlerB', { collection: 'complaints', kind: 'find', where, sort: `-${path}` }),
      ]
      if (told(a, names) !== told(d, names)) findings.push(`${path}: ${told(a, names)} / ${told(d, names)}`)
    }
    expect(findings).toEqual([])
  })
})

describe('joins, select, populate, distinct: no other way in', () => {
  const joinQuestions = (path: (field: Probe) => string) =>
    REGISTRY.flatMap((field) => {
      const probe = PROBES[field] as Probe
      return ['timeline', 'letters', 'messages'].flatMap((join) => [
        { name: `${join}.where ${path(probe)}`, joins: { [join]: { where: { [path(probe)]: { equals: probe.m } } } } },
        { name: `${join}.sort ${path(probe)}`, joins: { [join]: { sort: path(probe) } } },
      ])
    })
  const joinCounts = (answer: Answer) => {
    if (answer.status !== 200) return `status ${answer.status}`
    const parsed = JSON.parse(answer.body) as {
      docs: Record<string, { docs?: unknown[]; totalDocs?: number } | undefined>[]
    }
    return JSON.stringify(
      parsed.docs.map((doc) => ['timeline', 'letters', 'messages'].map((j) => doc[j]?.docs?.length ?? null)),
    )
  }

  for (const way of ['local', 'rest'] as const) {
    it(`control through ${way}: a manager’s join where on \`complaint.nonAdmission.earlierComplaint.…\` tells AM from AN`, async () => {
      const silent: string[] = []
      for (const q of joinQuestions((p) => `complaint.nonAdmission.earlierComplaint.${p.path}`).filter((q) =>
        q.name.includes('.where'),
      )) {
        const [m, n] = [
          await ask(way, 'manager', {
            collection: 'complaints',
            kind: 'find',
            where: { id: { equals: ids.AM } },
            joins: q.joins,
            depth: 0,
          }),
          await ask(way, 'manager', {
            collection: 'complaints',
            kind: 'find',
            where: { id: { equals: ids.AN } },
            joins: q.joins,
            depth: 0,
          }),
        ]
        if (joinCounts(m) === joinCounts(n)) silent.push(`${q.name}: ${joinCounts(m)}`)
      }
      expect(silent).toEqual([])
    })

    it(`handlerA through ${way}: a join's where or sort on their own case's timeline, letters or messages reaches no earlier complaint's data`, async () => {
      const findings: string[] = []
      for (const q of joinQuestions((p) => `complaint.nonAdmission.earlierComplaint.${p.path}`)) {
        const [m, n] = [
          await ask(way, 'handlerA', {
            collection: 'complaints',
            kind: 'find',
            where: { id: { equals: ids.AM } },
            joins: q.joins,
          }),
          await ask(way, 'handlerA', {
            collection: 'complaints',
            kind: 'find',
            where: { id: { equals: ids.AN } },
            joins: q.joins,
          }),
        ]
        if (joinCounts(m) !== joinCounts(n) || leaks([m.body, n.body], [OTHER]))
          findings.push(`${q.name}: ${joinCounts(m)} / ${joinCounts(n)}`)
      }
      expect(findings).toEqual([])
    })

    it(`handlerB through ${way}: a join's where on the queue's cases tells nothing`, async () => {
      const findings: string[] = []
      for (const q of joinQuestions((p) => `complaint.${p.path}`)) {
        const { m, n, bodies } = await pair(way, 'handlerB', ['M', 'N'], (id) => ({
          collection: 'complaints',
          kind: 'find',
          where: { id: { equals: id } },
          joins: q.joins,
        }))
        if (m !== n || leaks(bodies, [OTHER])) findings.push(`${q.name}: ${m} / ${n}`)
      }
      expect(findings).toEqual([])
    })

    it(`through ${way}: select and populate of every personal field return none of it to handlerB or handler A (through their own case to the earlier one)`, async () => {
      const select = Object.fromEntries(REGISTRY.map((field) => [field, true]))
      const populate = { complaints: select, 'complaint-attachments': { filename: true }, users: { email: true } }
      const queue = await pair(way, 'handlerB', ['M', 'N'], (id) => ({
        collection: 'complaints',
        kind: 'find',
        where: { id: { equals: id } },
        select,
        populate,
        depth: 2,
      }))
      expect(queue.m).toBe(queue.n)
      expect((JSON.parse(queue.m) as { ids?: string[] }).ids).toEqual(['asked'])
      expect(leaks(queue.bodies)).toBe(false)
      const own = await pair(way, 'handlerA', ['AM', 'AN'], (id) => ({
        collection: 'complaints',
        kind: 'find',
        where: { id: { equals: id } },
        populate,
        depth: 3,
      }))
      expect(own.m).toBe(own.n)
      expect(leaks(own.bodies)).toBe(false)
      // The control: the manager's same answer does hold M's values.
      const manager = await ask(way, 'manager', {
        collection: 'complaints',
        kind: 'find',
        where: { id: { equals: ids.AM } },
        populate,
        depth: 3,
      })
      expect(manager.body).toContain(`${MATCH}@klager.example`)
    })
  }

  it('findDistinct (Local API only: Payload 3.90 has no REST route for it) gives handlerB and the admin no personal value; the manager gets them', async () => {
    const distinct = async (who: string, field: string, id: string) => {
      try {
        const result = await payload.findDistinct({
          collection: 'complaints',
          field: field,
          where: { id: { equals: id } },
          overrideAccess: false,
          user: callers[who]?.user ?? undefined,
        })
        return JSON.stringify({ status: 200, values: result.values })
      } catch (error) {
        return JSON.stringify({ status: (error as { status?: number }).status ?? 500 })
      }
    }
    const findings: string[] = []
    for (const field of REGISTRY) {
      const probe = PROBES[field] as Probe
      if (probe.many) continue
      for (const who of ['handlerB', 'admin', 'manager']) {
        const [m, n] = [await distinct(who, probe.path, ids.M ?? ''), await distinct(who, probe.path, ids.N ?? '')]
        const tells = m !== n
        if (who === 'manager' ? !tells : tells || leaks([m, n])) findings.push(`${who} ${probe.path}: ${m} / ${n}`)
      }
    }
    expect(findings).toEqual([])
    expect(
      (
        await ctx.rest('/complaints/distinct?field=complainant.email', {
          headers: { authorization: callers.handlerB?.authorization ?? '' },
        })
      ).status,
    ).toBe(404)
  })

  it('the portal’s GraphQL route itself is off: 404 for every caller', async () => {
    for (const who of ['handlerB', 'admin', 'manager', 'anonymous', 'site']) {
      const response = await ctx.rest('/graphql', {
        method: 'POST',
        headers: {
          ...(callers[who]?.authorization ? { authorization: callers[who]?.authorization ?? '' } : {}),
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          query: `{ countComplaints(where: { complainant__email: { like: "${MATCH}" } }) { totalDocs } }`,
        }),
      })
      expect(response.status, who).toBe(404)
    }
  })
})

describe('the admin’s own questions for a handler still work (the queries Payload 3.90’s admin sends)', () => {
  const handlerA = () => callers.handlerA?.user ?? undefined
  const local = {
    find: (args: Record<string, unknown>) =>
      (payload as unknown as { find(a: Record<string, unknown>): Promise<{ docs: { id: string }[] }> }).find(args),
  }

  it('the list: search by reference, the dashboard’s filters, a sort on every column, with the lock status — own cases and the queue', async () => {
    const mine: Where = {
      and: [{ status: { in: ['received', 'acknowledged'] } }, { assignedHandler: { equals: ids.handlerA } }],
    }
    const queue: Where = {
      and: [{ status: { in: ['received', 'acknowledged'] } }, { assignedHandler: { exists: false } }],
    }
    const late: Where = {
      and: [{ status: { in: ['received', 'acknowledged'] } }, { 'nextDeadline.state': { equals: 'overdue' } }],
    }
    const columns = ['reference', 'receivedAt', 'status', 'assignedHandler', 'nextDeadline.due', 'nextDeadline.state']
    for (const where of [undefined, mine, queue, late, { or: [{ reference: { like: 'WP-' } }] }]) {
      for (const sort of [undefined, ...columns, ...columns.map((c) => `-${c}`)]) {
        const { docs } = await local.find({
          collection: 'complaints',
          depth: 0,
          draft: true,
          includeLockStatus: true,
          overrideAccess: false,
          user: handlerA(),
          where,
          sort,
          limit: 50,
        })
        const seen = docs.map((d) => d.id)
        if (where === mine) expect(seen.sort()).toEqual([ids.AM, ids.AN].sort())
        if (where === queue) expect(seen).toEqual(expect.arrayContaining([ids.M, ids.N]))
      }
    }
    for (const tile of [mine, queue, late])
      await payload.count({ collection: 'complaints', where: tile, overrideAccess: false, user: handlerA() })
  })

  it('the edit view of their own case: the document with its joins and lock status, and the tables of its timeline, letters and messages', async () => {
    const doc = await payload.findByID({
      collection: 'complaints',
      id: ids.AM ?? '',
      depth: 1,
      draft: true,
      includeLockStatus: true,
      overrideAccess: false,
      user: handlerA(),
    } as never)
    expect((doc as { complainant?: { name?: string } }).complainant?.name).toBe('Klager AM')
    for (const [collection, sort] of [
      ['case-events', 'at'],
      ['letters', 'createdAt'],
      ['outbox', undefined],
    ] as const) {
      const { docs } = await local.find({
        collection,
        depth: 0,
        draft: true,
        limit: 10,
        sort,
        overrideAccess: false,
        user: handlerA(),
        where: { complaint: { equals: ids.AM } },
      })
      expect(docs.length, collection).toBeGreaterThan(0)
    }
  })

  it('the relationship pickers: the earlier complaint (complaints by reference), the handler (users by role), a letter’s case — as the admin posts them', async () => {
    const picker = (collection: string, params: Record<string, string>) =>
      ctx.rest(`/${collection}`, {
        method: 'POST',
        headers: {
          authorization: callers.handlerA?.authorization ?? '',
          'content-type': 'application/x-www-form-urlencoded',
          'X-Payload-HTTP-Method-Override': 'GET',
        },
        body: new URLSearchParams({ depth: '0', draft: 'true', limit: '10', page: '1', ...params }).toString(),
      })
    const earlier = await ctx.rest(
      `/complaints?${new URLSearchParams({ depth: '0', draft: 'true', limit: '10', page: '1', 'select[reference]': 'true', sort: 'id', 'where[and][0][id][not_in][0]': ids.AM ?? '', 'where[and][1][reference][like]': 'WP' })}`,
      { headers: { authorization: callers.handlerA?.authorization ?? '' } },
    )
    expect(earlier.status).toBe(200)
    expect(((await earlier.json()) as { totalDocs: number }).totalDocs).toBeGreaterThan(1)
    const posted = await picker('complaints', {
      'select[reference]': 'true',
      sort: 'id',
      'where[and][0][id][not_in][0]': ids.AM ?? '',
    })
    expect(posted.status).toBe(200)
    const handlers = await picker('users', {
      'select[name]': 'true',
      sort: 'id',
      'where[and][0][id][not_in][0]': ids.handlerA ?? '',
      'where[and][1][roles][in][0]': 'handler',
      'where[and][1][roles][in][1]': 'manager',
    })
    expect(handlers.status).toBe(200)
    const cases = await picker('complaints', {
      'select[reference]': 'true',
      sort: 'id',
      'where[and][0][id][in][0]': ids.AM ?? '',
    })
    expect(((await cases.json()) as { docs: { id: string }[] }).docs.map((d) => d.id)).toEqual([ids.AM])
  })
})
