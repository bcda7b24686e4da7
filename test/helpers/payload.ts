import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-payload-0123456789'

export type TestPayload = {
  payload: Payload
  databaseUrl: string
  /** The real REST API of this instance (Payload's own handler, as Next serves it), without HTTP. */
  rest: (path: string, init?: RequestInit) => Promise<Response>
  cleanup: () => Promise<void>
}

/**
 * A real Payload on a fresh SQLite file, schema created by the committed migrations
 * (the way a production start does it). With TEST_DATABASE_URL=mongodb://… and
 * PORTAL_TEST_DB=mongo (the int-mongo project), a fresh database on that server instead.
 */
export async function createTestPayload(env: Record<string, string> = {}): Promise<TestPayload> {
  const id = randomUUID().slice(0, 8)
  const dir = path.join(os.tmpdir(), `portal-int-${id}`)
  mkdirSync(dir, { recursive: true })
  const useMongo = process.env.PORTAL_TEST_DB === 'mongo' && process.env.TEST_DATABASE_URL
  const databaseUrl = useMongo
    ? mongoUrlWithDatabase(process.env.TEST_DATABASE_URL ?? '', `portal_test_${id}`)
    : `file:${dir}/test.db`
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: TEST_SECRET,
    DISABLE_PAYLOAD_HMR: 'true',
    // Uploads (attachments, letters) of each test file stay in its own folder.
    UPLOAD_DIR: path.join(dir, 'uploads'),
    ...env,
  })
  const [{ getPayload, handleEndpoints }, { default: portalConfig }] = await Promise.all([
    import('payload'),
    import('../../cms/payload.config'),
  ])
  // Without the job crons: Payload's REST handler starts them (every 5 s on the outbox queue) on
  // its first request, and in a test they would run queued jobs at random moments, between a
  // count and its check. Here a job runs only when the test runs it (`payload.jobs.run`).
  const base = await portalConfig
  const config = { ...base, jobs: { ...base.jobs, autoRun: undefined } }
  const key = `test-${id}`
  const payload = await getPayload({ config, key })
  if (!useMongo) await payload.db.migrate()
  return {
    payload,
    databaseUrl,
    rest: (path, init) =>
      handleEndpoints({
        config,
        payloadInstanceCacheKey: key,
        request: new Request(`http://localhost:3000/api${path}`, init),
      }),
    cleanup: async () => {
      if (useMongo)
        await (
          payload.db as unknown as { connection?: { dropDatabase(): Promise<unknown> } }
        ).connection?.dropDatabase()
      await payload.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function mongoUrlWithDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
