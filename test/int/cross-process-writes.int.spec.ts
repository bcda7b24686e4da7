import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { resolveFileUrl } from '../../cms/db'
import { fileWebComplaint, readyForCases } from '../helpers/cases'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/*
 * SQLite writes one document as several statements: its row, then its hasMany selects deleted and
 * inserted again. With the job worker beside the CMS, two processes write the same cases. Each
 * rewrite holds SQLite's write lock from its first statement to its last (cms/lib/serialiseWrites.ts),
 * so another process — here a second connection to the same file — sees the document before or
 * after, never between; without it, another process's rewrite could slip in between and store
 * every category twice. The rewrite is paused right after it deleted the categories.
 */

let ctx: TestPayload
let payload: Payload

type Client = { execute: (stmt: string | { sql: string; args?: unknown[] }) => Promise<unknown> }

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  await readyForCases(payload)
}, 120_000)

afterAll(async () => ctx?.cleanup())

describe('a rewrite of a case is whole to other processes (SQLite)', () => {
  it('halfway through the rewrite, another connection still sees every category; afterwards the new ones, once each', async () => {
    const c = await fileWebComplaint(ctx, { name: 'Łukasz Şükrü Nguyễn' })
    const before = [...(c.categories ?? [])].sort()
    expect(before.length).toBeGreaterThan(0)
    const other = createClient({ url: resolveFileUrl(ctx.databaseUrl) })
    const categoriesSeen = async () =>
      (
        await other.execute({
          sql: 'SELECT value FROM complaints_categories WHERE parent_id = ? ORDER BY value',
          args: [c.id],
        })
      ).rows.map((row) => row.value as string)
    expect(await categoriesSeen()).toEqual(before)

    // Pause the portal's rewrite right after its delete of the categories.
    const client = (payload.db as unknown as { client: Client }).client
    const execute = client.execute.bind(client)
    let release = () => {}
    let paused = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const atGate = new Promise<void>((resolve) => (paused = resolve))
    client.execute = async (stmt) => {
      const result = await execute(stmt)
      const text = typeof stmt === 'string' ? stmt : stmt.sql
      if (/^delete from "complaints_categories"/i.test(text)) {
        paused()
        await gate
      }
      return result
    }
    try {
      const after = ['negligence', 'privacy_breach']
      const rewrite = payload.db.updateOne({ collection: 'complaints', id: c.id, data: { categories: after } })
      await atGate
      // Halfway: the categories are deleted in the portal's connection, not yet for anyone else.
      expect(await categoriesSeen()).toEqual(before)
      release()
      await rewrite
      expect(await categoriesSeen()).toEqual(after)
    } finally {
      client.execute = execute
      release()
      other.close()
    }
  })
})
