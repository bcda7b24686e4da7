/**
 * The admin works only at its configured address (`CMS_URL`): Payload accepts a save only from
 * that origin (its CSRF check compares `Origin` with `serverURL`), so an admin opened at another
 * host name for the same server (127.0.0.1 instead of localhost) showed every page and then refused
 * every save with "U mag deze actie niet uitvoeren". A page opened at another host is sent to the
 * configured address instead, with the same path and query.
 *
 * Only what is safe to repeat moves: GET and HEAD. A 308 makes the browser repeat the method and
 * the body, so a POST or PATCH at another host would be re-sent elsewhere; those keep Payload's own
 * refusal. Of the API only a page the browser opens (a navigation, e.g. a PDF link) moves: server
 * code (the site reads published content at `CMS_API_URL`, often 127.0.0.1) gets its answer as is.
 * Behind a reverse proxy the host is the one the proxy forwards (`X-Forwarded-Host`), else `Host`.
 */
export function canonicalRedirect(input: {
  method: string
  url: URL
  headers: Headers
  cmsUrl: string
}): string | null {
  const { method, url, headers } = input
  if (method !== 'GET' && method !== 'HEAD') return null
  const { pathname, search } = url
  const isAdmin = pathname === '/admin' || pathname.startsWith('/admin/')
  const isApi = pathname === '/api' || pathname.startsWith('/api/')
  if (!isAdmin && !isApi) return null
  if (isApi && headers.get('sec-fetch-mode') !== 'navigate') return null
  const configured = new URL(input.cmsUrl)
  // Without a Host header there is nothing to compare (HTTP/1.1 always sends one).
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]?.trim().toLowerCase()
  if (!host || host === configured.host.toLowerCase()) return null
  // The configured address may carry a path prefix of its own (behind a proxy): keep it in front.
  const base = configured.pathname.replace(/\/+$/, '')
  return `${configured.origin}${base}${pathname}${search}`
}
