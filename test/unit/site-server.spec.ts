import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { createSiteServer, PAGE_CACHE_HEADER } from '../../site/server'

/** A stand-in for Astro's handler: counts renders, marks /kept pages as cacheable, checks the signal. */
function fakeAstro() {
  const calls: string[] = []
  let version = 1
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    calls.push(`${req.method} ${req.url}`)
    if (req.url === '/internal/cache-invalidate') {
      const ok = req.headers['x-signature'] === 'good'
      if (ok) version += 1
      res.writeHead(ok ? 204 : 403).end()
      return
    }
    const headers: Record<string, string> = { 'content-type': 'text/html' }
    if (req.url?.startsWith('/kept')) headers[PAGE_CACHE_HEADER] = 'public'
    res.writeHead(200, headers)
    res.write(`<p>versie ${version}`)
    res.end(' van de pagina</p>')
  }
  return { calls, handler }
}

let close: (() => Promise<void>) | undefined
afterEach(async () => close?.())

async function start() {
  const astro = fakeAstro()
  const server = createSiteServer(astro.handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  close = () => new Promise((resolve) => server.close(() => resolve()))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { astro, get: (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers }), base }
}

describe('the site server’s page cache', () => {
  it('renders a page that opts in once, then serves its bytes without Astro, plain or gzip', async () => {
    const { astro, get } = await start()
    const first = await get('/kept')
    expect(await first.text()).toBe('<p>versie 1 van de pagina</p>')
    expect(first.headers.has(PAGE_CACHE_HEADER)).toBe(false)
    const second = await get('/kept')
    expect(await second.text()).toBe('<p>versie 1 van de pagina</p>')
    const zipped = await get('/kept', { 'accept-encoding': 'gzip' })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(await zipped.text()).toBe('<p>versie 1 van de pagina</p>')
    expect(astro.calls).toEqual(['GET /kept'])
  })

  it('never keeps a page that did not opt in, nor a request with a query string', async () => {
    const { astro, get } = await start()
    await get('/formulier')
    await get('/formulier')
    await get('/kept?x=1')
    await get('/kept?x=1')
    expect(astro.calls).toEqual(['GET /formulier', 'GET /formulier', 'GET /kept?x=1', 'GET /kept?x=1'])
  })

  it('empties the cache on an accepted publication signal only', async () => {
    const { astro, get, base } = await start()
    await get('/kept')
    const refused = await fetch(`${base}/internal/cache-invalidate`, { method: 'POST', headers: { 'x-signature': 'bad' } })
    expect(refused.status).toBe(403)
    expect(await (await get('/kept')).text()).toBe('<p>versie 1 van de pagina</p>')
    const accepted = await fetch(`${base}/internal/cache-invalidate`, { method: 'POST', headers: { 'x-signature': 'good' } })
    expect(accepted.status).toBe(204)
    expect(await (await get('/kept')).text()).toBe('<p>versie 2 van de pagina</p>')
    expect(astro.calls.filter((c) => c === 'GET /kept')).toHaveLength(2)
  })
})
