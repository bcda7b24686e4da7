import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { parseEnv } from '../../cms/env'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { TEST_SECRET } from '../helpers/payload'
import { freePort } from '../helpers/ports'

/**
 * The real `npm start` (built CMS and site; it builds them first when they are not built, as the
 * browser tests' globalSetup does): a CMS killed with SIGKILL is restarted while the site keeps
 * serving the published regulation, and the site process holds none of the CMS's secrets.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-restart-'))
const ADMIN_PASSWORD = 'kwarktaart-lantaarn-negen-zeven'
const RESEND_API_KEY = 're_restart_test_key'

let portal: ChildProcess
let output = ''
let resend: FakeResend
let env: Record<string, string> & { NODE_ENV: 'production' }
let cmsUrl = ''
let siteUrl = ''

/** Resolves once the portal printed a line matching the pattern (after `from` characters of output). */
async function printed(pattern: RegExp, from = 0, timeout = 180_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeout
  for (;;) {
    const match = output.slice(from).match(pattern)
    if (match) return match
    if (portal.exitCode !== null || portal.signalCode !== null)
      throw new Error(`the portal stopped before printing ${pattern}:\n${output.slice(-3000)}`)
    if (Date.now() > deadline)
      throw new Error(`not printed within ${timeout / 1000} s: ${pattern}\n${output.slice(-3000)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function environOf(pid: number): Record<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean)
  return Object.fromEntries(
    entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  )
}

const status = async (url: string) =>
  (await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) })).status

const isGone = (pid: number) => {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

beforeAll(async () => {
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  resend = await startFakeResend({ apiKey: RESEND_API_KEY })
  cmsUrl = `http://127.0.0.1:${cmsPort}`
  siteUrl = `http://127.0.0.1:${sitePort}`
  env = {
    // npm's own way: the portal's Node 24 first on the PATH.
    PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? dir,
    NODE_ENV: 'production' as const,
    DATABASE_URL: `file:${dir}/portal.db`,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    PAYLOAD_SECRET: TEST_SECRET,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    CMS_URL: cmsUrl,
    SITE_URL: siteUrl,
    ADMIN_EMAIL: 'beheer@example.nl',
    ADMIN_PASSWORD,
    RESEND_API_KEY,
    RESEND_BASE_URL: resend.url,
  }
  portal = spawn(process.execPath, ['--import', 'tsx', 'cms/scripts/start.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  portal.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  portal.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  // A fresh clone builds the CMS and the site first (minutes on a small machine).
  await printed(/Stoppen met Ctrl-C/, 0, 14 * 60_000)
}, 15 * 60_000)

afterAll(async () => {
  if (portal?.pid !== undefined && portal.exitCode === null) {
    const exited = new Promise((resolve) => portal.once('exit', resolve))
    process.kill(-portal.pid, 'SIGTERM')
    await exited
  }
  await resend?.close()
  rmSync(dir, { recursive: true, force: true })
})

const pidOf = (name: 'cms' | 'site' | 'worker', from = 0) =>
  printed(new RegExp(`\\[portaal\\] ${name} (?:started|restarted) \\(pid (\\d+)\\)`), from).then((m) => Number(m[1]))

// A CMS restart (recovery, then Next starting again) takes a while on a busy machine.
describe('npm start as a supervisor', { timeout: 240_000 }, () => {
  it('gives the site process its own two keys and none of the CMS secrets (control: the CMS has them)', async () => {
    const cms = environOf(await pidOf('cms'))
    expect([cms.PAYLOAD_SECRET, cms.ADMIN_PASSWORD, cms.RESEND_API_KEY]).toEqual([
      TEST_SECRET,
      ADMIN_PASSWORD,
      RESEND_API_KEY,
    ])

    const site = environOf(await pidOf('site'))
    for (const name of [
      'PAYLOAD_SECRET',
      'ADMIN_PASSWORD',
      'RESEND_API_KEY',
      'DATABASE_URL',
      'ADMIN_EMAIL',
      'RESEND_BASE_URL',
    ])
      expect(site[name]).toBe(undefined)
    const values = Object.values(site).join('\n')
    for (const secret of [TEST_SECRET, ADMIN_PASSWORD, RESEND_API_KEY]) expect(values).not.toContain(secret)
    const derived = parseEnv(env)
    expect([site.SITE_API_KEY, site.SITE_CACHE_SECRET]).toEqual([derived.SITE_API_KEY, derived.SITE_CACHE_SECRET])
  })

  it('restarts a CMS killed with SIGKILL; meanwhile the site serves /klachtenreglement', async () => {
    const regulation = `${siteUrl}/klachtenreglement`
    // The site keeps the published pages it has served in memory.
    expect(await status(regulation)).toBe(200)
    const sitePid = await pidOf('site')
    const cmsPid = await pidOf('cms')
    const mark = output.length

    process.kill(cmsPid, 'SIGKILL')
    await printed(/\[portaal\] cms exited \(signal SIGKILL\) after [\d.]+ s; restart 1 in 1 s/, mark)
    expect(await status(regulation)).toBe(200)
    // The CMS was down all along: it does not even accept a connection yet.
    await expect(fetch(`${cmsUrl}/api/users/me`)).rejects.toThrow()

    const newCmsPid = await pidOf('cms', mark)
    expect(newCmsPid).not.toBe(cmsPid)
    await printed(/\[portaal\] cms is up again/, mark)
    expect(await status(`${cmsUrl}/api/users/me`)).toBe(200)
    expect(await status(regulation)).toBe(200)
    // The site ran through it, untouched.
    expect(await pidOf('site')).toBe(sitePid)
    expect(output.slice(mark)).not.toMatch(/site (exited|restarted)/)
  })

  it('restarts a dead site the same way, again with only its own keys', async () => {
    const sitePid = await pidOf('site')
    const mark = output.length
    process.kill(sitePid, 'SIGKILL')
    await printed(/\[portaal\] site exited \(signal SIGKILL\) after [\d.]+ s; restart 1 in 1 s/, mark)
    const newSitePid = await pidOf('site', mark)
    await printed(/\[portaal\] site is up again/, mark)
    expect(await status(`${siteUrl}/klachtenreglement`)).toBe(200)
    expect(environOf(newSitePid).PAYLOAD_SECRET).toBe(undefined)
  })

  it('runs the jobs in the worker only (the CMS runs none), and restarts a dead worker the same way', async () => {
    const workerPid = await pidOf('worker')
    expect(environOf(workerPid).CMS_JOBS).toBe('on')
    // Control: the CMS has the same environment but for this switch.
    expect(environOf(await pidOf('cms', output.lastIndexOf('[portaal] cms restarted'))).CMS_JOBS).toBe('off')
    await printed(/\[worker\] wachtrijen draaien/)
    const mark = output.length
    process.kill(workerPid, 'SIGKILL')
    await printed(/\[portaal\] worker exited \(signal SIGKILL\) after [\d.]+ s; restart 1 in 1 s/, mark)
    const newWorkerPid = await pidOf('worker', mark)
    expect(newWorkerPid).not.toBe(workerPid)
    await printed(/\[worker\] wachtrijen draaien/, mark)
    expect(output.slice(mark)).not.toMatch(/(cms|site) (exited|restarted)/)
  })

  it('stops everything on SIGTERM, with exit code 0', async () => {
    const pids = [
      await pidOf('cms', output.lastIndexOf('[portaal] cms restarted')),
      await pidOf('site', output.lastIndexOf('[portaal] site restarted')),
      await pidOf('worker', output.lastIndexOf('[portaal] worker restarted')),
    ]
    const exited = new Promise<number | null>((resolve) => portal.once('exit', (code) => resolve(code)))
    process.kill(-Number(portal.pid), 'SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toMatch(/\[portaal\] SIGTERM received: stopping cms, site, worker/)
    await vi.waitFor(() => expect(pids.map(isGone)).toEqual([true, true, true]), { timeout: 10_000, interval: 100 })
  })
})
