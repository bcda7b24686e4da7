/**
 * The site's production server: Astro's standalone Node handler (dist/server/entry.mjs), with a
 * page cache in front. A page that opts in (response header `x-portal-page-cache: public`, set by
 * pages that show only published content) is kept as bytes — plain and gzip — and served without
 * entering Astro again until the CMS signals a publication (POST /internal/cache-invalidate,
 * checked by Astro itself). Run by `npm start` with Node 24 (which strips the types).
 */
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void
type CachedPage = { headers: OutgoingHttpHeaders; plain: Buffer; gzip: Buffer }

export const PAGE_CACHE_HEADER = 'x-portal-page-cache'
const INVALIDATE_PATH = '/internal/cache-invalidate'

export function createSiteServer(handler: Handler): http.Server {
  const pages = new Map<string, CachedPage>()

  const serveCached = (req: IncomingMessage, res: ServerResponse, page: CachedPage) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const body = gzip ? page.gzip : page.plain
    res.writeHead(200, { ...page.headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': body.byteLength, vary: 'Accept-Encoding' })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  /** Lets Astro answer, and keeps the answer when the page asked for it. */
  const renderAndKeep = (req: IncomingMessage, res: ServerResponse, key: string) => {
    const chunks: Buffer[] = []
    let headers: OutgoingHttpHeaders = {}
    const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
    const collect = (chunk: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk))
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
    }
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const last = rest.at(-1)
      if (last && typeof last === 'object' && !Array.isArray(last)) {
        headers = { ...(last as OutgoingHttpHeaders) }
        // The marker is for this server only.
        for (const name of Object.keys(last)) if (name.toLowerCase() === PAGE_CACHE_HEADER) delete (last as OutgoingHttpHeaders)[name]
      }
      if (res.hasHeader(PAGE_CACHE_HEADER)) {
        headers[PAGE_CACHE_HEADER] = res.getHeader(PAGE_CACHE_HEADER)
        res.removeHeader(PAGE_CACHE_HEADER)
      }
      return writeHead(status, ...rest)
    }) as typeof res.writeHead
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk)
      return write(chunk, ...rest)
    }) as typeof res.write
    res.end = ((...args: unknown[]) => {
      if (args[0] !== undefined && typeof args[0] !== 'function') collect(args[0])
      const all = { ...res.getHeaders(), ...headers }
      if (res.statusCode === 200 && String(all[PAGE_CACHE_HEADER] ?? '') === 'public' && !all['set-cookie']) {
        const plain = Buffer.concat(chunks)
        const kept: OutgoingHttpHeaders = {}
        for (const [name, value] of Object.entries(all)) {
          if (value !== undefined && !['content-length', 'content-encoding', 'transfer-encoding', PAGE_CACHE_HEADER].includes(name.toLowerCase())) kept[name] = value
        }
        pages.set(key, { headers: kept, plain, gzip: gzipSync(plain) })
      }
      return end(...args)
    }) as typeof res.end
    handler(req, res)
  }

  return http.createServer((req, res) => {
    const url = req.url ?? '/'
    if ((req.method === 'GET' || req.method === 'HEAD') && !url.includes('?')) {
      const page = pages.get(url)
      if (page) return serveCached(req, res, page)
      return renderAndKeep(req, res, url)
    }
    if (req.method === 'POST' && url === INVALIDATE_PATH) {
      // Astro checks the signature; only an accepted signal empties the page cache.
      res.on('finish', () => {
        if (res.statusCode === 204) pages.clear()
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
  createSiteServer(handler).listen(port, host, () => process.stdout.write(`Server listening on http://${host}:${port}\n`))
}
