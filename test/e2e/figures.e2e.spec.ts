import { randomUUID } from 'node:crypto'
import path from 'node:path'

import { createClient } from '@libsql/client'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { computeReport } from '../../hooks/reports/computeReport'
import { createStaff, loginToAdmin, scrollToField } from '../helpers/admin'
import { axeViolations, launchChromium, newDutchContext, screenshot } from '../helpers/browser'
import { staffToken } from '../helpers/staff'

/**
 * "Klachten in cijfers" (Art. 9, Decision 18) in Chromium: a manager publishes a year through the
 * endpoint; the public page shows the counts with "minder dan 5" where due, without JavaScript,
 * and the regulation links to it at Art. 9.
 */
const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const portalLog = inject('portalLog')

const YEAR = 2026
const TEXT = 'Wij bellen een klager nu binnen twee dagen terug.\n\nOnze brieven zijn korter en duidelijker.'

let browser: Browser
let reportId = ''

/**
 * A frozen yearly report, written straight into the portal's database: snapshots are made by the
 * quarterly job or a manager's freeze (another part of the portal), and no API writes one. The
 * portal's SQLite file lies beside its log (test/e2e/globalSetup.ts).
 */
async function freezeYearReport(): Promise<string> {
  const numbers = {
    ...computeReport([], { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }, `${YEAR + 1}-01-10T09:00:00.000Z`),
    total: 20,
    notAdmitted: 3,
    notAdmittedOnTime: 3,
    admitted: 17,
    admittedOnTimeStated: 10,
    admittedOnTimeLimit: 12,
    byOutcome: { upheld: 7, not_upheld: 6, not_admitted: 3, open: 4 },
    byCategory: { negligence: 12, inadequate_action: 8 },
  }
  const db = createClient({ url: `file:${path.join(path.dirname(portalLog), 'portal.db')}` })
  const id = randomUUID()
  try {
    await db.execute('PRAGMA busy_timeout = 5000')
    await db.execute({
      sql: `INSERT INTO reports (id, key, title, kind, period_from, period_to, as_of, numbers, made_by_kind, filename, mime_type, filesize)
            VALUES (?, ?, ?, 'manual', ?, ?, ?, ?, 'staff', ?, 'application/pdf', 100)`,
      args: [
        id,
        `e2e-${YEAR}-${id.slice(0, 8)}`,
        `Verantwoording ${YEAR}`,
        `${YEAR}-01-01`,
        `${YEAR}-12-31`,
        `${YEAR + 1}-01-10T09:00:00.000Z`,
        JSON.stringify(numbers),
        `e2e-${id}.pdf`,
      ],
    })
  } finally {
    db.close()
  }
  return id
}

