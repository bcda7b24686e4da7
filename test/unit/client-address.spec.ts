import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { CLIENT_ADDRESS_HEADER as READ_BY_ACTIONS } from '../../site/lib/clientAddress'
import { CLIENT_ADDRESS_HEADER, createSiteServer, resolveClientAddress, trustedProxies } from '../../site/server'

/*
 * The rate limits count per client address (Art. 1's complaint form, Decision 20's link): behind a
 * reverse proxy that is the address the proxy names, but only a proxy in SITE_TRUSTED_PROXIES may
 * name it — anyone can send X-Forwarded-For.
 */

const none = trustedProxies(undefined)
const proxies = trustedProxies('10.0.0.0/8, 192.0.2.10, ::1')

describe('the client address behind trusted proxies only', () => {
  it('without trusted proxies the peer is the client, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.5', '198.51.100.1', none)).toBe('203.0.113.5')
    expect(resolveClientAddress('::ffff:203.0.113.5', undefined, none)).toBe('203.0.113.5')
  })

  it('from a trusted proxy the client is the first hop from the right that is no trusted proxy', () => {
    // Control: the same header from a peer that is no proxy of ours is ignored.
    expect(resolveClientAddress('203.0.113.5', '198.51.100.1', proxies)).toBe('203.0.113.5')
    expect(resolveClientAddress('10.1.2.3', '198.51.100.1', proxies)).toBe('198.51.100.1')
    // A client that sends its own header puts a false address on the left: the proxy's right-hand entry wins.
    expect(resolveClientAddress('10.1.2.3', '1.2.3.4, 198.51.100.1', proxies)).toBe('198.51.100.1')
    // Two proxies in a row (the load balancer, then nginx).
    expect(resolveClientAddress('::ffff:10.1.2.3', '198.51.100.1, 192.0.2.10', proxies)).toBe('198.51.100.1')
    expect(resolveClientAddress('::1', ['198.51.100.7', '10.9.9.9'], proxies)).toBe('198.51.100.7')
    // A garbled hop is no client: the proxy itself counts.
    expect(resolveClientAddress('10.1.2.3', 'geen-adres', proxies)).toBe('10.1.2.3')
    // A trusted proxy without a header.
    expect(resolveClientAddress('10.1.2.3', undefined, proxies)).toBe('10.1.2.3')
  })

  it('a malformed SITE_TRUSTED_PROXIES names the entry', () => {
    expect(() => trustedProxies('10.0.0.0/8, proxy.example')).toThrow(
      'Configuratiefout: SITE_TRUSTED_PROXIES bevat "proxy.example", geen IP-adres of bereik',
    )
  })
})

describe('site/server.ts hands the resolved address to the Actions, never the one a client claims', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
    close = undefined
  })

  async function seen(trusted: ReturnType<typeof trustedProxies>, headers: Record<string, string>) {
    const server = createSiteServer(
      (req, res) =>
        res.writeHead(200, { 'content-type': 'text/plain' }).end(String(req.headers[CLIENT_ADDRESS_HEADER])),
      { trustedProxies: trusted },
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    close = () => new Promise((resolve) => server.close(() => resolve()))
    const { port } = server.address() as AddressInfo
    const response = await fetch(`http://127.0.0.1:${port}/klacht-indienen`, { method: 'POST', headers })
    return response.text()
  }

  it('the header is the one the Actions read', () => {
    expect(READ_BY_ACTIONS).toBe(CLIENT_ADDRESS_HEADER)
  })

  it('a claimed address is replaced by the peer; from a trusted proxy by the client it names', async () => {
    const claims = { [CLIENT_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '198.51.100.1' }
    expect(await seen(none, claims)).toBe('127.0.0.1')
    expect(await seen(trustedProxies('127.0.0.1'), claims)).toBe('198.51.100.1')
  })
})
