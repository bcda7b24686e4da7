import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await createTestPayload()
})

afterAll(async () => {
  await ctx?.cleanup()
})

type DrizzleKit = {
  pushSchema: (schema: unknown, drizzle: unknown) => Promise<{ statementsToExecute: string[]; hasDataLoss: boolean }>
}

describe('committed SQLite migrations', () => {
  it('create exactly the schema the collections describe (a collection changed without a migration fails here)', async (context) => {
    if (process.env.PORTAL_TEST_DB === 'mongo') context.skip('MongoDB has no schema migrations; this checks the SQLite ones')
    const db = ctx.payload.db as unknown as { requireDrizzleKit: () => DrizzleKit; schema: unknown; drizzle: unknown }
    const { pushSchema } = db.requireDrizzleKit()
    const { statementsToExecute } = await pushSchema(db.schema, db.drizzle)
    // Anything listed here is a difference between the migrated database and the config:
    // run `npm run migrate:create` and commit the new migration.
    expect(statementsToExecute).toEqual([])
  })

  it('were all applied to the fresh file', async (context) => {
    if (process.env.PORTAL_TEST_DB === 'mongo') context.skip('MongoDB has no schema migrations')
    const { docs } = await ctx.payload.find({ collection: 'payload-migrations', limit: 100 })
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc.batch === 1)).toBe(true)
  })
})
