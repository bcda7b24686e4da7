import { describe, expect, it } from 'vitest'

import type { Complaint, Setting } from '../../cms/payload-types'
import { calendarFile, escapeText, foldLine } from '../../hooks/letters/calendar'
import { checkTemplate, composeLetter, placeholderGuide } from '../../hooks/letters/compose'
import { LETTER_KIND_DEFINITIONS, LETTER_KINDS } from '../../hooks/letters/kinds'
import { PLACEHOLDERS } from '../../hooks/letters/placeholders'

const settings = {
  organisationName: 'Working Progression',
  address: { street: 'Voorbeeldlaan 1', postalCode: '3511 AB', city: 'Utrecht' },
  phone: '030 123 45 67',
  uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' },
} as Setting

const complaint = {
  id: 'c1',
  reference: 'WP-2026-0007',
  status: 'acknowledged',
  channel: 'web',
  receivedAt: '2026-11-02T09:00:00.000Z',
  complainant: { role: 'client', name: 'Jan Jansen', email: 'jan@example.nl' },
  conduct: { when: 'period', from: '2026-10-01', to: '2026-10-15' },
  categories: ['negligence'],
  complaintText: 'Mijn coach kwam niet.',
  deadlines: {
    acknowledgeBy: '2026-11-07T22:59:59.999Z',
    nonAdmissionNoticeBy: '2026-11-30T22:59:59.999Z',
    decisionTargetBy: '2026-11-30T22:59:59.999Z',
    decisionLimitBy: '2026-12-14T22:59:59.999Z',
  },
  acknowledgement: { factsSummary: 'Drie gemiste afspraken.' },
  decision: {
    outcome: 'upheld',
    factsAsSeen: 'Gemist.',
    reasonedPosition: 'Niet behoorlijk.',
    remedy: 'partial',
    remedyExplanation: 'Extra gesprekken.',
  },
  hearing: {
    at: '2026-11-20T13:30:00.000Z',
    place: 'Kantoor Utrecht',
    attendees: [
      { name: 'Jan Jansen', role: 'complainant' },
      { name: 'Chris Coach', role: 'complained_about' },
    ],
  },
} as unknown as Complaint

/** The referral of the default decision and non-admission texts (Art. 8), as one sentence to replace. */
const UWV_REFERRAL_SENTENCE = /Bent u het niet eens met deze beslissing.*via de klachtenregeling van UWV\./

const ctx = (c: Complaint = complaint) => ({
  complaint: c,
  settings,
  handler: { name: 'Anton Behandelaar' },
  now: new Date('2026-11-05T10:00:00Z'),
  addresseeName: c.complainant.name,
})

describe('letter kinds and their default texts (Art. 3, 5, 6, 7, 8)', () => {
  it('every default text passes its own check, and every placeholder it names exists', () => {
    for (const kind of LETTER_KINDS) {
      expect(checkTemplate(kind, LETTER_KIND_DEFINITIONS[kind].defaults), kind).toEqual([])
      for (const key of [...LETTER_KIND_DEFINITIONS[kind].required, ...LETTER_KIND_DEFINITIONS[kind].optional])
        expect(PLACEHOLDERS).toHaveProperty(key)
    }
  })

  it('the guide for editors lists the required parts first, marked, with the article', () => {
    const guide = placeholderGuide('acknowledgement')
    expect(guide.split('\n')[0]).toBe('Verplicht volgens artikel 5:')
    expect(guide).toContain('{{feiten}}: korte omschrijving van de feiten (verplicht)')
    expect(guide).toContain('{{kenmerk}}: kenmerk van de klacht\n')
  })
})

