import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import type { Complaint, User } from '../../cms/payload-types'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { pdfToText, squash } from '../helpers/pdfText'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { refusal } from '../helpers/refusal'
import { createStaffUser, staffUserToken } from '../helpers/staff'

/**
 * The trustworthy record (Decisions 16 and 17, Art. 4, Art. 8.5): what was sent stands, on every
 * path — the Local API with and without a user, REST and GraphQL — and every change is on the timeline.
 */
type Staff = User & { collection: 'users' }
let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: Staff
let handler: Staff
let other: Staff
let editor: Staff
const tokens: Record<string, string> = {}

async function staff(email: string, name: string, roles: User['roles']): Promise<Staff> {
  const user = await createStaffUser(payload, email, name, roles)
  tokens[user.id] = await staffUserToken(payload, email)
  return user
}

const update = (user: Staff | null, id: string, data: Record<string, unknown>) =>
  user
    ? payload.update({ collection: 'complaints', id, data: data, overrideAccess: false, user })
    : payload.update({ collection: 'complaints', id, data: data, overrideAccess: true })

const read = (id: string) => payload.findByID({ collection: 'complaints', id, depth: 0, overrideAccess: true })
const events = async (id: string, type?: string) =>
  (
    await payload.find({
      collection: 'case-events',
      where: { and: [{ complaint: { equals: id } }, ...(type ? [{ type: { equals: type } }] : [])] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
  ).docs
const lettersOf = async (id: string, purpose: string) =>
  (
    await payload.find({
      collection: 'letters',
      where: { and: [{ complaint: { equals: id } }, { purpose: { equals: purpose } }] },
      sort: 'createdAt',
      overrideAccess: true,
      pagination: false,
    })
  ).docs

const rest = (user: Staff, path: string, method: string, body?: unknown) =>
  ctx.rest(path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[user.id]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const graphql = (user: Staff, query: string) => rest(user, '/graphql', 'POST', { query })

const recorded = (overrides: Record<string, unknown> = {}) =>
  ({
    channel: 'phone',
    receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
    complainant: { role: 'client', name: 'Łukasz Nowak', email: 'lukasz@example.nl', phone: '06 11111111' },
    conduct: { when: 'date', date: '2026-11-02' },
    involved: { kind: 'employee', description: 'Coach Şükrü' },
    categories: ['negligence'],
    complaintText: 'Mijn coach kwam drie afspraken niet opdagen en belde niet af.',
    discussedBefore: 'no',
    ...overrides,
  }) as Partial<Complaint> as Complaint

async function newCase(overrides: Record<string, unknown> = {}): Promise<string> {
  const c = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: recorded({ assignedHandler: handler.id, ...overrides }),
  })
  await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
  return c.id
}

const ACKNOWLEDGE = {
  status: 'acknowledged',
  acknowledgement: { factsSummary: 'Drie afspraken gingen niet door.', statedTermWeeks: 4 },
}
const DECIDE = {
  status: 'decided',
  decision: {
    factsAsSeen: 'De coach was ziek en meldde dat niet.',
    reasonedPosition: 'Afmelden hoort altijd.',
    outcome: 'upheld',
    remedy: 'partial',
    remedyExplanation: 'Nieuwe afspraken.',
  },
}

async function decidedCase(): Promise<string> {
  const id = await newCase()
  await update(handler, id, ACKNOWLEDGE)
  await update(handler, id, DECIDE)
  await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
  return id
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: 're_record_key_123' })
  ctx = await createTestPayload({
    RESEND_API_KEY: 're_record_key_123',
    RESEND_BASE_URL: fake.url,
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
  manager = await staff('manager@example.nl', 'Maria Manager', ['manager'])
  handler = await staff('handler@example.nl', 'Nguyễn Văn An', ['handler'])
  other = await staff('other@example.nl', 'Bea Behandelaar', ['handler'])
  editor = await staff('editor@example.nl', 'Eddy Redacteur', ['editor'])
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Decision 16: what a letter stated is frozen once it is issued', () => {
  it('control: before the decision letter the handler may still change the outcome', async () => {
    const id = await newCase()
    await update(handler, id, ACKNOWLEDGE)
    await update(handler, id, { decision: { outcome: 'not_upheld' } })
    expect((await read(id)).decision?.outcome).toBe('not_upheld')
  })

  it('after the decision letter the outcome cannot change: Local API with a user, without one, REST (GraphQL is off)', async () => {
    const id = await decidedCase()
    expect((await lettersOf(id, 'decision')).length).toBe(1)
    const local = await refusal(update(handler, id, { decision: { outcome: 'not_upheld' } }))
    expect(local['decision.outcome']).toMatch(/besluit 16/)
    // Trusted server code gets no exception: the record is frozen for everyone.
    const server = await refusal(update(null, id, { decision: { outcome: 'not_upheld' } }))
    expect(server['decision.outcome']).toMatch(/besluit 16/)
    const viaRest = await rest(handler, `/complaints/${id}`, 'PATCH', {
      decision: { outcome: 'not_upheld', reasonedPosition: 'Anders.' },
    })
    expect(viaRest.status).toBe(400)
    const restErrors = JSON.stringify(await viaRest.json())
    expect(restErrors).toContain('decision.outcome')
    expect(restErrors).toContain('decision.reasonedPosition')
    // GraphQL is switched off in this portal (cms/config.ts): no path around the REST and Local API rules.
    expect(
      (
        await graphql(
          handler,
          `mutation { updateComplaint(id: "${id}", data: { decision: { outcome: not_upheld } }) { id } }`,
        )
      ).status,
    ).toBe(404)
    const stored = await read(id)
    expect([stored.decision?.outcome, stored.decision?.reasonedPosition]).toEqual(['upheld', 'Afmelden hoort altijd.'])
  })

  it('the acknowledgement’s facts, term and conduct date are frozen once it went out (Art. 5)', async () => {
    const id = await newCase()
    await update(handler, id, ACKNOWLEDGE)
    const errors = await refusal(
      update(handler, id, {
        acknowledgement: { factsSummary: 'Iets anders.', statedTermWeeks: 6 },
        conduct: { date: '2026-11-03' },
      }),
    )
    expect(Object.keys(errors).sort()).toEqual([
      'acknowledgement.factsSummary',
      'acknowledgement.statedTermWeeks',
      'conduct.date',
    ])
  })

  it('contact details and the classification stay editable, and each change goes on the timeline without its value', async () => {
    const id = await decidedCase()
    await update(handler, id, {
      complainant: { phone: '06 22222222', email: 'lukasz.nowak@example.nl' },
      categories: ['negligence', 'privacy_breach'],
    })
    const stored = await read(id)
    expect([stored.complainant.phone, stored.categories]).toEqual(['06 22222222', ['negligence', 'privacy_breach']])
    const changed = await events(id, 'fields_changed')
    const last = changed.at(-1)
    expect(last?.data).toEqual({ fields: ['complainant.phone', 'complainant.email', 'categories'] })
    expect(last?.actor).toBe(handler.id)
    expect(JSON.stringify(changed)).not.toContain('22222222')
  })

  it('a save that changes nothing writes no timeline entry (the admin sends the whole document)', async () => {
    const id = await decidedCase()
    const before = (await events(id)).length
    const doc = await payload.findByID({ collection: 'complaints', id, depth: 0, overrideAccess: false, user: handler })
    const { id: _id, createdAt: _c, updatedAt: _u, ...whole } = doc
    await update(handler, id, whole)
    expect((await events(id)).length).toBe(before)
  })

  it('a delay notice’s reason cannot be rewritten; a new date is a new notice (Art. 7 note)', async () => {
    const id = await newCase()
    await update(handler, id, ACKNOWLEDGE)
    const limit = (await read(id)).deadlines?.decisionLimitBy ?? ''
    const day = (offset: number) => new Date(new Date(limit).getTime() - offset * 86_400_000).toISOString().slice(0, 10)
    await update(handler, id, { delayNotice: { reason: 'Wij wachten op een verklaring.', newTargetDate: day(3) } })
    const errors = await refusal(update(handler, id, { delayNotice: { reason: 'Een andere reden.' } }))
    expect(errors['delayNotice.reason']).toMatch(/besluit 16/)
    await update(handler, id, { delayNotice: { reason: 'Wij wachten nog steeds.', newTargetDate: day(1) } })
    expect((await lettersOf(id, 'delay_notice')).length).toBe(2)
  })
})

describe('Decision 16: a correction is a manager’s act with a reason', () => {
  it('a handler cannot correct, even with a reason', async () => {
    const id = await decidedCase()
    const errors = await refusal(
      update(handler, id, { decision: { outcome: 'not_upheld' }, correction: { reason: 'Verkeerd gekozen.' } }),
    )
    expect(errors['decision.outcome']).toMatch(/Een manager kan het corrigeren/)
  })

  it('a manager without a reason is asked for one, at the reason field', async () => {
    const id = await decidedCase()
    const errors = await refusal(update(manager, id, { decision: { outcome: 'not_upheld' } }))
    expect(errors['correction.reason']).toMatch(/reden van de correctie/)
  })

  it('a reason with nothing to correct is refused, so it is never recorded for nothing', async () => {
    const id = await decidedCase()
    const errors = await refusal(update(manager, id, { correction: { reason: 'Zomaar.' } }))
    expect(Object.keys(errors)).toEqual(['correction.reason'])
  })

  it('with a reason: the corrected letter goes out, the first stays in the dossier, both are on the timeline', async () => {
    const id = await decidedCase()
    const before = fake.deliveries.length
    await update(manager, id, {
      decision: { outcome: 'not_upheld', remedy: null, remedyExplanation: null },
      correction: { reason: 'De beslissing is verkeerd ingevuld.' },
    })
    await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
    const stored = await read(id)
    expect(stored.decision?.outcome).toBe('not_upheld')
    expect(stored.correction?.reason ?? null).toBeNull()
    expect(
      stored.correction?.log?.map((c) => [c.reason, typeof c.by === 'object' ? c.by.id : c.by, c.kinds, c.fields]),
    ).toEqual([
      [
        'De beslissing is verkeerd ingevuld.',
        manager.id,
        ['decision'],
        ['decision.outcome', 'decision.remedy', 'decision.remedyExplanation'],
      ],
    ])
    const letters = await lettersOf(id, 'decision')
    expect(letters.length).toBe(2)
    const mails = fake.deliveries.slice(before).filter((d) => d.to.includes('lukasz@example.nl'))
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Correctie: /)])
    const text = squash(await pdfToText(mails[0]?.attachments[0]?.content ?? Buffer.alloc(0)))
    expect(text).toContain('gecorrigeerde versie')
    expect(text).toContain('De beslissing is verkeerd ingevuld.')
    const timeline = await events(id)
    expect(timeline.filter((e) => e.type === 'correction_recorded').map((e) => e.data)).toEqual([
      { kinds: ['decision'], fields: ['decision.outcome', 'decision.remedy', 'decision.remedyExplanation'] },
    ])
    expect(
      timeline
        .filter((e) => e.type === 'letter_issued' && (e.data as { purpose?: string }).purpose === 'decision')
        .map((e) => Boolean((e.data as { correction?: boolean }).correction)),
    ).toEqual([false, true])
    // The reason is on the case, never in an event (Decision 19).
    expect(JSON.stringify(timeline)).not.toContain('verkeerd ingevuld')
  })

  it('the deadline stays met by the first decision letter, not the corrected one', async () => {
    const id = await decidedCase()
    const first = (await read(id)).lettersSent?.decisionAt
    expect(first).toMatch(/^\d{4}-/)
    await update(manager, id, {
      decision: { reasonedPosition: 'Afmelden hoort altijd, ook bij ziekte.' },
      correction: { reason: 'Typefout.' },
    })
    await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
    expect((await read(id)).lettersSent?.decisionAt).toBe(first)
  })
})

