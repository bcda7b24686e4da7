import { describe, expect, it } from 'vitest'

import {
  changeNotStoredNotice,
  FIELD_ORDER,
  MAX_FORM_BODY_BYTES,
  MESSAGES,
  newComplaintNotice,
  orderedErrors,
  postalAddress,
  readComplaintForm,
  readFormBody,
  reselectMessage,
  storageAlert,
} from '../../site/lib/complaintForm'
import { minimalPdf } from '../helpers/files'

const TODAY = '2026-03-14'
const TOKEN = '6f1c1f0e-8a5b-4c1e-9a57-2f0d3c2b1a00'

function validForm(overrides: Record<string, string | string[] | null> = {}): FormData {
  const fields: Record<string, string | string[]> = {
    formToken: TOKEN,
    website: '',
    complainantRole: 'client',
    clientOrganisation: 'uwv',
    name: 'Jan Jansen',
    email: 'jan@example.nl',
    phone: '',
    conductWhen: 'date',
    conductDate: '2026-03-02',
    involvedKind: 'employee',
    involvedName: 'Mijn coach',
    categories: ['negligence', 'incorrect_information'],
    description: 'Mijn coach kwam twee afspraken niet na en belde niet af.',
    desiredOutcome: '',
    discussedBefore: 'no',
    consent: 'on',
  }
  const form = new FormData()
  for (const [key, value] of Object.entries({ ...fields, ...overrides })) {
    if (value === null) continue
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
  }
  // An empty file input still posts one nameless, empty part.
  if (!form.has('attachments')) form.append('attachments', new File([], ''), '')
  return form
}

describe('reading the posted complaint form (Art. 1, 2, 3, 5)', () => {
  it('accepts a complete form: repeated checkboxes become a list, an empty file input is no attachment', async () => {
    const read = await readComplaintForm(validForm(), TODAY)
    expect(read.result.ok).toBe(true)
    if (!read.result.ok) return
    expect(read.result.input.categories).toEqual(['negligence', 'incorrect_information'])
    expect(read.result.input.phone).toBeUndefined()
    expect(read.files).toEqual([])
    expect(read.formToken).toBe(TOKEN)
    expect(read.honeypotFilled).toBe(false)
  })

  it("gives the shared schema's own Dutch messages for empty required fields, not type errors", async () => {
    const form = validForm({
      name: '',
      email: '',
      complainantRole: null,
      categories: null,
      description: '',
      discussedBefore: null,
      consent: null,
    })
    const read = await readComplaintForm(form, TODAY)
    expect(read.result.ok).toBe(false)
    if (read.result.ok) return
    expect(read.result.errors).toMatchObject({
      complainantRole: 'Kies wie u bent.',
      name: 'Vul uw naam in.',
      categories: 'Kies minstens één soort klacht.',
      description: 'Beschrijf wat er is gebeurd (minstens 20 tekens).',
      discussedBefore: 'Kies ja of nee.',
      consent: MESSAGES.consent,
    })
  })

  it('asks for the e-mail address: the web form always sends the confirmation there', async () => {
    const read = await readComplaintForm(validForm({ email: '' }), TODAY)
    expect(read.result.ok ? {} : read.result.errors).toEqual({
      email: 'Vul uw e-mailadres in. Daar sturen wij de bevestiging heen.',
    })
  })

  it('refuses a date of conduct in the future (Europe/Amsterdam today)', async () => {
    const read = await readComplaintForm(validForm({ conductDate: '2026-03-15' }), TODAY)
    expect(read.result.ok ? {} : read.result.errors).toEqual({
      conductDate: 'Deze datum ligt in de toekomst. Vul de datum in waarop het gebeurde.',
    })
  })

  it('keeps exactly what was typed for the form to show again', async () => {
    const read = await readComplaintForm(validForm({ name: '  Jan  ', description: 'kort' }), TODAY)
    expect(read.values.name).toBe('  Jan  ')
    expect(read.values.description).toBe('kort')
    expect(read.values.categories).toEqual(['negligence', 'incorrect_information'])
    expect(read.values.consent).toBe('on')
    expect(read.values).not.toHaveProperty('website')
    expect(read.values).not.toHaveProperty('formToken')
  })

  it("checks attachments with the CMS's own rule: at most 5", async () => {
    const form = validForm()
    form.delete('attachments')
    for (let i = 1; i <= 6; i++)
      form.append(
        'attachments',
        new File([new Uint8Array(minimalPdf())], `brief-${i}.pdf`, { type: 'application/pdf' }),
      )
    const read = await readComplaintForm(form, TODAY)
    expect(read.files).toHaveLength(6)
    expect(read.result.ok ? {} : read.result.errors).toEqual({
      attachments: 'U kunt hoogstens 5 bijlagen meesturen. U koos er 6.',
    })
  })

  it('accepts a real PDF attachment', async () => {
    const form = validForm()
    form.set('attachments', new File([new Uint8Array(minimalPdf())], 'brief.pdf', { type: 'application/pdf' }))
    const read = await readComplaintForm(form, TODAY)
    expect(read.result.ok).toBe(true)
    expect(read.files.map((f) => f.name)).toEqual(['brief.pdf'])
  })

  it('notices a filled-in honeypot and a missing or malformed form token', async () => {
    expect((await readComplaintForm(validForm({ website: 'https://spam.example' }), TODAY)).honeypotFilled).toBe(true)
    expect((await readComplaintForm(validForm({ formToken: null }), TODAY)).formToken).toBeUndefined()
    expect((await readComplaintForm(validForm({ formToken: 'abc' }), TODAY)).formToken).toBeUndefined()
  })

  it('lists errors in the order of the form, anything unknown last', () => {
    expect(
      orderedErrors({ form: 'Het formulier is verlopen.', consent: 'c', name: 'n', complainantRole: 'r' }),
    ).toEqual([
      { field: 'complainantRole', message: 'r' },
      { field: 'name', message: 'n' },
      { field: 'consent', message: 'c' },
      { field: undefined, message: 'Het formulier is verlopen.' },
    ])
    expect(FIELD_ORDER.at(-1)).toBe('consent')
  })

  it('names files to choose again', () => {
    expect(reselectMessage(['a.pdf', 'b.png'])).toBe('Kies uw bijlage(n) opnieuw: a.pdf, b.png')
  })
})

