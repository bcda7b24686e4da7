/**
 * The site's production server: Astro's standalone Node handler (dist/server/entry.mjs), with
 * security headers on every answer and a page cache in front. A page that opts in (response header
 * `x-portal-page-cache: public`, set by pages that show only published content) is kept as bytes —
 * plain and gzip — and served without entering Astro again until the published content changes:
 * the CMS's push (POST /internal/cache-invalidate, checked by Astro itself), or a changed content
 * version (`createVersionCheck`, below), or the maximum age. Kept pages carry an ETag and a
 * Last-Modified date, so a browser that has the page gets `304 Not Modified`.
 * Run by `npm start` with Node 24 (which strips the types: no enums or parameter properties here).
 */
import { createHash } from 'node:crypto'
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import path from 'node:path'
import { isIP } from 'node:net'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
// With its extension: this file runs under plain Node (type stripping), which resolves no bare paths.
import { plainAddress as plain, type TrustedProxies, trustedProxies } from './lib/trustedProxies.ts'

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void

export const PAGE_CACHE_HEADER = 'x-portal-page-cache'
const INVALIDATE_PATH = '/internal/cache-invalidate'

// ---------------------------------------------------------------------------------------------
// The client's address

/**
 * The address a request came from, as the rate limits count it. Behind a reverse proxy every
 * request arrives from the proxy, so its `X-Forwarded-For` names the client — but anybody can send
 * that header. It counts only from a proxy listed in SITE_TRUSTED_PROXIES (addresses and ranges,
 * `10.0.0.0/8, ::1`): the chain is read from the right, past every trusted proxy, and the first
 * address that is not one is the client. Without that list, or from any other peer, the header is
 * ignored and the peer is the client. The server puts the result in CLIENT_ADDRESS_HEADER of every
 * request, replacing whatever a client sent under that name (site/lib/clientAddress.ts reads it).
 */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-address'

/** `::ffff:192.0.2.1` (an IPv4 address on an IPv6 socket) is 192.0.2.1. */
export { type TrustedProxies, trustedProxies }

export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  const from = plain(peer ?? '')
  if (!from || !trusted.check(from)) return from || 'unknown'
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map(plain)
    .filter(Boolean)
  // From the proxy nearest to us outwards: the first hop that is no trusted proxy is the client.
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i] ?? ''
    if (isIP(hop) === 0) return from
    if (!trusted.check(hop)) return hop
  }
  // Every hop is a trusted proxy: the leftmost is as far as the chain goes.
  return chain[0] ?? from
}

// ---------------------------------------------------------------------------------------------
// Security headers

/**
 * The public site runs no JavaScript and loads only its own stylesheets (Astro writes them as
 * files: `build.inlineStylesheets: 'never'`; the rich text is rendered without inline styles), so
 * everything else is refused: no script at all, no plug-ins, no framing, no foreign form target.
 * `img-src data:` is for the small icons the NL Design System CSS embeds.
 */
export const SITE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ')

/**
 * The headers every answer of the site carries (pages, kept pages, 304s, files, errors).
 * Referrer-Policy `same-origin`: other sites get no address from us (the confirmation page's URL
 * holds a token). Not `no-referrer`: with that, browsers send `Origin: null` on a form post, and
 * Astro's origin check would refuse the complaint form. HSTS only when the site is served over
 * https: over plain http browsers ignore it, and a local start must stay reachable.
 */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': SITE_CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  }
}

// ---------------------------------------------------------------------------------------------
// The cache key

const UNRESERVED_ESCAPE = /%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2[de]|5f|7e)/gi

/**
 * The one key (and path) of every spelling of a page, or undefined when the request is not one the
 * cache may answer. Spellings that name the same page: repeated slashes, dot segments, a trailing
 * slash, escaped letters (`%65` is `e`, RFC 3986 §6.2.2), a fragment (browsers never send one).
 *
 * A request with a query string is never cached nor answered from the cache: the query can carry
 * meaning the cache cannot see (the confirmation page's signed token, a link token), so the
 * published page may not stand in for it; and a flood of `?x=1`, `?x=2` … must not fill memory.
 */
