import { describe, expect, inject, it } from 'vitest'

import { staffToken } from '../helpers/staff'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const proxyUrl = inject('proxyUrl')

type Stats = { requests: number; paths: string[] }
/**
 * The site's requests for content. Its content version check (GET /api/site-version, at most every
 * 2 s per process, site/server.ts) is left out: a few bytes that read no content.
 */
const stats = async (): Promise<Stats> => {
  const { paths } = (await (await fetch(`${proxyUrl}/__proxy/stats`)).json()) as Stats
  const content = paths.filter((line) => !line.startsWith('GET /api/site-version'))
  return { requests: content.length, paths: content }
}
const proxy = (action: 'reset' | 'down' | 'up') => fetch(`${proxyUrl}/__proxy/${action}`, { method: 'POST' })
const page = async () => {
  const response = await fetch(`${siteUrl}/klachtenreglement`)
  return { status: response.status, html: await response.text() }
}

async function publish(token: string, title: string, changeNote: string) {
  const response = await fetch(`${cmsUrl}/api/globals/regulation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ title, changeNote, _status: 'published' }),
  })
  expect(response.status).toBe(200)
}

describe('the regulation page is served from a cache that publishing invalidates', () => {
  it('fetches no content from the CMS between publications (only its few-byte version check), and shows a publication on the very next request', async () => {
    const editor = await staffToken(cmsUrl, 'redacteur.cache@example.nl', ['editor'])
    await page() // warm
    await proxy('reset')
    for (let i = 0; i < 25; i++) expect((await page()).status).toBe(200)
    expect((await stats()).requests).toBe(0)

    await publish(editor, 'Klachtenreglement Working Progression (herzien)', 'Titel herzien')
    const first = await page()
    expect(first.html).toContain('Klachtenreglement Working Progression (herzien)')
    const afterPublication = (await stats()).requests
    expect(afterPublication).toBeGreaterThan(0)

    for (let i = 0; i < 25; i++) await page()
    expect((await stats()).requests).toBe(afterPublication)
  })

  it('a saved draft does not reach the public', async () => {
    const editor = await staffToken(cmsUrl, 'redacteur.cache@example.nl', ['editor'])
    const response = await fetch(`${cmsUrl}/api/globals/regulation?draft=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${editor}` },
      body: JSON.stringify({ title: 'Geheim concept', _status: 'draft' }),
    })
    expect(response.status).toBe(200)
    expect((await page()).html).not.toContain('Geheim concept')
  })

  it('keeps serving the last published text while the CMS is unreachable', async () => {
    const editor = await staffToken(cmsUrl, 'redacteur.cache@example.nl', ['editor'])
    await publish(editor, 'Klachtenreglement Working Progression', 'Titel terug')
    expect((await page()).html).toMatch(/<h1[^>]*>Klachtenreglement Working Progression<\/h1>/)
    await proxy('down')
    try {
      // Even after the next publication's signal, a page is served: the last text the site had.
      await publish(editor, 'Klachtenreglement (niet bereikbaar)', 'Tijdens storing')
      for (let i = 0; i < 3; i++) {
        const { status, html } = await page()
        expect(status).toBe(200)
        expect(html).toContain('Klachtenreglement Working Progression')
        expect(html).toContain('id="artikel-9"')
      }
    } finally {
      await proxy('up')
    }
  })
})
