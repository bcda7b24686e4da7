import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  apiGet,
  createStaff,
  loginToAdmin,
  openDocument,
  recordComplaint,
  screenshotAt,
  setUwvLabourExpert,
  settle,
  type StaffMember,
} from '../helpers/admin'
import { launchChromium } from '../helpers/browser'
import { countingActions } from '../helpers/interactions'

/**
 * "Volgende stap" (DOMAIN.md, Case workflow): the case form offers only the steps the workflow allows
 * from here, each with what the regulation still needs, and performs a step in one save. A complete
 * upheld case — take (Art. 4), acknowledge (Art. 5), invite to a hearing and send its report (Art. 6),
 * decide upheld with the remedy (Art. 8, Decision 6), record the follow-up and close (Art. 8.4) —
 * takes at most 30 interactions and 6 saves, every click and fill counted by one helper.
 */
const cmsUrl = inject('cmsUrl')
const FACTS = 'Drie gemiste afspraken in november; de coach belde niet af.'
const FACTS_AS_SEEN = 'De coach heeft drie afspraken gemist zonder af te bellen.'
const POSITION = 'Afspraken nakomen of tijdig afzeggen hoort bij behoorlijke begeleiding; dat is niet gebeurd.'
const REMEDY = 'Een nieuwe coach en een extra gesprek maken de gemiste begeleiding deels goed.'
const FOLLOW_UP = 'Nieuwe coach toegewezen; extra gesprek ingepland.'
const REPORT = 'Klager en coach zijn gehoord. De coach erkent de gemiste afspraken.'

let browser: Browser
let context: BrowserContext
let page: Page
let manager: StaffMember
let handler: StaffMember

type Case = { status: string; assignedHandler?: string | null; decision?: { outcome?: string | null } }
const stored = (id: string) => apiGet<Case>(cmsUrl, manager.token, `complaints/${id}?depth=0`)
const editUrl = (id: string) => `${cmsUrl}/admin/collections/complaints/${id}`
const panel = () => page.locator('section.next-step')
const stepButton = (label: string) => panel().getByRole('button', { name: label, exact: true })
const needLink = (text: string) => panel().locator('.next-step__need', { hasText: text })
const errorAt = (inputId: string): Locator =>
  page
    .locator('.field-type', { has: page.locator(`#${inputId}`) })
    .locator('.field-error')
    .first()

/** Waits for the save that `action` starts and for the admin to settle after it. */
async function saving(action: () => Promise<void>): Promise<Response> {
  const response = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/complaints/'),
  )
  await action()
  const answer = await response
  await settle(page)
  return answer
}

/** A moment three hours ago on a quarter hour, as the hearing's date field shows it ("1 december 2026, 18:15"). */
function hearingThreeHoursAgo(): string {
  const quarter = 15 * 60_000
  const at = new Date(Math.floor((Date.now() - 3 * 3_600_000) / quarter) * quarter)
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', ...options }).format(at)
  return `${part({ day: 'numeric', month: 'long', year: 'numeric' })}, ${part({ hour: '2-digit', minute: '2-digit', hour12: false })}`
}

beforeAll(async () => {
  await setUwvLabourExpert(cmsUrl)
  manager = await createStaff(cmsUrl, 'manager.stappen@example.nl', 'Mees Manager', ['manager'])
  handler = await createStaff(cmsUrl, 'stijn.behandelaar@example.nl', 'Stijn Behandelaar', ['handler'])
  browser = await launchChromium()
  context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
  })
  page = await context.newPage()
  await loginToAdmin(page, cmsUrl, handler.email, handler.password)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

