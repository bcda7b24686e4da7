import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  apiGet,
  chooseOption,
  COMPLAINT_TEXT,
  createStaff,
  lastToast,
  loginToAdmin,
  openDocument,
  recordComplaint,
  save,
  screenshotAt,
  setUwvLabourExpert,
  settle,
  shownValue,
  type StaffMember,
  takeStep,
  type StoredComplaint,
  UWV_LABOUR_EXPERT,
} from '../helpers/admin'
import { launchChromium, newDutchContext, screenshot } from '../helpers/browser'

/**
 * Art. 4, 5, 8 in the admin: a handler logs in, takes a new complaint, acknowledges it,
 * and decides it. Every step of the handler goes through the admin's own screens; only the set-up
 * (staff, settings, the complaint recorded by a manager) and the final checks use the REST API.
 */
const cmsUrl = inject('cmsUrl')
const EARLY_NOTE = 'Gebeld met de klager; zij is bereikbaar na 14 uur.'
const FACTS = 'Drie gemiste afspraken in november; de coach belde niet af.'
const FACTS_AS_SEEN = 'De coach heeft twee afspraken verzet en één afspraak gemist.'
const POSITION =
  'De verzette afspraken zijn tijdig gemeld; één gemiste afspraak is geen tekortkoming in de begeleiding.'

let browser: Browser
let context: BrowserContext
let page: Page
let manager: StaffMember
let handler: StaffMember
let complaint: StoredComplaint

type Case = {
  status: string
  assignedHandler?: string | { id: string } | null
  decision?: { outcome?: string | null }
  acknowledgement?: { factsSummary?: string | null }
}
type Letter = { purpose: string; to: string[]; text: string }

const stored = () => apiGet<Case>(cmsUrl, manager.token, `complaints/${complaint.id}?depth=0`)
const editUrl = () => `${cmsUrl}/admin/collections/complaints/${complaint.id}`

