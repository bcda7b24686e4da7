import { type ChildProcess, spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { TestProject } from 'vitest/node'

import { startCountingProxy } from '../helpers/countingProxy'
import { startFakeResend } from '../helpers/fakeResend'
import { TEST_SECRET } from '../helpers/payload'
import { freePort } from '../helpers/ports'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    siteUrl: string
    /** The counting proxy between site and CMS (see helpers/countingProxy). */
    proxyUrl: string
    /** Everything the portal (start script, CMS and site) printed, kept up to date while tests run. */
    portalLog: string
    /** The fake Resend the portal delivers to; GET `${resendUrl}/test/deliveries` lists what it got. */
    resendUrl: string
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Starts the whole portal exactly as `npm start` does (building first when needed), once per run, on
 * a fresh SQLite file and free ports, with no administrator seeded. Every other test file sets up what
 * it needs through the API (test/helpers/staff.ts, admin.ts); the skeleton test still runs first (the
 * sequencer in vitest.config) because emptying the accounts of a used portal (withoutAccounts) does
 * not yet delete every account.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'))
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const proxy = await startCountingProxy(`http://127.0.0.1:${cmsPort}`)
  // Mail is delivered (to the fake), so a browser test can follow a link from an e-mail (Decision 20).
  const resend = await startFakeResend({ apiKey: 're_e2e_fake_key_0123456789' })
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: `file:${dir}/portal.db`,
    PAYLOAD_SECRET: TEST_SECRET,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    CMS_URL: `http://127.0.0.1:${cmsPort}`,
    SITE_URL: `http://127.0.0.1:${sitePort}`,
    CMS_API_URL: `${proxy.url}/api`,
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    // The browser tests file many complaints as klager@example.nl; the per-address limit has its own test.
    SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR: '1000',
    RESEND_API_KEY: 're_e2e_fake_key_0123456789',
    RESEND_BASE_URL: resend.url,
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'cms/scripts/start.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const portalLog = path.join(dir, 'portal.log')
  const keep = (chunk: Buffer) => appendFileSync(portalLog, chunk)
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`portal did not start within 8 minutes:\n${output.slice(-4000)}`)),
      8 * 60_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Stoppen met Ctrl-C')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`portal exited with ${code} before it was ready:\n${output.slice(-4000)}`))
    })
  })
  project.provide('cmsUrl', `http://127.0.0.1:${cmsPort}`)
  project.provide('siteUrl', `http://127.0.0.1:${sitePort}`)
  project.provide('proxyUrl', proxy.url)
  project.provide('portalLog', portalLog)
  project.provide('resendUrl', resend.url)

  return async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid, 'SIGTERM')
      await exited
    }
    await proxy.close()
    await resend.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