describe('Volgende stap: a complete upheld case in few interactions and saves', () => {
  it('take, acknowledge, invite, report, decide upheld, follow up and close: ≤ 30 interactions, ≤ 6 saves', async () => {
    // A phone complaint received yesterday, recorded by a manager, in the queue (no handler).
    const complaint = await recordComplaint(cmsUrl, manager.token, 'Petra Peters')
    await openDocument(page, editUrl(complaint.id))
    const act = countingActions(page)

    // The queue: the status is shown, not chosen; the one step is to take the case (Art. 4).
    // (The read-only status select is checked in admin-handler.e2e.spec.ts.)
    expect(await panel().locator('.next-step__status').textContent()).toBe('Ontvangen')
    expect(
      await panel()
        .locator('.next-step__step')
        .evaluateAll((s) => s.map((e) => e.getAttribute('data-step'))),
    ).toEqual(['take'])
    await screenshotAt(page, 'panel-queue', panel())
    const take = await saving(() => act.click(stepButton('Klacht overnemen')))
    expect(take.status()).toBe(200)
    // Taking opens the case file: the form loads again with what the handler may now read.
    await page.locator('#field-complainant__name').waitFor()
    await settle(page)
    expect((await stored(complaint.id)).assignedHandler).toBe(handler.id)

    console.log('Volgende stap: taken after', act.interactions, 'interactions,', act.saves, 'saves')
    // Art. 5: only the steps the table allows from "Ontvangen"; the first names what it still needs.
    expect(
      await panel()
        .locator('.next-step__step')
        .evaluateAll((s) => s.map((e) => e.getAttribute('data-step'))),
    ).toEqual(['acknowledged', 'not_admitted', 'resolved_informally', 'withdrawn'])
    const factsNeed = needLink('Art. 5: Korte omschrijving van de feiten')
    expect(await factsNeed.count()).toBe(1)
    await screenshotAt(page, 'panel-received', panel())
    await act.click(factsNeed)
    // The link opened the tab and put the cursor in the field.
    const facts = page.locator('#field-acknowledgement__factsSummary')
    await page.waitForFunction(() => document.activeElement?.id === 'field-acknowledgement__factsSummary', undefined, {
      timeout: 60_000,
    })
    await act.fill(facts, FACTS)
    // Filled, not yet saved: the requirement is gone from the panel.
    await expect.poll(() => factsNeed.count()).toBe(0)
    expect((await saving(() => act.click(stepButton('Ontvangst bevestigen')))).status()).toBe(200)
    await expect.poll(async () => (await stored(complaint.id)).status).toBe('acknowledged')
    expect(await panel().locator('.next-step__status').textContent()).toBe('Ontvangst bevestigd')

    console.log('Volgende stap: acknowledged after', act.interactions, 'interactions,', act.saves, 'saves')
    // Art. 6: the hearing (three hours ago, by the test's own clock) and its invitation.
    await act.click(page.getByRole('button', { name: /^Stukken en horen/ }))
    await act.fill(page.locator('#field-hearing__at input'), hearingThreeHoursAgo())
    await act.fill(page.locator('#field-hearing__place'), 'Kantoor Utrecht, Voorbeeldlaan 1')
    await act.check(page.locator('#field-hearing__sendInvitation'))
    expect((await saving(() => act.click(page.locator('#action-save')))).status()).toBe(200)

    console.log('Volgende stap: invited after', act.interactions, 'interactions,', act.saves, 'saves')
    // Art. 6.3: who was there, and the report for signature.
    await act.click(page.locator('#field-hearing__attendees .array-field__add-row'))
    await act.fill(page.locator('#field-hearing__attendees__0__name'), 'Petra Peters')
    await act.click(page.locator('#field-hearing__attendees__0__role .rs__control'))
    await act.click(page.locator('.rs__menu .rs__option', { hasText: /^Klager$/ }))
    await act.fill(page.locator('#field-hearing__report'), REPORT)
    await act.check(page.locator('#field-hearing__sendReport'))
    expect((await saving(() => act.click(page.locator('#action-save')))).status()).toBe(200)

    console.log('Volgende stap: reported after', act.interactions, 'interactions,', act.saves, 'saves')
    // Art. 8.2–8.4, Decision 6: the decision's parts, each reached from the panel.
    await act.click(needLink('Art. 8.2: De feiten zoals Working Progression die ziet'))
    await act.fill(page.locator('#field-decision__factsAsSeen'), FACTS_AS_SEEN)
    await act.fill(page.locator('#field-decision__reasonedPosition'), POSITION)
    await act.click(page.locator('#field-decision__outcome').getByText('Gegrond', { exact: true }))
    // The remedy appears once the form has heard back about the outcome (a condition of the field).
    await settle(page)
    await act.click(page.locator('#field-decision__remedy').getByText('Gedeeltelijk te herstellen', { exact: true }))
    await act.fill(page.locator('#field-decision__remedyExplanation'), REMEDY)
    await expect.poll(() => panel().locator('[data-step="decided"] .next-step__need').count()).toBe(0)
    await screenshotAt(page, 'panel-ready-to-decide', panel())
    expect((await saving(() => act.click(stepButton('Beslissen')))).status()).toBe(200)
    await expect.poll(async () => (await stored(complaint.id)).status).toBe('decided')

    console.log('Volgende stap: decided after', act.interactions, 'interactions,', act.saves, 'saves')
    // Art. 8.4: closing needs the follow-up and the date of contact; then one step closes the dossier.
    expect(await panel().locator('[data-step="closed"] .next-step__need').count()).toBe(2)
    await act.fill(page.locator('#field-decision__followUpAction'), FOLLOW_UP)
    await act.click(page.locator('#field-decision__complainantContactedAt input'))
    await act.click(page.locator('.react-datepicker__day--today').first())
    await expect.poll(() => panel().locator('[data-step="closed"] .next-step__need').count()).toBe(0)
    expect((await saving(() => act.click(stepButton('Dossier afsluiten')))).status()).toBe(200)

    const saved = await stored(complaint.id)
    expect(saved.status).toBe('closed')
    expect(saved.decision?.outcome).toBe('upheld')
    expect(await panel().textContent()).toContain('Deze klacht is afgesloten')
    await screenshotAt(page, 'panel-closed', panel())
    const letters = await apiGet<{ docs: { purpose: string }[] }>(
      cmsUrl,
      manager.token,
      `letters?where[complaint][equals]=${complaint.id}&depth=0&limit=50`,
    )
    expect(letters.docs.map((l) => l.purpose)).toEqual(
      expect.arrayContaining(['acknowledgement', 'hearing_invitation', 'hearing_report', 'decision']),
    )

    console.log(`Volgende stap, complete upheld case: ${act.interactions} interactions, ${act.saves} saves`)
    console.log(act.log.map((line, i) => `  ${i + 1}. ${line}`).join('\n'))
    expect(act.interactions).toBeLessThanOrEqual(30)
    expect(act.saves).toBeLessThanOrEqual(6)
    // Six saves and their letters on a machine shared with other work: a generous limit, not a measure.
  }, 480_000)

  it('Art. 5: a step taken while a part is missing is refused at that field, what was typed stays; filled in, the same step goes', async () => {
    const complaint = await recordComplaint(cmsUrl, manager.token, 'Rik Ruis', { assignedHandler: handler.id })
    await openDocument(page, editUrl(complaint.id))
    await page.getByRole('button', { name: 'Ontvangstbevestiging', exact: true }).click()
    await page.locator('#field-acknowledgement__statedTermWeeks').fill('5')
    // A form-state answer still on its way would replace the refusal's field errors (see `settle`).
    await settle(page)
    const refused = await saving(() => stepButton('Ontvangst bevestigen').click())
    expect(refused.status()).toBe(400)
    await errorAt('field-acknowledgement__factsSummary').waitFor()
    expect(await errorAt('field-acknowledgement__factsSummary').textContent()).toContain(
      'Geef een korte omschrijving van de feiten waarop de klacht betrekking heeft (art. 5).',
    )
    expect(await panel().locator('.next-step__refusal').textContent()).toContain('Nog niet naar "Ontvangst bevestigd"')
    expect(await page.locator('#field-acknowledgement__statedTermWeeks').inputValue()).toBe('5')
    await screenshotAt(page, 'panel-refused', page.locator('#field-acknowledgement__factsSummary'))
    expect((await stored(complaint.id)).status).toBe('received')

    await page.locator('#field-acknowledgement__factsSummary').fill(FACTS)
    expect((await saving(() => stepButton('Ontvangst bevestigen').click())).status()).toBe(200)
    await expect.poll(async () => (await stored(complaint.id)).status).toBe('acknowledged')
  }, 240_000)
})
