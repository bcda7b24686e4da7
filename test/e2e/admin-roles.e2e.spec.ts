import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  createStaff,
  loginToAdmin,
  openNav,
  recordComplaint,
  setUwvLabourExpert,
  settle,
  type StaffMember,
  type StoredComplaint,
} from '../helpers/admin'
import { launchChromium, newDutchContext, screenshot } from '../helpers/browser'
import { FIRST_ADMIN } from '../helpers/staff'

/**
 * The roles of DOMAIN.md (People) in the admin: an editor logs in and sees no complaints; a handler sees their own cases
 * and the queue; the admin is in Dutch, and (Decision 15) sees no complaints either. Each role logs in through the
 * admin's login form.
 */
const cmsUrl = inject('cmsUrl')

let browser: Browser
let context: BrowserContext | undefined
let editor: StaffMember
let handler: StaffMember
let ownCase: StoredComplaint
let colleaguesCase: StoredComplaint
let queued: StoredComplaint

beforeAll(async () => {
  await setUwvLabourExpert(cmsUrl)
  const manager = await createStaff(cmsUrl, 'manager.rollen@example.nl', 'Mark Manager', ['manager'])
  handler = await createStaff(cmsUrl, 'rita.behandelaar@example.nl', 'Rita Behandelaar', ['handler'])
  const colleague = await createStaff(cmsUrl, 'cor.collega@example.nl', 'Cor Collega', ['handler'])
  editor = await createStaff(cmsUrl, 'eddy.redacteur@example.nl', 'Eddy Redacteur', ['editor'])
  ownCase = await recordComplaint(cmsUrl, manager.token, 'Olga Eigen', { assignedHandler: handler.id })
  colleaguesCase = await recordComplaint(cmsUrl, manager.token, 'Cees Collega', { assignedHandler: colleague.id })
  queued = await recordComplaint(cmsUrl, manager.token, 'Quinten Queue')
  browser = await launchChromium()
})

afterEach(async () => {
  await context?.close()
  context = undefined
})

afterAll(async () => {
  await browser?.close()
})

