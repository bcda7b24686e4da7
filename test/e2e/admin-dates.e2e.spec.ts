import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  apiGet,
  chooseOption,
  createStaff,
  lastToast,
  loginToAdmin,
  openDocument,
  recordComplaint,
  save,
  screenshotAt,
  scrollToField,
  setUwvLabourExpert,
  settle,
  type StaffMember,
  type StoredComplaint,
} from '../helpers/admin'
import { launchChromium, newDutchContext, screenshot } from '../helpers/browser'

/**
 * Art. 5, 6, 7 in the admin: the dates a handler acts on — the date of receipt, the deadlines, the
 * hearing — read as a Dutch handler reads them ("10 december 2027, 14:30"), and a date typed the
 * Dutch way is the date that is stored. Never "12/10/2027" (10 December in American order, read
 * as 12 October), never "2:30 PM".
 */
const cmsUrl = inject('cmsUrl')
// Always ahead and in winter time: 13:30 UTC is 14:30 in Amsterdam.
const year = new Date().getUTCFullYear() + 1
const DUTCH_MONTH = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)'
const DUTCH_DATE = new RegExp(`^\\d{1,2} ${DUTCH_MONTH} \\d{4}$`)
const DUTCH_DATE_TIME = new RegExp(`^\\d{1,2} ${DUTCH_MONTH} \\d{4}, \\d{2}:\\d{2}$`)
const ENGLISH_MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/
const AM_PM = /\b(AM|PM|a\.m\.|p\.m\.)\b/i
const SLASHED = /\d\d\/\d\d\/\d{4}/

let browser: Browser
let context: BrowserContext
let page: Page
let manager: StaffMember
let handler: StaffMember
let complaint: StoredComplaint

type Case = { hearing?: { at?: string | null; documentsReviewedAt?: string | null } }
const stored = () => apiGet<Case>(cmsUrl, manager.token, `complaints/${complaint.id}?depth=0`)
const amsterdam = (iso: string | null | undefined) =>
  iso
    ? new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Amsterdam',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date(iso))
    : ''

