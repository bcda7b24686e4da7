import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await createTestPayload()
})

afterAll(async () => {
  await ctx?.cleanup()
})

type DrizzleJson = { version: string }
type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<DrizzleJson> | DrizzleJson
  generateMigration: (before: DrizzleJson, after: DrizzleJson) => Promise<string[]>
  upSnapshot?: (snapshot: DrizzleJson) => DrizzleJson
}

const migrationDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cms/migrations')

describe('committed SQLite migrations', () => {
  it('describe exactly the schema of the current config (a collection changed without a migration fails here)', async (context) => {
    if (process.env.PORTAL_TEST_DB === 'mongo')
      context.skip('MongoDB has no schema migrations; this checks the SQLite ones')
    // The same comparison `payload migrate:create` makes: the newest migration's snapshot against the config.
    const db = ctx.payload.db as unknown as { requireDrizzleKit: () => DrizzleKit; schema: unknown }
    const { generateDrizzleJson, generateMigration, upSnapshot } = db.requireDrizzleKit()
    const latest = readdirSync(migrationDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .at(-1)
    if (!latest) throw new Error('no migration snapshot committed')
    const after = await generateDrizzleJson(db.schema)
    let before = JSON.parse(readFileSync(path.join(migrationDir, latest), 'utf8')) as DrizzleJson
    if (upSnapshot && before.version < after.version) before = upSnapshot(before)
    // Anything listed here is missing from the migrations: run `npm run migrate:create` and commit it.
    expect(await generateMigration(before, after)).toEqual([])
  })

  it('were all applied to the fresh file, in one batch', async (context) => {
    if (process.env.PORTAL_TEST_DB === 'mongo') context.skip('MongoDB has no schema migrations')
    const { docs } = await ctx.payload.find({ collection: 'payload-migrations', limit: 100 })
    const committed = readdirSync(migrationDir)
      .filter((f) => /^\d.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
    expect(docs.map((doc) => doc.name).sort()).toEqual(committed.sort())
    expect(docs.every((doc) => doc.batch === 1)).toBe(true)
  })
})