async function publish(token: string, body: unknown) {
  return fetch(`${cmsUrl}/api/published-figures/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  })
}

beforeAll(async () => {
  browser = await launchChromium()
  reportId = await freezeYearReport()
})

afterAll(async () => {
  await browser?.close()
})

async function openWithoutJs(url: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const response = await page.goto(url)
  return { context, page, status: response?.status() }
}

/** Every table of the page: caption → row label → the printed count. */
function tablesOf(page: import('playwright-core').Page): Promise<Record<string, Record<string, string>>> {
  return page.$$eval('table', (tables) =>
    Object.fromEntries(
      tables.map((table) => [
        table.querySelector('caption')?.textContent?.trim() ?? '',
        Object.fromEntries(
          [...table.querySelectorAll('tbody tr')].map((row) => [
            row.querySelector('th')?.textContent?.trim() ?? '',
            row.querySelector('td')?.textContent?.trim() ?? '',
          ]),
        ),
      ]),
    ),
  )
}

describe('Klachten in cijfers in Chromium (Decision 18)', () => {
  it('before anything is published: no link at Art. 9, and the year answers 404', async () => {
    const { context, page } = await openWithoutJs(`${siteUrl}/klachtenreglement`)
    expect(await page.locator('#artikel-9 a[href^="/klachten-in-cijfers"]').count()).toBe(0)
    const year = await context.newPage()
    expect((await year.goto(`${siteUrl}/klachten-in-cijfers/${YEAR}`))?.status()).toBe(404)
    await context.close()
  })

  it('a handler may not publish (the control below is a manager)', async () => {
    const handler = await staffToken(cmsUrl, 'cijfers.behandelaar@example.nl', ['handler'])
    expect((await publish(handler, { report: reportId, text: TEXT })).status).toBe(403)
  })

  it('a manager publishes; the page shows the numbers, "minder dan 5" where due, the text and the date', async () => {
    const manager = await staffToken(cmsUrl, 'cijfers.manager@example.nl', ['manager'])
    const response = await publish(manager, { report: reportId, text: TEXT })
    expect(response.status).toBe(201)

    const { context, page, status } = await openWithoutJs(`${siteUrl}/klachten-in-cijfers/${YEAR}`)
    expect(status).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(`Klachten in cijfers ${YEAR}`)
    const tables = await tablesOf(page)
    const art9 = tables[`Klachten in ${YEAR}`] ?? {}
    const outcomes = tables[`Uitkomst van de klachten in ${YEAR}`] ?? {}
    expect(art9['Ontvangen klachten']).toBe('20')
    // 3 is under 5; 17 would give the 3 away (20 − 17), so it is hidden too.
    expect(art9['Niet in behandeling genomen']).toBe('minder dan 5')
    expect(art9['In behandeling genomen']).toBe('minder dan 5')
    expect(art9['In behandeling, afgehandeld binnen 6 weken']).toBe('12')
    expect(outcomes['Gegrond']).toBe('7')
    expect(outcomes['Ingetrokken']).toBe('minder dan 5')
    // No count under 5 anywhere on the page.
    const cells = await page.locator('td.figures-count').allTextContents()
    for (const cell of cells.map((c) => c.trim())) expect(cell === 'minder dan 5' || Number(cell) >= 5, cell).toBe(true)
    // The manager's text, as written; the date published.
    expect(await page.locator('.figures-changes').innerText()).toContain('Onze brieven zijn korter en duidelijker.')
    expect((await page.locator('.figures-meta').textContent())?.replace(/\s+/g, ' ').trim()).toMatch(
      /^Gepubliceerd op \d{1,2} [a-z]+ \d{4}$/,
    )
    // No JavaScript: nothing to run, and the page works without it (this context has it off).
    expect(await page.locator('script').count()).toBe(0)
    await context.close()
  })

  it('meets WCAG 2.1 AA as axe-core checks it (axe itself needs JavaScript), index included', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    expect((await page.goto(`${siteUrl}/klachten-in-cijfers/${YEAR}`))?.status()).toBe(200)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'klachten-in-cijfers')
    expect((await page.goto(`${siteUrl}/klachten-in-cijfers`))?.status()).toBe(200)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('the regulation links to the figures at Art. 9, and the index lists the year', async () => {
    const { context, page } = await openWithoutJs(`${siteUrl}/klachtenreglement`)
    const link = page.locator('#artikel-9 a[href^="/klachten-in-cijfers"]')
    expect(await link.count()).toBe(1)
    expect(await link.textContent()).toBe(`Klachten in cijfers ${YEAR}`)
    await link.click()
    expect(page.url()).toBe(`${siteUrl}/klachten-in-cijfers/${YEAR}`)
    const index = await context.newPage()
    expect((await index.goto(`${siteUrl}/klachten-in-cijfers`))?.status()).toBe(200)
    expect(await index.locator('main a', { hasText: `Klachten in cijfers ${YEAR}` }).count()).toBe(1)
    await context.close()
  })

  it('a manager publishes a frozen year from its page in the admin, after a confirmation', async () => {
    const manager = await createStaff(cmsUrl, 'cijfers.knop@example.nl', 'Şükrü Manager', ['manager'])
    // A real snapshot this time, frozen as a manager does it (POST /api/reports/freeze).
    const frozen = await fetch(`${cmsUrl}/api/reports/freeze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${manager.token}` },
      body: JSON.stringify({ from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-12-31` }),
    })
    expect(frozen.status).toBe(201)
    const { id } = (await frozen.json()) as { id: string }

    const context = await newDutchContext(browser)
    const page = await context.newPage()
    await loginToAdmin(page, cmsUrl, manager.email, manager.password)
    await page.goto(`${cmsUrl}/admin/collections/reports/${id}`)
    await scrollToField(page, '#publish-text')
    await page.locator('#publish-text').fill('Klachten over afspraken bespreken we nu elke maand in het team.')
    await page.getByRole('button', { name: 'Publiceren op de website' }).click()
    // Nothing goes out before the confirmation.
    expect((await fetch(`${siteUrl}/klachten-in-cijfers/${YEAR - 1}`)).status).toBe(404)
    await page.getByRole('button', { name: 'Ja, publiceren' }).click()
    await page.getByText(`De cijfers van ${YEAR - 1} staan nu op de website.`).waitFor({ timeout: 20_000 })
    await screenshot(page, 'admin-publish-figures')
    await context.close()

    const site = await openWithoutJs(`${siteUrl}/klachten-in-cijfers/${YEAR - 1}`)
    expect(site.status).toBe(200)
    expect(await site.page.locator('.figures-changes').innerText()).toContain('elke maand in het team')
    await site.context.close()
  })
})