describe('Decision 16: after closed only bookkeeping writes to the case', () => {
  let id: string
  beforeAll(async () => {
    // Without an e-mail address the letters go by post (Decision 12); a case closes only once each has
    // its posting date, and a posting date is still corrected after closing (Decision 17).
    id = await newCase({
      complainant: {
        role: 'client',
        name: 'Ελένη Παπαδοπούλου',
        street: 'Dorpsstraat 1',
        postalCode: '1234 AB',
        city: 'Utrecht',
        phone: '06 11111111',
      },
    })
    await update(handler, id, ACKNOWLEDGE)
    await update(handler, id, DECIDE)
    const { docs: forPost } = await payload.find({
      collection: 'letters',
      where: { and: [{ complaint: { equals: id } }, { channel: { equals: 'post' } }] },
      overrideAccess: true,
      depth: 0,
      pagination: false,
    })
    for (const letter of forPost)
      await payload.update({
        collection: 'letters',
        id: letter.id,
        data: { postedAt: new Date().toISOString() },
        overrideAccess: false,
        user: handler,
      })
    await update(handler, id, {
      status: 'closed',
      decision: { followUpAction: 'Nieuwe coach.', complainantContactedAt: new Date().toISOString() },
    })
  })

  it('nobody changes a closed case: handler, manager, trusted code, REST', async () => {
    for (const user of [handler, manager, null]) {
      const errors = await refusal(update(user, id, { complainant: { phone: '06 99999999' } }))
      expect(errors['complainant.phone']).toMatch(/afgesloten/)
    }
    const viaRest = await rest(manager, `/complaints/${id}`, 'PATCH', { categories: ['other_shortcoming'] })
    expect(viaRest.status).toBe(400)
    const stored = await read(id)
    expect([stored.complainant.phone, stored.categories]).toEqual(['06 11111111', ['negligence']])
  })

  it('nothing leaves closed, not even for trusted server code without a user', async () => {
    const errors = await refusal(update(null, id, { status: 'decided' }))
    expect(errors.status).toMatch(/Afgesloten kan niet meer veranderen/)
  })

  it('posting bookkeeping still writes, and the timeline keeps growing', async () => {
    const decision = (await lettersOf(id, 'decision'))[0]?.id ?? ''
    const now = new Date().toISOString()
    await payload.update({
      collection: 'letters',
      id: decision,
      data: { postedAt: now, postedAtChangeReason: 'De brief ging later op de post dan eerst ingevuld.' },
      overrideAccess: false,
      user: handler,
    })
    expect((await read(id)).lettersSent?.decisionAt).toBe(now)
    expect((await events(id, 'letter_sent')).map((e) => (e.data as { purpose: string }).purpose)).toContain('decision')
    expect((await events(id, 'posting_date_corrected')).map((e) => (e.data as { to: string }).to)).toEqual([now])
  })
})

