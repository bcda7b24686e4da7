import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { axeViolations, launchChromium, screenshot } from '../helpers/browser'
import { minimalPdf } from '../helpers/files'
import { staffToken } from '../helpers/staff'

let browser: Browser
let manager: string
const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const proxyUrl = inject('proxyUrl')
const FORM = `${siteUrl}/klacht-indienen`
const REFERENCE = /^WP-\d{4}-\d{4,}$/
const DUTCH_DATE =
  /^\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/

beforeAll(async () => {
  browser = await launchChromium()
  manager = await staffToken(cmsUrl, 'manager.klachtformulier@example.nl', ['manager'])
})

afterAll(async () => {
  await browser?.close()
})

type StoredComplaint = {
  reference: string
  status: string
  channel: string
  complainant: { name: string }
  attachments?: ({ filename?: string; mimeType?: string } | string)[]
}

/** What a manager sees through the CMS's own API (the site itself cannot read complaints). */
async function storedComplaint(reference: string): Promise<StoredComplaint | undefined> {
  const response = await fetch(
    `${cmsUrl}/api/complaints?where[reference][equals]=${encodeURIComponent(reference)}&depth=1`,
    {
      headers: { authorization: `JWT ${manager}` },
    },
  )
  expect(response.status).toBe(200)
  const { docs } = (await response.json()) as { docs: StoredComplaint[] }
  return docs[0]
}

async function complaintCount(): Promise<number> {
  const response = await fetch(`${cmsUrl}/api/complaints/count`, { headers: { authorization: `JWT ${manager}` } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { totalDocs: number }).totalDocs
}

const pdfUpload = (name = 'brief.pdf') => ({ name, mimeType: 'application/pdf', buffer: minimalPdf() })

/** Every required field, one category, a PDF: a complaint as a person would fill it in. */
async function fillValid(page: Page, name: string, { attach = true } = {}) {
  await page.check('#field-complainantRole') // the first role: cliënt
  await page.check('#field-clientOrganisation') // UWV
  await page.fill('#field-name', name)
  await page.fill('#field-email', 'klager@example.nl')
  await page.check('#field-conductWhen') // on one day
  await page.fill('#field-conductDate', '2026-11-02')
  await page.check('#field-involvedKind') // an employee
  await page.fill('#field-involvedName', 'Mijn coach')
  await page.check('#field-categories') // the first category
  await page.fill('#field-description', 'Mijn coach kwam drie afspraken niet na en belde niet af.')
  await page.check('#field-discussedBefore') // yes
  await page.check('#field-consent')
  if (attach) await page.setInputFiles('#field-attachments', pdfUpload())
}

async function submitAndWaitForProof(page: Page, click: () => Promise<void>): Promise<string> {
  await click()
  // Not waitForURL: a second click aborts the first navigation, which waitForURL reports as an error.
  await page.locator('.proof__reference').waitFor()
  expect(page.url()).toMatch(/\/klacht-indienen\/ontvangen\?bewijs=/)
  const reference = (await page.locator('.proof__reference').textContent())?.trim() ?? ''
  expect(reference).toMatch(REFERENCE)
  return reference
}

async function submitExpectingForm(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === FORM && r.request().method() === 'POST'),
    page.click('button[type="submit"]'),
  ])
  await page.waitForLoadState('load')
  return response.status()
}

