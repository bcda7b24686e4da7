import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { axeViolations, launchChromium, screenshot } from '../helpers/browser'
import { freePort } from '../helpers/ports'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const siteUrl = inject('siteUrl')
const pageUrl = `${siteUrl}/klachtenreglement`

// What the seeded regulation (cms/seed/regulation/klachtenreglement.txt) shows.
const ARTICLE_TITLES = [
  'Klachtrecht',
  'Definitie klacht',
  'Op schrift stellen klacht',
  'Toedeling verantwoordelijkheid',
  'Administratieve intake',
  'Begeleiding (inzien stukken / horen partijen)',
  'Termijnen',
  'Afhandeling',
  'Verantwoordingsinformatie',
]
/** A phrase from each article's note ("Toelichting"); Art. 4 has none. */
const NOTE_PHRASES: Record<number, string | null> = {
  1: 'Algemene Wet Bestuursrecht',
  2: 'Niet adequaat handelen',
  3: 'alleen in staat is deze mondeling te verwoorden',
  4: null,
  5: 'Direct na het indienen van een schriftelijke klacht',
  6: 'Dit inzagerecht valt onder de regels',
  7: 'vier weken',
  8: 'Behoorlijk bestuur is hierbij de belangrijkste toetsingsnorm',
  9: 'Periodieke managementrapportages',
}
const DUTCH_DATE =
  /^Geldend vanaf \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/
const BUDGET_BYTES = 30 * 1024

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function openWithoutJs(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, ...options })
  const page = await context.newPage()
  const response = await page.goto(pageUrl)
  return { context, page, status: response?.status() }
}

function headingLevels(page: Page): Promise<number[]> {
  return page.$$eval('h1, h2, h3, h4, h5, h6', (headings) =>
    headings.map((heading) => Number(heading.tagName.slice(1))),
  )
}

describe('/klachtenreglement in Chromium', () => {
  it('shows the whole regulation: contents, definitions, nine articles at their anchors, each with its note (Art. 4 has none)', async () => {
    const { context, page, status } = await openWithoutJs({ viewport: { width: 1280, height: 900 } })
    expect(status).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('nl')
    // Exactly one h1: the regulation's title (other browser tests publish new titles, so only its start is fixed).
    const h1 = await page.locator('h1').allTextContents()
    expect(h1).toHaveLength(1)
    expect(h1[0]).toMatch(/^Klachtenreglement\b/)
    expect((await page.locator('.regulation-meta').textContent())?.replace(/\s+/g, ' ').trim()).toMatch(DUTCH_DATE)
    expect(await page.getByText('Geldend vanaf').isVisible()).toBe(true)

    const articleIds = await page.$$eval('article.regulation-article', (articles) =>
      articles.map((article) => article.id),
    )
    expect(articleIds).toEqual(ARTICLE_TITLES.map((_, index) => `artikel-${index + 1}`))
    for (const [index, title] of ARTICLE_TITLES.entries()) {
      const number = index + 1
      const article = page.locator(`#artikel-${number}`)
      expect((await article.locator('h3').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
        `Artikel ${number}: ${title}`,
      )
      expect((await article.locator('.regulation-article__text').textContent())?.trim().length).toBeGreaterThan(40)
      const phrase = NOTE_PHRASES[number]
      const note = article.locator('.regulation-note')
      if (phrase === null) {
        expect(await note.count(), `Art. ${number} has no note`).toBe(0)
      } else {
        expect(await note.count(), `Art. ${number} has a note`).toBe(1)
        expect(await note.locator('h4').textContent()).toMatch(/^\s*Toelichting bij artikel \d\s*$/)
        expect(await note.textContent()).toContain(phrase)
        expect(await note.isVisible()).toBe(true)
      }
    }

    // Art. 8: the bullets of paragraphs 2 and 5 sit inside their numbered items.
    expect(await page.locator('#artikel-8 ol > li').count()).toBe(5)
    expect(await page.locator('#artikel-8 ol > li:nth-child(2) > ul > li').count()).toBe(4)
    expect(await page.locator('#artikel-8 ol > li:nth-child(5) > ul > li').count()).toBe(2)

    const contentsLinks = await page.$$eval('nav[aria-labelledby="inhoudsopgave"] a', (links) =>
      links.map((link) => link.getAttribute('href')),
    )
    expect(contentsLinks).toEqual([
      '#inleiding',
      '#definities',
      ...ARTICLE_TITLES.map((_, index) => `#artikel-${index + 1}`),
    ])
    for (const href of contentsLinks) expect(await page.locator(href ?? '#missing').count(), `${href} exists`).toBe(1)

    expect(await page.locator('#definities dt').allTextContents()).toEqual([
      'Opdrachtgever',
      'Cliënt',
      'Werkgever van cliënt',
      'Derden',
    ])
    expect(await page.locator('#definities dd').count()).toBe(4)

    await screenshot(page, 'regulation')
    await context.close()
  })

  it('puts each note beside its article on a wide screen and under it at 200% zoom, without scrolling sideways', async () => {
    const noteBox = async (page: Page) => {
      const text = await page.locator('#artikel-1 .regulation-article__text').boundingBox()
      const note = await page.locator('#artikel-1 .regulation-note').boundingBox()
      if (!text || !note) throw new Error('article 1 text or note not rendered')
      return { text, note }
    }

    const wide = await openWithoutJs({ viewport: { width: 1280, height: 900 } })
    const beside = await noteBox(wide.page)
    expect(beside.note.x).toBeGreaterThan(beside.text.x + beside.text.width)
    await wide.context.close()

    // 200% zoom of a 1280 px wide window: a 640 CSS px viewport.
    const zoomed = await openWithoutJs({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 1 })
    const under = await noteBox(zoomed.page)
    expect(under.note.y).toBeGreaterThanOrEqual(under.text.y + under.text.height)
    const overflow = await zoomed.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }))
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth)
    await screenshot(zoomed.page, 'regulation-zoom-200')
    await zoomed.context.close()
  })

  it('has no JavaScript at all: no <script> in the HTML or in the rendered page', async () => {
    const html = await (await fetch(pageUrl)).text()
    expect(html.toLowerCase()).not.toContain('<script')
    const { context, page } = await openWithoutJs()
    expect(await page.locator('script').count()).toBe(0)
    await context.close()
  })

  it('meets WCAG 2.1 AA as axe-core checks it, with one h1 and no heading level skipped', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(pageUrl)
    expect(await axeViolations(page)).toEqual([])

    const levels = await headingLevels(page)
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    expect(levels[0]).toBe(1)
    levels.forEach((level, index) => {
      if (index > 0)
        expect(level, `heading ${index + 1} (h${level}) after h${levels[index - 1]}`).toBeLessThanOrEqual(
          (levels[index - 1] ?? 1) + 1,
        )
    })

    // The skip link is the first thing a keyboard reaches, and it leads to the main content.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Direct naar de inhoud')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#inhoud')
    expect(await page.locator('main#inhoud').count()).toBe(1)
    await context.close()
  })

  it('weighs under 30 KB gzip-compressed, HTML plus its stylesheets', async () => {
    const html = await (await fetch(pageUrl)).text()
    const hrefs = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map(
      (match) => /\bhref="([^"]+)"/.exec(match[0])?.[1],
    )
    expect(hrefs.length).toBeGreaterThan(0)
    const stylesheets = await Promise.all(
      hrefs.map(async (href) => {
        const response = await fetch(new URL(href ?? '', pageUrl))
        expect(response.status, `${href}`).toBe(200)
        return response.text()
      }),
    )
    const sizes = [html, ...stylesheets].map((text) => gzipSync(text).byteLength)
    const total = sizes.reduce((sum, size) => sum + size, 0)
    console.log(
      `/klachtenreglement gzip: ${total} bytes (${(total / 1024).toFixed(1)} KB) = HTML ${sizes[0]} + ${stylesheets.length} stylesheet(s) ${sizes.slice(1).join(' + ')}; budget ${BUDGET_BYTES}`,
    )
    expect(total).toBeLessThan(BUDGET_BYTES)
  })

  it('prints a clean paper copy: no menu or skip link, black text, the notes set off by a rule', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 1100 } })
    const page = await context.newPage()
    await page.emulateMedia({ media: 'print' })
    await page.goto(pageUrl)
    expect(await page.locator('nav[aria-label="Hoofdmenu"]').isVisible()).toBe(false)
    expect(await page.locator('.utrecht-skip-link').isVisible()).toBe(false)
    expect(await page.locator('.regulation-article__back').first().isVisible()).toBe(false)
    const note = await page.locator('#artikel-1 .regulation-note').evaluate((element) => {
      const style = getComputedStyle(element)
      return {
        border: style.borderInlineStartWidth,
        borderStyle: style.borderInlineStartStyle,
        background: style.backgroundColor,
      }
    })
    expect(Number.parseFloat(note.border)).toBeGreaterThan(0)
    expect(note.borderStyle).toBe('solid')
    expect(note.background).toMatch(/^rgba\(0, 0, 0, 0\)$|^rgb\(255, 255, 255\)$/)
    expect(
      await page
        .locator('.regulation-article__text p')
        .first()
        .evaluate((element) => getComputedStyle(element).color),
    ).toBe('rgb(0, 0, 0)')
    await screenshot(page, 'regulation-print')
    await context.close()
  })
})

