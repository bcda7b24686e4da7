/** Helpers for browser tests of the Payload admin: REST set-up as staff, and the admin's own widgets. */
import type { Page } from 'playwright-core'

import { adminToken, login } from './staff'

const PASSWORD = 'een-lang-wachtwoord'

export type StaffMember = { id: string; email: string; name: string; password: string; token: string }

async function api<T>(cmsUrl: string, token: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${cmsUrl}/api/${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} /api/${route} failed: ${response.status} ${text}`)
  return JSON.parse(text) as T
}

/** GET on the portal's REST API with a staff token; the parsed body. */
export const apiGet = <T>(cmsUrl: string, token: string, route: string) => api<T>(cmsUrl, token, 'GET', route)

/**
 * Creates a staff account with a readable name (the admin shows names, not e-mail addresses, in
 * the "Behandelaar" select) and logs it in. The administrator creates it, as in the admin.
 */
export async function createStaff(cmsUrl: string, email: string, name: string, roles: string[]): Promise<StaffMember> {
  const admin = await adminToken(cmsUrl)
  const { doc } = await api<{ doc: { id: string } }>(cmsUrl, admin, 'POST', 'users', { email, password: PASSWORD, name, roles })
  return { id: String(doc.id), email, name, password: PASSWORD, token: await login(cmsUrl, email, PASSWORD) }
}

/**
 * The designated UWV labour expert (Decision 11). Without one the Art. 5 notification is not
 * queued at registration, and the acknowledgement is refused: set it before recording complaints.
 */
export async function setUwvLabourExpert(cmsUrl: string): Promise<void> {
  await api(cmsUrl, await adminToken(cmsUrl), 'POST', 'globals/settings', { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } })
}

export type StoredComplaint = { id: string; reference: string; status: string; assignedHandler?: string | { id: string } | null }

/** A complaint received by phone and recorded by staff (Art. 3, Decision 8), as a staff member would through the API. */
export async function recordComplaint(cmsUrl: string, token: string, complainantName: string, extra: Record<string, unknown> = {}): Promise<StoredComplaint> {
  const { doc } = await api<{ doc: StoredComplaint }>(cmsUrl, token, 'POST', 'complaints', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
    complainant: { role: 'client', name: complainantName, email: 'klager@example.nl' },
    conduct: { when: 'date', date: '2026-11-02' },
    involved: { kind: 'employee', description: 'De jobcoach' },
    categories: ['negligence'],
    complaintText: 'Mijn coach kwam drie afspraken niet opdagen en belde niet af.',
    discussedBefore: 'no',
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
}

/** Picks an option of a react-select field (Payload's select and relationship fields) by its visible text. */
export async function chooseOption(page: Page, fieldId: string, optionText: string): Promise<void> {
  const field = page.locator(`#${fieldId}`)
  await field.locator('.rs__control').click()
  await page.locator('.rs__menu .rs__option', { hasText: optionText }).first().click()
  await page.locator('.rs__menu').waitFor({ state: 'detached' })
}

/** The value a react-select field shows. */
export async function shownValue(page: Page, fieldId: string): Promise<string> {
  return ((await page.locator(`#${fieldId} .rs__value-container`).textContent()) ?? '').trim()
}

/** Clicks "Opslaan" and returns the text of the toast the admin answers with. */
export async function save(page: Page): Promise<string> {
  const toasts = page.locator('.payload-toast-container li, .payload-toast-item')
  const before = await toasts.count()
  await page.locator('#action-save').click()
  await toasts.nth(before).waitFor()
  return ((await toasts.nth(before).textContent()) ?? '').trim()
}
