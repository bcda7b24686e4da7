import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { deriveSecret } from '../../cms/env'
import { startCountingProxy } from '../helpers/countingProxy'
import { TEST_SECRET } from '../helpers/payload'
import { freePort } from '../helpers/ports'
import { staffToken } from '../helpers/staff'

/**
 * Production shape: several site processes behind a reverse proxy, one CMS. The CMS's push after a
 * publication reaches one address (here: the portal's own site); these two extra processes of the
 * same build (`node site/server.ts`, the @astrojs/node standalone handler behind the page cache) get
 * no push at all, and still show what an editor publishes, through the content version check.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const cmsUrl = inject('cmsUrl')
const portalSiteUrl = inject('siteUrl')

const children: ChildProcess[] = []
let proxy: Awaited<ReturnType<typeof startCountingProxy>>
let sites: string[] = []
/** A third process whose check is never due during the test: what the others would do without it. */
let unchecked = ''
/** Two processes that keep their rate-limit counts in the CMS, and two that count each for itself (control). */
let sharedCounts: string[] = []
let ownCounts: string[] = []

async function startSite(port: number, env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, [path.join(root, 'site/server.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Both through one counting proxy, to see what they ask the CMS.
      CMS_API_URL: `${proxy.url}/api`,
      SITE_API_KEY: deriveSecret(TEST_SECRET, 'site-api-key'),
      SITE_CACHE_SECRET: deriveSecret(TEST_SECRET, 'site-cache'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Server listening on')) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`site exited with ${code}:\n${output}`)))
  })
  return `http://127.0.0.1:${port}`
}

const title = async (site: string) => {
  const response = await fetch(`${site}/klachtenreglement`)
  expect(response.status).toBe(200)
  return /<h1[^>]*>([^<]*)<\/h1>/.exec(await response.text())?.[1]
}

type Stats = { requests: number; paths: string[] }
const contentRequests = async () => {
  const { paths } = (await (await fetch(`${proxy.url}/__proxy/stats`)).json()) as Stats
  return paths.filter((line) => !line.startsWith('GET /api/site-version'))
}

async function publish(token: string, newTitle: string) {
  const response = await fetch(`${cmsUrl}/api/globals/regulation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ title: newTitle, changeNote: 'Titel herzien', _status: 'published' }),
  })
  expect(response.status).toBe(200)
}

/** Polls every site until each shows `expected`; the time it took for each, in ms (or null: not within the limit). */
async function untilShown(expected: string, limitMs: number, from: number) {
  const shownAfter: (number | null)[] = sites.map(() => null)
  while (Date.now() - from < limitMs && shownAfter.some((t) => t === null)) {
    await Promise.all(
      sites.map(async (site, i) => {
        if (shownAfter[i] === null && (await title(site)) === expected) shownAfter[i] = Date.now() - from
      }),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return shownAfter
}

beforeAll(async () => {
  proxy = await startCountingProxy(cmsUrl)
  ;[unchecked, ...sites] = await Promise.all([
    startSite(await freePort(), { SITE_VERSION_CHECK_MS: '3600000' }),
    startSite(await freePort()),
    startSite(await freePort()),
  ])
  const limited = { SITE_RATE_LIMIT_LINK_PER_HOUR: '5' }
  sharedCounts = await Promise.all([
    startSite(await freePort(), { ...limited, SITE_RATE_LIMIT_STORE: 'cms' }),
    startSite(await freePort(), { ...limited, SITE_RATE_LIMIT_STORE: 'cms' }),
  ])
  ownCounts = await Promise.all([
    startSite(await freePort(), { ...limited, SITE_RATE_LIMIT_STORE: 'memory' }),
    startSite(await freePort(), { ...limited, SITE_RATE_LIMIT_STORE: 'memory' }),
  ])
}, 120_000)

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM')
  await proxy?.close()
})

describe('a publication reaches every site process, not only the one the push reaches', () => {
  it('the regulation an editor publishes shows on both extra site processes within 5 s, with no push to them', async () => {
    const editor = await staffToken(cmsUrl, 'redacteur.processen@example.nl', ['editor'])
    const before = 'Klachtenreglement Working Progression (twee processen, oud)'
    const after = 'Klachtenreglement Working Progression (twee processen, nieuw)'
    await publish(editor, before)
    // The starting point, on every site process (the extra ones learn it by the check too).
    expect(await untilShown(before, 10_000, Date.now())).not.toContain(null)
    // The unchecked process starts now, so it holds this text (its first request sets its baseline).
    expect(await title(unchecked)).toBe(before)

    // Control: each extra process serves its cached page — no content request reaches the CMS.
    await fetch(`${proxy.url}/__proxy/reset`, { method: 'POST' })
    for (let i = 0; i < 10; i++) for (const site of [...sites, unchecked]) expect(await title(site)).toBe(before)
    expect(await contentRequests()).toEqual([])

    const publishedAt = Date.now()
    await publish(editor, after)
    const shownAfter = await untilShown(after, 5_000, publishedAt)
    console.log(`[site-processes] shown on the two extra site processes after ${shownAfter.join(' ms and ')} ms`)
    expect(shownAfter).not.toContain(null)
    // Control: without a check that is due and without a push, a process keeps its cached old text.
    expect(await title(unchecked)).toBe(before)
    // The portal's own site, which got the push, shows it as well.
    expect(await title(portalSiteUrl)).toBe(after)
    // Each process fetched the new content once (the regulation, with the settings the layout shows).
    expect((await contentRequests()).filter((line) => line.includes('/globals/regulation'))).toHaveLength(2)
  })
})

/** A request for a link to /mijn-klacht (Decision 20) as a browser without JavaScript posts it: its status. */
async function requestLink(site: string, n: number): Promise<number> {
  const response = await fetch(`${site}/mijn-klacht`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site },
    body: new URLSearchParams({ reference: `WP-2026-${9000 + n}`, email: `lukasz.${n}@example.nl` }),
    redirect: 'manual',
  })
  return response.status
}

describe('a rate limit holds across site processes (SITE_RATE_LIMIT_STORE=cms)', () => {
  it('Decision 20: five link requests an hour from one address, taking turns over two processes; the sixth is refused', async () => {
    const statuses = []
    for (let n = 0; n < 6; n++) statuses.push(await requestLink(sharedCounts[n % 2] ?? '', n))
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429])
    // Control: two processes that count each for itself let the sixth through (three each).
    const apart = []
    for (let n = 10; n < 16; n++) apart.push(await requestLink(ownCounts[n % 2] ?? '', n))
    expect(apart).toEqual([303, 303, 303, 303, 303, 303])
  })
})
