import { readFileSync } from 'node:fs'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { SITE_CONTENT_SECURITY_POLICY } from '../../site/server'
import { axeViolations, launchChromium, screenshot } from '../helpers/browser'
import { FIRST_ADMIN, withoutAccounts } from '../helpers/staff'

let browser: Browser
const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const portalLog = inject('portalLog')

beforeAll(async () => {
  browser = await launchChromium()
})

/**
 * Every Content-Security-Policy violation a page reports, with what was refused: the policy must
 * refuse nothing the portal itself loads. (Playwright's init script runs outside the page's policy.)
 */
async function watchPolicyViolations(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { __policyViolations: seen })
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective}: ${event.blockedURI}`),
    )
  })
  return (page) => page.evaluate(() => (window as unknown as { __policyViolations: string[] }).__policyViolations)
}

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
    const violations = await watchPolicyViolations(withJs)
    const axePage = await withJs.newPage()
    await axePage.goto(`${siteUrl}/`)
    expect(await axeViolations(axePage)).toEqual([])
    // The strict policy refuses nothing the site loads: its stylesheets apply, on every kind of page.
    for (const path of ['/', '/klachtenreglement', '/klacht-indienen']) {
      await axePage.goto(`${siteUrl}${path}`)
      expect(await violations(axePage), path).toEqual([])
      const styled = await axePage.evaluate(
        () => [...document.styleSheets].filter((sheet) => sheet.href && sheet.cssRules.length > 0).length,
      )
      expect(styled, path).toBeGreaterThan(0)
    }
    await withJs.close()
  })

  it('sends its security headers on the public site: a strict policy, no framing, nosniff, a Referrer-Policy, no HSTS over http', async () => {
    for (const path of ['/', '/', '/klachtenreglement', '/klacht-indienen', '/bestaat-niet']) {
      const response = await fetch(`${siteUrl}${path}`)
      expect(response.headers.get('content-security-policy'), path).toBe(SITE_CONTENT_SECURITY_POLICY)
      expect(response.headers.get('x-frame-options'), path).toBe('DENY')
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin')
      expect(response.headers.get('strict-transport-security'), path).toBeNull()
    }
    const html = await (await fetch(`${siteUrl}/`)).text()
    const stylesheet =
      /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(html)?.[1] ?? /<link[^>]+href="([^"]+\.css)"/.exec(html)?.[1]
    expect(stylesheet).toMatch(/\.css$/)
    const css = await fetch(new URL(stylesheet ?? '', siteUrl))
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(css.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('offers the create-first-user screen on the first visit to /admin, and that user becomes administrator', async () => {
    // The portal is shared by every browser test file, in any order: the screen shows only while there is no account.
    await withoutAccounts(cmsUrl)
    expect(await (await fetch(`${cmsUrl}/api/users/init`)).json()).toEqual({ initialized: false })
    // A browser that prefers English still gets the Dutch admin: Dutch is the default.
    const context = await browser.newContext({ locale: 'en-US' })
    const violations = await watchPolicyViolations(context)
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
    // The admin's own scripts, styles and API calls all pass its Content-Security-Policy.
    expect(await violations(page)).toEqual([])
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')
    await expect(page.getByText('Gebruikers').first().isVisible()).resolves.toBe(true)

    // What the admin itself asks: the session's user, through the browser's own cookie.
    const me = await page.evaluate(
      async () => (await (await fetch('/api/users/me')).json()) as { user?: { email?: string; roles?: string[] } },
    )
    expect(me.user?.email).toBe(FIRST_ADMIN.email)
    expect(me.user?.roles).toEqual(['admin'])
    await context.close()
  })

  it('sends the admin’s security headers: a policy with a nonce per page, no framing, nosniff, a Referrer-Policy, no HSTS over http', async () => {
    const pages = [await fetch(`${cmsUrl}/admin/login`), await fetch(`${cmsUrl}/admin/login`)]
    const policies = pages.map((page) => page.headers.get('content-security-policy') ?? '')
    for (const policy of policies) {
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/)
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"])
        expect(policy).toContain(directive)
    }
    expect(policies[0]).not.toBe(policies[1])
    // The nonce of the policy is the one on the page's scripts.
    const html = await pages[0]?.text()
    const nonce = /'nonce-([^']+)'/.exec(policies[0] ?? '')?.[1]
    expect(html).toContain(`nonce="${nonce}"`)
    for (const response of [...pages, await fetch(`${cmsUrl}/api/users/me`)]) {
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
      expect(response.headers.get('strict-transport-security')).toBeNull()
    }
  })

  it('runs the built CMS with its SQLite statements kept (the patch in cms/db.ts also works inside the Next bundle)', async () => {
    // Payload starts inside the CMS on its first request: make sure there was one that used the database.
    expect((await fetch(`${cmsUrl}/api/users/me`)).status).toBe(200)
    const log = readFileSync(portalLog, 'utf8')
    expect(log).toContain('Stoppen met Ctrl-C')
    expect(log).not.toContain('PORTAL_SQLITE_STATEMENTS')
  })
})
