import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  apiGet,
  createStaff,
  loginToAdmin,
  openDocument,
  recordComplaint,
  setUwvLabourExpert,
  settle,
  type StaffMember,
  type StoredComplaint,
} from '../helpers/admin'
import { launchChromium, newDutchContext, screenshot } from '../helpers/browser'

/**
 * Early erasure on request (AVG art. 17, Decision 19) in the admin: a manager on an ended case
 * writes the reason, confirms in a second step, and the case is closed and anonymised. Without a
 * reason nothing happens and the message stands at the field; a handler sees no such button.
 */
const cmsUrl = inject('cmsUrl')

let browser: Browser
let context: BrowserContext
let page: Page
let manager: StaffMember
let handler: StaffMember
let complaint: StoredComplaint

type Case = {
  status: string
  complainant?: { name?: string }
  privacy?: { anonymisedAt?: string | null; erasureReason?: string | null }
}

async function patch(token: string, id: string, data: Record<string, unknown>) {
  const response = await fetch(`${cmsUrl}/api/complaints/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify(data),
  })
  expect(response.status, await response.clone().text()).toBe(200)
}

beforeAll(async () => {
  await setUwvLabourExpert(cmsUrl)
  manager = await createStaff(cmsUrl, 'manager.wissen@example.nl', 'Mila Manager', ['manager'])
  handler = await createStaff(cmsUrl, 'hugo.wissen@example.nl', 'Hugo Behandelaar', ['handler'])
  complaint = await recordComplaint(cmsUrl, manager.token, 'Łukasz Wiśniewski', { assignedHandler: handler.id })
  await patch(handler.token, complaint.id, {
    status: 'acknowledged',
    acknowledgement: { factsSummary: 'Drie afspraken gemist.', statedTermWeeks: 4 },
  })
  await patch(handler.token, complaint.id, {
    status: 'withdrawn',
    withdrawal: { withdrawnAt: new Date().toISOString() },
  })
  browser = await launchChromium()
  context = await newDutchContext(browser, { viewport: { width: 1280, height: 1000 } })
  page = await context.newPage()
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

const stored = () => apiGet<Case>(cmsUrl, manager.token, `complaints/${complaint.id}?depth=0`)

describe('Decision 19, AVG art. 17: a manager erases an ended case early, after a confirmation', () => {
  it('a handler, even the assigned one, sees no erasure on the ended case', async () => {
    await loginToAdmin(page, cmsUrl, handler.email, handler.password)
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/${complaint.id}`)
    // The control: the handler's page shows the case's sidebar (the dossier link is theirs too).
    await page.getByText('Inzagedossier downloaden (ZIP)').waitFor()
    expect(await page.getByRole('button', { name: 'Gegevens wissen…' }).count()).toBe(0)
    await context.clearCookies()
  })

  it('without a reason nothing is erased; with one and the confirmation the case is closed and anonymised', async () => {
    await loginToAdmin(page, cmsUrl, manager.email, manager.password)
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/${complaint.id}`)
    const start = page.getByRole('button', { name: 'Gegevens wissen…' })
    await start.scrollIntoViewIfNeeded()
    await start.click()
    await expect
      .poll(() => page.locator('#erase-reason-error').textContent())
      .toBe('Vul de reden in van het verzoek om wissen.')
    expect(await page.getByRole('button', { name: 'Ja, definitief wissen' }).count()).toBe(0)
    expect((await stored()).privacy?.anonymisedAt ?? null).toBeNull()

    await page.locator('#erase-reason').fill('Verzoek van de klager per brief van 1 december')
    await start.click()
    await page.getByText('Weet u het zeker?').waitFor()
    await screenshot(page, 'admin-erasure-confirm')
    // Still nothing erased before the confirmation.
    expect((await stored()).privacy?.anonymisedAt ?? null).toBeNull()
    await page.getByRole('button', { name: 'Ja, definitief wissen' }).click()
    await expect.poll(async () => (await stored()).privacy?.anonymisedAt ?? null, { timeout: 60_000 }).not.toBeNull()
    const after = await stored()
    expect(after.status).toBe('closed')
    expect(after.complainant?.name).not.toContain('Łukasz')
    expect(after.privacy?.erasureReason).toBe('Verzoek van de klager per brief van 1 december')
    // Reloaded: the case is anonymised and offers no second erasure.
    await page.waitForLoadState('load')
    await settle(page)
    expect(await page.getByRole('button', { name: 'Gegevens wissen…' }).count()).toBe(0)
  })
})
