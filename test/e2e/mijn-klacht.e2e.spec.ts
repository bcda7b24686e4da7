import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { axeViolations, launchChromium, screenshot } from '../helpers/browser'
import { createStaff, recordComplaint } from '../helpers/admin'
import { minimalPdf } from '../helpers/files'

/*
 * Decision 20, the complainant's own page: file a complaint, ask for a link on /mijn-klacht, read
 * the mail at the fake Resend, open the link, press the button, see the case — with JavaScript on
 * and off, axe on every state. The portal runs as `npm start` runs it (globalSetup).
 */

let browser: Browser
const siteUrl = inject('siteUrl')
const resendUrl = inject('resendUrl')
const cmsUrl = inject('cmsUrl')
const EMAIL = 'mijnklacht@example.nl'
const LINK = /https?:\/\/[^\s"<]+\/mijn-klacht\/toegang\?t=[A-Za-z0-9_%-]+/

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

type Delivery = { to: string[]; subject: string; text: string | null }

/** Waits for the link mail for `reference` (the CMS's outbox runs every 5 seconds) and returns the links in it. */
async function linkMails(reference: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const deliveries = (await (await fetch(`${resendUrl}/test/deliveries`)).json()) as Delivery[]
    const links = deliveries
      .filter((d) => d.subject === `Uw link om klacht ${reference} te bekijken`)
      .map((d) => LINK.exec(d.text ?? '')?.[0] ?? '')
    if (links.length >= count) return links
    if (Date.now() > deadline) throw new Error(`no link mail for ${reference} within a minute`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function fileComplaint(page: Page, email = EMAIL): Promise<string> {
  await page.goto(`${siteUrl}/klacht-indienen`)
  await page.check('#field-complainantRole')
  await page.check('#field-clientOrganisation')
  await page.fill('#field-name', 'Mila Mijnklacht')
  await page.fill('#field-email', email)
  await page.check('#field-conductWhen')
  await page.fill('#field-conductDate', '2026-11-02')
  await page.check('#field-involvedKind')
  await page.fill('#field-involvedName', 'Mijn coach')
  await page.check('#field-categories')
  await page.fill('#field-description', 'Mijn coach kwam drie afspraken niet na en belde niet af.')
  await page.check('#field-discussedBefore')
  await page.check('#field-consent')
  await page.click('button[type="submit"]')
  await page.locator('.proof__reference').waitFor()
  return (await page.locator('.proof__reference').textContent())?.trim() ?? ''
}

/** axe runs inside the page, so only where scripts run; the pages are the same HTML either way. */
async function expectAccessible(page: Page, name: string) {
  if (!name.includes('-nojs-')) expect(await axeViolations(page), name).toEqual([])
  await screenshot(page, name)
}

/** The POST of the request form as a browser without script sends it; everything of the answer but Date. */
async function postRequest(reference: string, email: string) {
  const response = await fetch(`${siteUrl}/mijn-klacht`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: siteUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ reference, email }).toString(),
  })
  return {
    status: response.status,
    headers: [...response.headers.entries()].filter(([name]) => name !== 'date'),
    body: Buffer.from(await response.arrayBuffer()).toString('hex'),
  }
}

