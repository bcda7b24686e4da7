import { Agent, type IncomingMessage, request, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, afterEach, describe, expect, it } from 'vitest'

import {
  createSiteServer,
  PAGE_CACHE_HEADER,
  PageCache,
  pageCacheKey,
  SITE_CONTENT_SECURITY_POLICY,
  securityHeaders,
  type SiteServerOptions,
} from '../../site/server'

/**
 * A stand-in for Astro's handler: counts renders, marks /kept… pages as cacheable, checks the
 * signal, and answers /style.css the way Astro's static handler does (setHeader and write, no writeHead).
 */
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
    if (req.url === '/style.css') {
      res.statusCode = 200
      res.setHeader('content-type', 'text/css')
      res.write('body { color: ')
      res.end('black }')
      return
    }
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>niet gevonden</p>')
      return
    }
    const headers: Record<string, string> = { 'content-type': 'text/html' }
    if (req.url?.startsWith('/kept')) headers[PAGE_CACHE_HEADER] = 'public'
    res.writeHead(200, headers)
    res.write(`<p>versie ${version}`)
    res.end(req.url?.startsWith('/kept/big') ? ` ${'x'.repeat(10_000)}</p>` : ' van de pagina</p>')
  }
  return { calls, handler }
}

const running: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()))
})

async function start(options: SiteServerOptions = {}) {
  const astro = fakeAstro()
  const cache = options.cache ?? new PageCache()
  const server = createSiteServer(astro.handler, { ...options, cache })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  running.push(() => new Promise((resolve) => server.close(() => resolve())))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const signal = (signature: string) =>
    fetch(`${base}/internal/cache-invalidate`, { method: 'POST', headers: { 'x-signature': signature } })
  return {
    astro,
    cache,
    base,
    signal,
    get: (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers }),
  }
}

/** Keep-alive sockets for the flood: 10,000 requests over a handful of connections. */
const agent = new Agent({ keepAlive: true, maxSockets: 20 })
afterAll(() => agent.destroy())

/** A request exactly as written (fetch would clean up `//kept` or `/a/../kept` itself). */
function rawGet(base: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method: 'GET', path: target, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end()
  })
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
    const { astro, cache, get } = await start()
    await get('/formulier')
    await get('/formulier')
    await get('/kept?x=1')
    await get('/kept?x=1')
    expect(astro.calls).toEqual(['GET /formulier', 'GET /formulier', 'GET /kept?x=1', 'GET /kept?x=1'])
    expect(cache.size).toBe(0)
  })

  it('answers a request with a query string from Astro even when the page itself is kept (the query may carry a token)', async () => {
    const { astro, get } = await start()
    await get('/kept')
    expect(await (await get('/kept?token=abc')).text()).toBe('<p>versie 1 van de pagina</p>')
    expect(astro.calls).toEqual(['GET /kept', 'GET /kept?token=abc'])
  })

  it('empties the cache on an accepted publication signal only', async () => {
    const { astro, get, signal } = await start()
    await get('/kept')
    expect((await signal('bad')).status).toBe(403)
    expect(await (await get('/kept')).text()).toBe('<p>versie 1 van de pagina</p>')
    expect((await signal('good')).status).toBe(204)
    expect(await (await get('/kept')).text()).toBe('<p>versie 2 van de pagina</p>')
    expect(astro.calls.filter((c) => c === 'GET /kept')).toHaveLength(2)
  })

  it('keeps one entry for every spelling of a page: repeated slashes, a trailing slash, dot segments, escaped letters', async () => {
    const { astro, cache, base } = await start()
    for (const target of ['/kept', '//kept', '///kept//', '/kept/', '/x/../kept', '/./kept', '/kep%74', '/kept#deel']) {
      const answer = await rawGet(base, target)
      expect(answer, target).toEqual({ status: 200, body: '<p>versie 1 van de pagina</p>' })
    }
    expect(astro.calls).toEqual(['GET /kept'])
    expect(cache.keys()).toEqual(['/kept'])
  })

  it('renders a page under its one spelling, so what is kept never depends on the spelling asked first', async () => {
    const { astro, cache, base } = await start()
    await rawGet(base, '//kept///deel/')
    expect(astro.calls).toEqual(['GET /kept/deel'])
    expect(cache.keys()).toEqual(['/kept/deel'])
  })

  it('stays within its bound under a flood of 10,000 URL variants, dropping the least recently used page first', async () => {
    const cache = new PageCache({ maxEntries: 100 })
    const { astro, base } = await start({ cache })
    const get = (path: string) => rawGet(base, path)
    await get('/kept/vaak')
    for (let batch = 0; batch < 100; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const n = batch * 100 + i
          // Distinct pages, spellings of them, and queries: the cache never holds more than its bound.
          const path = n % 3 === 0 ? `/kept/${n}` : n % 3 === 1 ? `//kept//${n - 1}/` : `/kept/${n}?v=${n}`
          expect((await get(path)).status).toBe(200)
        }),
      )
      // A page read often stays, however many others come and go.
      await get('/kept/vaak')
      expect(cache.size).toBeLessThanOrEqual(100)
    }
    expect(cache.size).toBe(100)
    expect(cache.keys()).toContain('/kept/vaak')
    expect(cache.keys()).not.toContain('/kept/0')
    expect(cache.keys()).toContain('/kept/9999')
    expect(astro.calls.filter((c) => c === 'GET /kept/vaak')).toHaveLength(1)
  }, 120_000)

  it('stays within its bound of bytes, and serves a page larger than the whole cache without keeping it', async () => {
    const cache = new PageCache({ maxBytes: 30_000 })
    const { astro, get } = await start({ cache })
    for (let i = 0; i < 50; i++) expect(await (await get(`/kept/big/${i}`)).text()).toHaveLength(10_016)
    expect(cache.bytes).toBeLessThanOrEqual(30_000)
    expect(cache.size).toBeGreaterThan(0)

    const tiny = new PageCache({ maxBytes: 1_000 })
    const second = await start({ cache: tiny })
    expect(await (await second.get('/kept/big/a')).text()).toHaveLength(10_016)
    expect(await (await second.get('/kept/big/a')).text()).toHaveLength(10_016)
    expect(tiny.size).toBe(0)
    expect(second.astro.calls).toEqual(['GET /kept/big/a', 'GET /kept/big/a'])
    expect(astro.calls).toHaveLength(50)
  })

  it('lets a file Astro streams without writeHead through untouched, and keeps no page that did not opt in', async () => {
    const { cache, get } = await start()
    const css = await get('/style.css')
    expect(css.headers.get('content-type')).toBe('text/css')
    expect(await css.text()).toBe('body { color: black }')
    expect((await get('/missing')).status).toBe(404)
    expect(cache.size).toBe(0)
  })
})