/** Everything the case page shows as text, the values of its date inputs included (innerText leaves them out). */
const shownText = async (): Promise<string> => {
  const text = await page.locator('body').innerText()
  const dates = await page
    .locator('.date-time-field input')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
  return [text, ...dates].join('\n')
}
const dateInput = (fieldId: string) => page.locator(`#${fieldId} input`)
/** A moment as a Dutch handler reads it: "2 december 2026, 06:15" (Amsterdam time). */
const dutchDateTime = (iso: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  )
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`
}

/**
 * Holds back the script that carries react-datepicker, as a slow connection would, until `ready` is
 * on the page — or until the page waits for nothing else (when the picker's code is needed before
 * that). Then the page renders its date pickers last, after the rest of the form.
 */
async function holdDatePickerCode(target: BrowserContext) {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let others = 0
  let held = false
  await target.route('**/_next/static/chunks/*.js', async (route) => {
    const response = await route.fetch()
    const body = await response.text()
    if (body.includes('react-datepicker__')) {
      held = true
      await released
    }
    await route.fulfill({ response, body })
  })
  target.on('request', () => void others++)
  target.on('requestfinished', () => void others--)
  target.on('requestfailed', () => void others--)
  return {
    async releaseWhen(ready: Locator) {
      let quiet = 0
      while (!(await ready.count()) && quiet < 20) {
        await ready.page().waitForTimeout(100)
        quiet = held && others <= 1 ? quiet + 1 : 0
      }
      release()
      await target.unrouteAll({ behavior: 'wait' })
    },
  }
}

beforeAll(async () => {
  await setUwvLabourExpert(cmsUrl)
  manager = await createStaff(cmsUrl, 'manager.data@example.nl', 'Daan Manager', ['manager'])
  handler = await createStaff(cmsUrl, 'dora.datum@example.nl', 'Dora Datum', ['handler'])
  complaint = await recordComplaint(cmsUrl, manager.token, 'Jan Datum', {
    assignedHandler: handler.id,
    // Art. 4: the manager is recorded as involved, so cannot handle the case.
    involvedStaff: [manager.id],
    hearing: { at: `${year}-12-10T13:30:00.000Z`, requestedBy: 'complainant' },
  })
  browser = await launchChromium()
  context = await newDutchContext(browser, { viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

describe('Art. 5, 6, 7: dates in the admin read Dutch', () => {
  it('the login page carries Working Progression’s name, not Payload’s', async () => {
    await page.goto(`${cmsUrl}/admin/login`)
    await page.locator('#field-email').waitFor()
    await screenshot(page, 'admin-dates-login')
    const text = await page.locator('body').innerText()
    expect(text).toContain('Working Progression')
    expect(text).toContain('Klachtenportaal')
    expect(await page.locator('.wp-brand--logo').count()).toBe(1)
    expect(await page.locator('.graphic-logo').count()).toBe(0)
  })

  it('a handler’s case page shows the date of receipt, the deadlines and the hearing as Dutch dates, with no AM/PM and no American dates', async () => {
    await loginToAdmin(page, cmsUrl, handler.email, handler.password)
    // The header's mark is Working Progression's too.
    expect(await page.locator('.graphic-icon').count()).toBe(0)
    expect(await page.locator('.wp-brand--icon').first().getAttribute('title')).toBe('Working Progression')
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/${complaint.id}`)
    await screenshotAt(page, 'admin-dates-case', page.locator('#field-receivedAt'))
    const first = await shownText()
    const hearingTab = page.getByRole('button', { name: /^Stukken en horen/ })
    await hearingTab.click()
    await dateInput('field-hearing__at').waitFor()
    await screenshotAt(page, 'admin-dates-hearing', hearingTab)
    const hearing = await shownText()
    // Every date input of the case, not only the ones named below.
    const values = await page
      .locator('.date-time-field input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).filter(Boolean))
    expect(values.length).toBeGreaterThan(4)
    for (const value of values) expect(value).toMatch(new RegExp(`${DUTCH_DATE.source}|${DUTCH_DATE_TIME.source}`))

    for (const text of [first, hearing]) {
      expect(text.match(AM_PM)).toBeNull()
      expect(text.match(ENGLISH_MONTH)).toBeNull()
      expect(text.match(SLASHED)).toBeNull()
    }
    expect(await dateInput('field-receivedAt').inputValue()).toMatch(DUTCH_DATE_TIME)
    for (const deadline of ['acknowledgeBy', 'decisionTargetBy', 'decisionLimitBy'])
      expect(await dateInput(`field-deadlines__${deadline}`).inputValue(), deadline).toMatch(DUTCH_DATE)
    await scrollToField(page, '#field-nextDeadline__due')
    expect(await dateInput('field-nextDeadline__due').inputValue()).toMatch(DUTCH_DATE)
    expect(await dateInput('field-hearing__at').inputValue()).toBe(`10 december ${year}, 14:30`)
    // The picker's time list is headed in Dutch and counts in 24 hours.
    await dateInput('field-hearing__at').click()
    await page.locator('.react-datepicker-time__header').waitFor()
    expect(await page.locator('.react-datepicker-time__header').textContent()).toBe('Tijd')
    expect(await page.locator('.react-datepicker__time-list').innerText()).toContain('14:30')
    await screenshot(page, 'admin-dates-picker')
    await page.keyboard.press('Escape')
  })

  it('Art. 9, Decision 18: a frozen report’s page shows "Cijfers per" in its date input as a Dutch date, month in lower case', async () => {
    const frozen = await fetch(`${cmsUrl}/api/reports/freeze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${manager.token}` },
      body: JSON.stringify({ from: `${year}-01-01`, to: `${year}-03-31` }),
    })
    expect(frozen.status).toBe(201)
    const { id } = (await frozen.json()) as { id: string }
    const { asOf } = await apiGet<{ asOf: string }>(cmsUrl, manager.token, `reports/${id}?depth=0`)
    const other = await newDutchContext(browser, { viewport: { width: 1280, height: 900 } })
    try {
      const reportPage = await other.newPage()
      await loginToAdmin(reportPage, cmsUrl, manager.email, manager.password)
      // As on a slow connection: the date picker's code arrives after the rest of the form.
      const held = await holdDatePickerCode(other)
      await reportPage.goto(`${cmsUrl}/admin/collections/reports/${id}`, { waitUntil: 'commit' })
      await held.releaseWhen(reportPage.locator('#field-asOf'))
      const input = reportPage.locator('#field-asOf input')
      await input.waitFor()
      await settle(reportPage)
      await screenshotAt(reportPage, 'admin-dates-report', reportPage.locator('#field-asOf'))
      const shown = await input.inputValue()
      expect(shown).toMatch(DUTCH_DATE_TIME)
      expect(shown.match(ENGLISH_MONTH)).toBeNull()
      // The very moment stored, in Amsterdam time and in Dutch words.
      expect(shown).toBe(dutchDateTime(asOf))
    } finally {
      await other.close()
    }
  })

  it('a date typed the Dutch way is the date stored: "1 december 2026", and "11-12-<year> 15:45" for the hearing', async () => {
    const reviewed = dateInput('field-hearing__documentsReviewedAt')
    await reviewed.click()
    await reviewed.pressSequentially('1 december 2026')
    await page.keyboard.press('Tab')
    const at = dateInput('field-hearing__at')
    await at.click()
    await at.selectText()
    await page.keyboard.press('Backspace')
    await at.pressSequentially(`11-12-${year} 15:45`)
    await page.keyboard.press('Tab')
    await settle(page)
    expect(await save(page)).toEqual({ status: 200, errors: [] })

    const saved = await stored()
    expect(amsterdam(saved.hearing?.documentsReviewedAt).slice(0, 10)).toBe('2026-12-01')
    expect(amsterdam(saved.hearing?.at)).toBe(`${year}-12-11 15:45`)
    // After the save the page shows what was typed, in its own words.
    expect(await reviewed.inputValue()).toBe('1 december 2026')
    expect(await at.inputValue()).toBe(`11 december ${year}, 15:45`)
  })

  it('Art. 4: a refused save in the sidebar names "Behandelaar" in the toast and shows its whole message at the field', async () => {
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/${complaint.id}`)
    await chooseOption(page, 'field-assignedHandler', manager.name)
    const refused = await save(page)
    expect(refused.status).toBe(400)
    expect(new Set(refused.errors.map((error) => error.path))).toEqual(new Set(['assignedHandler']))
    await expect.poll(() => lastToast(page)).toMatch(/ongeldig.*Behandelaar/)
    expect(await lastToast(page)).not.toContain('assignedHandler')
    const error = page.locator('#field-assignedHandler .field-error')
    await error.waitFor()
    await screenshotAt(page, 'admin-dates-refused-sidebar', page.locator('#field-assignedHandler'))
    expect(refused.errors.map((e) => e.message)).toContain(await error.textContent())
    // Not cut off: the message fits its box (Payload's own style keeps it to one line and hides the rest).
    const clipped = await error.evaluate((element) => {
      const content = element.querySelector('.tooltip-content') ?? element
      return content.scrollWidth > content.clientWidth + 1
    })
    expect(clipped).toBe(false)
  })

  it('a colleague who opens the case while the handler edits it reads since when in Dutch, addressed as "u"', async () => {
    // The handler is editing: a change starts the lock.
    await page.getByRole('button', { name: /^Stukken en horen/ }).click()
    await page.locator('#field-hearing__place').fill('Kantoor Utrecht')
    await settle(page)
    const other = await newDutchContext(browser, { viewport: { width: 1280, height: 900 } })
    try {
      const colleague = await other.newPage()
      await loginToAdmin(colleague, cmsUrl, manager.email, manager.password)
      await colleague.goto(`${cmsUrl}/admin/collections/complaints/${complaint.id}`)
      // The notice comes in Payload's English first; wait until the provider has put the Dutch date in it.
      const notice = colleague.locator('.document-locked__content', {
        hasText: new RegExp(`Bewerkt sinds \\d{1,2} ${DUTCH_MONTH}`),
      })
      await notice.waitFor({ timeout: 60_000 })
      const text = await notice.innerText()
      await screenshot(colleague, 'admin-dates-locked')
      expect(text).toContain('Als u het overneemt')
      expect(text).toMatch(new RegExp(`Bewerkt sinds \\d{1,2} ${DUTCH_MONTH} \\d{4}, \\d{2}:\\d{2}`))
      expect(text.match(AM_PM)).toBeNull()
      expect(text.match(ENGLISH_MONTH)).toBeNull()
    } finally {
      await other.close()
    }
  })
})
