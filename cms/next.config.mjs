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
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
