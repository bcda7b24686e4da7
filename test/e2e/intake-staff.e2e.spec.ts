import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  apiGet,
  chooseOption,
  createStaff,
  loginToAdmin,
  openDocument,
  recordComplaint,
  save,
  scrollToField,
  setUwvLabourExpert,
  settle,
  type StaffMember,
} from '../helpers/admin'
import { launchChromium } from '../helpers/browser'

/**
 * Art. 3 in the admin: a handler records a complaint received by phone with the whole intake form
 * and sees its reference at once; a case whose complainant asked for help writing it down says
 * so until the call-back is recorded, and the version written with them is kept beside the original.
 */
const cmsUrl = inject('cmsUrl')
const SHOTS = '/work/wt/shots'
const PHONE_TEXT = 'Mijn coach heeft mij drie weken niet teruggebeld, terwijl dat wel was afgesproken.'
const WRITTEN = 'Mijn coach heeft mij in oktober drie weken lang niet teruggebeld, hoewel wij dat hadden afgesproken.'

let browser: Browser
let context: BrowserContext
let page: Page
let manager: StaffMember
let handler: StaffMember

type Case = {
  id: string
  reference: string
  channel: string
  complaintText: string
  complainant: { name: string; phone?: string | null }
  callback?: { state?: string | null; doneBy?: string | null }
  writtenVersion?: { versions?: { text: string }[] | null }
}

beforeAll(async () => {
  await setUwvLabourExpert(cmsUrl)
  manager = await createStaff(cmsUrl, 'manager.intake@example.nl', 'Mila Manager', ['manager'])
  handler = await createStaff(cmsUrl, 'henk.intake@example.nl', 'Henk Behandelaar', ['handler'])
  browser = await launchChromium()
  context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await loginToAdmin(page, cmsUrl, handler.email, handler.password)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

const scrollTo = (selector: string) => scrollToField(page, selector)

const radio = (field: string, label: string) =>
  page.locator(`#field-${field}`).locator('label').filter({ hasText: label }).first().click()

describe('Art. 3: a handler records a phone complaint in the admin', () => {
  it('fills in the whole intake form ("Nieuw aanmaken") and sees the reference at once', async () => {
    await page.goto(`${cmsUrl}/admin/collections/complaints/create`)
    await page.locator('#action-save').waitFor()
    await settle(page)
    // Everything the site's form asks is on the handler's form (Decision 15: they may record it).
    await expect.poll(() => page.locator('#field-channel').count()).toBe(1)
    await chooseOption(page, 'field-channel', 'Telefoon')
    await scrollTo('#field-complainant__role')
    await chooseOption(page, 'field-complainant__role', 'Cliënt (ik word begeleid door Working Progression)')
    await scrollTo('#field-complainant__name')
    await page.locator('#field-complainant__name').fill('Fatima Foon')
    await scrollTo('#field-complainant__phone')
    await page.locator('#field-complainant__phone').fill('06 44455566')
    await scrollTo('#field-conduct__when')
    await radio('conduct__when', 'Weet ik niet precies')
    await scrollTo('#field-involved__kind')
    await radio('involved__kind', 'Een medewerker van Working Progression')
    await scrollTo('#field-categories')
    await chooseOption(page, 'field-categories', 'Iets niet gedaan wat wel had gemoeten (nalatigheid)')
    await scrollTo('#field-complaintText')
    await page.locator('#field-complaintText').fill(PHONE_TEXT)
    await scrollTo('#field-discussedBefore')
    await radio('discussedBefore', 'Nee')
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/intake-phone-form.png`, fullPage: true })

    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/complaints',
    )
    await page.locator('#action-save').click()
    const response = await created
    expect(response.status()).toBe(201)
    const { doc } = (await response.json()) as { doc: { id: string; reference: string } }
    expect(doc.reference).toMatch(/^WP-\d{4}-\d{4}$/)
    await page.waitForURL(`${cmsUrl}/admin/collections/complaints/${doc.id}`)
    await settle(page)
    await expect.poll(() => page.locator('#field-reference').inputValue()).toBe(doc.reference)
    await page.screenshot({ path: `${SHOTS}/intake-phone-reference.png` })

    const stored = await apiGet<Case>(cmsUrl, manager.token, `complaints/${doc.id}?depth=0`)
    expect(stored).toMatchObject({
      channel: 'phone',
      complaintText: PHONE_TEXT,
      complainant: { name: 'Fatima Foon', phone: '06 44455566' },
    })
  })
})

describe('Art. 3: the call-back and the written version on the case', () => {
  it('shows "bel terug" until the call is recorded; the written version is kept beside the original', async () => {
    const asked = await recordComplaint(cmsUrl, manager.token, 'Bram Bellen', {
      wantsHelpWriting: true,
      complainant: { role: 'client', name: 'Bram Bellen', email: 'bram@example.nl', phone: '06 77788899' },
      assignedHandler: handler.id,
    })
    const url = `${cmsUrl}/admin/collections/complaints/${asked.id}`
    await openDocument(page, url)
    const notice = page.locator('.callback-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('Klager wil hulp bij het opschrijven: bel terug')
    await page.screenshot({ path: `${SHOTS}/intake-callback-notice.png` })

    await scrollTo('#field-writtenVersion__draft')
    await page.locator('#field-writtenVersion__draft').fill(WRITTEN)
    await page.locator('#field-writtenVersion__send').check()
    await page.locator('#field-callback__done').check()
    expect(await save(page)).toEqual({ status: 200, errors: [] })
    await openDocument(page, url)
    expect(await page.locator('.callback-notice').count()).toBe(0)
    const stored = await apiGet<Case>(cmsUrl, manager.token, `complaints/${asked.id}?depth=0`)
    expect(stored.callback).toMatchObject({ state: 'done', doneBy: handler.id })
    expect(stored.writtenVersion?.versions?.map((v) => v.text)).toEqual([WRITTEN])
    await scrollTo('#field-complaintText')
    expect(await page.locator('#field-complaintText').inputValue()).not.toBe(WRITTEN)
    await scrollTo('#field-writtenVersion__versions')
    await page.screenshot({ path: `${SHOTS}/intake-written-version.png` })
  })
})