export function pageCacheKey(rawUrl: string): string | undefined {
  const hash = rawUrl.indexOf('#')
  const url = hash >= 0 ? rawUrl.slice(0, hash) : rawUrl
  if (url.includes('?') || !url.startsWith('/')) return undefined
  let pathname: string
  try {
    // Collapsed first: `//name` would otherwise parse as a host.
    pathname = new URL(url.replace(/\/{2,}/g, '/'), 'http://site.invalid').pathname
  } catch {
    return undefined
  }
  pathname = pathname.replace(UNRESERVED_ESCAPE, (escape) => String.fromCharCode(Number.parseInt(escape.slice(1), 16)))
  pathname = pathname.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname
}

// ---------------------------------------------------------------------------------------------
// The page cache: bounded, least recently used first out

export type CachedPage = {
  headers: OutgoingHttpHeaders
  plain: Buffer
  gzip: Buffer
  /** A hash of the page's bytes; the gzip variant's tag ends in `-gzip` (another representation). */
  etag: string
  /** When the page was rendered, in whole seconds (as Last-Modified carries it), in ms. */
  lastModified: number
}

export type PageCacheOptions = {
  /** At most this many pages (default 200). */
  maxEntries?: number
  /** At most this many bytes, plain and gzip together (default 32 MB). */
  maxBytes?: number
  now?: () => number
}

const sizeOf = (page: CachedPage) => page.plain.byteLength + page.gzip.byteLength

/**
 * The kept pages. A Map keeps insertion order; a page read is moved to the end, so the first
 * entry is always the least recently used, and that one goes first when a bound is reached.
 */
