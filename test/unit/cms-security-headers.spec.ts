import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it } from 'vitest'

import { adminContentSecurityPolicy, createNonce, strictTransportSecurity } from '../../cms/lib/securityHeaders'
import { TEST_SECRET } from '../helpers/payload'

/**
 * The CMS's own security headers (proxy.ts): the admin page's CSP with a nonce per request, HSTS
 * over https. The fixed headers of next.config.mjs and the admin working under this policy are
 * checked in the browser (test/e2e/skeleton.e2e.spec.ts).
 */

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

/** proxy.ts as Next loads it: a fresh module with this environment (getEnv caches per process). */
async function proxyWith(env: Record<string, string>) {
  const { vi } = await import('vitest')
  vi.resetModules()
  Object.assign(process.env, { PAYLOAD_SECRET: TEST_SECRET, NODE_ENV: 'production', ...env })
  const { proxy } = await import('../../cms/proxy')
  return (path: string, headers: Record<string, string> = {}) =>
    proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers }))
}

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1]

describe('the admin’s Content-Security-Policy', () => {
  it('allows scripts only with the page’s nonce (and what they load), refuses plug-ins, framing and foreign bases and forms', () => {
    const policy = adminContentSecurityPolicy('abc123', { dev: false })
    const directives = Object.fromEntries(
      policy.split('; ').map((d): [string, string] => [d.split(' ')[0] ?? '', d.split(' ').slice(1).join(' ')]),
    )
    expect(directives['script-src']).toBe("'self' 'nonce-abc123' 'strict-dynamic'")
    expect(directives['object-src']).toBe("'none'")
    expect(directives['frame-ancestors']).toBe("'none'")
    expect(directives['base-uri']).toBe("'self'")
    expect(directives['form-action']).toBe("'self'")
    expect(directives['default-src']).toBe("'self'")
    // No host of another party anywhere in the policy.
    expect(policy).not.toMatch(/https?:|\*/)
    expect(policy).not.toContain('unsafe-eval')
  })

  it('adds unsafe-eval under next dev only (React’s debugging needs it, a production build does not)', () => {
    expect(adminContentSecurityPolicy('n', { dev: true })).toContain(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'",
    )
  })

  it('makes a new unguessable nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()))
    expect(nonces.size).toBe(100)
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
  })

  it('sends HSTS only when the CMS is served over https', () => {
    expect(strictTransportSecurity('https://klachten.example.nl')).toBe('max-age=31536000')
    expect(strictTransportSecurity('http://localhost:3000')).toBeUndefined()
  })
})

describe('proxy.ts', () => {
  it('gives each admin page a policy with a fresh nonce, on the answer and on the request Next renders (which stamps its scripts with it)', async () => {
    const proxy = await proxyWith({ CMS_URL: 'http://127.0.0.1:3000' })
    const first = proxy('/admin')
    const second = proxy('/admin/collections/complaints')
    const policy = first.headers.get('content-security-policy')
    expect(policy).toBe(adminContentSecurityPolicy(nonceOf(policy) ?? '', { dev: false }))
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonceOf(policy))
    // What Next renders with: the request's own headers, overridden by the proxy.
    expect(first.headers.get('x-middleware-override-headers')?.split(',')).toContain('content-security-policy')
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy)
  })

  it('gives API answers no page policy (stored files carry their own), and no HSTS over http', async () => {
    const proxy = await proxyWith({ CMS_URL: 'http://127.0.0.1:3000' })
    const api = proxy('/api/users/me')
    expect(api.headers.get('content-security-policy')).toBeNull()
    expect(api.headers.get('x-middleware-request-content-security-policy')).toBeNull()
    expect(api.headers.get('strict-transport-security')).toBeNull()
    expect(proxy('/admin').headers.get('strict-transport-security')).toBeNull()
  })

  it('adds HSTS to admin pages and API answers when CMS_URL is https', async () => {
    const proxy = await proxyWith({ CMS_URL: 'https://klachten.example.nl' })
    for (const path of ['/admin', '/admin/login', '/api/users/me', '/api/letters/file/brief.pdf']) {
      expect(proxy(path).headers.get('strict-transport-security'), path).toBe('max-age=31536000')
    }
  })

  it('still makes the admin Dutch by default, and leaves a chosen language and the API alone', async () => {
    const proxy = await proxyWith({ CMS_URL: 'http://127.0.0.1:3000' })
    expect(proxy('/admin').cookies.get('payload-lng')?.value).toBe('nl')
    expect(proxy('/admin', { cookie: 'payload-lng=en' }).cookies.get('payload-lng')).toBeUndefined()
    expect(proxy('/api/users/me').cookies.get('payload-lng')).toBeUndefined()
  })
})
