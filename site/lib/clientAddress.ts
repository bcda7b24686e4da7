/**
 * The client's address for a rate limit. site/server.ts resolves it for every request — the peer,
 * or behind a proxy listed in SITE_TRUSTED_PROXIES the client that proxy names — and hands it over
 * in this header, replacing whatever a client sent under that name. Under `astro dev` (no such
 * server) Astro's own address is used.
 */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-address'

export function clientAddressOf(context: { request: Request; clientAddress: string }): string {
  if (process.env.SITE_RESOLVES_CLIENT_ADDRESS === '1')
    return context.request.headers.get(CLIENT_ADDRESS_HEADER) ?? context.clientAddress
  return context.clientAddress
}