export class PageCache {
  readonly maxEntries: number
  readonly maxBytes: number
  readonly #now: () => number
  readonly #pages = new Map<string, CachedPage>()
  #bytes = 0
  #clearedAt: number

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024
    this.#now = options.now ?? Date.now
    // A page of an earlier process may have had another text in this very second.
    this.#clearedAt = this.#now()
  }

  get size(): number {
    return this.#pages.size
  }

  get bytes(): number {
    return this.#bytes
  }

  keys(): string[] {
    return [...this.#pages.keys()]
  }

  get(key: string): CachedPage | undefined {
    const page = this.#pages.get(key)
    if (page) {
      this.#pages.delete(key)
      this.#pages.set(key, page)
    }
    return page
  }

  /**
   * Builds and keeps a page; a page larger than the whole cache is served but not kept, and so is
   * one with `store: false` (rendered from content that was dropped while it rendered).
   */
  keep(key: string, headers: OutgoingHttpHeaders, plain: Buffer, store = true): CachedPage {
    const hash = createHash('sha256').update(plain).digest('base64url').slice(0, 27)
    const page: CachedPage = {
      headers,
      plain,
      gzip: gzipSync(plain),
      etag: `"${hash}"`,
      lastModified: Math.floor(this.#now() / 1000) * 1000,
    }
    if (!store) return page
    this.#remove(key)
    if (sizeOf(page) > this.maxBytes) return page
    this.#pages.set(key, page)
    this.#bytes += sizeOf(page)
    for (const [oldest] of this.#pages) {
      if (this.#pages.size <= this.maxEntries && this.#bytes <= this.maxBytes) break
      this.#remove(oldest)
    }
    return page
  }

  clear(): void {
    this.#pages.clear()
    this.#bytes = 0
    this.#clearedAt = this.#now()
  }

  /**
   * Whether a copy the client got at `since` (If-Modified-Since) is still this page. Dates have
   * whole seconds: a copy from the second of the last publication signal may be the old text.
   */
  unchangedSince(page: CachedPage, since: number): boolean {
    return since >= page.lastModified && since >= Math.floor(this.#clearedAt / 1000) * 1000 + 1000
  }

  #remove(key: string): void {
    const page = this.#pages.get(key)
    if (!page) return
    this.#pages.delete(key)
    this.#bytes -= sizeOf(page)
  }
}

// ---------------------------------------------------------------------------------------------
// The content version check: every site process finds out about a publication by itself

/*
 * Why a version stamp the site asks for, and not only the CMS's push:
 * - Production runs several site processes behind a reverse proxy. The push reaches one address
 *   (SITE_INTERNAL_URL); the proxy hands it to one process, and the others would keep the old
 *   text until they restart. Asking "what is the content version?" needs no list of targets in
 *   the CMS to keep in step with the proxy: a process that is started, moved or scaled out asks
 *   by itself, and N processes cost N small reads every few seconds, whatever N is.
 * - It survives a missed push: a site that was restarting, a network hiccup, a CMS that crashed
 *   right after the write. The version is derived from the published documents' own `updatedAt`
 *   (hooks/site/readSiteVersion.ts), so it changes in the same write as the publication.
 * - The push stays: with one process it makes a publication visible on the very next request,
 *   and the check then only confirms it. The maximum age is the last backstop (a CMS that answers
 *   an old version, a clock gone wrong): no page outlives it.
 * The check is cheap when not due (two subtractions, no await), and at most one request per
 * interval waits for one small read; while the CMS cannot be reached, the cached pages stay.
 */

export type VersionCheckOptions = {
  /** Reads the CMS's content version (GET /api/site-version); throws when it cannot. */
  read: () => Promise<string>
  /** Ask at most this often (SITE_VERSION_CHECK_MS, default 2 s). */
  intervalMs: number
  /** Drop everything this long after the last drop, changed or not (SITE_CACHE_MAX_AGE_MS, default 5 min). */
  maxAgeMs: number
  /** Drops every cache of this process: the kept pages and the published content Astro holds. */
  drop: (reason: 'changed' | 'expired') => void
  now?: () => number
  log?: (message: string) => void
}

export type VersionCheck = {
  /**
   * Called before a page is served from the cache or rendered. Undefined when no check is due
   * (the usual case: nothing to await); otherwise the one check in flight, which drops the caches
   * first when the version changed.
   */
  beforeServing: () => Promise<void> | undefined
  /** After an accepted push: the caches were just dropped; the next request asks the version at once. */
  pushed: () => void
  /** Grows with every drop: a page whose rendering began before a drop is served but not kept. */
  readonly generation: number
}

export function createVersionCheck(options: VersionCheckOptions): VersionCheck {
  const now = options.now ?? Date.now
  const log = options.log ?? ((message: string) => console.error(`[site] ${message}`))
  let known: string | undefined
  let checkedAt = -Infinity
  let droppedAt = now()
  let generation = 0
  let inFlight: Promise<void> | undefined
  let failing = false

  const drop = (reason: 'changed' | 'expired') => {
    generation += 1
    droppedAt = now()
    options.drop(reason)
  }
  const check = async () => {
    try {
      const version = await options.read()
      if (failing) log('content version readable again')
      failing = false
      // The first answer only sets the baseline: what this process holds was fetched after it started.
      if (known !== undefined && version !== known) drop('changed')
      known = version
    } catch (error) {
      // Once per outage, not once per interval: the pages kept stay served meanwhile.
      if (!failing) log(`content version not checked, the cached pages stay (${(error as Error).message})`)
      failing = true
    } finally {
      inFlight = undefined
    }
  }

  return {
    beforeServing: () => {
      const at = now()
      if (at - droppedAt >= options.maxAgeMs) drop('expired')
      if (inFlight) return inFlight
      if (at - checkedAt < options.intervalMs) return undefined
      checkedAt = at
      inFlight = check()
      return inFlight
    },
    pushed: () => {
      generation += 1
      droppedAt = now()
      checkedAt = -Infinity
    },
    get generation() {
      return generation
    },
  }
}

/** The check's two settings from the environment, in milliseconds; a wrong value stops the start with one line. */
export function versionCheckSettings(source: Record<string, string | undefined>): {
  intervalMs: number
  maxAgeMs: number
} {
  const read = (name: string, fallback: number) => {
    const raw = source[name]
    if (raw === undefined || raw === '') return fallback
    if (!/^\d+$/.test(raw)) throw new Error(`Configuratiefout: ${name} moet een geheel aantal milliseconden zijn`)
    return Number(raw)
  }
  return { intervalMs: read('SITE_VERSION_CHECK_MS', 2000), maxAgeMs: read('SITE_CACHE_MAX_AGE_MS', 5 * 60_000) }
}

/** Reads GET /api/site-version; a CMS that does not answer within a second counts as unreachable. */
export function siteVersionReader(cmsApiUrl: string): () => Promise<string> {
  return async () => {
    const response = await fetch(`${cmsApiUrl}/site-version`, { signal: AbortSignal.timeout(1000) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return (await response.text()).trim()
  }
}

/**
 * Astro's bundle (dist/server) has its own copy of site/lib/cache.ts, so the two meet through a
 * global under a registered symbol: the bundle puts its "drop the published content" there.
 */
export const DROP_PUBLISHED_CONTENT = Symbol.for('klachtenportaal.site.dropPublishedContent')

function dropPublishedContent(): void {
  const drop = (globalThis as Record<symbol, unknown>)[DROP_PUBLISHED_CONTENT]
  if (typeof drop === 'function') (drop as () => void)()
}

// ---------------------------------------------------------------------------------------------
// The server

export type SiteServerOptions = {
  /** The site is served over https (SITE_URL starts with https:): send HSTS. */
  https?: boolean
  cache?: PageCache
  /** Asks the CMS's content version before serving (production: always; see createVersionCheck). */
  versionCheck?: VersionCheck
  /** The reverse proxies whose X-Forwarded-For names the client (SITE_TRUSTED_PROXIES); none by default. */
  trustedProxies?: TrustedProxies
}

/** Headers a kept page does not keep: they describe one transfer, or are this server's own. */
const NOT_KEPT = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'etag',
  'last-modified',
  'vary',
  PAGE_CACHE_HEADER,
])

const etagOf = (page: CachedPage, gzip: boolean) => (gzip ? `${page.etag.slice(0, -1)}-gzip"` : page.etag)

/** If-None-Match (weak comparison, RFC 9110 §13.1.2) or, only without it, If-Modified-Since. */
function notModified(req: IncomingMessage, cache: PageCache, page: CachedPage, etag: string): boolean {
  const ifNoneMatch = req.headers['if-none-match']
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''))
    return tags.includes('*') || tags.includes(etag)
  }
  const ifModifiedSince = Date.parse(String(req.headers['if-modified-since'] ?? ''))
  return !Number.isNaN(ifModifiedSince) && cache.unchangedSince(page, ifModifiedSince)
}

