import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import type { Complaint, User } from '../../cms/payload-types'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { recordedComplaint } from '../helpers/intake'
import { pdfToText, squash } from '../helpers/pdfText'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { refusal } from '../helpers/refusal'
import { createStaffUser } from '../helpers/staff'

type Staff = User & { collection: 'users' }
let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: Staff
let handlerA: Staff
let handlerB: Staff
let involved: Staff
let complaintId: string

const staff = (email: string, name: string, roles: User['roles']): Promise<Staff> =>
  createStaffUser(payload, email, name, roles)

const update = (user: Staff, data: Record<string, unknown>, id = complaintId) =>
  payload.update({ collection: 'complaints', id, data: data, overrideAccess: false, user })

const timeline = async () =>
  (
    await payload.find({
      collection: 'case-events',
      where: { complaint: { equals: complaintId } },
      sort: 'createdAt',
      overrideAccess: true,
      pagination: false,
    })
  ).docs

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: 're_workflow_key_123' })
  ctx = await createTestPayload({
    RESEND_API_KEY: 're_workflow_key_123',
    RESEND_BASE_URL: fake.url,
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
  await staff('beheer@example.nl', 'Beheerder', ['admin'])
  manager = await staff('manager@example.nl', 'Maria Manager', ['manager'])
  handlerA = await staff('a@example.nl', 'Anton Behandelaar', ['handler'])
  handlerB = await staff('b@example.nl', 'Bea Behandelaar', ['handler'])
  involved = await staff('coach@example.nl', 'Chris Coach', ['handler'])
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
  // Staff intake of a complaint received by phone (Art. 3, Decision 8), about coach Chris.
  const complaint = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: recordedComplaint({
      receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      involvedStaff: [involved.id],
    }),
  })
  complaintId = complaint.id
})

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Art. 4: an independent handler', () => {
  it('refuses to assign someone recorded as involved', async () => {
    const errors = await refusal(update(manager, { assignedHandler: involved.id }))
    expect(errors.assignedHandler).toMatch(/betrokken bij de klacht.*art\. 4/)
  })

  it('refuses to record the current handler as involved later on', async () => {
    await update(manager, { assignedHandler: handlerA.id })
    const errors = await refusal(update(manager, { involvedStaff: [involved.id, handlerA.id] }))
    expect(errors.involvedStaff).toMatch(/art\. 4/)
  })

  it('records the assignment in the timeline, without personal data', async () => {
    const assigned = (await timeline()).filter((e) => e.type === 'handler_assigned')
    expect(assigned.map((e) => [e.data, typeof e.actor === 'object' ? e.actor?.id : e.actor])).toEqual([
      [{ handler: handlerA.id, previous: null }, manager.id],
    ])
  })
})

describe('who moves a case', () => {
  it('a handler cannot move (or even see) someone else’s case', async () => {
    await expect(update(handlerB, { status: 'acknowledged' })).rejects.toThrow()
    expect((await payload.findByID({ collection: 'complaints', id: complaintId, overrideAccess: true })).status).toBe(
      'received',
    )
  })

  it('DOMAIN.md: received cannot jump to decided', async () => {
    const errors = await refusal(update(handlerA, { status: 'decided' }))
    expect(errors.status).toMatch(/Van Ontvangen kan een klacht niet direct naar Beslist/)
  })
})