describe('The workflow holds for every write, also the Local API without a user', () => {
  it('control: trusted code may acknowledge a complete case', async () => {
    const id = await newCase()
    await update(null, id, ACKNOWLEDGE)
    expect((await read(id)).status).toBe('acknowledged')
  })

  it('an ordinary server-side update cannot jump received → decided', async () => {
    const id = await newCase()
    const errors = await refusal(update(null, id, DECIDE))
    expect(errors.status).toMatch(/niet direct naar Beslist/)
    expect((await read(id)).status).toBe('received')
  })

  it('a system operation says so by name, and writes only the fields it owns', async () => {
    const id = await newCase()
    await expect(
      payload.update({
        collection: 'complaints',
        id,
        data: { status: 'decided' },
        overrideAccess: true,
        context: { systemOperation: 'recordSending' },
      }),
    ).rejects.toThrow(/recordSending may not write status/)
    await expect(
      payload.update({
        collection: 'complaints',
        id,
        data: { status: 'decided' },
        overrideAccess: true,
        context: { systemOperation: 'anything' },
      }),
    ).rejects.toThrow(/Unknown system operation/)
    // The old, unnamed flag is no way around the workflow either.
    await expect(
      payload.update({
        collection: 'complaints',
        id,
        data: { status: 'decided' },
        overrideAccess: true,
        context: { workflowBookkeeping: true },
      }),
    ).rejects.toThrow()
    expect((await read(id)).status).toBe('received')
  })
})

