import { flattenAllFields } from 'payload'
import { describe, expect, it } from 'vitest'

import { Complaints } from '../../collections/Complaints'
import { describeEvent, type StoredEvent } from '../../hooks/caseEvents/describeEvent'
import type { EventDataOf } from '../../hooks/caseEvents/eventData'
import { CASE_EVENT_TYPES, type CaseEventType } from '../../hooks/caseEvents/eventTypes'
import { fieldLabelsOf } from '../../hooks/caseEvents/fieldLabels'

const lookups = {
  staffNames: new Map([
    ['u-anna', 'Anna de Behandelaar'],
    ['u-piet', 'Piet Manager'],
  ]),
  fieldLabels: fieldLabelsOf(flattenAllFields({ fields: Complaints.fields })),
}

// 1 December 2026 19:48 in Amsterdam (winter time, UTC+1).
const AT = '2026-12-01T18:48:00.000Z'
const staff = (data: unknown, type: CaseEventType): StoredEvent => ({
  type,
  actorKind: 'staff',
  actor: 'u-anna',
  data,
  at: AT,
})

const DUE = {
  acknowledge: '2026-12-05T22:59:59.999Z',
  nonAdmissionNotice: '2026-12-28T22:59:59.999Z',
  decisionTarget: '2026-12-28T22:59:59.999Z',
  decisionLimit: '2027-01-11T22:59:59.999Z',
}

/** Every type of timeline entry, with its data and the Dutch a handler reads. */
const TABLE: { [T in CaseEventType]: { data: EventDataOf<T>; what: string } } = {
  received: {
    data: {
      receivedAt: '2026-11-30T09:15:00.000Z',
      due: DUE,
      channel: 'phone',
      role: 'client',
      clientOrganisation: 'uwv',
      categories: ['negligence', 'privacy_breach'],
      wantsHearing: true,
      wantsHelpWriting: false,
    },
    what:
      'Klacht ontvangen per telefoon; klager: cliënt; soort klacht: iets niet gedaan wat wel had gemoeten ' +
      '(nalatigheid) en mijn privacy is geschonden; wil de klacht mondeling toelichten',
  },
  received_backfilled: {
    data: {
      receivedAt: '2026-11-30T09:15:00.000Z',
      due: DUE,
      channel: 'letter',
      role: 'employer',
      clientOrganisation: null,
      categories: [],
      wantsHearing: false,
      wantsHelpWriting: false,
    },
    what: 'Gegevens van de ontvangst aangevuld voor de verantwoording (art. 9): ontvangen op 30 november 2026 10:15',
  },
  classified: {
    data: { channel: 'letter', role: 'employer', clientOrganisation: 'municipality', categories: ['negligence'] },
    what:
      'Indeling gewijzigd: binnengekomen per brief; klager: werkgever van een cliënt; opdrachtgever: gemeente; ' +
      'soort klacht: iets niet gedaan wat wel had gemoeten (nalatigheid)',
  },
  travel_costs_requested: { data: {}, what: 'De klager vraagt vergoeding van reiskosten (art. 6.4)' },
  receipt_queued: {
    data: { letter: 'l1', message: 'm1', channel: 'email' },
    what: 'Bevestiging van ontvangst klaargezet, per e-mail',
  },
  uwv_notification_queued: {
    data: { letter: 'l2', message: 'm2', channel: 'email' },
    what: 'Melding aan de arbeidsdeskundige van UWV klaargezet, per e-mail',
  },
  written_version_queued: {
    data: { letter: 'l3', message: null, channel: 'post' },
    what: 'Schriftelijke versie van de klacht klaargezet voor de klager, per post',
  },
  status_changed: {
    data: { from: 'received', to: 'acknowledged' },
    what: 'Status gewijzigd van Ontvangen naar Ontvangst bevestigd',
  },
  handler_assigned: {
    data: { handler: 'u-anna', previous: 'u-piet' },
    what: 'Behandelaar: Anna de Behandelaar (was Piet Manager)',
  },
  deadline_changed: {
    data: { clock: 'decisionTarget', from: '2026-12-29T22:59:59.999Z', to: '2027-01-12T22:59:59.999Z' },
    what: 'Termijn voor de beslissing gewijzigd van 29 december 2026 naar 12 januari 2027',
  },
  decision_recorded: {
    data: { outcome: 'upheld', remedy: 'partial' },
    what: 'Beslissing vastgelegd: gegrond, gedeeltelijk te herstellen',
  },
  letter_issued: {
    data: { purpose: 'acknowledgement', channel: 'post', letter: 'l4', message: null },
    what: 'Brief opgesteld: Ontvangstbevestiging, per post',
  },
  letter_sent: {
    data: { purpose: 'decision', message: 'm5' },
    what: 'Brief verstuurd: Beslissing op de klacht, per e-mail',
  },
  delay_notice_sent: { data: { letter: 'l8' }, what: 'Verdagingsbericht verstuurd' },
  hearing_recorded: { data: { letter: 'l9' }, what: 'Hoorzitting vastgelegd' },
  deadline_reminder_sent: {
    data: { clock: 'acknowledge', due: '2026-12-06T22:59:59.999Z' },
    what: 'Herinnering verstuurd aan de behandelaar: ontvangstbevestiging (5 dagen), uiterlijk 6 december 2026',
  },
  deadline_escalated: {
    data: { clock: 'decisionLimit', due: '2027-01-12T22:59:59.999Z' },
    what: 'Termijn verstreken, gemeld aan de managers: beslissing, uiterlijk 6 weken, uiterlijk 12 januari 2027',
  },
  fields_changed: {
    data: { fields: ['complainant.phone', 'complainant.email', 'categories'] },
    what: 'Gegevens gewijzigd: Klager: Telefoon, Klager: E-mailadres en Soort klacht',
  },
  correction_recorded: {
    data: { kinds: ['decision'], fields: ['decision.factsAsSeen', 'decision.outcome'] },
    what: 'Verstuurde brief gecorrigeerd (besluit 16): Beslissing op de klacht; gewijzigd: Beslissing: De feiten zoals Working Progression die ziet en Beslissing',
  },
  posting_date_corrected: {
    data: { letter: 'l6', purpose: 'decision', from: '2026-12-03T10:00:00.000Z', to: '2026-12-04T10:00:00.000Z' },
    what: 'Verzenddatum van de brief Beslissing op de klacht gecorrigeerd van 3 december 2026 naar 4 december 2026 (besluit 17)',
  },
  message_resent: {
    data: { message: 'm7', purpose: 'receipt', newKey: true },
    what: 'Mislukt bericht opnieuw verstuurd: Bevestiging van ontvangst (als nieuw bericht: het eerste kwam zeker niet aan)',
  },
  inspection_provided: {
    data: { via: 'staff', letters: 3, attachments: 1 },
    what: 'Inzage verstrekt: het dossier als ZIP-bestand (overzicht, 3 brieven en 1 bijlage), gedownload door een medewerker voor de klager',
  },
  legal_hold_set: { data: {}, what: 'Vernietiging opgeschort' },
  legal_hold_lifted: { data: {}, what: 'Opschorting opgeheven' },
  inspection_requested: {
    data: { due: '2027-01-01T22:59:59.999Z' },
    what: 'Verzoek om inzage ontvangen (AVG art. 15); antwoord uiterlijk 1 januari 2027',
  },
  // Decision 19: no reason in the entry, only whether the term or a request caused it.
  anonymised: { data: { by: 'retention', run: 'r1' }, what: 'Persoonsgegevens geanonimiseerd (bewaartermijn)' },
  complainant_action: {
    data: { action: 'information_added', files: 2 },
    what: 'De klager heeft informatie aangevuld (2 bijlagen)',
  },
}

