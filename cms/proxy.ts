import { type NextRequest, NextResponse } from 'next/server'

import { getEnv } from './env'
import { canonicalRedirect } from './lib/canonicalHost'
import { adminContentSecurityPolicy, createNonce, strictTransportSecurity } from './lib/securityHeaders'

const LANGUAGE_COOKIE = 'payload-lng'
const CSP = 'Content-Security-Policy'

/**
 * In front of every admin page and API call:
 * - the admin speaks Dutch by default, whatever language the browser prefers (the interface speaks Dutch). A user
 *   who picks English in their account gets Payload's own cookie, which this leaves alone;
 * - an admin page gets a Content-Security-Policy with a nonce of its own (lib/securityHeaders).
 *   Next.js reads the nonce from the policy on the request and stamps its scripts with it;
 * - every answer gets HSTS when the CMS is served over https;
 * - a page opened at another host than `CMS_URL` moves there (308), where saves work (lib/canonicalHost).
 * API answers get no page policy: they are data, and stored files carry their own
 * (collections/uploads/serveAsDownload).
 */
export function proxy(request: NextRequest) {
  const env = getEnv()
  const { pathname } = request.nextUrl
  const canonical = canonicalRedirect({
    method: request.method,
    url: request.nextUrl,
    headers: request.headers,
    cmsUrl: env.CMS_URL,
  })
  const hsts = strictTransportSecurity(env.CMS_URL)
  if (canonical) {
    const redirect = NextResponse.redirect(canonical, 308)
    if (hsts) redirect.headers.set('Strict-Transport-Security', hsts)
    return redirect
  }
  const isApi = pathname === '/api' || pathname.startsWith('/api/')
  const setLanguage = (pathname === '/admin' || pathname.startsWith('/admin/')) && !request.cookies.has(LANGUAGE_COOKIE)
  if (setLanguage) request.cookies.set(LANGUAGE_COOKIE, 'nl')

  const requestHeaders = new Headers(request.headers)
  const policy = isApi ? undefined : adminContentSecurityPolicy(createNonce(), { dev: env.NODE_ENV === 'development' })
  if (policy) requestHeaders.set(CSP, policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })

  if (policy) response.headers.set(CSP, policy)
  if (hsts) response.headers.set('Strict-Transport-Security', hsts)
  if (setLanguage)
    response.cookies.set(LANGUAGE_COOKIE, 'nl', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

// Everything but Next's own build files (hashed scripts and styles; next.config.mjs gives them the fixed headers).
export const config = { matcher: ['/((?!_next/static|_next/image).*)'] }
