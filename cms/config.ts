import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import type { Config } from 'payload'

import { Regulation } from '../collections/Regulation'
import { Settings } from '../collections/Settings'
import { Users } from '../collections/Users'
import { databaseAdapter } from './db'
import type { Env } from './env'

const dirname = path.dirname(fileURLToPath(import.meta.url))
/** The whole configuration for an environment; tests build variants of it (e.g. the offline Mongo schema). */
export const configFor = (env: Env): Config => ({
  serverURL: env.CMS_URL,
  secret: env.PAYLOAD_SECRET,
  db: databaseAdapter(env.DATABASE_URL),
  editor: lexicalEditor(),
  collections: [Users],
  globals: [Regulation, Settings],
  admin: {
    user: Users.slug,
    // No requests to gravatar.com: the portal runs on closed networks too.
    avatar: 'default',
    meta: { titleSuffix: ' – Klachtenportaal Working Progression' },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
    },
  },
  i18n: {
    // Dutch is the default; English stays selectable per user.
    supportedLanguages: { nl, en },
    fallbackLanguage: 'nl',
  },
  // Issue 8: the REST API and the admin carry every access rule; GraphQL is switched off.
  graphQL: { disable: true },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // Types are generated explicitly (`npm run generate`), never as a side effect of booting.
    autoGenerate: false,
  },
  telemetry: false,
})
