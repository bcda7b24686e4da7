import { readFile } from 'node:fs/promises'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { previousQuarter } from '../../hooks/reports/periods'
import { apiGet, createStaff, loginToAdmin, openNav, settle, type StaffMember } from '../helpers/admin'
import { axeViolations, launchChromium, newDutchContext, screenshot } from '../helpers/browser'
import { pdfToText } from '../helpers/pdfText'

/**
 * Art. 9, Decision 18: a manager opens "Verantwoording (art. 9)" from the nav, picks a quarter,
 * reads the five numbers, each table as a chart with the table beside it, and downloads the same
 * numbers as CSV and PDF. A handler sees neither the link nor a number.
 */
const cmsUrl = inject('cmsUrl')
const quarter = previousQuarter(new Date())
const { from, to } = quarter.period
const PRESET = `${quarter.quarter}e kwartaal ${quarter.year}`

type Report = Record<string, unknown> & {
  asOf: string
  total: number
  notAdmitted: number
  notAdmittedOnTime: number
  admitted: number
  admittedOnTimeStated: number
  admittedOnTimeLimit: number
  byChannel: Record<string, number>
}
const FIVE = [
  'total',
  'notAdmitted',
  'notAdmittedOnTime',
  'admitted',
  'admittedOnTimeStated',
  'admittedOnTimeLimit',
] as const

let browser: Browser
let managerContext: BrowserContext
let page: Page
let manager: StaffMember
let handler: StaffMember

/** A complaint received on `day` of the quarter, recorded by the manager (Art. 3): its timeline starts there. */
async function received(day: string, channel: string) {
  const response = await fetch(`${cmsUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${manager.token}` },
    body: JSON.stringify({
      channel,
      receivedAt: `${day}T09:00:00.000Z`,
      complainant: { role: 'client', name: 'Rapport Klager', email: 'klager@example.nl' },
      conduct: { when: 'date', date: from },
      involved: { kind: 'employee', description: 'De jobcoach' },
      categories: ['negligence'],
      complaintText: 'Mijn coach kwam drie afspraken niet opdagen en belde niet af.',
      discussedBefore: 'no',
    }),
  })
  if (!response.ok) throw new Error(`record failed: ${response.status} ${await response.text()}`)
}

const figure = (key: string) => page.locator(`.report__number[data-key="${key}"] .report__figure`)

beforeAll(async () => {
  manager = await createStaff(cmsUrl, 'manager.rapport@example.nl', 'Roos Rapport', ['manager'])
  handler = await createStaff(cmsUrl, 'handler.rapport@example.nl', 'Hans Behandelaar', ['handler'])
  await received(from, 'phone')
  await received(`${from.slice(0, 8)}15`, 'letter')
  await received(to, 'email')
  browser = await launchChromium()
  managerContext = await newDutchContext(browser, { viewport: { width: 1440, height: 1000 }, acceptDownloads: true })
  page = await managerContext.newPage()
  await loginToAdmin(page, cmsUrl, manager.email, manager.password)
}, 180_000)

afterAll(async () => {
  await browser?.close()
})