describe('checking a template an editor saves', () => {
  const ack = LETTER_KIND_DEFINITIONS.acknowledgement.defaults

  it('Art. 5: refuses a text without a required part, naming it at the text field', () => {
    const errors = checkTemplate('acknowledgement', { ...ack, body: ack.body.replace('{{feiten}}', '') })
    expect(errors).toEqual([
      { path: 'body', message: expect.stringContaining('{{feiten}} (korte omschrijving van de feiten)') },
    ])
    expect(errors[0]?.message).toMatch(/^Artikel 5 vereist/)
  })

  it('refuses an unknown placeholder, at the field where it is, and says which ones exist', () => {
    const errors = checkTemplate('acknowledgement', { ...ack, subject: 'Uw klacht {{referentie}}' })
    expect(errors[0]?.path).toBe('subject')
    expect(errors[0]?.message).toContain('Onbekende invulplek {{referentie}}')
    expect(errors[0]?.message).toContain('{{kenmerk}}')
  })

  it('refuses a placeholder of another letter (the decision’s outcome in the receipt)', () => {
    const errors = checkTemplate('receipt', {
      ...LETTER_KIND_DEFINITIONS.receipt.defaults,
      closing: 'Uitkomst: {{uitkomst}}',
    })
    expect(errors.map((e) => e.path)).toEqual(['closing'])
  })

  it('Art. 8: refuses a decision text without the referral to UWV’s complaint procedure, though it is no placeholder', () => {
    const decision = LETTER_KIND_DEFINITIONS.decision.defaults
    const errors = checkTemplate('decision', {
      ...decision,
      body: decision.body.replace('via de klachtenregeling van UWV', 'bij UWV'),
    })
    expect(errors).toEqual([
      {
        path: 'body',
        message: expect.stringContaining(
          'de verwijzing naar de klachtenregeling van UWV (artikel 8) (met de woorden "klachtenregeling van UWV")',
        ),
      },
    ])
  })

  describe('Art. 8: the notice of non-admission refers to the UWV labour expert and UWV’s complaint procedure, like the decision', () => {
    const notice = LETTER_KIND_DEFINITIONS.non_admission_notice.defaults

    it('accepts a reworded text that keeps both', () => {
      const reworded = notice.body.replace(
        UWV_REFERRAL_SENTENCE,
        'Niet eens met ons besluit? Bel de arbeidsdeskundige van UWV: {{arbeidsdeskundige}}. Of gebruik de klachtenregeling van UWV.',
      )
      expect(reworded).not.toBe(notice.body)
      expect(checkTemplate('non_admission_notice', { ...notice, body: reworded })).toEqual([])
    })

    it('refuses a text without the words "klachtenregeling van UWV", at the text field', () => {
      const errors = checkTemplate('non_admission_notice', {
        ...notice,
        body: notice.body.replace('via de klachtenregeling van UWV', 'bij UWV'),
      })
      expect(errors).toEqual([
        {
          path: 'body',
          message:
            'Artikel 7 en 8.5 vereist in deze brief ook de verwijzing naar de klachtenregeling van UWV (artikel 8) (met de woorden "klachtenregeling van UWV"). Zet dat terug in de tekst.',
        },
      ])
    })

    it('refuses a text without {{arbeidsdeskundige}}, naming the part', () => {
      const errors = checkTemplate('non_admission_notice', {
        ...notice,
        body: notice.body.replace(': {{arbeidsdeskundige}}', ''),
      })
      expect(errors).toEqual([
        { path: 'body', message: expect.stringContaining('{{arbeidsdeskundige}} (de arbeidsdeskundige van UWV)') },
      ])
    })

    it('the composed notice names the labour expert with their address and UWV’s complaint procedure', () => {
      const c = {
        ...complaint,
        status: 'not_admitted',
        nonAdmission: { ground: 'insufficient_interest', reasons: 'Het ging om één minuut wachten.' },
      } as unknown as Complaint
      const result = composeLetter('non_admission_notice', notice, ctx(c))
      if (!result.ok) throw new Error(JSON.stringify(result.errors))
      expect(result.message.text).toContain('arbeidsdeskundige van UWV: A. Deskundige (ad@uwv.example)')
      expect(result.message.text).toContain('via de klachtenregeling van UWV')
    })

    it('a stored notice that lost the referral stops the letter and asks for an editor', () => {
      const c = {
        ...complaint,
        nonAdmission: { ground: 'insufficient_interest', reasons: 'Het ging om één minuut wachten.' },
      } as unknown as Complaint
      const result = composeLetter(
        'non_admission_notice',
        { ...notice, body: notice.body.replace('via de klachtenregeling van UWV', 'bij UWV') },
        ctx(c),
      )
      expect(result).toEqual({
        ok: false,
        errors: [
          {
            path: 'status',
            message:
              'De tekst van de brief "Bericht: klacht niet in behandeling" mist de verwijzing naar de klachtenregeling van UWV (artikel 8). Vraag een redacteur de brieftekst aan te vullen.',
          },
        ],
      })
    })
  })

  it('refuses a half-written placeholder', () => {
    const errors = checkTemplate('acknowledgement', { ...ack, salutation: 'Beste {{naam},' })
    expect(errors).toEqual([
      { path: 'salutation', message: 'Een invulplek is niet goed geschreven. Schrijf hem zo: {{kenmerk}}.' },
    ])
  })
})