describe('Art. 4 on create, exactly as on update', () => {
  const count = async () => (await payload.count({ collection: 'complaints', overrideAccess: true })).totalDocs

  it('control: recording a complaint with an independent handler is accepted', async () => {
    const before = await count()
    await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: recorded({ assignedHandler: handler.id, involvedStaff: [other.id] }),
    })
    expect(await count()).toBe(before + 1)
  })

  it('a handler recorded as involved cannot be the handler: admin (Local API with user), REST, trusted code', async () => {
    const before = await count()
    const local = await refusal(
      payload.create({
        collection: 'complaints',
        overrideAccess: false,
        user: manager,
        data: recorded({ assignedHandler: other.id, involvedStaff: [other.id] }),
      }),
    )
    expect(local.assignedHandler).toMatch(/art\. 4/)
    const server = await refusal(
      payload.create({
        collection: 'complaints',
        overrideAccess: true,
        data: recorded({ assignedHandler: other.id, involvedStaff: [other.id] }),
      }),
    )
    expect(server.assignedHandler).toMatch(/art\. 4/)
    const viaRest = await rest(
      manager,
      '/complaints',
      'POST',
      recorded({ assignedHandler: other.id, involvedStaff: [other.id] }),
    )
    expect(viaRest.status).toBe(400)
    expect(JSON.stringify(await viaRest.json())).toMatch(/art\. 4/)
    expect(await count()).toBe(before)
  })

  it('the handler must hold the handler or manager role; a handler assigns only themselves', async () => {
    const asEditor = await refusal(
      payload.create({
        collection: 'complaints',
        overrideAccess: true,
        data: recorded({ assignedHandler: editor.id }),
      }),
    )
    expect(asEditor.assignedHandler).toMatch(/rol klachtbehandelaar of manager/)
    const toOther = await refusal(
      payload.create({
        collection: 'complaints',
        overrideAccess: false,
        user: handler,
        data: recorded({ assignedHandler: other.id }),
      }),
    )
    expect(toOther.assignedHandler).toMatch(/Alleen een manager/)
  })

  it('a new complaint starts as received, also from trusted code', async () => {
    const errors = await refusal(
      payload.create({ collection: 'complaints', overrideAccess: true, data: recorded({ status: 'decided' }) }),
    )
    expect(errors.status).toMatch(/begint altijd met de status Ontvangen/)
  })
})