describe('Decision 20: /mijn-klacht — ask for a link, open it, see the case', () => {
  let reference = ''

  beforeAll(async () => {
    const context = await browser.newContext()
    reference = await fileComplaint(await context.newPage())
    await context.close()
    expect(reference).toMatch(/^WP-\d{4}-\d{4,}$/)
  })

  it('the answer to a request is the same, byte for byte but its Date, for a case that exists and one that does not', async () => {
    const real = await postRequest(reference, EMAIL)
    const unknown = await postRequest('WP-2026-9999', EMAIL)
    const wrongAddress = await postRequest(reference, 'iemand-anders@example.nl')
    expect(real.status).toBe(303)
    expect(real.headers).toContainEqual(['location', '/mijn-klacht/aangevraagd'])
    expect(unknown).toEqual(real)
    expect(wrongAddress).toEqual(real)
    // And the page it leads to names nothing that was typed.
    const page = await (await fetch(`${siteUrl}/mijn-klacht/aangevraagd`)).text()
    expect(page).toContain(
      'Horen het kenmerk en het e-mailadres bij elkaar? Dan krijgt u binnen enkele minuten een e-mail met een link.',
    )
    expect(page).not.toContain(reference)
    // Only the right pair got a mail.
    expect(await linkMails(reference, 1)).toHaveLength(1)
  })

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    '%s: request, the mail’s link, the button, the case page, sign out; a used link says so',
    async (mode, javaScriptEnabled) => {
      const tag = javaScriptEnabled ? 'js' : 'nojs'
      const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
      const page = await context.newPage()
      const before = (await linkMails(reference, 0)).length

      await page.goto(`${siteUrl}/mijn-klacht`)
      expect(await page.locator('h1').textContent()).toBe('Mijn klacht')
      await expectAccessible(page, `mijn-klacht-${tag}-form`)

      // A malformed reference: the summary, the message at the field, and what was typed stays.
      await page.fill('#field-reference', 'WP 7')
      await page.fill('#field-email', EMAIL)
      await page.click('button[type="submit"]')
      await page.locator('.error-summary').waitFor()
      expect(await page.locator('#field-reference-error').textContent()).toContain('bijvoorbeeld WP-2026-0007')
      expect(await page.inputValue('#field-reference')).toBe('WP 7')
      expect(await page.inputValue('#field-email')).toBe(EMAIL)
      await expectAccessible(page, `mijn-klacht-${tag}-error`)

      await page.fill('#field-reference', reference.toLowerCase())
      await page.click('button[type="submit"]')
      await page.waitForURL(`${siteUrl}/mijn-klacht/aangevraagd`)
      expect(await page.locator('.lead').textContent()).toContain('Horen het kenmerk en het e-mailadres bij elkaar?')
      await expectAccessible(page, `mijn-klacht-${tag}-requested`)

      const link = (await linkMails(reference, before + 1))[before] ?? ''
      expect(link).toMatch(LINK)
      // Opening the link (a GET, as a mail scanner does) uses nothing: opening it twice still shows the button.
      await page.goto(link.replace(/^https?:\/\/[^/]+/, siteUrl))
      await page.goto(link.replace(/^https?:\/\/[^/]+/, siteUrl))
      expect(await page.locator('h1').textContent()).toBe('Mijn klacht bekijken')
      await expectAccessible(page, `mijn-klacht-${tag}-button`)

      await page.click('button:has-text("Bekijk mijn klacht")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/zaak`)
      expect(await page.locator('.proof__reference').textContent()).toBe(reference)
      expect(await page.locator('.case-status').textContent()).toBe('Ontvangen')
      const cookie = (await context.cookies()).find((c) => c.name === 'mijn-klacht')
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/mijn-klacht' })
      await expectAccessible(page, `mijn-klacht-${tag}-case`)

      // The same link again: used.
      await page.goto(link.replace(/^https?:\/\/[^/]+/, siteUrl))
      await page.click('button:has-text("Bekijk mijn klacht")')
      await page.locator('h1:has-text("Deze link is al gebruikt")').waitFor()
      expect(await page.locator('a[href="/mijn-klacht"]').last().textContent()).toContain('Vraag een nieuwe link aan')
      await expectAccessible(page, `mijn-klacht-${tag}-used`)

      // Sign out: the case page no longer opens.
      await page.goto(`${siteUrl}/mijn-klacht/zaak`)
      await page.click('button:has-text("Afmelden")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/afmelden`)
      expect(await page.locator('h1').textContent()).toBe('U bent afgemeld')
      await expectAccessible(page, `mijn-klacht-${tag}-signed-out`)
      const after = await page.goto(`${siteUrl}/mijn-klacht/zaak`)
      expect(after?.status(), mode).toBe(401)
      expect(await page.locator('h1').textContent()).toBe('U bent niet meer aangemeld')
      await expectAccessible(page, `mijn-klacht-${tag}-session-ended`)
      await context.close()
    },
    180_000,
  )
})

/** Asks for a link on /mijn-klacht, reads it from the fake Resend and presses the button: the case page is open. */
async function signIn(page: Page, reference: string, email: string) {
  const before = (await linkMails(reference, 0)).length
  await page.goto(`${siteUrl}/mijn-klacht`)
  await page.fill('#field-reference', reference)
  await page.fill('#field-email', email)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${siteUrl}/mijn-klacht/aangevraagd`)
  const link = (await linkMails(reference, before + 1))[before] ?? ''
  await page.goto(link.replace(/^https?:\/\/[^/]+/, siteUrl))
  await page.click('button:has-text("Bekijk mijn klacht")')
  await page.waitForURL(`${siteUrl}/mijn-klacht/zaak`)
}

describe('Decision 20: on their own page the complainant adds a document, withdraws (Decision 9) and answers the survey', () => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    '%s: add a PDF, download a letter and the dossier, withdraw after the confirmation, the survey with a missing answer and then whole',
    async (_mode, javaScriptEnabled) => {
      const tag = javaScriptEnabled ? 'js' : 'nojs'
      const email = `volg-${tag}@example.nl`
      const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
      const page = await context.newPage()
      const reference = await fileComplaint(page, email)
      await signIn(page, reference, email)
      expect(await page.locator('h2:has-text("Wat kunt u doen?")').count()).toBe(1)
      // The receipt is the first letter to the complainant.
      await page.locator('.case-letters a').first().waitFor()
      await expectAccessible(page, `mijn-klacht-${tag}-case-open`)

      // Nothing typed, nothing chosen: the summary and the message at the field.
      await page.click('button:has-text("Voeg toe aan mijn klacht")')
      await page.locator('.error-summary').waitFor()
      expect(await page.locator('#field-information-error').textContent()).toContain('Schrijf wat u wilt aanvullen')
      await expectAccessible(page, `mijn-klacht-${tag}-add-error`)

      // A text and a PDF.
      await page.fill('#field-information', 'Hierbij de e-mail van mijn coach, Łukasz Nowak.')
      await page.setInputFiles('#field-attachments', {
        name: 'mail van de coach.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf('Mail van de coach'),
      })
      await page.click('button:has-text("Voeg toe aan mijn klacht")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/zaak?gedaan=information`)
      expect(await page.locator('.case-done').textContent()).toContain('Wij hebben uw aanvulling ontvangen.')
      expect(await page.locator('.case-timeline').textContent()).toContain('U hebt informatie toegevoegd (1 bestand).')
      await expectAccessible(page, `mijn-klacht-${tag}-added`)

      // Art. 6.2: ask for a hearing; the button is gone afterwards.
      await page.click('button:has-text("Ik wil een gesprek")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/zaak?gedaan=hearing`)
      expect(await page.locator('.case-done').textContent()).toContain('U hebt gevraagd om een gesprek.')
      expect(await page.locator('button:has-text("Ik wil een gesprek")').count()).toBe(0)
      expect(await page.locator('.case-timeline').textContent()).toContain('U hebt gevraagd om een gesprek.')
      await expectAccessible(page, `mijn-klacht-${tag}-hearing-asked`)

      // The letter and the dossier download with the session's cookie.
      const letterHref = (await page.locator('.case-letters a').first().getAttribute('href')) ?? ''
      const letter = await context.request.get(`${siteUrl}${letterHref}`)
      expect(letter.status()).toBe(200)
      expect(letter.headers()['content-type']).toBe('application/pdf')
      expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-')
      const dossier = await context.request.get(`${siteUrl}/mijn-klacht/dossier`)
      expect(dossier.status()).toBe(200)
      expect(dossier.headers()['content-type']).toBe('application/zip')
      // The same download from a link on another site delivers nothing (the control is the one above).
      const fromElsewhere = await context.request.get(`${siteUrl}/mijn-klacht/dossier`, {
        headers: { 'sec-fetch-site': 'cross-site' },
        maxRedirects: 0,
      })
      expect([fromElsewhere.status(), fromElsewhere.headers()['location']]).toEqual([303, '/mijn-klacht/zaak'])

      // Withdraw: the confirmation step first; going back changes nothing.
      await page.click('a:has-text("Klacht intrekken")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/intrekken`)
      expect(await page.locator('h1').textContent()).toBe('Wilt u uw klacht intrekken?')
      await expectAccessible(page, `mijn-klacht-${tag}-withdraw-confirm`)
      await page.click('button:has-text("Ja, trek mijn klacht in")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/zaak?gedaan=withdraw`)
      expect(await page.locator('.case-status').textContent()).toBe('Ingetrokken')
      expect(await page.locator('.case-timeline').textContent()).toContain('U hebt uw klacht ingetrokken.')
      expect(await page.locator('button:has-text("Voeg toe aan mijn klacht")').count()).toBe(0)
      await expectAccessible(page, `mijn-klacht-${tag}-withdrawn`)

      // The survey: one answer missing, then whole.
      await page.check('input[name="careful"][value="4"]')
      await page.check('input[name="clear"][value="5"]')
      await page.fill('#field-surveyText', 'Vriendelijk en duidelijk.')
      await page.click('button:has-text("Verstuur mijn antwoorden")')
      await page.locator('.error-summary').waitFor()
      expect(await page.locator('#field-quick-error').textContent()).toContain('Kies een cijfer van 1 tot en met 5')
      expect(await page.isChecked('input[name="careful"][value="4"]')).toBe(true)
      expect(await page.inputValue('#field-surveyText')).toBe('Vriendelijk en duidelijk.')
      await expectAccessible(page, `mijn-klacht-${tag}-survey-error`)
      await page.check('input[name="quick"][value="3"]')
      await page.click('button:has-text("Verstuur mijn antwoorden")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/zaak?gedaan=survey`)
      expect(await page.locator('.case-done').textContent()).toContain('Bedankt voor uw antwoorden.')
      expect(await page.locator('button:has-text("Verstuur mijn antwoorden")').count()).toBe(0)
      await expectAccessible(page, `mijn-klacht-${tag}-survey-done`)
      await context.close()
    },
    240_000,
  )
})

describe('Decision 8, 20: a complaint staff wrote down is corrected by the complainant on their own page', () => {
  let managerToken = ''
  beforeAll(async () => {
    managerToken = (await createStaff(cmsUrl, 'manager.mijnklacht@example.nl', 'Mona Mijnklacht', ['manager'])).token
  })

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    '%s: the text as written, an empty correction refused at the field, the correction sent; travel costs asked (Art. 6.4)',
    async (_mode, javaScriptEnabled) => {
      const tag = javaScriptEnabled ? 'js' : 'nojs'
      const email = `telefoon-${tag}@example.nl`
      const recorded = await recordComplaint(cmsUrl, managerToken, 'Şükrü Telefoon', {
        complainant: { role: 'client', name: 'Şükrü Telefoon', email },
      })
      const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
      const page = await context.newPage()
      await signIn(page, recorded.reference, email)
      expect(await page.locator('.case-written').textContent()).toBe(
        'Mijn coach kwam drie afspraken niet opdagen en belde niet af.',
      )
      await expectAccessible(page, `mijn-klacht-${tag}-written-version`)

      await page.fill('#field-writtenVersion', '   ')
      await page.click('button:has-text("Stuur de verbeterde tekst")')
      await page.locator('.error-summary').waitFor()
      expect(await page.locator('#field-writtenVersion-error').count()).toBe(1)
      await expectAccessible(page, `mijn-klacht-${tag}-written-version-error`)

      const corrected = 'Mijn coach kwam drie afspraken niet na en belde niet af. Ik wil een andere coach.'
      await page.fill('#field-writtenVersion', corrected)
      await page.click('button:has-text("Stuur de verbeterde tekst")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/zaak?gedaan=written-version`)
      expect(await page.locator('.case-written').textContent()).toBe(corrected)
      expect(await page.locator('.case-timeline').textContent()).toContain('U hebt de tekst van uw klacht verbeterd.')
      await expectAccessible(page, `mijn-klacht-${tag}-written-version-done`)

      await page.click('button:has-text("Ik wil mijn reiskosten terug")')
      await page.waitForURL(`${siteUrl}/mijn-klacht/zaak?gedaan=travel-costs`)
      expect(await page.locator('.case-done').textContent()).toContain(
        'U hebt gevraagd om uw reiskosten terug te krijgen.',
      )
      expect(await page.locator('button:has-text("Ik wil mijn reiskosten terug")').count()).toBe(0)
      await expectAccessible(page, `mijn-klacht-${tag}-travel-costs-done`)
      await context.close()
    },
    180_000,
  )
})