describe('composing a letter', () => {
  it('fills the placeholders, keeps paragraphs, and adds the organisation under the closing (Decision 14)', () => {
    const result = composeLetter('acknowledgement', LETTER_KIND_DEFINITIONS.acknowledgement.defaults, ctx())
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const { message } = result
    expect(message.subject).toBe('Bevestiging van uw klacht (WP-2026-0007)')
    expect(message.letter.salutation).toBe('Beste Jan Jansen,')
    expect(message.text).toContain('Datum van de gedraging: 1 oktober 2026 tot en met 15 oktober 2026')
    expect(message.text).toContain('Datum van deze bevestiging: 5 november 2026')
    expect(message.text).toContain('Behandelaar van uw klacht: Anton Behandelaar.')
    expect(message.text).toContain('U krijgt onze beslissing uiterlijk 30 november 2026.')
    expect(
      message.text.endsWith(
        'Met vriendelijke groet,\n\nWorking Progression\nVoorbeeldlaan 1, 3511 AB Utrecht\nTelefoon: 030 123 45 67',
      ),
    ).toBe(true)
    expect(message.text).not.toContain('{{')
    expect(message.html).toContain('<p>Beste Jan Jansen,</p>')
  })

  it('escapes what the case holds in the HTML version', () => {
    const c = { ...complaint, complainant: { ...complaint.complainant, name: '<b>Jan</b>' } }
    const result = composeLetter('acknowledgement', LETTER_KIND_DEFINITIONS.acknowledgement.defaults, {
      ...ctx(c),
      addresseeName: '<b>Jan</b>',
    })
    if (!result.ok) throw new Error('refused')
    expect(result.message.html).toContain('Beste &lt;b&gt;Jan&lt;/b&gt;,')
  })

  it('Art. 5: an empty required part refuses the letter, naming the part at its case field', () => {
    const c = { ...complaint, acknowledgement: { factsSummary: '   ' } } as Complaint
    const result = composeLetter('acknowledgement', LETTER_KIND_DEFINITIONS.acknowledgement.defaults, ctx(c))
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'acknowledgement.factsSummary',
          message:
            'De brief "Ontvangstbevestiging" kan niet weg: het verplichte deel "korte omschrijving van de feiten" is leeg (artikel 5).',
        },
      ],
    })
  })

  it('Art. 8: a stored text that lost a required part refuses the letter too, and asks for an editor', () => {
    const decision = LETTER_KIND_DEFINITIONS.decision.defaults
    const result = composeLetter('decision', { ...decision, body: decision.body.replace('{{standpunt}}', '') }, ctx())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]?.message).toContain('mist het verplichte deel {{standpunt}}')
  })

  it('drops a paragraph whose only placeholder is empty (no remedy for a complaint not upheld)', () => {
    const c = { ...complaint, decision: { ...complaint.decision, outcome: 'not_upheld', remedy: null } } as Complaint
    const upheld = composeLetter('decision', LETTER_KIND_DEFINITIONS.decision.defaults, ctx())
    const notUpheld = composeLetter('decision', LETTER_KIND_DEFINITIONS.decision.defaults, ctx(c))
    if (!upheld.ok || !notUpheld.ok) throw new Error('refused')
    expect(upheld.message.text).toContain(
      'De gevolgen zijn gedeeltelijk te herstellen. Extra gesprekken. De behandelaar van uw klacht neemt contact met u op',
    )
    expect(notUpheld.message.letter.paragraphs.length).toBe(upheld.message.letter.paragraphs.length - 1)
    expect(notUpheld.message.text).toContain('wij vinden uw klacht ongegrond')
  })

  it('Art. 8: names the UWV labour expert with their address in the referral', () => {
    const result = composeLetter('decision', LETTER_KIND_DEFINITIONS.decision.defaults, ctx())
    if (!result.ok) throw new Error('refused')
    expect(result.message.text).toContain('arbeidsdeskundige van UWV: A. Deskundige (ad@uwv.example)')
    expect(result.message.text).toContain('klachtenregeling van UWV')
  })

  it('Art. 6.3: the hearing report gets a signature line per attendee', () => {
    const c = { ...complaint, hearing: { ...complaint.hearing, report: 'Wij spraken over de afspraken.' } } as Complaint
    const result = composeLetter('hearing_report', LETTER_KIND_DEFINITIONS.hearing_report.defaults, ctx(c))
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.message.text).toContain('- Jan Jansen (klager)\n- Chris Coach (over wie geklaagd wordt)')
    expect(result.message.text.match(/Handtekening: _+/g)).toHaveLength(2)
    expect(result.message.text).toContain('U bent niet verplicht om te tekenen.')
  })

  it('Art. 6: the invitation gives date and time in Dutch time, and mentions its calendar file only when it goes by e-mail', () => {
    const result = composeLetter('hearing_invitation', LETTER_KIND_DEFINITIONS.hearing_invitation.defaults, ctx())
    if (!result.ok) throw new Error('refused')
    expect(result.message.text).toContain('Datum: 20 november 2026\nTijd: 14:30 uur\nPlaats: Kantoor Utrecht')
    expect(result.message.text).toContain('In de bijlage vindt u een agenda-afspraak.')
    const byPost = { ...complaint, complainant: { ...complaint.complainant, email: null } } as Complaint
    const posted = composeLetter('hearing_invitation', LETTER_KIND_DEFINITIONS.hearing_invitation.defaults, ctx(byPost))
    if (!posted.ok) throw new Error('refused')
    expect(posted.message.text).not.toContain('agenda-afspraak')
    expect(posted.message.letter.paragraphs).toHaveLength(result.message.letter.paragraphs.length - 1)
  })
})