describe('Art. 8.5: only the two grounds of non-admission', () => {
  it('control: a ground of the article is accepted', async () => {
    const id = await newCase()
    await update(handler, id, { nonAdmission: { ground: 'insufficient_interest' } })
    expect((await read(id)).nonAdmission?.ground).toBe('insufficient_interest')
  })

  it('any other value is refused at the field, on every path', async () => {
    const id = await newCase()
    const local = await refusal(update(handler, id, { nonAdmission: { ground: 'no_time' } }))
    expect(local['nonAdmission.ground']).toMatch(/art\. 8\.5|twee gronden/)
    const server = await refusal(update(null, id, { nonAdmission: { ground: 'no_time' } }))
    expect(Object.keys(server)).toContain('nonAdmission.ground')
    const viaRest = await rest(handler, `/complaints/${id}`, 'PATCH', { nonAdmission: { ground: 'no_time' } })
    expect(viaRest.status).toBe(400)
    expect((await read(id)).nonAdmission?.ground ?? null).toBeNull()
  })
})

describe('Decision 17: a posting date lies between the letter and now, and changes only with a reason', () => {
  let id: string
  let letter: string
  const post = (user: Staff | null, data: Record<string, unknown>) =>
    user
      ? payload.update({ collection: 'letters', id: letter, data, overrideAccess: false, user })
      : payload.update({ collection: 'letters', id: letter, data, overrideAccess: true })

  beforeAll(async () => {
    id = await newCase({
      complainant: {
        role: 'client',
        name: 'Şükrü Yılmaz',
        street: 'Dorpsstraat 1',
        postalCode: '1234 AB',
        city: 'Utrecht',
      },
    })
    await update(handler, id, ACKNOWLEDGE)
    letter = (await lettersOf(id, 'acknowledgement'))[0]?.id ?? ''
  })

  it('a date before the letter existed, or in the future, is refused — also for trusted code', async () => {
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString()
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString()
    expect((await refusal(post(handler, { postedAt: yesterday }))).postedAt).toMatch(
      /vóór de dag waarop hij is gemaakt/,
    )
    expect((await refusal(post(null, { postedAt: tomorrow }))).postedAt).toMatch(/in de toekomst/)
    expect((await read(id)).lettersSent?.acknowledgementAt ?? null).toBeNull()
  })

  it('today is accepted, counts as sent, and who entered it is recorded', async () => {
    const now = new Date().toISOString()
    await post(handler, { postedAt: now })
    const stored = await payload.findByID({ collection: 'letters', id: letter, depth: 0, overrideAccess: true })
    expect(stored.postedBy).toBe(handler.id)
    expect((await read(id)).lettersSent?.acknowledgementAt).toBe(now)
  })

  it('once recorded it changes only with a reason, which stays on the letter; the timeline says it moved', async () => {
    const earlier = new Date(Date.now() - 60_000).toISOString()
    expect((await refusal(post(handler, { postedAt: earlier }))).postedAtChangeReason).toMatch(/waarom/)
    expect((await refusal(post(handler, { postedAt: null }))).postedAt).toMatch(/niet worden gewist/)
    await post(manager, { postedAt: earlier, postedAtChangeReason: 'Verkeerde dag ingevuld.' })
    const stored = await payload.findByID({ collection: 'letters', id: letter, depth: 0, overrideAccess: true })
    expect([stored.postedAt, stored.postedBy, stored.postedAtChangeReason]).toEqual([
      earlier,
      manager.id,
      'Verkeerde dag ingevuld.',
    ])
    const moved = await events(id, 'posting_date_corrected')
    expect(moved.map((e) => (e.data as { to: string }).to)).toEqual([earlier])
    expect(JSON.stringify(moved)).not.toContain('Verkeerde dag')
    expect((await read(id)).lettersSent?.acknowledgementAt).toBe(earlier)
  })

  it('a letter that went by e-mail takes no posting date (Decision 12)', async () => {
    const mailed = await newCase()
    await update(handler, mailed, ACKNOWLEDGE)
    const byMail = (await lettersOf(mailed, 'acknowledgement'))[0]?.id ?? ''
    const errors = await refusal(
      payload.update({
        collection: 'letters',
        id: byMail,
        data: { postedAt: new Date().toISOString() },
        overrideAccess: false,
        user: handler,
      }),
    )
    expect(errors.postedAt).toMatch(/per e-mail/)
  })
})