export function createSiteServer(handler: Handler, options: SiteServerOptions = {}): http.Server {
  const cache = options.cache ?? new PageCache()
  const security = securityHeaders({ https: options.https ?? false })
  const applySecurityHeaders = (res: ServerResponse) => {
    for (const [name, value] of Object.entries(security)) res.setHeader(name, value)
  }

  const serveKept = (req: IncomingMessage, res: ServerResponse, page: CachedPage) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const etag = etagOf(page, gzip)
    const validators = {
      etag,
      'last-modified': new Date(page.lastModified).toUTCString(),
      vary: 'Accept-Encoding',
      // Always ask again (a 304 costs nothing): the first request after a publication shows the new text.
      'cache-control': page.headers['cache-control'] ?? 'no-cache',
    }
    if (notModified(req, cache, page, etag)) {
      res.writeHead(304, validators)
      res.end()
      return
    }
    const body = gzip ? page.gzip : page.plain
    res.writeHead(200, {
      ...page.headers,
      ...validators,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      'content-length': body.byteLength,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  /**
   * Lets Astro answer. When the answer opts in to the cache, it is held back, kept, and then served
   * like every later hit (gzip, ETag, 304); any other answer passes through untouched, streamed.
   */
  const renderAndKeep = (req: IncomingMessage, res: ServerResponse, key: string) => {
    const generation = options.versionCheck?.generation
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .apply(res), and put back by restore()
    const { writeHead, write, end } = res
    const chunks: Buffer[] = []
    /** Undecided until the status and headers are known (writeHead, or the first write without it). */
    let kept: OutgoingHttpHeaders | undefined
    let decided = false
    const restore = () => {
      res.writeHead = writeHead
      res.write = write
      res.end = end
    }
    const decide = (status: number, given: OutgoingHttpHeaders) => {
      decided = true
      const all: OutgoingHttpHeaders = {}
      for (const [name, value] of Object.entries({ ...res.getHeaders(), ...given })) all[name.toLowerCase()] = value
      // The marker is for this server only.
      for (const name of Object.keys(given)) if (name.toLowerCase() === PAGE_CACHE_HEADER) delete given[name]
      res.removeHeader(PAGE_CACHE_HEADER)
      if (status !== 200 || String(all[PAGE_CACHE_HEADER] ?? '') !== 'public' || all['set-cookie']) return restore()
      kept = {}
      for (const [name, value] of Object.entries(all)) {
        if (value !== undefined && !NOT_KEPT.has(name) && !(name in security)) kept[name] = value
      }
    }
    const collect = (chunk: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk))
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
    }
    const callbackOf = (args: unknown[]) => args.find((arg) => typeof arg === 'function') as (() => void) | undefined

    res.writeHead = (status: number, ...rest: unknown[]) => {
      const last = rest.at(-1)
      decide(status, last && typeof last === 'object' && !Array.isArray(last) ? (last as OutgoingHttpHeaders) : {})
      return kept ? res : (writeHead as (...args: unknown[]) => ServerResponse).apply(res, [status, ...rest])
    }
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (!decided) decide(res.statusCode, {})
      if (!kept) return (write as (...args: unknown[]) => boolean).apply(res, [chunk, ...rest])
      collect(chunk)
      callbackOf(rest)?.()
      return true
    }) as typeof res.write
    res.end = ((...args: unknown[]) => {
      if (!decided) decide(res.statusCode, {})
      restore()
      if (!kept) return (end as (...args: unknown[]) => ServerResponse).apply(res, args)
      if (args[0] !== undefined && typeof args[0] !== 'function') collect(args[0])
      // Content dropped while this page rendered: it may be the old text, so serve it once, keep it not.
      const page = cache.keep(key, kept, Buffer.concat(chunks), options.versionCheck?.generation === generation)
      // What Astro set on the response itself is in the kept headers now; the answer starts afresh.
      for (const name of res.getHeaderNames()) res.removeHeader(name)
      applySecurityHeaders(res)
      serveKept(req, res, page)
      callbackOf(args)?.()
      return res
    }) as typeof res.end
    handler(req, res)
  }

  const serveRead = (req: IncomingMessage, res: ServerResponse, url: string) => {
    const key = pageCacheKey(url)
    if (key === undefined) return handler(req, res)
    // Astro renders the page under its one spelling, so a kept page never depends on the spelling asked.
    req.url = key
    const page = cache.get(key)
    if (page) return serveKept(req, res, page)
    // A HEAD answer has no body to keep.
    if (req.method === 'HEAD') return handler(req, res)
    return renderAndKeep(req, res, key)
  }

  const trusted = options.trustedProxies ?? trustedProxies(undefined)
  return http.createServer((req, res) => {
    // The client's address as the rate limits count it, never as a client claims it (lib/clientAddress.ts).
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      trusted,
    )
    applySecurityHeaders(res)
    const url = req.url ?? '/'
    if (req.method === 'GET' || req.method === 'HEAD') {
      // Any page may show published content (the layout shows the contact details): the version first.
      const due = options.versionCheck?.beforeServing()
      if (due) {
        void due.then(() => serveRead(req, res, url))
        return
      }
      return serveRead(req, res, url)
    }
    if (req.method === 'POST' && url === INVALIDATE_PATH) {
      // Astro checks the signature; only an accepted signal empties the page cache.
      res.on('finish', () => {
        if (res.statusCode !== 204) return
        cache.clear()
        options.versionCheck?.pushed()
      })
    }
    handler(req, res)
  })
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (isMain) {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled'
  const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/server/entry.mjs')
  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: Handler }
  const host = process.env.HOST ?? '127.0.0.1'
  const port = Number(process.env.PORT ?? 4321)
  const https = (process.env.SITE_URL ?? '').startsWith('https:')
  const cache = new PageCache()
  const versionCheck = createVersionCheck({
    ...versionCheckSettings(process.env),
    read: siteVersionReader(process.env.CMS_API_URL || 'http://127.0.0.1:3000/api'),
    drop: () => {
      cache.clear()
      dropPublishedContent()
    },
  })
  // The Actions read the client's address from this server's header (lib/clientAddress.ts).
  process.env.SITE_RESOLVES_CLIENT_ADDRESS = '1'
  const trusted = trustedProxies(process.env.SITE_TRUSTED_PROXIES)
  createSiteServer(handler, { https, cache, versionCheck, trustedProxies: trusted }).listen(port, host, () =>
    process.stdout.write(`Server listening on http://${host}:${port}\n`),
  )
}