describe('composing a letter with text the font cannot set (hooks/letters/pdf/fonts.ts)', () => {
  const ack = LETTER_KIND_DEFINITIONS.acknowledgement.defaults

  it('Art. 5: a part in a script letters cannot print refuses the letter at its field, naming the part and the characters', () => {
    // Control: the same case with the facts in Latin letters, Polish and Vietnamese included, goes out.
    const latin = {
      ...complaint,
      acknowledgement: { factsSummary: 'Drie gemiste afspraken met Łukasz en Nguyễn.' },
    } as Complaint
    const accepted = composeLetter('acknowledgement', ack, ctx(latin))
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors))
    expect(accepted.message.text).toContain('Drie gemiste afspraken met Łukasz en Nguyễn.')

    const c = { ...complaint, acknowledgement: { factsSummary: 'Drie gemiste afspraken: لم يحضر' } } as Complaint
    expect(composeLetter('acknowledgement', ack, ctx(c))).toEqual({
      ok: false,
      errors: [
        {
          path: 'acknowledgement.factsSummary',
          message:
            'De brief "Ontvangstbevestiging" kan niet weg: in het deel "korte omschrijving van de feiten" staan tekens die brieven nog niet kunnen afdrukken: ل, م, ي, ح, ض, ر. Schrijf ze in Latijnse letters of laat ze weg.',
        },
      ],
    })
  })

  it('Art. 6.3: an attendee’s name letters cannot print refuses the hearing report at the attendees', () => {
    const c = {
      ...complaint,
      hearing: {
        ...complaint.hearing,
        report: 'Wij spraken over de afspraken.',
        attendees: [...(complaint.hearing?.attendees ?? []), { name: 'דוד לוי', role: 'other' }],
      },
    } as Complaint
    const result = composeLetter('hearing_report', LETTER_KIND_DEFINITIONS.hearing_report.defaults, ctx(c))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      {
        path: 'hearing.attendees',
        message: expect.stringContaining(
          'in het deel "de aanwezigen bij het gesprek" staan tekens die brieven nog niet kunnen afdrukken: ד, ו, ל, י.',
        ),
      },
    ])
  })

  it('an optional part counts too: nothing a letter would print may vanish', () => {
    const c = { ...complaint, delayNotice: { reason: 'Ziekte.' } } as Complaint
    // An editor's text that names the handler, which the delay notice may but need not do.
    const template = {
      ...LETTER_KIND_DEFINITIONS.delay_notice.defaults,
      body: `${LETTER_KIND_DEFINITIONS.delay_notice.defaults.body}\n\nVragen? Bel {{behandelaar}}.`,
    }
    const accepted = composeLetter('delay_notice', template, ctx(c))
    expect(accepted.ok && accepted.message.text).toContain('Vragen? Bel Anton Behandelaar.')
    const result = composeLetter('delay_notice', template, { ...ctx(c), handler: { name: 'Anton 王' } })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.errors).toEqual([
        {
          path: 'assignedHandler',
          message: expect.stringContaining('in het deel "naam van de behandelaar" staan tekens'),
        },
      ])
  })

  it('the addressee’s name is refused where it comes from (an attendee, not the complainant)', () => {
    const result = composeLetter('acknowledgement', ack, {
      ...ctx(),
      addresseeName: 'محمد',
      addresseePath: 'complainant.nameLatin',
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]?.path).toBe('complainant.nameLatin')
  })

  it('an editor cannot save a letter text with characters letters cannot print', () => {
    expect(checkTemplate('acknowledgement', { ...ack, closing: 'Met vriendelijke groet 👍' })).toEqual([
      {
        path: 'closing',
        message: 'Brieven kunnen deze tekens nog niet afdrukken: 👍. Laat ze weg of schrijf ze anders.',
      },
    ])
    // and a text stored before is refused when the letter is composed, asking for an editor
    const result = composeLetter('acknowledgement', { ...ack, closing: 'Met vriendelijke groet 👍' }, ctx())
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.errors).toEqual([
        { path: 'status', message: expect.stringContaining('Vraag een redacteur de brieftekst aan te passen.') },
      ])
  })
})