describe('Art. 5: the acknowledgement', () => {
  it('is refused while what the regulation requires is missing, naming each part', async () => {
    const errors = await refusal(update(handlerA, { status: 'acknowledged' }))
    expect(Object.keys(errors).sort()).toEqual(['acknowledgement.factsSummary', 'status'])
    expect(errors['acknowledgement.factsSummary']).toMatch(/art\. 5/)
  })

  it('goes through with the facts and a stated term, sets the decision target and issues the letter', async () => {
    const saved = await update(handlerA, {
      status: 'acknowledged',
      acknowledgement: { factsSummary: 'Drie gemiste afspraken in november.', statedTermWeeks: 5 },
    })
    expect(saved.status).toBe('acknowledged')
    const weeks =
      (new Date(saved.deadlines?.decisionTargetBy ?? 0).getTime() - new Date(saved.receivedAt).getTime()) /
      (7 * 86_400_000)
    expect(Math.round(weeks)).toBe(5)
    const types = (await timeline()).map((e) => e.type)
    expect(types).toEqual(expect.arrayContaining(['status_changed', 'deadline_changed', 'letter_issued']))
    const letter = (
      await payload.find({
        collection: 'outbox',
        where: { and: [{ complaint: { equals: complaintId } }, { purpose: { equals: 'acknowledgement' } }] },
        overrideAccess: true,
      })
    ).docs[0]
    expect(letter?.text).toContain('Anton Behandelaar')
    expect(letter?.text).toContain('2 november 2026')
    expect(letter?.text).toContain('Drie gemiste afspraken in november.')
    expect(letter?.text).toMatch(/gegrond .* ongegrond/)
    expect(letter?.text).toContain('dossier in te zien')
  })

  it('counts as sent when the outbox delivered it (the deadline is met by the sending)', async () => {
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    const c = await payload.findByID({ collection: 'complaints', id: complaintId, overrideAccess: true })
    const message = (
      await payload.find({
        collection: 'outbox',
        where: { and: [{ complaint: { equals: complaintId } }, { purpose: { equals: 'acknowledgement' } }] },
        overrideAccess: true,
      })
    ).docs[0]
    expect(message?.status).toBe('sent')
    expect(c.lettersSent?.acknowledgementAt).toBe(message?.sentAt)
    expect(
      (await timeline()).some(
        (e) => e.type === 'letter_sent' && (e.data as { purpose?: string }).purpose === 'acknowledgement',
      ),
    ).toBe(true)
    expect(fake.deliveries.some((d) => d.subject.startsWith('Bevestiging van uw klacht'))).toBe(true)
  })

  it('Art. 7 note: a stated term past six weeks is refused', async () => {
    const errors = await refusal(update(handlerA, { acknowledgement: { statedTermWeeks: 7 } }))
    expect(Object.keys(errors)).toEqual(['acknowledgement.statedTermWeeks'])
    expect(
      (await payload.findByID({ collection: 'complaints', id: complaintId, overrideAccess: true })).acknowledgement
        ?.statedTermWeeks,
    ).toBe(5)
  })
})

describe('Art. 8: the decision', () => {
  it('needs the facts as seen, the reasoned position and the outcome; upheld also the remedy and why (Decision 6)', async () => {
    const errors = await refusal(update(handlerA, { status: 'decided', decision: { outcome: 'upheld' } }))
    expect(Object.keys(errors).sort()).toEqual([
      'decision.factsAsSeen',
      'decision.reasonedPosition',
      'decision.remedy',
      'decision.remedyExplanation',
      'status',
    ])
  })

  it('goes through complete, with a letter holding the four parts and the UWV referral', async () => {
    const before = new Date().toISOString()
    await update(handlerA, {
      status: 'decided',
      decision: {
        outcome: 'upheld',
        factsAsSeen: 'De coach heeft drie afspraken gemist.',
        reasonedPosition: 'Afspraken nakomen hoort bij behoorlijke begeleiding.',
        remedy: 'partial',
        remedyExplanation: 'Wij plannen de gemiste gesprekken opnieuw in.',
      },
    })
    const letter = (
      await payload.find({
        collection: 'outbox',
        where: { and: [{ complaint: { equals: complaintId } }, { purpose: { equals: 'decision' } }] },
        overrideAccess: true,
      })
    ).docs[0]
    expect(letter?.text).toContain('Mijn coach kwam drie afspraken niet opdagen en belde niet af.')
    expect(letter?.text).toContain('De coach heeft drie afspraken gemist.')
    expect(letter?.text).toContain('Afspraken nakomen hoort bij behoorlijke begeleiding.')
    expect(letter?.text).toContain('wij vinden uw klacht gegrond')
    expect(letter?.text).toContain('arbeidsdeskundige van UWV: A. Deskundige (ad@uwv.example)')
    expect(letter?.text).toContain('klachtenregeling van UWV')
    const c = await payload.findByID({ collection: 'complaints', id: complaintId, overrideAccess: true })
    // The case ended with this save: the clocks stop at the status change.
    expect(c.endedAt ?? '').toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(before <= (c.endedAt ?? '') && (c.endedAt ?? '') <= new Date().toISOString()).toBe(true)
  })

  it('Art. 8.4: closing an upheld case with a partial remedy needs the follow-up and the contact', async () => {
    const errors = await refusal(update(handlerA, { status: 'closed' }))
    expect(Object.keys(errors).sort()).toEqual(['decision.complainantContactedAt', 'decision.followUpAction', 'status'])
    await update(handlerA, {
      status: 'closed',
      decision: { followUpAction: 'Twee gesprekken ingepland.', complainantContactedAt: new Date().toISOString() },
    })
  })

  it('nothing leaves closed', async () => {
    const errors = await refusal(update(manager, { status: 'acknowledged' }))
    expect(errors.status).toMatch(/Afgesloten/)
  })
})

