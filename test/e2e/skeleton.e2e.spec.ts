import { readFileSync } from 'node:fs'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { axeViolations, launchChromium, screenshot } from '../helpers/browser'
import { FIRST_ADMIN } from '../helpers/staff'

let browser: Browser
const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const portalLog = inject('portalLog')

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('the started portal in Chromium', () => {
  it('serves the public home page in Dutch, accessible, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const response = await page.goto(`${siteUrl}/`)
    expect(response?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('nl')
    expect(await page.locator('h1').allTextContents()).toEqual(['Ontevreden over Working Progression?'])
    expect(await page.locator('script').count()).toBe(0)
    await screenshot(page, 'site-home')
    await context.close()

    const withJs = await browser.newContext()
    const axePage = await withJs.newPage()
    await axePage.goto(`${siteUrl}/`)
    expect(await axeViolations(axePage)).toEqual([])
    await withJs.close()
  })

  it('offers the create-first-user screen on the first visit to /admin, and that user becomes administrator', async () => {
    // A browser that prefers English still gets the Dutch admin: Dutch is the default.
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${cmsUrl}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    await page.locator('#field-email').fill(FIRST_ADMIN.email)
    await page.locator('#field-password').fill(FIRST_ADMIN.password)
    await page.locator('#field-confirm-password').fill(FIRST_ADMIN.password)
    await page.locator('#field-name').fill(FIRST_ADMIN.name)
    await screenshot(page, 'admin-create-first-user')
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    await page.locator('.dashboard, [class*="dashboard"]').first().waitFor()
    await screenshot(page, 'admin-dashboard')
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')
    await expect(page.getByText('Gebruikers').first().isVisible()).resolves.toBe(true)

    // What the admin itself asks: the session's user, through the browser's own cookie.
    const me = await page.evaluate(async () => (await fetch('/api/users/me')).json())
    expect(me.user?.email).toBe(FIRST_ADMIN.email)
    expect(me.user?.roles).toEqual(['admin'])
    await context.close()
  })

  it('runs the built CMS with its SQLite statements kept (the patch in cms/db.ts also works inside the Next bundle)', async () => {
    // Payload starts inside the CMS on its first request: make sure there was one that used the database.
    expect((await fetch(`${cmsUrl}/api/users/me`)).status).toBe(200)
    const log = readFileSync(portalLog, 'utf8')
    expect(log).toContain('Stoppen met Ctrl-C')
    expect(log).not.toContain('PORTAL_SQLITE_STATEMENTS')
  })
})
