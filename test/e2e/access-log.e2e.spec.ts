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
import { launchChromium, newDutchContext } from '../helpers/browser'

/**
 * The access log in the admin (DOMAIN.md Contracts added; Decision 15): a handler who opens a case
 * in a real browser leaves exactly one entry, however many requests the edit view makes; the list
 * of cases, which shows no personal data, leaves none. The log is read back by a manager through
 * the REST API (managers read it).
 */
const cmsUrl = inject('cmsUrl')

let browser: Browser
let context: BrowserContext
let page: Page
let manager: StaffMember
let handler: StaffMember
let complaint: StoredComplaint

type Entry = { actor: string | null; actorKind: string; complaint: string; kind: string }
const entriesBy = async (user: StaffMember) =>
  (
    await apiGet<{ docs: Entry[] }>(
      cmsUrl,
      manager.token,
      `access-log?where[actor][equals]=${user.id}&depth=0&limit=100&sort=at`,
    )
  ).docs

beforeAll(async () => {
  await setUwvLabourExpert(cmsUrl)
  manager = await createStaff(cmsUrl, 'manager.raadpleeglog@example.nl', 'Marco Manager', ['manager'])
  handler = await createStaff(cmsUrl, 'harm.raadpleeglog@example.nl', 'Harm Behandelaar', ['handler'])
  // Recorded by a manager and assigned to the handler: writing a case is no read.
  complaint = await recordComplaint(cmsUrl, manager.token, 'Lotte Logboek', { assignedHandler: handler.id })
  browser = await launchChromium()
  context = await newDutchContext(browser, { viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

describe('Contracts added, access log: reads in the admin', () => {
  it('the list of cases shows no personal data and leaves no entry', async () => {
    await loginToAdmin(page, cmsUrl, handler.email, handler.password)
    await page.goto(`${cmsUrl}/admin/collections/complaints`)
    await page.locator('table').waitFor()
    await settle(page)
    expect(await page.getByRole('link', { name: complaint.reference, exact: true }).count()).toBe(1)
    expect(await page.locator('table').textContent()).not.toContain('Lotte Logboek')
    expect(await entriesBy(handler)).toEqual([])
  })

  it('opening the case leaves exactly one entry: the handler, the case, "opened in the admin"', async () => {
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/${complaint.id}`)
    expect(await page.locator('#field-complainant__name').inputValue()).toBe('Lotte Logboek')
    expect(await entriesBy(handler)).toEqual([
      expect.objectContaining({ actor: handler.id, actorKind: 'staff', complaint: complaint.id, kind: 'case_opened' }),
    ])
    // Opened again within 10 minutes: still one.
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/${complaint.id}`)
    expect(await entriesBy(handler)).toHaveLength(1)
  })
})