describe('the timeline', () => {
  it('records every status change in order, with who did it', async () => {
    const changes = (await timeline()).filter((e) => e.type === 'status_changed').map((e) => e.data)
    expect(changes).toEqual([
      { from: 'received', to: 'acknowledged' },
      { from: 'acknowledged', to: 'decided' },
      { from: 'decided', to: 'closed' },
    ])
  })

  it('refuses edits and deletes, for every role and even for trusted code', async () => {
    const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'beheer@example.nl' } } }))
      .docs[0]
    const entry = (await timeline())[0]
    if (!admin || !entry) throw new Error('fixtures missing')
    const user = { ...admin, collection: 'users' as const }
    await expect(
      payload.update({
        collection: 'case-events',
        id: entry.id,
        data: { type: 'received' },
        overrideAccess: false,
        user,
      }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'case-events', id: entry.id, overrideAccess: false, user }),
    ).rejects.toThrow()
    await expect(
      payload.update({ collection: 'case-events', id: entry.id, data: { type: 'received' }, overrideAccess: true }),
    ).rejects.toThrow()
    await expect(payload.delete({ collection: 'case-events', id: entry.id, overrideAccess: true })).rejects.toThrow()
    expect((await timeline()).length).toBeGreaterThan(5)
  })
})

describe('the queue of new complaints and taking a case (Art. 4)', () => {
  let queued: string

  beforeAll(async () => {
    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: {
        channel: 'letter',
        receivedAt: new Date().toISOString(),
        complainant: { role: 'employer', name: 'Bedrijf B.V.', email: 'hr@bedrijf.example' },
        clientName: 'Willem Werknemer',
        conduct: { when: 'period', from: '2026-10-01', to: '2026-10-31' },
        involved: { kind: 'third_party', description: 'Een ingehuurde trainer' },
        involvedStaff: [involved.id],
        categories: ['incorrect_information'],
        complaintText: 'De trainer gaf onze werknemer verkeerde informatie over het traject.',
        discussedBefore: 'yes',
      } as Partial<Complaint> as Complaint,
    })
    queued = c.id
  })

  it('a handler sees only reference, date, categories and deadlines of an unassigned complaint', async () => {
    const seen = await payload.findByID({ collection: 'complaints', id: queued, overrideAccess: false, user: handlerB })
    expect(seen.reference).toMatch(/^WP-/)
    expect(seen.categories).toEqual(['incorrect_information'])
    const stored = await payload.findByID({ collection: 'complaints', id: queued, overrideAccess: true })
    expect(seen.deadlines?.acknowledgeBy).toBe(stored.deadlines?.acknowledgeBy)
    expect(seen.deadlines?.acknowledgeBy).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(seen.complainant).toBeUndefined()
    expect(seen.complaintText).toBeUndefined()
    expect(seen.conduct).toBeUndefined()
  })

  it('may only take it, for themselves, and never when involved (Art. 4)', async () => {
    expect((await refusal(update(handlerB, { status: 'acknowledged' }, queued))).assignedHandler).toMatch(/zelf over/)
    expect(
      (await refusal(update(handlerB, { assignedHandler: handlerB.id, status: 'acknowledged' }, queued))).status,
    ).toMatch(/^Neem de klacht eerst over/)
    expect((await refusal(update(involved, { assignedHandler: involved.id }, queued))).assignedHandler).toMatch(
      /art\. 4/,
    )
    // The admin showed them the case file's tabs empty: what they typed there is kept with the taking, the blanks
    // of what they could not see overwrite nothing, and the complaint as registered is not theirs to change blind.
    const taken = await update(
      handlerB,
      {
        assignedHandler: handlerB.id,
        complaintText: 'Gewijzigd',
        hearing: { place: '' },
        acknowledgement: { factsSummary: 'Eerste aantekening.', statedTermWeeks: null },
      },
      queued,
    )
    expect(typeof taken.assignedHandler === 'object' ? taken.assignedHandler?.id : taken.assignedHandler).toBe(
      handlerB.id,
    )
    expect(taken.complaintText).toBe('De trainer gaf onze werknemer verkeerde informatie over het traject.')
    expect(taken.complainant?.name).toBe('Bedrijf B.V.')
    expect(taken.acknowledgement?.factsSummary).toBe('Eerste aantekening.')
    expect(taken.status).toBe('received')
  })

  it('shows the next deadline and its state in the case (and so in the list)', async () => {
    const c = await payload.findByID({ collection: 'complaints', id: queued, overrideAccess: true })
    expect(c.nextDeadline?.clock).toBe('acknowledge')
    expect(c.nextDeadline?.due).toBe(c.deadlines?.acknowledgeBy)
    expect(c.nextDeadline?.state).toBe('on_time')
  })
})