describe('/klachtenreglement when the CMS was never reachable', () => {
  let child: ChildProcess | undefined

  afterAll(async () => {
    if (child?.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  })

  it('answers 503 with a plain Dutch message in the site layout, not a stack trace', async () => {
    const [sitePort, deadPort] = [await freePort(), await freePort()]
    // The built site alone (globalSetup built it), pointed at a port where nothing listens.
    child = spawn(process.execPath, [path.join(root, 'dist/server/entry.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(sitePort),
        CMS_API_URL: `http://127.0.0.1:${deadPort}/api`,
        SITE_CACHE_SECRET: 'e2e-secret-of-at-least-16-chars',
        SITE_API_KEY: 'e2e-site-api-key-of-at-least-24-chars',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const url = `http://127.0.0.1:${sitePort}/klachtenreglement`
    await waitForServer(url).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-2000)}`)
    })

    const response = await fetch(url)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('60')
    const html = await response.text()
    expect(html).not.toMatch(/at \S+ \(|Error:|node_modules/)
    expect(html.toLowerCase()).not.toContain('<script')

    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url)
    expect(await page.locator('h1').allTextContents()).toEqual(['Het klachtenreglement is nu niet te zien'])
    expect(await page.locator('main#inhoud').textContent()).toContain('Probeer het over een paar minuten opnieuw.')
    expect(await page.locator('nav[aria-label="Hoofdmenu"]').isVisible()).toBe(true)
    await screenshot(page, 'regulation-503')
    await context.close()
    // The 503 comes from the unreachable CMS, not from a configuration error in this test's site.
    expect(output).toContain('regulation not fetched')
    expect(output).not.toContain('Configuratiefout')
  })
})

async function waitForServer(url: string): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    try {
      await fetch(url)
      return
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`site did not start at ${url}: ${(error as Error).message}`, { cause: error })
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
