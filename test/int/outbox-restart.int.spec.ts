import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, describe, expect, it, vi } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { releaseExpiredLeases } from '../../cms/jobs/lease'
import { startFakeResend } from '../helpers/fakeResend'
import { TEST_SECRET } from '../helpers/payload'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-outbox-restart-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the outbox across a crash', () => {
  it('a message queued while the process dies is delivered after the next start, exactly once', async (context) => {
    if (process.env.PORTAL_TEST_DB === 'mongo') context.skip('kills a process that holds the SQLite file')
    const fake = await startFakeResend({ apiKey: 're_restart_key_0123' })
    const env = {
      DATABASE_URL: `file:${dir}/portal.db`,
      PAYLOAD_SECRET: TEST_SECRET,
      RESEND_API_KEY: 're_restart_key_0123',
      RESEND_BASE_URL: fake.url,
      OUTBOX_RETRY_DELAY_MS: '1',
      // The dead process's claim on the job runs out after a second (cms/jobs/lease.ts).
      JOB_LEASE_MS: '1000',
      DISABLE_PAYLOAD_HMR: 'true',
    }
    try {
      // Resend accepts the message, but its answer comes too late for the dying process.
      fake.delayNextAnswer(1_500)
      const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['test/helpers/queueMailThenHang.ts'], {
        cwd: root,
        env: { ...process.env, ...env, NODE_ENV: 'test' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: tsx runs the script in a child, and both must die.
        detached: true,
      })
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      await vi.waitFor(() => expect(fake.requests).toBe(1), { timeout: 60_000, interval: 100 })
      const exited = new Promise((resolve) => child.once('exit', resolve))
      if (child.pid === undefined) throw new Error('child did not start')
      process.kill(-child.pid, 'SIGKILL')
      await exited
      expect(output).toContain('QUEUED')
      expect(output).not.toContain('FINISHED')

      // The next start: the same preparation `npm start` runs, then the runner's work.
      Object.assign(process.env, env)
      const { prepareDatabase } = await import('../../cms/scripts/lib/prepare')
      await prepareDatabase()
      const [{ getPayload }, { default: config }] = await Promise.all([
        import('payload'),
        import('../../cms/payload.config'),
      ])
      const payload = await getPayload({ config, key: 'after-restart' })
      try {
        // The worker's ticks: release the claims whose lease ran out, then run the queue. A retry may
        // meet Resend still finishing the first request (409, retried).
        await vi.waitFor(
          async () => {
            await releaseExpiredLeases(payload, 1000)
            await payload.jobs.run({ queue: OUTBOX_QUEUE, silent: true })
            const { docs } = await payload.find({ collection: 'outbox', overrideAccess: true })
            expect(docs[0]?.status).toBe('sent')
          },
          { timeout: 15_000, interval: 300 },
        )
        const { docs } = await payload.find({ collection: 'outbox', overrideAccess: true })
        expect(docs.map((m) => [m.subject, m.status])).toEqual([['Bericht van voor de herstart', 'sent']])
        // Resend saw the message more than once but, by its idempotency key, delivered it once.
        expect(fake.requests).toBeGreaterThanOrEqual(2)
        expect(fake.deliveries).toHaveLength(1)
        expect(docs[0]?.providerId).toBe(fake.deliveries[0]?.id)
      } finally {
        await payload.destroy()
      }
    } finally {
      await fake.close()
    }
  })
})
