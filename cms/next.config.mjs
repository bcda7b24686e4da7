import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** The Next.js shell of the Payload admin and REST API (cms/app/(payload)). */
const nextConfig = {
  // cms/ imports ../collections and ../hooks: let Turbopack read the whole repository.
  turbopack: { root: path.resolve(dirname, '..') },
  // `npm test` type-checks the whole repository with tsc; the build need not do it again.
  typescript: { tsconfigPath: './tsconfig.json', ignoreBuildErrors: true },
  poweredByHeader: false,
  // On every answer, Next's own build files included. The headers that depend on the request or the
  // environment (the admin's Content-Security-Policy with its nonce, HSTS) are set by proxy.ts.
  headers: async () => [
    {
      source: '/:path*',
      headers: [
        // No page of the admin may be framed (clickjacking); CSP frame-ancestors says the same to newer browsers.
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        // Other sites get no address from the admin (URLs hold case ids). Not no-referrer: with it,
        // browsers send `Origin: null` on a plain form post, and an origin check would refuse it.
        { key: 'Referrer-Policy', value: 'same-origin' },
      ],
    },
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