describe('the complaint form /klacht-indienen', () => {
  it('shows the empty form: every question of the regulation, accessible, without any script', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const response = await page.goto(FORM)
    expect(response?.status()).toBe(200)
    expect(response?.headers()['cache-control']).toBe('private, no-cache')
    expect(await page.locator('h1').textContent()).toBe('Klacht indienen')
    expect(await page.locator('script').count()).toBe(0)
    expect(await page.getAttribute('form.complaint-form', 'enctype')).toBe('multipart/form-data')
    expect(await page.inputValue('input[name="formToken"]')).toMatch(/^[0-9a-f-]{36}$/)
    // Honeypot: out of the tab order, not autofilled, and labelled for whoever reaches it.
    expect(await page.getAttribute('#field-website', 'tabindex')).toBe('-1')
    expect(await page.getAttribute('#field-website', 'autocomplete')).toBe('off')
    expect(await page.locator('label[for="field-website"]').textContent()).toContain('Laat dit veld leeg')
    expect(await page.getAttribute('#field-attachments', 'accept')).toContain('application/pdf')
    expect(await page.locator('input[name="categories"]').count()).toBe(5)
    expect(await page.locator('.privacy-notice').textContent()).toContain('Twee jaar daarna')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'intake-form-empty')
    await context.close()
  })

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    '%s: a valid complaint is stored (status received, with its attachment) and its proof shown; sending it again gives the same reference',
    async (_mode, javaScriptEnabled) => {
      const context = await browser.newContext({ javaScriptEnabled })
      const page = await context.newPage()
      await page.goto(FORM)
      const name = javaScriptEnabled ? 'Jan Jansen' : 'Fatima el Amrani'
      await fillValid(page, name)
      const before = await complaintCount()

      // Pressed twice quickly: both posts carry the same form token.
      const reference = await submitAndWaitForProof(page, () => page.locator('button[type="submit"]').dblclick())
      expect(await page.locator('h1').textContent()).toBe('Wij hebben uw klacht ontvangen')
      const dates = await page.locator('.complaint-page time').allTextContents()
      expect(dates).toHaveLength(4)
      for (const date of dates) expect(date).toMatch(DUTCH_DATE)
      expect(dates[0]).toBe(
        new Intl.DateTimeFormat('nl-NL', {
          timeZone: 'Europe/Amsterdam',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        }).format(new Date()),
      )
      expect(await page.content()).not.toContain(name)
      if (javaScriptEnabled) {
        expect(await axeViolations(page)).toEqual([])
        await screenshot(page, 'intake-confirmation')
      }

      expect(await complaintCount()).toBe(before + 1)
      const stored = await storedComplaint(reference)
      expect(stored?.status).toBe('received')
      expect(stored?.channel).toBe('web')
      expect(stored?.complainant.name).toBe(name)
      expect(stored?.attachments).toHaveLength(1)
      const attachment = stored?.attachments?.[0]
      expect(typeof attachment === 'object' && attachment.mimeType).toBe('application/pdf')

      // Back to the form and send it again. Chromium loads the form anew (a new form token) and fills
      // in what was typed; the same content sent again is still the same complaint.
      await page.goBack()
      await page.waitForSelector('form.complaint-form')
      if ((await page.inputValue('#field-name')) !== name) await fillValid(page, name, { attach: false })
      const again = await submitAndWaitForProof(page, () => page.click('button[type="submit"]'))
      expect(again).toBe(reference)
      expect(await complaintCount()).toBe(before + 1)
      expect(await page.locator('.form-alert').count()).toBe(0)

      // Back, change the description, send again: the change is never dropped without a word. With
      // a new form token (Chromium loads the form anew) it is a new complaint whose proof names the
      // first; with the same token the first stands and the proof says the change was not stored.
      await page.goBack()
      await page.waitForSelector('form.complaint-form')
      if ((await page.inputValue('#field-name')) !== name) await fillValid(page, name, { attach: false })
      await page.fill(
        '#field-description',
        'Mijn coach kwam drie afspraken niet na, belde niet af en reageerde niet op mijn mail.',
      )
      const edited = await submitAndWaitForProof(page, () => page.click('button[type="submit"]'))
      const notice = (await page.locator('.form-alert').textContent()) ?? ''
      expect(notice).toContain(reference)
      if (edited === reference) {
        expect(notice).toContain('Uw wijziging is niet verwerkt')
        expect(await complaintCount()).toBe(before + 1)
      } else {
        expect(notice).toContain('Dit is een nieuwe klacht')
        expect(notice).toContain(edited)
        expect(await complaintCount()).toBe(before + 2)
      }
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([])
      await context.close()
    },
  )

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    '%s: an invalid complaint comes back with a summary linking to each field, messages at the fields, and everything typed still there',
    async (_mode, javaScriptEnabled) => {
      const context = await browser.newContext({ javaScriptEnabled })
      const page = await context.newPage()
      await page.goto(FORM)
      const before = await complaintCount()
      // Name, role, who was involved, "discussed before" and consent left empty; a description too short.
      await page.fill('#field-email', 'klager@example.nl')
      await page.fill('#field-phone', '06 12345678')
      await page.fill('#field-street', 'Dorpsstraat 1')
      await page.check('#field-conductWhen')
      await page.fill('#field-conductDate', '2099-01-01')
      await page.check('#field-categories')
      await page.check('#field-categories-privacy_breach')
      await page.fill('#field-description', 'Te kort')
      await page.fill('#field-desiredOutcome', 'Excuses van mijn coach.')
      await page.check('#field-wantsHearing')
      await page.setInputFiles('#field-attachments', [pdfUpload('a.pdf'), pdfUpload('b.pdf')])

      expect(await submitExpectingForm(page)).toBe(400)
      expect(await page.title()).toMatch(/^Fout: Klacht indienen/)
      const summary = page.locator('.error-summary')
      expect(await summary.getAttribute('role')).toBe('alert')
      expect(await summary.locator('h2').textContent()).toBe('Er is iets niet goed ingevuld')
      const links = await summary
        .locator('a')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]))
      expect(links).toEqual([
        ['#field-complainantRole', 'Kies wie u bent.'],
        ['#field-name', 'Vul uw naam in.'],
        ['#field-involvedKind', 'Kies over wie uw klacht gaat, of "Weet ik niet".'],
        ['#field-description', 'Beschrijf wat er is gebeurd (minstens 20 tekens).'],
        ['#field-discussedBefore', 'Kies ja of nee.'],
        ['#field-consent', 'Geef toestemming om uw gegevens te gebruiken voor de behandeling van uw klacht.'],
        ['#field-attachments', 'Kies uw bijlage(n) opnieuw: a.pdf, b.pdf'],
      ])
      for (const [href] of links) expect(await page.locator(href ?? '').count()).toBe(1)

      // The message at the field, tied to it.
      expect(await page.getAttribute('#field-name', 'aria-invalid')).toBe('true')
      expect(await page.getAttribute('#field-name', 'aria-describedby')).toBe('field-name-error')
      expect(await page.locator('#field-name-error').textContent()).toContain('Vul uw naam in.')
      expect(await page.getAttribute('fieldset:has(#field-complainantRole)', 'aria-describedby')).toBe(
        'field-complainantRole-error',
      )

      // Everything typed is still there.
      expect(await page.inputValue('#field-email')).toBe('klager@example.nl')
      expect(await page.inputValue('#field-phone')).toBe('06 12345678')
      expect(await page.inputValue('#field-street')).toBe('Dorpsstraat 1')
      expect(await page.isChecked('#field-conductWhen')).toBe(true)
      expect(await page.inputValue('#field-conductDate')).toBe('2099-01-01')
      expect(await page.isChecked('#field-categories')).toBe(true)
      expect(await page.isChecked('#field-categories-privacy_breach')).toBe(true)
      expect(await page.isChecked('#field-categories-negligence')).toBe(false)
      expect(await page.inputValue('#field-description')).toBe('Te kort')
      expect(await page.inputValue('#field-desiredOutcome')).toBe('Excuses van mijn coach.')
      expect(await page.isChecked('#field-wantsHearing')).toBe(true)
      expect(await page.locator('#field-attachments-reselect').textContent()).toBe(
        'Kies uw bijlage(n) opnieuw: a.pdf, b.pdf',
      )
      if (javaScriptEnabled) {
        expect(await axeViolations(page)).toEqual([])
        await screenshot(page, 'intake-form-errors')
      }

      // The rest filled in, the date still in the future: now that is what the summary names.
      await page.check('#field-complainantRole-other')
      await page.fill('#field-clientName', 'Daan de Vries')
      await page.fill('#field-name', 'Piet de Vries')
      await page.check('#field-involvedKind-unknown')
      await page.fill('#field-description', 'Mijn coach heeft mijn medische gegevens aan mijn werkgever doorgegeven.')
      await page.check('#field-discussedBefore-no')
      await page.check('#field-consent')
      expect(await submitExpectingForm(page)).toBe(400)
      expect(
        await page
          .locator('.error-summary a')
          .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])),
      ).toEqual([['#field-conductDate', 'Deze datum ligt in de toekomst. Vul de datum in waarop het gebeurde.']])
      expect(await page.inputValue('#field-name')).toBe('Piet de Vries')
      expect(await page.isChecked('#field-consent')).toBe(true)
      expect(await complaintCount()).toBe(before)
      await context.close()
    },
  )

  it('when the connection to the CMS breaks, it never says "not stored" it cannot know: not sure yet, how to check, everything typed kept; nothing is stored', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(FORM)
    await fillValid(page, 'Karin Bos')
    await page.fill('#field-desiredOutcome', 'Een nieuwe coach.')
    const token = await page.inputValue('input[name="formToken"]')
    const before = await complaintCount()
    await fetch(`${proxyUrl}/__proxy/down`, { method: 'POST' })
    try {
      expect(await submitExpectingForm(page)).toBe(504)
    } finally {
      await fetch(`${proxyUrl}/__proxy/up`, { method: 'POST' })
    }
    const alert = page.locator('.form-alert')
    expect(await alert.getAttribute('role')).toBe('alert')
    // The connection broke after it was made (the proxy drops it), and the check by form token got no answer either.
    expect(await alert.textContent()).toContain('Wij weten nog niet zeker of uw klacht is opgeslagen')
    expect(await alert.textContent()).toContain('U bent niets kwijt: wat u hebt ingevuld, staat hieronder nog.')
    expect(await alert.textContent()).toContain('Verstuur dit formulier over een paar minuten nog een keer')
    expect(await alert.textContent()).not.toContain('niet opgeslagen')
    expect(await alert.textContent()).toContain('Kies uw bijlage(n) opnieuw: brief.pdf')
    expect(await page.isChecked('#field-complainantRole')).toBe(true)
    expect(await page.isChecked('#field-clientOrganisation')).toBe(true)
    expect(await page.inputValue('#field-name')).toBe('Karin Bos')
    expect(await page.inputValue('#field-email')).toBe('klager@example.nl')
    expect(await page.inputValue('#field-conductDate')).toBe('2026-11-02')
    expect(await page.inputValue('#field-involvedName')).toBe('Mijn coach')
    expect(await page.isChecked('#field-categories')).toBe(true)
    expect(await page.inputValue('#field-description')).toBe('Mijn coach kwam drie afspraken niet na en belde niet af.')
    expect(await page.inputValue('#field-desiredOutcome')).toBe('Een nieuwe coach.')
    expect(await page.isChecked('#field-discussedBefore')).toBe(true)
    expect(await page.isChecked('#field-consent')).toBe(true)
    // The same form token stays: if the CMS did store it after all, sending again gives that complaint.
    expect(await page.inputValue('input[name="formToken"]')).toBe(token)
    await screenshot(page, 'intake-storage-failed')
    expect(await complaintCount()).toBe(before)
    await context.close()
  })

  it('two posts of the same form at the same moment give one complaint and the same reference', async () => {
    const html = await (await fetch(FORM)).text()
    const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1]
    expect(token).toMatch(/^[0-9a-f-]{36}$/)
    const form = () => {
      const body = new FormData()
      const fields: [string, string][] = [
        ['formToken', token ?? ''],
        ['website', ''],
        ['complainantRole', 'employer'],
        ['clientName', 'Dirk Medewerker'],
        ['name', 'Bouwbedrijf De Boer'],
        ['email', 'hr@deboer.example'],
        ['conductWhen', 'unknown'],
        ['involvedKind', 'third_party'],
        ['categories', 'incorrect_information'],
        ['categories', 'other_shortcoming'],
        ['description', 'Wij kregen verkeerde informatie over de re-integratie van onze medewerker.'],
        ['discussedBefore', 'yes'],
        ['consent', 'on'],
      ]
      for (const [key, value] of fields) body.append(key, value)
      body.append('attachments', new File([], ''), '')
      return body
    }
    const before = await complaintCount()
    const post = () => fetch(FORM, { method: 'POST', body: form(), headers: { origin: siteUrl }, redirect: 'manual' })
    const answers = await Promise.all([post(), post()])
    const references = answers.map((answer) => {
      expect(answer.status).toBe(303)
      const proof = new URL(answer.headers.get('location') ?? '', siteUrl).searchParams.get('bewijs') ?? ''
      return (JSON.parse(Buffer.from(proof.split('.')[0] ?? '', 'base64url').toString('utf8')) as { reference: string })
        .reference
    })
    expect(references[0]).toMatch(REFERENCE)
    expect(references[1]).toBe(references[0])
    expect(await complaintCount()).toBe(before + 1)
  })

  it.each([
    ['the honeypot is filled in', { website: 'https://spam.example' }],
    ['the form token is missing', { formToken: '' }],
  ])(
    'stores nothing when %s, and says plainly that the complaint was not sent, keeping what was typed',
    async (_what, overrides) => {
      const html = await (await fetch(FORM)).text()
      const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? ''
      const fields: Record<string, string> = {
        formToken: token,
        website: '',
        complainantRole: 'other',
        clientName: 'Daan de Vries',
        name: 'Robot de Vries',
        email: 'robot@example.nl',
        conductWhen: 'unknown',
        involvedKind: 'unknown',
        categories: 'other_shortcoming',
        description: 'Een beschrijving die lang genoeg is om te kloppen.',
        discussedBefore: 'no',
        consent: 'on',
        ...overrides,
      }
      const body = new FormData()
      for (const [key, value] of Object.entries(fields)) body.append(key, value)
      const before = await complaintCount()
      const answer = await fetch(FORM, { method: 'POST', body, headers: { origin: siteUrl }, redirect: 'manual' })
      expect(answer.status).toBe(400)
      const page = await answer.text()
      expect(page).toContain('Uw klacht kon niet worden verstuurd.')
      expect(page).toContain('value="Robot de Vries"')
      // The trap is empty again and the form gets a fresh token: a person can simply send it again.
      expect(page).toMatch(/name="website" value=""/)
      expect(page).not.toContain(`value="${token}"`)
      expect(await complaintCount()).toBe(before)
    },
  )

  it("refuses a post from another site (Astro's origin check)", async () => {
    const body = new FormData()
    body.append('name', 'x')
    const answer = await fetch(FORM, {
      method: 'POST',
      body,
      headers: { origin: 'https://elders.example' },
      redirect: 'manual',
    })
    expect(answer.status).toBe(403)
  })

  it('answers a body larger than the form can need with the form and a clear message, without reading the body', async () => {
    const declared = 60 * 1024 * 1024
    const { status, html } = await new Promise<{ status: number; html: string }>((resolve, reject) => {
      const request = http.request(FORM, {
        method: 'POST',
        headers: {
          origin: siteUrl,
          'content-type': 'multipart/form-data; boundary=----grens',
          'content-length': String(declared),
        },
      })
      request.on('response', (response) => {
        let html = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (html += chunk))
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, html })
          request.destroy()
        })
      })
      request.on('error', reject)
      // Only the start of the body is sent: the answer must come without the rest.
      request.write('------grens\r\nContent-Disposition: form-data; name="name"\r\n\r\nJan\r\n')
    })
    expect(status).toBe(413)
    expect(html).toContain('De bijlagen zijn samen te groot.')
    expect(html).toContain('Vul het formulier opnieuw in')
  })

  it('in the browser, too large an attachment gives the same clear page, not a bare error', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-large-'))
    const file = path.join(dir, 'scan.pdf')
    writeFileSync(file, Buffer.concat([minimalPdf(), Buffer.alloc(53 * 1024 * 1024)]))
    const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      await page.goto(FORM)
      await fillValid(page, 'Jan Jansen', { attach: false })
      await page.setInputFiles('#field-attachments', file)
      expect(await submitExpectingForm(page)).toBe(413)
      const alert = page.locator('.form-alert')
      expect(await alert.textContent()).toContain(
        'De bijlagen zijn samen te groot. U kunt hoogstens 5 bestanden van elk 10 MB meesturen.',
      )
      expect(await alert.textContent()).toContain('Ook wat u had ingevuld is daardoor niet bewaard.')
      await screenshot(page, 'intake-too-large')
    } finally {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the proof of receipt /klacht-indienen/ontvangen', () => {
  it('without a valid proof, says kindly that it is no longer shown and that the e-mail has it', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const response = await page.goto(
      `${siteUrl}/klacht-indienen/ontvangen?bewijs=eyJyZWZlcmVuY2UiOiJXUC0yMDI2LTAwMDEifQ.AAAA`,
    )
    expect(response?.status()).toBe(404)
    expect(response?.headers()['referrer-policy']).toBe('no-referrer')
    expect(await page.locator('h1').textContent()).toBe('Dit ontvangstbewijs is niet meer te zien')
    expect(await page.locator('main').textContent()).toContain('in de e-mail die wij u stuurden')
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