describe('names and text our letters must print (Art. 5: every letter is addressed to the complainant by name)', () => {
  const NEEDS_LATIN =
    'Brieven kunnen deze letters nog niet afdrukken. Vul hieronder ook uw naam in Latijnse letters in.'

  it.each(['Łukasz Żółćkiewicz', 'Şükrü Öztürk', 'Nguyễn Thị Ánh Tuyết', 'Ελένη Παπαδοπούλου', 'Юлия Щукина'])(
    'accepts %s as typed, without a Latin spelling',
    async (name) => {
      const read = await readComplaintForm(validForm({ name }), TODAY)
      expect(read.result.ok ? read.result.input : read.result.errors).toMatchObject({ name })
      expect(read.result.ok && read.result.input.nameLatin).toBeUndefined()
    },
  )

  it('refuses an Arabic name without a Latin spelling, at the name field, and keeps what was typed', async () => {
    const read = await readComplaintForm(validForm({ name: 'محمد الأحمد', nameLatin: '' }), TODAY)
    expect(read.result.ok ? {} : read.result.errors).toEqual({ name: NEEDS_LATIN })
    expect(read.values.name).toBe('محمد الأحمد')
    expect(read.values.nameLatin).toBe('')
  })

  it.each(['דוד לוי', 'अनीता शर्मा', '王芳'])('refuses %s without a Latin spelling too', async (name) => {
    const read = await readComplaintForm(validForm({ name }), TODAY)
    expect(read.result.ok ? {} : read.result.errors).toEqual({ name: NEEDS_LATIN })
  })

  it('accepts it with the Latin spelling beside the name as typed', async () => {
    const read = await readComplaintForm(validForm({ name: 'محمد الأحمد', nameLatin: '  Mohammed al-Ahmad ' }), TODAY)
    expect(read.result.ok ? read.result.input : read.result.errors).toMatchObject({
      name: 'محمد الأحمد',
      nameLatin: 'Mohammed al-Ahmad',
    })
  })

  it('refuses a "Latin" spelling that letters cannot print either, at that field', async () => {
    const read = await readComplaintForm(validForm({ name: 'محمد', nameLatin: 'محمد' }), TODAY)
    expect(read.result.ok ? {} : read.result.errors).toEqual({
      nameLatin:
        'Gebruik hier alleen Latijnse letters, zoals in uw paspoort. Brieven kunnen deze tekens niet afdrukken: م, ح, د',
    })
  })

  it('refuses text letters quote but cannot print (the complaint, Art. 8.2), at its field, naming the characters', async () => {
    // Control: the same complaint with an emoji the font has.
    expect(
      (
        await readComplaintForm(
          validForm({ description: 'Mijn coach kwam twee afspraken niet na 😡 en belde niet af.' }),
          TODAY,
        )
      ).result.ok,
    ).toBe(true)
    const read = await readComplaintForm(
      validForm({ description: 'Mijn coach kwam twee afspraken niet na 👎 en belde niet af.', city: 'תל אביב' }),
      TODAY,
    )
    expect(read.result.ok ? {} : read.result.errors).toEqual({
      description: 'Brieven kunnen deze tekens nog niet afdrukken: 👎. Schrijf ze in Latijnse letters of laat ze weg.',
      city: 'Brieven kunnen deze tekens nog niet afdrukken: ת, ל, א, ב, י. Schrijf ze in Latijnse letters of laat ze weg.',
    })
  })

  it('asks the Latin spelling right after the name (the error summary follows the form)', () => {
    expect(FIELD_ORDER.indexOf('nameLatin')).toBe(FIELD_ORDER.indexOf('name') + 1)
  })
})