describe('describeEvent: the timeline says who did what, and when', () => {
  it('the table covers every type of entry', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...CASE_EVENT_TYPES].sort())
  })

  it.each(CASE_EVENT_TYPES.map((type) => ({ type, ...TABLE[type] })))(
    '$type: what happened, in plain Dutch from its data',
    ({ type, data, what }) => {
      expect(describeEvent(staff(data, type), lookups)).toEqual({
        who: 'Anna de Behandelaar',
        what,
        when: '1 december 2026 19:48',
      })
    },
  )

  it('Decision 19: an erasure on request reads as such', () => {
    expect(describeEvent(staff({ by: 'erasure' }, 'anonymised'), lookups).what).toBe(
      'Persoonsgegevens geanonimiseerd (verzoek om wissen)',
    )
  })

  it('who: the staff member by name (id or populated user), the website only for the form, the system for jobs', () => {
    const received = TABLE.received.data
    const event = (actorKind: StoredEvent['actorKind'], actor: unknown = null) =>
      describeEvent({ type: 'received', actorKind, actor, data: received, at: AT }, lookups).who
    expect(event('staff', 'u-piet')).toBe('Piet Manager')
    expect(event('staff', { id: 'u-x', name: 'Xandra Populated' })).toBe('Xandra Populated')
    expect(event('staff', 'u-gone')).toBe('Medewerker (account niet meer te vinden)')
    expect(event('public')).toBe('Website (klachtformulier)')
    expect(event('system')).toBe('Systeem')
    // Decision 20: what the complainant did on their own page.
    expect(event('complainant')).toBe('Klager')
  })

  it('when: Amsterdam time on a 24-hour clock, in summer too', () => {
    const at = (iso: string) =>
      describeEvent({ type: 'hearing_recorded', actorKind: 'system', data: {}, at: iso }, lookups).when
    expect(at('2026-07-14T06:05:00.000Z')).toBe('14 juli 2026 08:05')
    expect(at('2026-12-31T23:30:00.000Z')).toBe('1 januari 2027 00:30')
  })

  it('a handler taken off the case, and an entry whose data no longer fits its type, still read as Dutch', () => {
    expect(describeEvent(staff({ handler: null, previous: 'u-anna' }, 'handler_assigned'), lookups).what).toBe(
      'Behandelaar weggehaald (was Anna de Behandelaar)',
    )
    expect(describeEvent(staff({ from: 'nonsense' }, 'status_changed'), lookups).what).toBe('Status gewijzigd')
  })

  it('Art. 9: a registration written before it carried its moment and due dates still reads in full', () => {
    const { receivedAt: _r, due: _d, ...legacy } = TABLE.received.data
    expect(describeEvent(staff(legacy, 'received'), lookups).what).toBe(TABLE.received.what)
  })
})