describe('Nothing else writes around the record (review of Decisions 16 and 17)', () => {
  it('a key the collection does not have changes nothing: the decision and its letter go through, and the name is in no event', async () => {
    const id = await newCase()
    await update(handler, id, ACKNOWLEDGE)
    const response = await rest(handler, `/complaints/${id}`, 'PATCH', {
      ...DECIDE,
      decision: { ...DECIDE.decision, 'zie-bijlage': 1 },
      Woont_Dorpsstraat_1: true,
    })
    expect(response.status).toBe(200)
    expect((await read(id)).status).toBe('decided')
    expect((await lettersOf(id, 'decision')).length).toBe(1)
    const timeline = JSON.stringify(await events(id))
    expect(timeline).not.toContain('zie-bijlage')
    expect(timeline).not.toContain('Dorpsstraat')
  })

  it('server code without a named system operation cannot rewrite the bookkeeping of letters and deadlines', async () => {
    const id = await decidedCase()
    const stored = await read(id)
    const fake = '2020-01-01T10:00:00.000Z'
    for (const data of [
      { lettersSent: { decisionAt: fake } },
      { endedAt: fake },
      { deadlines: { decisionLimitBy: '2030-01-01T00:00:00.000Z' } },
      { receivedAt: fake },
    ]) {
      const errors = await refusal(update(null, id, data))
      expect(Object.values(errors).join(' '), JSON.stringify(data)).toMatch(/houdt het portaal zelf bij/)
    }
    const after = await read(id)
    expect([after.lettersSent?.decisionAt, after.endedAt, after.deadlines?.decisionLimitBy, after.receivedAt]).toEqual([
      stored.lettersSent?.decisionAt,
      stored.endedAt,
      stored.deadlines?.decisionLimitBy,
      stored.receivedAt,
    ])
  })

  it('Decision 16: the complaint text changes until the decision letter, then not even for server code', async () => {
    const id = await newCase()
    await update(handler, id, ACKNOWLEDGE)
    await update(null, id, { complaintText: 'Mijn coach kwam vier afspraken niet opdagen en belde niet af.' })
    await update(handler, id, DECIDE)
    const errors = await refusal(update(null, id, { complaintText: 'Alles was prima, het was goed geregeld.' }))
    expect(errors.complaintText).toMatch(/besluit 16/)
    expect((await read(id)).complaintText).toBe('Mijn coach kwam vier afspraken niet opdagen en belde niet af.')
  })

  it('a person’s save judges by the real clock, whatever the context says', async () => {
    const id = await newCase()
    await update(handler, id, ACKNOWLEDGE)
    await payload.update({
      collection: 'complaints',
      id,
      data: DECIDE as Partial<Complaint>,
      overrideAccess: false,
      user: handler,
      context: { now: '2020-01-01T00:00:00.000Z' },
    })
    expect(new Date((await read(id)).endedAt ?? 0).getFullYear()).toBe(new Date().getFullYear())
  })

  it('a tab sent as null is a 400 at the tab, not a 500', async () => {
    const id = await newCase()
    const response = await rest(handler, `/complaints/${id}`, 'PATCH', { decision: null })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('decision')
  })
})