beforeAll(async () => {
  await setUwvLabourExpert(cmsUrl)
  manager = await createStaff(cmsUrl, 'manager.behandeling@example.nl', 'Mirjam Manager', ['manager'])
  handler = await createStaff(cmsUrl, 'hanna.behandelaar@example.nl', 'Hanna Behandelaar', ['handler'])
  // A phone complaint, recorded by a manager and left in the queue of new complaints.
  complaint = await recordComplaint(cmsUrl, manager.token, 'Jan Jansen')
  browser = await launchChromium()
  context = await newDutchContext(browser, { viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

describe('Art. 4, 5, 8: a handler takes, acknowledges and decides a complaint in the admin', () => {
  it('logs in and finds the new complaint from the dashboard', async () => {
    await loginToAdmin(page, cmsUrl, handler.email, handler.password)
    const block = page.locator('section[aria-labelledby="case-dashboard-title"]')
    expect(await block.locator('h2').textContent()).toBe('Klachten')
    // The tile counts with the handler's own rights: the same number the API gives them.
    const queue = await apiGet<{ totalDocs: number }>(
      cmsUrl,
      handler.token,
      'complaints/count?where[status][in]=received,acknowledged&where[assignedHandler][exists]=false',
    )
    const tile = block.getByRole('link', { name: /Nieuwe klachten/ })
    expect(queue.totalDocs).toBeGreaterThanOrEqual(1)
    expect((await tile.locator('strong').textContent())?.trim()).toBe(String(queue.totalDocs))
    expect(
      (
        await block
          .getByRole('link', { name: /Mijn zaken/ })
          .locator('strong')
          .textContent()
      )?.trim(),
    ).toBe('0')
    await screenshot(page, 'admin-handler-dashboard')

    await tile.click()
    await page.waitForURL(/\/admin\/collections\/complaints\?/)
    await page.locator('table').waitFor()
    await settle(page)
    // The tile's list is the queue: only complaints without a handler.
    const behandelaar = await page.locator('table tbody tr td:nth-child(5)').allTextContents()
    expect(behandelaar).toHaveLength(Math.min(queue.totalDocs, 10))
    expect(new Set(behandelaar.map((cell) => cell.trim()))).toEqual(new Set(['Niet ingevuld']))
    await page.getByRole('link', { name: complaint.reference, exact: true }).click()
    await page.waitForURL(editUrl())
    await page.locator('#action-save').waitFor()
    await settle(page)
  })

  it('in the queue the handler sees only reference, date, categories and deadlines', async () => {
    expect(await page.locator('#field-reference').inputValue()).toBe(complaint.reference)
    expect(await shownValue(page, 'field-status')).toBe('Ontvangen')
    expect(await page.locator('#field-receivedAt').isVisible()).toBe(true)
    expect(await page.locator('#field-categories').textContent()).toContain('nalatigheid')
    expect(await page.locator('#field-deadlines__acknowledgeBy').isVisible()).toBe(true)
    // Nothing of the complainant or of the complaint itself until the handler takes the case,
    // not on screen and not in the page's data either.
    for (const hidden of [
      '#field-complainant__name',
      '#field-complaintText',
      '#field-channel',
      '#field-involved__description',
    ]) {
      expect(await page.locator(hidden).count(), hidden).toBe(0)
    }
    const html = await page.content()
    expect(html).not.toContain('Jan Jansen')
    expect(html).not.toContain(COMPLAINT_TEXT)
    await screenshotAt(page, 'admin-handler-queue-item', page.locator('#field-reference'))
  })

  it('takes the complaint: chooses themselves as "Behandelaar" and saves; a note typed before taking it is kept', async () => {
    await page.getByRole('button', { name: 'Ontvangstbevestiging', exact: true }).click()
    await page.locator('#field-acknowledgement__factsSummary').fill(EARLY_NOTE)
    await chooseOption(page, 'field-assignedHandler', handler.name)
    expect(await save(page)).toEqual({ status: 200, errors: [] })
    await expect.poll(() => lastToast(page)).toBe('Succesvol aangepast.')
    const saved = await stored()
    expect(saved.assignedHandler).toBe(handler.id)
    expect(saved.status).toBe('received')
    expect(saved.acknowledgement?.factsSummary).toBe(EARLY_NOTE)
  })

  it('once it is theirs (Art. 4: not involved), the handler sees the complainant and the complaint as formulated', async () => {
    await openDocument(page, editUrl())
    // The select shows its placeholder until the chosen user's name has loaded.
    await expect.poll(() => shownValue(page, 'field-assignedHandler'), { timeout: 30_000 }).toBe(handler.name)
    expect(await page.locator('#field-complainant__name').inputValue()).toBe('Jan Jansen')
    expect(await page.locator('#field-complaintText').inputValue()).toBe(COMPLAINT_TEXT)
    expect(await page.locator('#field-conduct__date').inputValue()).toBe('2026-11-02')
  })

  it('DOMAIN.md: "Beslist" straight from "Ontvangen" is not offered; the status is shown, not chosen', async () => {
    // The status select is read-only; "Volgende stap" offers only the steps the workflow table allows.
    await expect.poll(() => page.locator('#field-status .rs__control--is-disabled').count()).toBe(1)
    const steps = await page
      .locator('section.next-step .next-step__step')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-step')))
    expect(steps).toEqual(['acknowledged', 'not_admitted', 'resolved_informally', 'withdrawn'])
    await screenshotAt(page, 'admin-handler-next-step', page.locator('section.next-step'))
    expect((await stored()).status).toBe('received')
  })

  it('Art. 5: acknowledges with a short description of the facts; the status "Ontvangst bevestigd" is saved', async () => {
    await page.getByRole('button', { name: 'Ontvangstbevestiging', exact: true }).click()
    await page.locator('#field-acknowledgement__factsSummary').fill(FACTS)
    expect(await takeStep(page, 'Ontvangst bevestigen')).toEqual({ status: 200, errors: [] })
    await expect
      .poll(() => page.locator('section.next-step .next-step__status').textContent())
      .toBe('Ontvangst bevestigd')

    await openDocument(page, editUrl())
    expect(await shownValue(page, 'field-status')).toBe('Ontvangst bevestigd')
    expect(await page.locator('#field-acknowledgement__factsSummary').inputValue()).toBe(FACTS)
    expect((await stored()).status).toBe('acknowledged')
  })

  it('Art. 8: decides with the facts as seen, a reasoned position and "Ongegrond"; the status "Beslist" is saved', async () => {
    await page.getByRole('button', { name: 'Beslissing', exact: true }).click()
    await page.locator('#field-decision__factsAsSeen').fill(FACTS_AS_SEEN)
    await page.locator('#field-decision__reasonedPosition').fill(POSITION)
    await page.locator('#field-decision__outcome').getByText('Ongegrond', { exact: true }).click()
    expect(await takeStep(page, 'Beslissen')).toEqual({ status: 200, errors: [] })
    await expect
      .poll(() => page.locator('section.next-step .next-step__status').textContent(), { timeout: 15_000 })
      .toBe('Beslist')

    await openDocument(page, editUrl())
    expect(await shownValue(page, 'field-status')).toBe('Beslist')
    await page.getByRole('button', { name: 'Beslissing', exact: true }).click()
    expect(await page.locator('#field-decision__reasonedPosition').inputValue()).toBe(POSITION)
    expect(await page.locator('#field-decision\\.outcome-not_upheld').isChecked()).toBe(true)
    await screenshotAt(page, 'admin-handler-decision', page.getByRole('button', { name: 'Beslissing', exact: true }))
  })

  it('the case is decided, and the outbox holds its acknowledgement and its decision letter', async () => {
    const saved = await stored()
    expect(saved.status).toBe('decided')
    expect(saved.decision?.outcome).toBe('not_upheld')

    const { docs } = await apiGet<{ docs: Letter[] }>(
      cmsUrl,
      manager.token,
      `outbox?where[complaint][equals]=${complaint.id}&depth=0&limit=50`,
    )
    const letter = (purpose: string) => docs.find((doc) => doc.purpose === purpose)
    expect(docs.map((doc) => doc.purpose)).toEqual(
      expect.arrayContaining(['uwv_notification', 'acknowledgement', 'decision']),
    )
    // Art. 5: the acknowledgement names the handler, the conduct date and the facts.
    const acknowledgement = letter('acknowledgement')
    expect(acknowledgement?.to).toEqual(['klager@example.nl'])
    expect(acknowledgement?.text).toContain(handler.name)
    expect(acknowledgement?.text).toContain('2 november 2026')
    expect(acknowledgement?.text).toContain(FACTS)
    // Art. 8.2: the four parts, and the referral to the UWV labour expert.
    const decision = letter('decision')
    expect(decision?.to).toEqual(['klager@example.nl'])
    expect(decision?.text).toContain(COMPLAINT_TEXT)
    expect(decision?.text).toContain(FACTS_AS_SEEN)
    expect(decision?.text).toContain(POSITION)
    expect(decision?.text).toContain('ongegrond')
    expect(decision?.text).toContain(UWV_LABOUR_EXPERT.name)
  })

  it('the dashboard tile "Mijn zaken" lists exactly the handler’s own open cases', async () => {
    const mine = await recordComplaint(cmsUrl, manager.token, 'Karin Klager', { assignedHandler: handler.id })
    await page.goto(`${cmsUrl}/admin`)
    const tile = page.getByRole('link', { name: /Mijn zaken/ })
    expect((await tile.locator('strong').textContent())?.trim()).toBe('1')
    await tile.click()
    await page.waitForURL(/\/admin\/collections\/complaints\?/)
    await page.locator('table').waitFor()
    // Not the decided case, nor the queue: only the open case assigned to this handler.
    expect(await page.locator('table tbody tr td:nth-child(2)').allTextContents()).toEqual([mine.reference])
  })
})

describe('the handler’s admin around the case', () => {
  it('the nav shows Working Progression’s mark whole, and the browser tab its own icon, not Payload’s', async () => {
    await page.goto(`${cmsUrl}/admin`)
    await page.locator('.step-nav__home .wp-brand--icon svg').waitFor()
    // Payload's home link is a small square that hides what sticks out: the mark fits it, both letters.
    const fit = () =>
      page.locator('.step-nav__home').evaluate((home) => {
        const svg = home.querySelector('svg')
        const box = home.getBoundingClientRect()
        const mark = svg?.getBoundingClientRect()
        const clipped = [...home.querySelectorAll('*:not(.wp-brand__sr)')].some(
          (el) => el.scrollWidth > el.clientWidth + 1,
        )
        return { width: Math.round(mark?.width ?? 0), inside: Boolean(mark && mark.right <= box.right + 0.5), clipped }
      })
    // Measured once the nav has its layout (right after the page loads the mark may have no size yet).
    await expect.poll(fit).toEqual({ width: 24, inside: true, clipped: false })
    await screenshotAt(page, 'admin-handler-nav-mark', page.locator('.app-header'))
    const icons = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')))
    expect(icons).toEqual(['/favicon.svg'])
    const icon = await page.request.get(`${cmsUrl}/favicon.svg`)
    expect(icon.status()).toBe(200)
    expect(icon.headers()['content-type']).toContain('image/svg+xml')
    expect(await icon.text()).toContain('>WP</text>')
  })

  it('Art. 3, Decision 8: the new-complaint form has no "Klacht samen opschrijven"; an existing case has it', async () => {
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/create`)
    await page.locator('#field-complainant__name').waitFor()
    expect(await page.locator('#field-writtenVersion__draft').count()).toBe(0)
    expect(await page.getByText('Klacht samen opschrijven').count()).toBe(0)
    await screenshot(page, 'admin-handler-new-complaint')
    await openDocument(page, editUrl())
    await page.locator('#field-writtenVersion__draft').waitFor()
    expect(await page.getByText('Klacht samen opschrijven', { exact: false }).count()).toBeGreaterThan(0)
  })

  it('in the sidebar "Volgende stap" stands first, the call-back request (Art. 3) below it', async () => {
    const callBack = await recordComplaint(cmsUrl, manager.token, 'Bart Bellen', {
      assignedHandler: handler.id,
      wantsHelpWriting: true,
      complainant: { role: 'client', name: 'Bart Bellen', phone: '06 12345678' },
    })
    await openDocument(page, `${cmsUrl}/admin/collections/complaints/${callBack.id}`)
    const done = page.locator('#field-callback__done')
    await done.waitFor()
    await page.locator('section.next-step .next-step__step').first().waitFor()
    const panelFirst = await page.locator('section.next-step').evaluate((panel) => {
      const callback = document.querySelector('#field-callback__done')
      return Boolean(callback && panel.compareDocumentPosition(callback) & Node.DOCUMENT_POSITION_FOLLOWING)
    })
    expect(panelFirst).toBe(true)
    const [panelTop, callbackTop] = [
      (await page.locator('section.next-step').boundingBox())?.y ?? 0,
      (await done.boundingBox())?.y ?? 0,
    ]
    expect(panelTop).toBeLessThan(callbackTop)
    await screenshot(page, 'admin-handler-sidebar-order')
  })

  it('a colleague editing the case is named in the lock notice by name, not by e-mail address', async () => {
    const locked = await recordComplaint(cmsUrl, manager.token, 'Lotte Lock', { assignedHandler: handler.id })
    const url = `${cmsUrl}/admin/collections/complaints/${locked.id}`
    const other = await newDutchContext(browser, { viewport: { width: 1280, height: 900 } })
    try {
      const colleague = await other.newPage()
      await loginToAdmin(colleague, cmsUrl, manager.email, manager.password)
      await openDocument(colleague, url)
      // The manager is editing: a change starts the lock.
      await colleague.getByRole('button', { name: /^Stukken en horen/ }).click()
      await colleague.locator('#field-hearing__place').fill('Kantoor Utrecht')
      await settle(colleague)
      await page.goto(url)
      const notice = page.locator('.document-locked__content')
      await notice.waitFor()
      await expect.poll(() => notice.locator('p strong').first().textContent(), { timeout: 15_000 }).toBe(manager.name)
      expect(await notice.innerText()).not.toContain(manager.email)
      await screenshot(page, 'admin-handler-locked-by-name')
    } finally {
      await other.close()
    }
  })
})
