import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Letter, LetterTemplate } from '../../cms/payload-types'
import {
  apiGet,
  createStaff,
  loginToAdmin,
  openDocument,
  recordComplaint,
  save,
  screenshotAt,
  scrollToField,
  setUwvLabourExpert,
  settle,
  type StaffMember,
} from '../helpers/admin'
import { launchChromium, newDutchContext, screenshot } from '../helpers/browser'

/**
 * Letters in the admin (Art. 5–8): an editor changes a letter text (a required part cannot be left out, and
 * what they typed stays), and a handler sends a hearing invitation from the case, refused by name
 * while its place is empty.
 */
const cmsUrl = inject('cmsUrl')

let browser: Browser
let context: BrowserContext | undefined
let editor: StaffMember
let handler: StaffMember
let manager: StaffMember

beforeAll(async () => {
  await setUwvLabourExpert(cmsUrl)
  manager = await createStaff(cmsUrl, 'manager.brieven@example.nl', 'Mila Manager', ['manager'])
  handler = await createStaff(cmsUrl, 'hans.behandelaar@example.nl', 'Hans Behandelaar', ['handler'])
  editor = await createStaff(cmsUrl, 'erik.redacteur@example.nl', 'Erik Redacteur', ['editor'])
  browser = await launchChromium()
})

afterEach(async () => {
  await context?.close()
  context = undefined
})

afterAll(async () => {
  await browser?.close()
})

