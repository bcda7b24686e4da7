import { BlockList, isIP } from 'node:net'

/**
 * SITE_TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For names the client (site/server.ts,
 * "The client's address"). Its own module, so that the CMS's check of the environment at
 * `npm start` (cms/env.ts) refuses a malformed list before the site process is started.
 */

/** An address as compared: trimmed, an IPv4-mapped IPv6 address as its IPv4 form. */
export const plainAddress = (address: string): string => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')

export type TrustedProxies = { check(address: string): boolean }

/** Parses SITE_TRUSTED_PROXIES; a malformed entry is a configuration error that names it. */
export function trustedProxies(spec: string | undefined): TrustedProxies {
  const list = new BlockList()
  let any = false
  for (const entry of (spec ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = '', bits] = entry.split('/')
    const family = isIP(address)
    if (family === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      throw new Error(`Configuratiefout: SITE_TRUSTED_PROXIES bevat "${entry}", geen IP-adres of bereik`)
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(bits), type)
    any = true
  }
  return {
    check: (address) => {
      if (!any) return false
      const a = plainAddress(address)
      const family = isIP(a)
      return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6')
    },
  }
}