describe('Art. 7 note: the delay notice', () => {
  let caseId: string

  beforeAll(async () => {
    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: {
        channel: 'email',
        receivedAt: new Date().toISOString(),
        complainant: { role: 'client', name: 'Karin Klager', email: 'karin@example.nl' },
        conduct: { when: 'date', date: '2026-11-20' },
        involved: { kind: 'unknown' },
        categories: ['other_shortcoming'],
        complaintText: 'Ik wacht al weken op een terugbelafspraak die niet komt.',
        discussedBefore: 'yes',
        assignedHandler: handlerA.id,
      } as Partial<Complaint> as Complaint,
    })
    caseId = c.id
  })

  it('can never move the decision past six weeks', async () => {
    const c = await payload.findByID({ collection: 'complaints', id: caseId, overrideAccess: true })
    const tooLate = new Date(new Date(c.deadlines?.decisionLimitBy ?? 0).getTime() + 2 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    const errors = await refusal(
      update(handlerA, { delayNotice: { reason: 'Ziekte van de behandelaar.', newTargetDate: tooLate } }, caseId),
    )
    expect(errors['delayNotice.newTargetDate']).toMatch(/nooit later .* zes weken/)
  })

  it('needs its reason, moves the target and sends the notice, recorded on the case when delivered', async () => {
    const c = await payload.findByID({ collection: 'complaints', id: caseId, overrideAccess: true })
    const newDate = new Date(new Date(c.deadlines?.decisionLimitBy ?? 0).getTime() - 3 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    expect(
      (await refusal(update(handlerA, { delayNotice: { newTargetDate: newDate } }, caseId)))['delayNotice.reason'],
    ).toMatch(/reden/)
    const before = new Date().toISOString()
    const saved = await update(
      handlerA,
      { delayNotice: { reason: 'Wij wachten op informatie van UWV.', newTargetDate: newDate } },
      caseId,
    )
    expect((saved.deadlines?.decisionTargetBy ?? '').slice(0, 10) <= newDate).toBe(true)
    const issuedAt = saved.delayNotice?.issuedAt ?? ''
    expect(before <= issuedAt && issuedAt <= new Date().toISOString()).toBe(true)
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    const after = await payload.findByID({ collection: 'complaints', id: caseId, overrideAccess: true })
    const message = (
      await payload.find({
        collection: 'outbox',
        where: { and: [{ complaint: { equals: caseId } }, { purpose: { equals: 'delay_notice' } }] },
        overrideAccess: true,
      })
    ).docs[0]
    expect(message?.status).toBe('sent')
    expect(after.lettersSent?.delayNoticeAt).toBe(message?.sentAt)
    const notice = fake.deliveries.find((d) => d.subject.includes('het antwoord komt later'))
    expect(notice?.text).toContain('Wij wachten op informatie van UWV.')
    expect(notice?.to).toEqual(['karin@example.nl'])
  })
})

describe('Art. 9: whether each clock was met is recorded at the ending', () => {
  it('a withdrawn complaint (Decision 9) counts its clocks by the moment it ended', async () => {
    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: {
        channel: 'phone',
        receivedAt: new Date().toISOString(),
        complainant: { role: 'other', name: 'Piet Pieters' },
        clientName: 'Klaas Cliënt',
        conduct: { when: 'unknown' },
        involved: { kind: 'unknown' },
        categories: ['other_shortcoming'],
        complaintText: 'Ik wil een klacht indienen over de bereikbaarheid.',
        discussedBefore: 'no',
        assignedHandler: handlerA.id,
      } as Partial<Complaint> as Complaint,
    })
    const ended = await update(
      handlerA,
      { status: 'withdrawn', withdrawal: { withdrawnAt: new Date().toISOString() } },
      c.id,
    )
    expect(ended.endedAs).toBe('withdrawn')
    expect(ended.deadlineOutcomes).toEqual({
      acknowledge: 'not_applicable',
      nonAdmissionNotice: 'not_applicable',
      decisionTarget: 'met',
      decisionLimit: 'met',
    })
    expect(ended.nextDeadline?.clock ?? null).toBeNull()
  })
})

