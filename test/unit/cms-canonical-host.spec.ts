import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { TEST_SECRET } from '../helpers/payload'

/**
 * The admin at its configured address only (cms/lib/canonicalHost, called by cms/proxy.ts): Payload
 * accepts a save only from the origin of `CMS_URL`, so an admin opened at 127.0.0.1 instead of
 * localhost refused every save ("U mag deze actie niet uitvoeren"). A page at another host moves to
 * `CMS_URL` with its path and query; what is not safe to repeat elsewhere stays where it was.
 */

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

/** proxy.ts as Next loads it, with CMS_URL=http://localhost:3000 (getEnv caches per process). */
async function proxyAt(cmsUrl = 'http://localhost:3000') {
  vi.resetModules()
  Object.assign(process.env, { PAYLOAD_SECRET: TEST_SECRET, NODE_ENV: 'production', CMS_URL: cmsUrl })
  const { proxy } = await import('../../cms/proxy')
  return (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => {
    const host = new URL(url).host
    return proxy(new NextRequest(url, { method: init.method, headers: { host, ...init.headers } }))
  }
}

describe('the admin at another host than CMS_URL', () => {
  it('control: at the configured host the admin page is served as is (no redirect)', async () => {
    const proxy = await proxyAt()
    const page = proxy('http://localhost:3000/admin/collections/complaints?limit=10')
    expect(page.status).toBe(200)
    expect(page.headers.get('location')).toBeNull()
    expect(page.headers.get('content-security-policy')).toMatch(/nonce-/)
  })

  it('moves an admin page opened at 127.0.0.1 to the configured address, with the same path and query (308)', async () => {
    const proxy = await proxyAt()
    const path = '/admin/collections/complaints?where[status][equals]=received&limit=10'
    for (const method of ['GET', 'HEAD']) {
      const answer = proxy(`http://127.0.0.1:3000${path}`, { method })
      expect(answer.status, method).toBe(308)
      expect(new URL(answer.headers.get('location') ?? '').href).toBe(new URL(`http://localhost:3000${path}`).href)
    }
    expect(proxy('http://127.0.0.1:3000/admin').headers.get('location')).toBe('http://localhost:3000/admin')
  })

  it('moves an API page the browser opens (a navigation, e.g. a letter’s PDF), not a call by server code', async () => {
    const proxy = await proxyAt()
    const navigate = proxy('http://127.0.0.1:3000/api/letters/file/brief.pdf', {
      headers: { 'sec-fetch-mode': 'navigate' },
    })
    expect(navigate.status).toBe(308)
    expect(navigate.headers.get('location')).toBe('http://localhost:3000/api/letters/file/brief.pdf')
    // The site reads published content at CMS_API_URL (often 127.0.0.1): answered where it asked.
    const server = proxy('http://127.0.0.1:3000/api/regulation?depth=0')
    expect(server.status).toBe(200)
    expect(server.headers.get('location')).toBeNull()
  })

  it('never moves a save: POST, PATCH and DELETE at another host keep Payload’s own refusal', async () => {
    const proxy = await proxyAt()
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      const answer = proxy('http://127.0.0.1:3000/api/complaints/abc', {
        method,
        headers: { 'sec-fetch-mode': 'navigate' },
      })
      expect(answer.status, method).toBe(200)
      expect(answer.headers.get('location'), method).toBeNull()
    }
  })

  it('behind a reverse proxy, goes by the host it forwards; a path prefix of CMS_URL is kept', async () => {
    const proxy = await proxyAt('https://klachten.example.nl/portaal')
    const forwarded = proxy('http://127.0.0.1:3000/admin', { headers: { 'x-forwarded-host': 'klachten.example.nl' } })
    expect(forwarded.status).toBe(200)
    const other = proxy('http://127.0.0.1:3000/admin/account', { headers: { 'x-forwarded-host': 'wp-intern:3000' } })
    expect(other.status).toBe(308)
    expect(other.headers.get('location')).toBe('https://klachten.example.nl/portaal/admin/account')
    expect(other.headers.get('strict-transport-security')).toBe('max-age=31536000')
  })
})