describe('pageCacheKey: the one spelling of a page', () => {
  it.each([
    ['/', '/'],
    ['//', '/'],
    ['/klachtenreglement', '/klachtenreglement'],
    ['//klachtenreglement', '/klachtenreglement'],
    ['/klachtenreglement///', '/klachtenreglement'],
    ['/a//b/../c', '/a/c'],
    ['/%6b%6C%61chtenreglement', '/klachtenreglement'],
    ['/caf%c3%a9', '/caf%C3%A9'],
    ['/klachtenreglement#artikel-5', '/klachtenreglement'],
  ])('%s → %s', (url, key) => {
    expect(pageCacheKey(url)).toBe(key)
  })

  it.each(['/klachtenreglement?x=1', '/?', 'http://elders.example/', '*'])(
    '%s is not answered from the cache',
    (url) => {
      expect(pageCacheKey(url)).toBeUndefined()
    },
  )
})

describe('conditional requests to a kept page: ETag, Last-Modified, 304', () => {
  it('answers a kept page, the first render included, with an ETag and a Last-Modified date, and asks browsers to check again', async () => {
    const { get } = await start()
    const first = await get('/kept', { 'accept-encoding': 'identity' })
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]{27}"$/)
    expect(Date.parse(first.headers.get('last-modified') ?? '')).toBeLessThanOrEqual(Date.now())
    expect(first.headers.get('cache-control')).toBe('no-cache')
    expect((await get('/kept', { 'accept-encoding': 'identity' })).headers.get('etag')).toBe(etag)
    // Another representation, another tag.
    expect((await get('/kept', { 'accept-encoding': 'gzip' })).headers.get('etag')).toBe(`${etag?.slice(0, -1)}-gzip"`)
  })

  it('answers a matching If-None-Match with 304, no body and the same ETag; a stale one with the page', async () => {
    const { astro, get } = await start()
    const etag = (await get('/kept')).headers.get('etag') ?? ''
    const again = await get('/kept', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect((await get('/kept', { 'if-none-match': `"ander", W/${etag}` })).status).toBe(304)
    const stale = await get('/kept', { 'if-none-match': '"een-oude-versie"' })
    expect(stale.status).toBe(200)
    expect(await stale.text()).toBe('<p>versie 1 van de pagina</p>')
    expect(astro.calls).toEqual(['GET /kept'])
  })

  it('answers If-Modified-Since with 304 when the page has not changed since, and with the page when it has', async () => {
    let now = Date.parse('2026-11-20T10:00:00.500Z')
    const { get } = await start({ cache: new PageCache({ now: () => now }) })
    now += 5_000
    const first = await get('/kept')
    const lastModified = first.headers.get('last-modified') ?? ''
    expect(lastModified).toBe('Fri, 20 Nov 2026 10:00:05 GMT')
    const unchanged = await get('/kept', { 'if-modified-since': lastModified })
    expect(unchanged.status).toBe(304)
    expect(await unchanged.text()).toBe('')
    expect((await get('/kept', { 'if-modified-since': 'Fri, 20 Nov 2026 10:00:04 GMT' })).status).toBe(200)
    expect((await get('/kept', { 'if-modified-since': 'geen datum' })).status).toBe(200)
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    expect((await get('/kept', { 'if-modified-since': lastModified, 'if-none-match': '"ander"' })).status).toBe(200)
  })

  it('gives the page a new ETag after a publication, so the old one gets the new text', async () => {
    const { get, signal } = await start()
    const before = (await get('/kept')).headers.get('etag') ?? ''
    expect((await signal('good')).status).toBe(204)
    const after = await get('/kept', { 'if-none-match': before })
    expect(after.status).toBe(200)
    expect(await after.text()).toBe('<p>versie 2 van de pagina</p>')
    expect(after.headers.get('etag')).not.toBe(before)
    expect((await get('/kept', { 'if-none-match': after.headers.get('etag') ?? '' })).status).toBe(304)
  })

  it('does not answer 304 to a date in the second of a publication: the copy may hold the old text', async () => {
    let now = Date.parse('2026-11-20T10:00:00.100Z')
    const { get, signal } = await start({ cache: new PageCache({ now: () => now }) })
    now += 2_000
    const old = await get('/kept')
    expect(await old.text()).toBe('<p>versie 1 van de pagina</p>')
    // The control: without a publication, the same date gets 304.
    expect((await get('/kept', { 'if-modified-since': old.headers.get('last-modified') ?? '' })).status).toBe(304)
    now += 300 // same second: 10:00:02.400
    await signal('good')
    now += 300
    const fresh = await get('/kept', { 'if-modified-since': old.headers.get('last-modified') ?? '' })
    expect(fresh.status).toBe(200)
    expect(await fresh.text()).toBe('<p>versie 2 van de pagina</p>')
    expect(fresh.headers.get('last-modified')).toBe(old.headers.get('last-modified'))
  })
})