describe('reading the form body under a size limit', () => {
  const url = 'http://127.0.0.1/klacht-indienen'

  it('refuses a body whose declared length is too large, without reading it', async () => {
    let pulled = false
    const body = new ReadableStream(
      {
        pull() {
          pulled = true
        },
      },
      { highWaterMark: 0 },
    )
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_FORM_BODY_BYTES + 1) },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(await readFormBody(request, MAX_FORM_BODY_BYTES)).toEqual({ kind: 'tooLarge' })
    expect(pulled).toBe(false)
  })

  it('counts a body without a declared length while it streams in', async () => {
    const chunk = new Uint8Array(1024)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength
        if (sent > 10 * 1024) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(await readFormBody(request, 4 * 1024)).toEqual({ kind: 'tooLarge' })
  })

  it('reads a normal multipart form', async () => {
    const request = new Request(url, { method: 'POST', body: validForm() })
    const body = await readFormBody(request, MAX_FORM_BODY_BYTES)
    expect(body.kind).toBe('form')
    if (body.kind === 'form') expect(body.form.get('name')).toBe('Jan Jansen')
  })

  it('calls a body of another type unreadable', async () => {
    const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(await readFormBody(request, MAX_FORM_BODY_BYTES)).toEqual({ kind: 'unreadable' })
  })

  it('leaves room for 5 files of 10 MB and the text', () => {
    expect(MAX_FORM_BODY_BYTES).toBe(52 * 1024 * 1024)
  })
})

