/** Helpers for browser tests of the Payload admin: set-up through the REST API as staff, and the admin's own widgets. */
import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Locator, Page, Request } from 'playwright-core'

import { screenshotDir } from './browser'
import { recordedComplaint } from './intake'
import { adminToken, login } from './staff'

const PASSWORD = 'een-lang-wachtwoord'

export type StaffMember = { id: string; email: string; name: string; password: string; token: string }

async function api<T>(
  cmsUrl: string,
  token: string,
  method: 'GET' | 'POST',
  route: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${cmsUrl}/api/${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} /api/${route} failed: ${response.status} ${text}`)
  return JSON.parse(text) as T
}

/** GET on the portal's REST API with a staff token: the parsed body (throws on an error status). */
export const apiGet = <T>(cmsUrl: string, token: string, route: string): Promise<T> =>
  api<T>(cmsUrl, token, 'GET', route)

/**
 * Creates a staff account with a readable name (the admin shows names in the "Behandelaar" select)
 * and logs it in. The first administrator creates it, as in the admin's user management.
 */
export async function createStaff(cmsUrl: string, email: string, name: string, roles: string[]): Promise<StaffMember> {
  const admin = await adminToken(cmsUrl)
  const { doc } = await api<{ doc: { id: string } }>(cmsUrl, admin, 'POST', 'users', {
    email,
    password: PASSWORD,
    name,
    roles,
  })
  return { id: String(doc.id), email, name, password: PASSWORD, token: await login(cmsUrl, email, PASSWORD) }
}

export const UWV_LABOUR_EXPERT = { name: 'A. Deskundige', email: 'ad@uwv.example' }

/**
 * The designated UWV labour expert (Decision 11). Without one the Art. 5 notification is not queued
 * at registration and the acknowledgement is refused: set it before recording complaints.
 */
export async function setUwvLabourExpert(cmsUrl: string): Promise<void> {
  await api(cmsUrl, await adminToken(cmsUrl), 'POST', 'globals/settings', { uwvLabourExpert: UWV_LABOUR_EXPERT })
}

export const COMPLAINT_TEXT = 'Mijn coach kwam drie afspraken niet opdagen en belde niet af.'

export type StoredComplaint = { id: string; reference: string; status: string }

/** A complaint received by phone yesterday and recorded by staff (Art. 3, Decision 8): recordedComplaint, through REST. */
export async function recordComplaint(
  cmsUrl: string,
  token: string,
  complainantName: string,
  extra: Record<string, unknown> = {},
): Promise<StoredComplaint> {
  const { doc } = await api<{ doc: StoredComplaint }>(cmsUrl, token, 'POST', 'complaints', {
    ...recordedComplaint({
      complainant: { role: 'client', name: complainantName, email: 'klager@example.nl' },
      involved: { kind: 'employee', description: 'De jobcoach' },
      complaintText: COMPLAINT_TEXT,
    }),
    ...extra,
  })
  return doc
}

/** Logs in through the admin's own login form and waits for the dashboard. */
export async function loginToAdmin(page: Page, cmsUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
  await page.locator('.dashboard').first().waitFor()
  await settle(page)
}

/** Opens the side navigation (closed by default, also on a wide screen), e.g. before a screenshot. */
export async function openNav(page: Page): Promise<void> {
  if (await page.locator('aside.nav.nav--nav-open').count()) return
  await page.locator('button.template-default__nav-toggler').click()
  await page.locator('aside.nav.nav--nav-open').waitFor()
}

/** Opens a document's edit view and waits until its form is ready. */
export async function openDocument(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.locator('#action-save').waitFor()
  await settle(page)
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

/**
 * Waits until the page has had no request in flight for `quietMs`. Every change in the admin's form
 * sends a (debounced) form-state request; a save clicked while one is on its way can have its field
 * errors overwritten by the late answer. (`waitForLoadState('networkidle')` does not help here: it
 * resolves at once after the page's first load.)
 */
export async function settle(page: Page, quietMs = 700, timeoutMs = 20_000): Promise<void> {
  const pending = new Set<Request>()
  const started = (request: Request) => void pending.add(request)
  const ended = (request: Request) => void pending.delete(request)
  page.on('request', started)
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  try {
    const deadline = Date.now() + timeoutMs
    let quietSince = Date.now()
    while (Date.now() < deadline) {
      await page.waitForTimeout(100)
      if (pending.size > 0) quietSince = Date.now()
      else if (Date.now() - quietSince >= quietMs) return
    }
    throw new Error(`requests still in flight after ${timeoutMs} ms: ${[...pending].map((r) => r.url()).join(', ')}`)
  } finally {
    page.off('request', started)
    page.off('requestfinished', ended)
    page.off('requestfailed', ended)
  }
}

/** Picks an option of a react-select field (Payload's select and relationship fields) by its exact text. */
export async function chooseOption(page: Page, fieldId: string, optionText: string): Promise<void> {
  await page.locator(`#${fieldId} .rs__control`).click()
  // Relationship options load after the menu opens ("Laden..."); the click waits for the option.
  await page
    .locator('.rs__menu .rs__option')
    .filter({ hasText: exactly(optionText) })
    .click()
  await page.locator('.rs__menu').waitFor({ state: 'detached' })
  await settle(page)
}

