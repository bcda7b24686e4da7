import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import {
  createSiteServer,
  createVersionCheck,
  PAGE_CACHE_HEADER,
  PageCache,
  type VersionCheckOptions,
  versionCheckSettings,
} from '../../site/server'

/**
 * The site's content version check (site/server.ts): how every site process, not only the one the
 * CMS's push reaches, finds out about a publication of the regulation, the settings (Decision 14:
 * the contact details) or the figures (Decision 18). A clock of the test's own; the "CMS" is a
 * function answering the version the test sets.
 */
function setup(overrides: Partial<VersionCheckOptions> = {}) {
  let time = 1_000_000
  let version = 'v1'
  let reachable = true
  const reads: number[] = []
  const drops: string[] = []
  const logs: string[] = []
  const check = createVersionCheck({
    read: () => {
      reads.push(time)
      return reachable ? Promise.resolve(version) : Promise.reject(new Error('connect ECONNREFUSED'))
    },
    intervalMs: 2000,
    maxAgeMs: 300_000,
    drop: (reason) => drops.push(reason),
    now: () => time,
    log: (message) => logs.push(message),
    ...overrides,
  })
  return {
    check,
    reads,
    drops,
    logs,
    tick: (ms: number) => (time += ms),
    publish: (next: string) => (version = next),
    setReachable: (value: boolean) => (reachable = value),
    /** One request: awaits the check only when one is due, as the server does. */
    request: async () => {
      const due = check.beforeServing()
      if (due) await due
      return due !== undefined
    },
  }
}

describe('the content version check (every site process sees a publication by itself)', () => {
  it('asks the CMS at most once per interval; between checks a request awaits nothing', async () => {
    const s = setup()
    expect(await s.request()).toBe(true)
    for (let i = 0; i < 50; i++) {
      s.tick(39)
      expect(await s.request()).toBe(false)
    }
    expect(s.reads).toHaveLength(1)
    s.tick(50) // 2000 ms since the first check
    expect(await s.request()).toBe(true)
    expect(s.reads).toHaveLength(2)
  })

  it('drops the caches when the version changed, and only then (the first answer is the baseline)', async () => {
    const s = setup()
    await s.request()
    s.tick(2000)
    await s.request()
    expect(s.drops).toEqual([]) // control: the same version drops nothing
    s.publish('v2')
    s.tick(1999)
    await s.request()
    expect(s.drops).toEqual([]) // not due yet
    s.tick(1)
    const generation = s.check.generation
    await s.request()
    expect(s.drops).toEqual(['changed'])
    expect(s.check.generation).toBe(generation + 1)
    s.tick(2000)
    await s.request()
    expect(s.drops).toEqual(['changed']) // v2 is now the known version
  })

  it('lets concurrent requests share one read while it is in flight', async () => {
    let answer: ((version: string) => void) | undefined
    let reads = 0
    const check = createVersionCheck({
      read: () => {
        reads += 1
        return new Promise<string>((resolve) => (answer = resolve))
      },
      intervalMs: 2000,
      maxAgeMs: 300_000,
      drop: () => {},
      now: () => 0,
      log: () => {},
    })
    const first = check.beforeServing()
    const second = check.beforeServing()
    expect(first).toBeInstanceOf(Promise)
    expect(second).toBe(first)
    answer?.('v1')
    await first
    expect(reads).toBe(1)
  })

  it('keeps the caches while the CMS cannot be reached, logs that once, and catches up when it answers again', async () => {
    const s = setup()
    await s.request()
    s.setReachable(false)
    s.publish('v2')
    for (let i = 0; i < 5; i++) {
      s.tick(2000)
      await s.request()
    }
    expect(s.drops).toEqual([])
    expect(s.reads).toHaveLength(6)
    expect(s.logs).toEqual(['content version not checked, the cached pages stay (connect ECONNREFUSED)'])
    s.setReachable(true)
    s.tick(2000)
    await s.request()
    expect(s.drops).toEqual(['changed'])
    expect(s.logs.at(-1)).toBe('content version readable again')
  })

  it('drops everything after the maximum age even when nothing changed (the backstop), counted from the last drop', async () => {
    const s = setup({ maxAgeMs: 10_000 })
    await s.request()
    s.tick(9_999)
    await s.request()
    expect(s.drops).toEqual([])
    s.tick(1)
    await s.request()
    expect(s.drops).toEqual(['expired'])
    s.publish('v2')
    s.tick(4_000)
    await s.request()
    expect(s.drops).toEqual(['expired', 'changed'])
    s.tick(9_999)
    await s.request()
    expect(s.drops).toEqual(['expired', 'changed'])
    s.tick(1)
    await s.request()
    expect(s.drops).toEqual(['expired', 'changed', 'expired'])
  })

  it('after a push, asks at the very next request (so the push is not followed by a second drop)', async () => {
    const s = setup()
    await s.request()
    s.publish('v2')
    s.tick(100)
    s.check.pushed()
    expect(await s.request()).toBe(true)
    // The push already dropped the caches; the check drops them once more (nothing is in them yet) …
    expect(s.drops).toEqual(['changed'])
    s.tick(2000)
    await s.request()
    // … and knows v2 from then on.
    expect(s.drops).toEqual(['changed'])
  })

  it('reads its settings from SITE_VERSION_CHECK_MS and SITE_CACHE_MAX_AGE_MS (defaults 2 s and 5 minutes)', () => {
    expect(versionCheckSettings({})).toEqual({ intervalMs: 2000, maxAgeMs: 300_000 })
    expect(versionCheckSettings({ SITE_VERSION_CHECK_MS: '500', SITE_CACHE_MAX_AGE_MS: '60000' })).toEqual({
      intervalMs: 500,
      maxAgeMs: 60_000,
    })
    expect(() => versionCheckSettings({ SITE_VERSION_CHECK_MS: '2s' })).toThrow(
      'Configuratiefout: SITE_VERSION_CHECK_MS moet een geheel aantal milliseconden zijn',
    )
  })
})