describe('letters with their PDF copy in the dossier', () => {
  it('Art. 5, 8: the acknowledgement and the decision went out with their PDF, kept in the dossier, readable as text', async () => {
    const stored = await payload.find({
      collection: 'letters',
      where: { and: [{ complaint: { equals: complaintId } }, { purpose: { in: ['acknowledgement', 'decision'] } }] },
      overrideAccess: true,
      sort: 'createdAt',
    })
    expect(stored.docs.map((l) => [l.purpose, l.channel, l.mimeType])).toEqual([
      ['acknowledgement', 'email', 'application/pdf'],
      ['decision', 'email', 'application/pdf'],
    ])
    const decisionMail = fake.deliveries.find((d) => d.subject.startsWith('Beslissing op uw klacht'))
    expect(decisionMail?.attachments.map((a) => a.filename)).toEqual([stored.docs[1]?.filename])
    const text = squash(await pdfToText(decisionMail?.attachments[0]?.content ?? Buffer.alloc(0)))
    expect(text).toContain('Mijn coach kwam drie afspraken niet opdagen en belde niet af.')
    expect(text).toContain('De coach heeft drie afspraken gemist.')
    expect(text).toContain('wij vinden uw klacht gegrond')
    expect(text).toContain('klachtenregeling van UWV')
    expect(text).toMatch(/Kenmerk: WP-\d{4}-\d{4}/)
    expect(text).toContain('Jan Jansen')
  })

  it('Decision 12: without e-mail the letter is marked for post, and the posting date counts as sent', async () => {
    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: {
        channel: 'letter',
        receivedAt: new Date().toISOString(),
        complainant: {
          role: 'client',
          name: 'Henk de Vries',
          street: 'Dorpsstraat 1',
          postalCode: '1234 AB',
          city: 'Ergens',
        },
        conduct: { when: 'date', date: '2026-11-10' },
        involved: { kind: 'unknown' },
        categories: ['negligence'],
        complaintText: 'Ik heb geen e-mail en kreeg nooit een brief terug.',
        discussedBefore: 'no',
        assignedHandler: handlerA.id,
      } as Partial<Complaint> as Complaint,
    })
    await update(
      handlerA,
      { status: 'acknowledged', acknowledgement: { factsSummary: 'Geen antwoord op een brief.', statedTermWeeks: 4 } },
      c.id,
    )
    const letter = (
      await payload.find({ collection: 'letters', where: { complaint: { equals: c.id } }, overrideAccess: true })
    ).docs[0]
    expect([letter?.purpose, letter?.channel, letter?.message ?? null]).toEqual(['acknowledgement', 'post', null])
    const posted = new Date().toISOString()
    await payload.update({
      collection: 'letters',
      id: letter?.id ?? '',
      data: { postedAt: posted },
      overrideAccess: false,
      user: handlerA,
    })
    const after = await payload.findByID({ collection: 'complaints', id: c.id, overrideAccess: true })
    expect(after.lettersSent?.acknowledgementAt).toBe(posted)
    expect(after.nextDeadline?.clock).toBe('decisionTarget')
  })
})

describe('Decision 16: a delivered letter is bookkeeping; the handler’s open form stays current', () => {
  it('the delivery records the sending but keeps the case’s updatedAt, which the admin compares with the open form; a save by a person changes it (control)', async () => {
    const created = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: recordedComplaint({ receivedAt: new Date(Date.now() - 86_400_000).toISOString() }),
    })
    await update(manager, { assignedHandler: handlerA.id }, created.id)
    const saved = await update(
      handlerA,
      { status: 'acknowledged', acknowledgement: { factsSummary: 'Een gemiste afspraak.', statedTermWeeks: 4 } },
      created.id,
    )
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    const delivered = await payload.findByID({ collection: 'complaints', id: created.id, overrideAccess: true })
    expect(delivered.lettersSent?.acknowledgementAt).toEqual(expect.any(String))
    expect(delivered.updatedAt).toBe(saved.updatedAt)

    await new Promise((resolve) => setTimeout(resolve, 5))
    const again = await update(handlerA, { hearing: { place: 'Kantoor Utrecht' } }, created.id)
    expect(again.updatedAt > saved.updatedAt).toBe(true)
    expect(again.lettersSent?.acknowledgementAt).toBe(delivered.lettersSent?.acknowledgementAt)
  })
})