describe('Art. 9: the report view for a manager', () => {
  let report: Report

  it('opens from the nav link, and a quarter preset shows the numbers of the report', async () => {
    await openNav(page)
    await page.getByRole('link', { name: 'Verantwoording (art. 9)' }).click()
    await page.waitForURL((url) => url.pathname === '/admin/verantwoording')
    await page.getByRole('button', { name: PRESET, exact: true }).click()
    await page.waitForURL((url) => url.searchParams.get('preset') === `${quarter.year}-Q${quarter.quarter}`)
    await settle(page)
    await expect
      .poll(() => page.getByRole('button', { name: PRESET, exact: true }).getAttribute('aria-pressed'))
      .toBe('true')

    // The view's moment, from its CSV link: the endpoint (loadReport) as of that moment.
    const csvHref = (await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? ''
    const asOf = new URL(csvHref, cmsUrl).searchParams.get('asOf') ?? ''
    expect(new URL(csvHref, cmsUrl).searchParams.get('from')).toBe(from)
    report = await apiGet<Report>(cmsUrl, manager.token, `complaints/report?from=${from}&to=${to}&asOf=${asOf}`)
    expect(report.total).toBeGreaterThanOrEqual(3)
    for (const key of FIVE) expect(await figure(key).textContent(), key).toBe(String(report[key]))

    // Each table as a chart (an image with its title) and as a table beside it, the same numbers.
    const charts = page.locator('svg.report-chart[role="img"]')
    const tables = page.locator('table.report__data')
    expect(await charts.count()).toBe(await tables.count())
    expect(await charts.count()).toBeGreaterThanOrEqual(8)
    const channels = page.locator('table[data-table="byChannel"]')
    for (const [channel, count] of [
      ['phone', report.byChannel.phone ?? 0],
      ['letter', report.byChannel.letter ?? 0],
    ] as const) {
      expect(await channels.locator(`tr[data-key="${channel}"] td`).textContent(), channel).toBe(String(count))
    }
    expect(await page.locator('#chart-byChannel-title').textContent()).toContain(`Brief ${report.byChannel.letter}`)
    expect(await page.locator('table[data-table="byMonth"] tbody tr').count()).toBe(3)
  })

  it('downloads the same numbers as CSV and as PDF', async () => {
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()])
      expect(file.suggestedFilename()).toBe(`verantwoording-${from}-${to}.${name.endsWith('CSV') ? 'csv' : 'pdf'}`)
      return readFile((await file.path()) ?? '')
    }
    const csv = (await download('Download CSV')).toString('utf8')
    expect(csv).toContain(`art9;total;Ontvangen klachten;${report.total}\r\n`)
    expect(csv).toContain(`art9;admitted;In behandeling genomen;${report.admitted}\r\n`)
    const pdf = await pdfToText(new Uint8Array(await download('Download PDF')))
    const labels: Record<(typeof FIVE)[number], string> = {
      total: 'Ontvangen klachten',
      notAdmitted: 'Niet in behandeling genomen',
      notAdmittedOnTime: 'Niet in behandeling genomen, bericht binnen 4 weken',
      admitted: 'In behandeling genomen',
      admittedOnTimeStated: 'In behandeling, afgehandeld binnen de genoemde termijn',
      admittedOnTimeLimit: 'In behandeling, afgehandeld binnen 6 weken',
    }
    for (const key of FIVE) {
      const escaped = labels[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      expect(pdf, key).toMatch(new RegExp(`^\\s*${escaped}:?\\s+${report[key]}\\s*$`, 'm'))
    }
  })

  it('has no accessibility violations (WCAG 2.1 AA), and prints charts and tables without the nav', async () => {
    await screenshot(page, 'admin-report')
    expect(await axeViolations(page)).toEqual([])
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('aside.nav').isVisible()).toBe(false)
    expect(await page.locator('form.report-form').isVisible()).toBe(false)
    expect(await page.locator('svg.report-chart').first().isVisible()).toBe(true)
    expect(await page.locator('table.report__data').first().isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })
  })
})

describe('Art. 9: the report view for a handler', () => {
  it('shows no nav link, and the address shows "Alleen voor managers" without a number', async () => {
    const context = await newDutchContext(browser, { viewport: { width: 1440, height: 1000 } })
    const other = await context.newPage()
    await loginToAdmin(other, cmsUrl, handler.email, handler.password)
    await openNav(other)
    // The control: the manager's nav has the link (the first test clicked it).
    expect(await other.locator('aside.nav a', { hasText: 'Verantwoording' }).count()).toBe(0)
    await other.goto(`${cmsUrl}/admin/verantwoording?from=${from}&to=${to}`)
    await other.getByRole('heading', { name: 'Alleen voor managers' }).waitFor()
    expect(await other.locator('.report__figure, svg.report-chart, table.report__data').count()).toBe(0)
    expect(await other.locator('body').textContent()).not.toMatch(/Download CSV|Ontvangen klachten/)
    await context.close()
  })
})