describe('the site server with the version check', () => {
  const running: (() => Promise<void>)[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((close) => close()))
  })

  it('serves a kept page until the version changes, then renders the new text, without any push', async () => {
    let text = 'oude tekst'
    let renders = 0
    let version = 'v1'
    let time = 0
    const cache = new PageCache()
    const handler = (_req: IncomingMessage, res: ServerResponse) => {
      renders += 1
      res.writeHead(200, { 'content-type': 'text/html', [PAGE_CACHE_HEADER]: 'public' })
      res.end(`<p>${text}</p>`)
    }
    const versionCheck = createVersionCheck({
      read: () => Promise.resolve(version),
      intervalMs: 2000,
      maxAgeMs: 300_000,
      drop: () => cache.clear(),
      now: () => time,
      log: () => {},
    })
    const server = createSiteServer(handler, { cache, versionCheck })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    running.push(() => new Promise((resolve) => server.close(() => resolve())))
    const get = async () => (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).text()

    expect(await get()).toBe('<p>oude tekst</p>')
    text = 'nieuwe tekst' // published, but the kept page still holds the old one
    version = 'v2'
    time += 1000
    expect(await get()).toBe('<p>oude tekst</p>') // control: served from the cache before the check is due
    expect(renders).toBe(1)
    time += 1000
    expect(await get()).toBe('<p>nieuwe tekst</p>')
    expect(await get()).toBe('<p>nieuwe tekst</p>')
    expect(renders).toBe(2)
  })

  it('serves but does not keep a page whose rendering began before a drop (it may hold the old text)', async () => {
    const renderOnce = async (dropWhileRendering: boolean) => {
      let release: (() => void) | undefined
      let started: (() => void) | undefined
      const rendering = new Promise<void>((resolve) => (started = resolve))
      const cache = new PageCache()
      const handler = (_req: IncomingMessage, res: ServerResponse) => {
        started?.()
        void new Promise<void>((resolve) => (release = resolve)).then(() => {
          res.writeHead(200, { 'content-type': 'text/html', [PAGE_CACHE_HEADER]: 'public' })
          res.end('<p>oude tekst</p>')
        })
      }
      const versionCheck = createVersionCheck({
        read: () => Promise.resolve('v1'),
        intervalMs: 2000,
        maxAgeMs: 300_000,
        drop: () => cache.clear(),
        now: () => 0,
        log: () => {},
      })
      await versionCheck.beforeServing() // the baseline, so the request below awaits nothing
      const server = createSiteServer(handler, { cache, versionCheck })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      running.push(() => new Promise((resolve) => server.close(() => resolve())))
      const answer = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      await rendering
      if (dropWhileRendering) versionCheck.pushed()
      release?.()
      expect(await (await answer).text()).toBe('<p>oude tekst</p>')
      return cache.size
    }
    expect(await renderOnce(false)).toBe(1) // control: kept
    expect(await renderOnce(true)).toBe(0)
  })
})