describe('when the complaint was not stored, or maybe not (what the person is told)', () => {
  const contact = {
    organisationName: 'Working Progression',
    phone: '030 123 45 67',
    contactEmail: 'klachten@workingprogression.nl',
    address: { street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Utrecht' },
  }
  it('CMS unreachable: plainly not stored, nothing typed is lost, and the other ways to complain (phone, e-mail, letter)', () => {
    const alert = storageAlert('unreachable', contact)
    expect(alert.title).toBe('Uw klacht is niet opgeslagen')
    expect(alert.messages.join(' ')).toContain('U bent niets kwijt: wat u hebt ingevuld, staat hieronder nog.')
    expect(alert.ways).toEqual([
      { label: 'Bel ons', text: '030 123 45 67', href: 'tel:0301234567' },
      { label: 'Mail ons', text: 'klachten@workingprogression.nl', href: 'mailto:klachten@workingprogression.nl' },
      { label: 'Stuur een brief naar', text: 'Working Progression, Dorpsstraat 1, 1234 AB Utrecht' },
    ])
  })
  it('uncertain (a timeout): never "niet opgeslagen"; send the same form again later, or ask by phone or e-mail', () => {
    const alert = storageAlert('uncertain', contact)
    expect(alert.title).toBe('Wij weten nog niet zeker of uw klacht is opgeslagen')
    expect(`${alert.title} ${alert.messages.join(' ')}`).not.toContain('niet opgeslagen')
    expect(alert.messages.join(' ')).toContain('Verstuur dit formulier over een paar minuten nog een keer')
    expect(alert.ways.map((w) => w.label)).toEqual(['Bel ons', 'Mail ons'])
  })
  it('Decision 14: without contact details in the settings, no way is named and no sentence points to an empty list', () => {
    const alert = storageAlert('unreachable', { organisationName: 'Working Progression' })
    expect(alert.ways).toEqual([])
    expect(alert.messages.at(-1)).toBe('Probeer het later nog eens met dit formulier.')
  })
  it('an edit sent with the form already stored: the first version and its reference stand, the change did not arrive, and how to add it', () => {
    const notice = changeNotStoredNotice('WP-2026-0007', contact)
    expect(notice.messages).toEqual([
      'U had dit formulier al eerder verstuurd. Wij hebben uw eerste versie ontvangen, met kenmerk WP-2026-0007. Wat u daarna hebt veranderd, hebben wij niet ontvangen.',
      'Wilt u iets aanvullen of veranderen? Neem dan contact met ons op en noem uw kenmerk WP-2026-0007:',
    ])
    expect(notice.ways.map((w) => w.text)).toEqual(['030 123 45 67', 'klachten@workingprogression.nl'])
  })
  it('a new complaint soon after another from the same browser: both references, both stand, and how to have them joined', () => {
    const notice = newComplaintNotice('WP-2026-0008', 'WP-2026-0007', contact)
    expect(notice.title).toBe('Dit is een nieuwe klacht')
    expect(notice.messages.join(' ')).toContain('met kenmerk WP-2026-0007. Die klacht blijft staan.')
    expect(notice.messages.join(' ')).toContain('een nieuwe klacht met kenmerk WP-2026-0008')
  })
})

describe('the form for someone who is not the cliënt, and the postal address (Art. 3, Decision 11, 14)', () => {
  it('Decision 11: an employer filing without the cliënt’s name gets the Dutch message at that field, with what was typed kept', async () => {
    const read = await readComplaintForm(validForm({ complainantRole: 'employer', name: 'Bakkerij De Korf' }), TODAY)
    expect(read.result).toEqual({
      ok: false,
      errors: { clientName: 'Vul de naam in van de cliënt om wie het gaat. Die naam geven wij door aan UWV.' },
    })
    expect(read.values.name).toBe('Bakkerij De Korf')
    expect(orderedErrors({ clientName: 'x', name: 'y' }).map((e) => e.field)).toEqual(['clientName', 'name'])
    const filled = await readComplaintForm(validForm({ complainantRole: 'employer', clientName: 'Daan Visser' }), TODAY)
    expect(filled.result.ok && filled.result.input.clientName).toBe('Daan Visser')
  })

  it('Art. 3: letters are welcome, so the form gives the postal address, only once it is filled in whole (Decision 14)', () => {
    const address = { street: 'Voorbeeldlaan 1', postalCode: '3511 AB', city: 'Utrecht' }
    expect(postalAddress({ organisationName: 'Working Progression', address })).toBe(
      'Working Progression, Voorbeeldlaan 1, 3511 AB Utrecht',
    )
    expect(postalAddress({ organisationName: 'Working Progression', address: { ...address, city: '' } })).toBe(
      undefined,
    )
  })
})
