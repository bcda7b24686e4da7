import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../../cms/env'
import { configFor } from '../../cms/config'
import { TEST_SECRET } from '../helpers/payload'

/**
 * No MongoDB server can run on these machines, so this builds every Mongoose model of the
 * full configuration offline (`url: false`): a schema MongoDB could not take fails here.
 * With TEST_DATABASE_URL set, the int-mongo project runs the whole integration suite on a real server.
 */
let payload: Payload

beforeAll(async () => {
  const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET, DATABASE_URL: 'mongodb://offline.invalid/portal' })
  const config = await buildConfig({ ...configFor(env), db: mongooseAdapter({ url: false }) })
  payload = await getPayload({ config, key: 'mongo-offline-schema' })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('MongoDB schema (offline)', () => {
  it('has a model for every collection and global', () => {
    type Model = { schema: { path(name: string): { instance: string } | undefined } }
    const db = payload.db as unknown as {
      collections: Record<string, Model>
      globals: { discriminators?: Record<string, Model> } | null
    }
    const slugs = payload.config.collections.map((c) => c.slug)
    expect(slugs).toContain('users')
    for (const slug of slugs) expect(Object.keys(db.collections)).toContain(slug)
    expect(db.collections.users?.schema.path('roles')?.instance).toBe('Array')
    // Globals share one model, one discriminator each, with the global's own fields.
    expect(Object.keys(db.globals?.discriminators ?? {}).sort()).toEqual(
      payload.config.globals.map((g) => g.slug).sort(),
    )
    expect(db.globals?.discriminators?.settings?.schema.path('dayMode')?.instance).toBe('String')
  })
})