async function loggedIn(email: string, password: string, locale = 'nl-NL'): Promise<Page> {
  context = await newDutchContext(browser, { locale, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await loginToAdmin(page, cmsUrl, email, password)
  return page
}

const navGroups = (page: Page) => page.locator('.nav-group__label').allTextContents()
const listedReferences = (page: Page) =>
  page
    .locator('table tbody tr td:nth-child(2)')
    .allTextContents()
    .then((cells) => cells.map((c) => c.trim()))

describe('DOMAIN.md, People: what each role sees in the admin', () => {
  it('an editor sees no complaints: no "Klachten" group, no case dashboard, the list is not found; the regulation is there', async () => {
    const page = await loggedIn(editor.email, editor.password)
    expect(await navGroups(page)).toEqual(['Inhoud', 'Beheer'])
    expect(
      await page.locator('#nav-complaints, #nav-case-events, #nav-complaint-attachments, #nav-outbox').count(),
    ).toBe(0)
    // DOMAIN.md, People: the letter texts are theirs to maintain.
    expect((await page.locator('#nav-letter-templates').textContent())?.trim()).toBe('Brieven (teksten)')
    expect(await page.locator('#case-dashboard-title').count()).toBe(0)
    expect((await page.locator('#nav-global-regulation').textContent())?.trim()).toBe('Klachtenreglement')
    await openNav(page)
    await screenshot(page, 'admin-roles-editor-dashboard')

    await page.goto(`${cmsUrl}/admin/collections/complaints`)
    await settle(page)
    expect(await page.locator('h1').textContent()).toBe('Niets gevonden')
    const text = await page.locator('body').innerText()
    for (const c of [ownCase, colleaguesCase, queued]) expect(text).not.toContain(c.reference)
    await screenshot(page, 'admin-roles-editor-complaints')

    // The session the admin runs on: the API says no as well.
    const api = await page.evaluate(async () => (await fetch('/api/complaints')).status)
    expect(api).toBe(403)

    await page.goto(`${cmsUrl}/admin`)
    await openNav(page)
    // The menu offers the regulation; the page itself is opened by its address (the menu's link
    // can be briefly inert while the admin hydrates, which made clicking it flaky).
    expect(await page.locator('#nav-global-regulation').getAttribute('href')).toBe('/admin/globals/regulation')
    await page.goto(`${cmsUrl}/admin/globals/regulation`)
    await page.locator('#field-title').waitFor()
    expect(await page.locator('#field-title').inputValue()).toMatch(/^Klachtenreglement\b/)
  })

  it('a handler sees their own case and the queue, not a colleague’s case', async () => {
    const page = await loggedIn(handler.email, handler.password)
    expect(await navGroups(page)).toContain('Klachten')
    const block = page.locator('section[aria-labelledby="case-dashboard-title"]')
    expect(
      (
        await block
          .getByRole('link', { name: /Mijn zaken/ })
          .locator('strong')
          .textContent()
      )?.trim(),
    ).toBe('1')
    await openNav(page)
    await screenshot(page, 'admin-roles-handler-dashboard')

    await page.goto(`${cmsUrl}/admin/collections/complaints?limit=100`)
    await page.locator('table').waitFor()
    await settle(page)
    const references = await listedReferences(page)
    expect(references).toContain(ownCase.reference)
    expect(references).toContain(queued.reference)
    expect(references).not.toContain(colleaguesCase.reference)
    await screenshot(page, 'admin-roles-handler-list')

    // Even the colleague's address leads nowhere: back to the list with "not found".
    await page.goto(`${cmsUrl}/admin/collections/complaints/${colleaguesCase.id}`)
    await page.waitForURL(/notFound=/)
    expect(await page.locator('body').innerText()).toContain('kon niet worden gevonden')
    expect(await page.locator('#field-reference').count()).toBe(0)
  })

  it('the admin is in Dutch, also for a browser that prefers English; Decision 15: users, settings and the outbox, no complaints', async () => {
    const page = await loggedIn(FIRST_ADMIN.email, FIRST_ADMIN.password, 'en-US')
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')
    expect(await navGroups(page)).toEqual(expect.arrayContaining(['Beheer', 'Inhoud']))
    expect(await navGroups(page)).not.toContain('Klachten')
    expect((await page.locator('#nav-users').textContent())?.trim()).toBe('Gebruikers')
    expect((await page.locator('#nav-global-settings').textContent())?.trim()).toBe('Instellingen')
    expect((await page.locator('#nav-outbox').textContent())?.trim()).toBe('Uitgaande e-mail')
    expect(await page.locator('a.nav__log-out').getAttribute('aria-label')).toBe('Uitloggen')
    await openNav(page)
    await screenshot(page, 'admin-roles-admin-dashboard')

    // Decision 15: the admin reads no case; someone who must also oversee cases holds the manager role as well.
    await page.goto(`${cmsUrl}/admin/collections/complaints`)
    await settle(page)
    expect(await page.locator('h1').textContent()).toBe('Niets gevonden')
    const text = await page.locator('body').innerText()
    for (const c of [ownCase, colleaguesCase, queued]) expect(text).not.toContain(c.reference)
    expect(await page.evaluate(async () => (await fetch('/api/complaints')).status)).toBe(403)

    await page.goto(`${cmsUrl}/admin/globals/settings`)
    await page.locator('#action-save').waitFor()
    await settle(page)
    expect(await page.locator('h1').textContent()).toBe('Instellingen')
    expect(await page.getByText('Aangewezen arbeidsdeskundige UWV', { exact: true }).count()).toBeGreaterThan(0)
    expect((await page.locator('#action-save').textContent())?.trim()).toBe('Bewaar')
    await screenshot(page, 'admin-roles-admin-settings')
  })
})