/** The value a select field shows; of a relationship field only the label, not its "Bewerk" tooltips. */
export async function shownValue(page: Page, fieldId: string): Promise<string> {
  const field = page.locator(`#${fieldId}`)
  const label = field.locator('.relationship--single-value__text')
  const value = (await label.count()) > 0 ? label : field.locator('.rs__value-container')
  return ((await value.first().textContent()) ?? '').trim()
}

export type Saved = { status: number; errors: { path: string; message: string }[] }

/**
 * Clicks the save button ("Bewaar") once the form has settled, and returns the HTTP status of the
 * update it sends with the field errors of a refusal (from the response, so that a failing test
 * says what was refused). Returns when the admin has finished reacting to the answer.
 */
export async function save(page: Page): Promise<Saved> {
  await settle(page)
  const update = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/'),
  )
  await page.locator('#action-save').click()
  const response = await update
  const body = (await response.json()) as { errors?: { data?: { errors?: Saved['errors'] } }[] }
  await settle(page)
  return { status: response.status(), errors: body.errors?.flatMap((e) => e.data?.errors ?? []) ?? [] }
}

/** Takes a step of the case's "Volgende stap" panel (one save), like `save`: its status and field errors. */
export async function takeStep(page: Page, label: string): Promise<Saved> {
  await settle(page)
  const update = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/'),
  )
  await page.locator('section.next-step').getByRole('button', { name: label, exact: true }).click()
  const response = await update
  const body = (await response.json()) as { errors?: { data?: { errors?: Saved['errors'] } }[] }
  // Not settled here: the success toast is gone again before the panel has reloaded its facts on a slow machine.
  return { status: response.status(), errors: body.errors?.flatMap((e) => e.data?.errors ?? []) ?? [] }
}

/** The text of the newest toast that is not the "Inzenden..." progress toast ('' while none). */
export async function lastToast(page: Page): Promise<string> {
  const toasts = page.locator('.payload-toast-item').filter({ hasNotText: 'Inzenden' })
  const count = await toasts.count()
  return count === 0 ? '' : ((await toasts.nth(count - 1).textContent()) ?? '').trim()
}

/**
 * A screenshot of one screenful, with `focus` scrolled near the top: a complaint's edit view is
 * several screens tall, and a full-page image of it is too small to read.
 */
export async function screenshotAt(page: Page, name: string, focus: Locator): Promise<string> {
  await focus.evaluate((element) => {
    element.scrollIntoView({ block: 'start' })
    // Below the sticky bar with the save button.
    window.scrollBy(0, -140)
  })
  mkdirSync(screenshotDir, { recursive: true })
  const file = path.join(screenshotDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

/**
 * The admin renders a field only once it scrolls into view (main column and sidebar alike):
 * scroll down until it is there, then bring it into view.
 */
export async function scrollToField(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 30 && (await page.locator(selector).count()) === 0; i++) {
    await page.evaluate(() => {
      window.scrollBy(0, 600)
      for (const el of document.querySelectorAll(
        '[class*="document-fields__sidebar"], [class*="document-fields__main"]',
      ))
        el.scrollBy(0, 600)
    })
    await page.waitForTimeout(150)
  }
  await page.locator(selector).scrollIntoViewIfNeeded()
}