describe('Decision 17 and what a letter is, also for server code', () => {
  it('the kind and channel of a letter never change: an e-mailed letter cannot become one for post', async () => {
    const id = await newCase()
    await update(handler, id, ACKNOWLEDGE)
    const letter = (await lettersOf(id, 'acknowledgement'))[0]?.id ?? ''
    const errors = await refusal(
      payload.update({
        collection: 'letters',
        id: letter,
        data: { channel: 'post', purpose: 'delay_notice' },
        overrideAccess: true,
      }),
    )
    expect(Object.keys(errors).sort()).toEqual(['channel', 'purpose'])
    const stored = await payload.findByID({ collection: 'letters', id: letter, depth: 0, overrideAccess: true })
    expect([stored.channel, stored.purpose]).toEqual(['email', 'acknowledgement'])
  })

  it('each change of a posting date needs a reason of its own (the form sends the last one back)', async () => {
    const id = await newCase({
      complainant: {
        role: 'client',
        name: 'Şükrü Yılmaz',
        street: 'Dorpsstraat 1',
        postalCode: '1234 AB',
        city: 'Utrecht',
      },
    })
    await update(handler, id, ACKNOWLEDGE)
    const letter = (await lettersOf(id, 'acknowledgement'))[0]?.id ?? ''
    const post = (data: Record<string, unknown>) =>
      payload.update({ collection: 'letters', id: letter, data, overrideAccess: false, user: handler })
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 1000).toISOString()
    await post({ postedAt: at(3) })
    await post({ postedAt: at(2), postedAtChangeReason: 'Typefout.' })
    const errors = await refusal(post({ postedAt: at(1), postedAtChangeReason: 'Typefout.' }))
    expect(errors.postedAtChangeReason).toMatch(/reden van de vorige wijziging/)
    await post({ postedAt: at(1), postedAtChangeReason: 'Toch een dag later gepost.' })
    expect((await events(id, 'posting_date_corrected')).length).toBe(2)
  })
})