describe('the calendar file of the hearing invitation (RFC 5545)', () => {
  const event = {
    uid: 'gesprek-c1@klachtenportaal.workingprogression.nl',
    sequence: 1,
    start: new Date('2026-11-20T13:30:00Z'),
    durationMinutes: 90,
    stamp: new Date('2026-11-05T10:00:00Z'),
    summary: 'Gesprek over uw klacht WP-2026-0007',
    location: 'Kantoor Utrecht, kamer 2; 1e verdieping',
    description: 'Regel één\nRegel twee',
  }

  it('holds the appointment in UTC with its end, place, UID and sequence, with CRLF line ends', () => {
    const ics = calendarFile(event)
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics).toContain('\r\nDTSTART:20261120T133000Z\r\n')
    expect(ics).toContain('\r\nDTEND:20261120T150000Z\r\n')
    expect(ics).toContain('\r\nUID:gesprek-c1@klachtenportaal.workingprogression.nl\r\n')
    expect(ics).toContain('\r\nSEQUENCE:1\r\n')
    expect(ics).toContain('\r\nLOCATION:Kantoor Utrecht\\, kamer 2\\; 1e verdieping\r\n')
    expect(ics).toContain('\r\nDESCRIPTION:Regel één\\nRegel twee\r\n')
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })

  it('publishes an appointment with a reminder, and a cancelled one as a CANCEL of the same UID without a reminder (RFC 5546)', () => {
    const invitation = calendarFile(event)
    expect(invitation).toContain('\r\nMETHOD:PUBLISH\r\n')
    expect(invitation).toContain('\r\nSTATUS:CONFIRMED\r\n')
    expect(invitation).toContain('\r\nBEGIN:VALARM\r\n')
    const cancellation = calendarFile({ ...event, sequence: 2, cancelled: true })
    expect(cancellation).toContain('\r\nMETHOD:CANCEL\r\n')
    expect(cancellation).toContain('\r\nSTATUS:CANCELLED\r\n')
    expect(cancellation).toContain('\r\nUID:gesprek-c1@klachtenportaal.workingprogression.nl\r\n')
    expect(cancellation).toContain('\r\nSEQUENCE:2\r\n')
    expect(cancellation).not.toContain('VALARM')
    expect(cancellation).not.toContain('METHOD:PUBLISH')
  })

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION:${'é'.repeat(80)}`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
  })

  it('escapes the characters TEXT values must escape', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne')
  })
})