async function loggedIn(member: StaffMember): Promise<Page> {
  context = await newDutchContext(browser, { viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await loginToAdmin(page, cmsUrl, member.email, member.password)
  return page
}

/** The error Payload shows at a text field (its wrapper holds the input with the id). */
const errorAt = (page: Page, inputId: string): Locator =>
  page
    .locator('.field-type', { has: page.locator(`#${inputId}`) })
    .locator('.field-error')
    .first()

describe('Art. 5–8: letter texts that editors maintain', () => {
  it('an editor sees every letter of the regulation, and the acknowledgement with its placeholders', async () => {
    const page = await loggedIn(editor)
    await page.goto(`${cmsUrl}/admin/collections/letter-templates?limit=25`)
    await page.locator('table').waitFor()
    await settle(page)
    const titles = (await page.locator('table tbody tr td:nth-child(2)').allTextContents()).map((t) => t.trim())
    expect(titles).toHaveLength(15)
    expect(titles).toEqual(
      expect.arrayContaining([
        'Ontvangstbevestiging',
        'Beslissing op de klacht',
        'Uitnodiging voor een gesprek (horen)',
        'Melding aan de arbeidsdeskundige van UWV',
      ]),
    )
    await screenshot(page, 'admin-letters-list')
  })

  it('Art. 5: leaving out {{feiten}} is refused at the text, naming the part; the typed text stays; with it the change is saved', async () => {
    const { docs } = await apiGet<{ docs: LetterTemplate[] }>(
      cmsUrl,
      editor.token,
      'letter-templates?where[kind][equals]=acknowledgement&depth=0',
    )
    const template = docs[0]
    if (!template) throw new Error('the acknowledgement text was not seeded')
    const page = await loggedIn(editor)
    await openDocument(page, `${cmsUrl}/admin/collections/letter-templates/${template.id}`)
    expect(await page.locator('#field-placeholders').inputValue()).toContain(
      '{{feiten}}: korte omschrijving van de feiten (verplicht)',
    )

    const body = page.locator('#field-body')
    const withoutFacts = template.body.replace(
      'Korte omschrijving van de feiten:\n{{feiten}}',
      'Wat er gebeurde, leest u in uw dossier.',
    )
    await body.fill(withoutFacts)
    const refused = await save(page)
    expect(refused.status).toBe(400)
    expect(refused.errors.map((e) => e.path)).toEqual(['body'])
    await errorAt(page, 'field-body').waitFor()
    expect(await errorAt(page, 'field-body').textContent()).toContain('{{feiten}} (korte omschrijving van de feiten)')
    expect(await body.inputValue()).toBe(withoutFacts)
    await screenshotAt(page, 'admin-letters-refused', page.locator('#field-subject'))

    const changed = template.body.replace(
      'Met deze brief bevestigen wij dat',
      'Met deze brief laten wij u weten dat wij hem hebben ontvangen',
    )
    await body.fill(changed)
    expect(await save(page)).toEqual({ status: 200, errors: [] })
    const after = await apiGet<LetterTemplate>(cmsUrl, editor.token, `letter-templates/${template.id}?depth=0`)
    expect(after.body).toBe(changed)
    expect(typeof after.lastEditedBy === 'string' ? after.lastEditedBy : after.lastEditedBy?.id).toBe(editor.id)
  })
})

describe('Art. 6: the hearing invitation from the case', () => {
  // Always ahead (a hearing in the past is not called off), always in winter time: 13:00 UTC is 14:00 in Amsterdam.
  const year = new Date().getUTCFullYear() + 1
  it('is refused while the place is empty, naming it at the field; with a place it goes out with its calendar file', async () => {
    const complaint = await recordComplaint(cmsUrl, manager.token, 'Hanna Hoorzitting', {
      assignedHandler: handler.id,
      hearing: { at: `${year}-12-10T13:00:00.000Z`, requestedBy: 'complainant' },
    })
    const page = await loggedIn(handler)
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/${complaint.id}`)
    // A tab with an error shows a count after its name.
    const tab = page.getByRole('button', { name: /^Stukken en horen/ })
    await tab.click()
    await page.locator('#field-hearing__sendInvitation').check()
    const refused = await save(page)
    expect(refused.status).toBe(400)
    expect(refused.errors).toEqual([
      expect.objectContaining({
        path: 'hearing.place',
        message: expect.stringContaining('"plaats of videolink van het gesprek" is leeg (artikel 6)'),
      }),
    ])
    await errorAt(page, 'field-hearing__place').waitFor()
    await screenshotAt(page, 'admin-hearing-refused', tab)

    await page.locator('#field-hearing__place').fill('Kantoor Utrecht, Voorbeeldlaan 1')
    expect(await save(page)).toEqual({ status: 200, errors: [] })
    // An action, not a state: the box is empty again.
    expect(await page.locator('#field-hearing__sendInvitation').isChecked()).toBe(false)
    const { docs } = await apiGet<{ docs: Letter[] }>(
      cmsUrl,
      manager.token,
      `letters?where[complaint][equals]=${complaint.id}&depth=1&limit=20`,
    )
    const invitation = docs.find((l) => l.purpose === 'hearing_invitation')
    expect(invitation?.channel).toBe('email')
    const message = invitation?.message
    if (!message || typeof message === 'string') throw new Error('the invitation has no e-mail')
    expect(message.attachments?.map((a) => a.contentType)).toEqual([
      'application/pdf',
      'text/calendar; charset=utf-8; method=PUBLISH',
    ])
    const ics = Buffer.from(message.attachments?.[1]?.contentBase64 ?? '', 'base64').toString('utf8')
    expect(ics).toContain(`DTSTART:${year}1210T130000Z`)
    expect(ics).toContain('LOCATION:Kantoor Utrecht\\, Voorbeeldlaan 1')
    expect(message.text).toContain('Tijd: 14:00 uur')
    await screenshotAt(page, 'admin-hearing-sent', tab)

    // A date the handler cannot change offers no cross to clear it (the sidebar's next deadline).
    await scrollToField(page, '#field-nextDeadline__due input')
    expect(await page.locator('#field-nextDeadline__due .date-time-picker__clear-button').count()).toBe(1)
    expect(await page.locator('#field-nextDeadline__due .date-time-picker__clear-button').isVisible()).toBe(false)
    expect(await page.locator('#field-hearing__at .date-time-picker__clear-button').isVisible()).toBe(true)

    // The hearing will not take place: the handler clears its date and saves; the complainant is told.
    await page.locator('#field-hearing__at').scrollIntoViewIfNeeded()
    await page.locator('#field-hearing__at .date-time-picker__clear-button').click()
    expect(await save(page)).toEqual({ status: 200, errors: [] })
    const after = await apiGet<{ docs: Letter[] }>(
      cmsUrl,
      manager.token,
      `letters?where[complaint][equals]=${complaint.id}&depth=1&limit=20`,
    )
    const callOff = after.docs.find((l) => l.purpose === 'hearing_cancellation')
    const callOffMessage = callOff?.message
    if (!callOffMessage || typeof callOffMessage === 'string') throw new Error('the call-off has no e-mail')
    expect(callOffMessage.subject).toMatch(/^Het gesprek over uw klacht gaat niet door/)
    expect(callOffMessage.attachments?.map((a) => a.contentType)).toEqual([
      'application/pdf',
      'text/calendar; charset=utf-8; method=CANCEL',
    ])
    expect(callOffMessage.text).toContain('om 14:00 uur')
  })
})