describe('security headers of the public site', () => {
  const EXPECTED = {
    'content-security-policy':
      "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  }

  it('refuses scripts, plug-ins and framing, and sends HSTS only over https', () => {
    expect(SITE_CONTENT_SECURITY_POLICY).toBe(EXPECTED['content-security-policy'])
    expect(securityHeaders({ https: false })).toEqual(EXPECTED)
    expect(securityHeaders({ https: true })).toEqual({ ...EXPECTED, 'strict-transport-security': 'max-age=31536000' })
  })

  const headersOf = (response: Response) =>
    Object.fromEntries(
      Object.keys(EXPECTED)
        .concat('strict-transport-security')
        .map((name) => [name, response.headers.get(name)]),
    )

  it('puts them on every answer: a rendered page, a kept page, a 304, a file, a 404, a page with a query, the signal', async () => {
    const { get, signal } = await start()
    const first = await get('/kept')
    const answers = [
      first,
      await get('/kept'),
      await get('/kept', { 'accept-encoding': 'gzip' }),
      await get('/kept', { 'if-none-match': first.headers.get('etag') ?? '' }),
      await get('/formulier'),
      await get('/kept?x=1'),
      await get('/style.css'),
      await get('/missing'),
      await signal('bad'),
    ]
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 304, 200, 200, 200, 404, 403])
    for (const answer of answers) expect(headersOf(answer)).toEqual({ ...EXPECTED, 'strict-transport-security': null })
  })

  it('adds Strict-Transport-Security to every answer, kept pages included, when the site is served over https', async () => {
    const { get } = await start({ https: true })
    const first = await get('/kept')
    for (const answer of [
      first,
      await get('/kept'),
      await get('/kept', { 'if-none-match': first.headers.get('etag') ?? '' }),
      await get('/formulier'),
      await get('/missing'),
    ]) {
      expect(headersOf(answer)).toEqual({ ...EXPECTED, 'strict-transport-security': 'max-age=31536000' })
    }
  })
})
