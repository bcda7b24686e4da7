import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

import {
  DEFAULT_BACKOFF,
  nextRestart,
  type ServiceSpec,
  type Supervisor,
  type SupervisorOptions,
  supervise,
} from '../../cms/scripts/lib/supervisor'
import { freePort } from '../helpers/ports'

/**
 * The supervisor of `npm start` with small stand-in processes (node -e): one that dies at once,
 * one that serves HTTP. The waits between restarts are handed to the test (no test waits 30 s);
 * the processes, their exits and their signals are real.
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'portal-supervisor-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

// Whatever a test left running (it failed half-way) is stopped after it.
const running: Supervisor[] = []
function supervised(specs: ServiceSpec[], options: SupervisorOptions): Supervisor {
  const supervisor = supervise(specs, options)
  running.push(supervisor)
  return supervisor
}
const strays: number[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop('test cleanup')))
  for (const pid of strays.splice(0)) if (!isGone(pid)) process.kill(pid, 'SIGKILL')
})

const node = (name: string, script: string, extra: Partial<ServiceSpec> = {}): ServiceSpec => ({
  name,
  command: process.execPath,
  args: ['-e', script],
  cwd: tmp,
  env: { NODE_ENV: 'test', PATH: process.env.PATH },
  ...extra,
})

const dying = (name = 'crash') => node(name, 'process.exit(3)')

async function serving(name = 'steady'): Promise<ServiceSpec> {
  const port = await freePort()
  return node(name, `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`, {
    readyUrl: `http://127.0.0.1:${port}/`,
  })
}

/** True once the process is gone (or a zombie nobody reaped yet). */
function isGone(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

const answers = async (url: string | undefined) => (await fetch(String(url))).status

function logger() {
  const lines: string[] = []
  return { lines, log: (line: string) => void lines.push(line) }
}

describe('the backoff between restarts', () => {
  it.each([
    [0, 0, 1000, 1],
    [1, 0, 2000, 2],
    [2, 5_000, 4000, 3],
    [4, 0, 16_000, 5],
    [5, 0, 30_000, 6],
    [9, 0, 30_000, 10],
    // It had run stably: the next restart waits 1 s again.
    [9, 60_000, 1000, 1],
    [3, 3_600_000, 1000, 1],
  ])(
    'after %i quick deaths in a row, a run of %i ms: wait %i ms (count %i)',
    (quickDeaths, uptimeMs, delayMs, count) => {
      expect(nextRestart(quickDeaths, uptimeMs, DEFAULT_BACKOFF)).toEqual({ delayMs, quickDeaths: count })
    },
  )
})

// Each case starts several real Node processes: on a busy machine that takes seconds.
describe('the supervisor of npm start', { timeout: 60_000 }, () => {
  it('restarts a dead process after 1 s, 2 s, 4 s … at most 30 s, recovering first; the other process keeps running', async () => {
    const { lines, log } = logger()
    const delays: number[] = []
    const order: string[] = []
    const steady = await serving()
    const cms = { ...dying('cms'), beforeRestart: async () => void order.push('recover') }
    const supervisor: Supervisor = supervised([cms, steady], {
      log: (line) => {
        log(line)
        if (/^cms (started|restarted)/.test(line)) order.push('start')
      },
      sleep: async (ms) => {
        delays.push(ms)
        if (delays.length === 7) {
          await supervisor?.ready
          void supervisor?.stop('test done')
        }
      },
    })
    await supervisor.ready
    const steadyPid = supervisor.pid('steady')
    expect(await supervisor.done).toBe(0)

    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000])
    expect(lines.filter((l) => l.startsWith('cms exited'))[0]).toMatch(
      /^cms exited \(code 3\) after [\d.]+ s; restart 1 in 1 s$/,
    )
    expect(lines.filter((l) => /^cms restarted \(pid \d+\)$/.test(l))).toHaveLength(6)
    // Recovery before each restart, never before the first start; none after the stop.
    expect(order).toEqual(['start', ...Array<string[]>(6).fill(['recover', 'start']).flat()])
    // The site-like process ran through all of it, once, and was stopped at the end.
    expect(lines.filter((l) => l.startsWith('steady'))).toEqual([`steady started (pid ${steadyPid})`])
    expect(isGone(Number(steadyPid))).toBe(true)
  })

  it('waits 1 s again after a process that had run stably', async () => {
    const { log } = logger()
    const delays: number[] = []
    let clock = 0
    let restarts = 0
    const supervisor: Supervisor = supervised([dying()], {
      now: () => clock,
      log: (line) => {
        log(line)
        // The second restarted process "runs" for a minute before it dies.
        if (line.startsWith('crash restarted') && ++restarts === 2) clock += 60_000
      },
      sleep: async (ms) => {
        delays.push(ms)
        if (delays.length === 4) void supervisor?.stop('test done')
      },
    })
    expect(await supervisor.done).toBe(0)
    expect(delays).toEqual([1000, 2000, 1000, 2000])
  })

  it('keeps serving the other process while one is down, and stops both, with no restart, on a stop during the wait', async () => {
    const { lines, log } = logger()
    const steady = await serving()
    let waiting: () => void = () => undefined
    const waited = new Promise<void>((resolve) => (waiting = resolve))
    const supervisor = supervised([dying(), steady], {
      log,
      // The real wait: it ends only when the stop aborts it.
      sleep: (_ms, signal) =>
        new Promise<void>((resolve) => {
          waiting()
          signal.addEventListener('abort', () => resolve())
        }),
    })
    await supervisor.ready
    await waited
    const steadyPid = Number(supervisor.pid('steady'))
    expect(supervisor.pid('crash')).toBe(undefined)
    expect(await answers(steady.readyUrl)).toBe(200)

    await supervisor.stop('SIGTERM received')
    expect(await supervisor.done).toBe(0)
    expect(lines).toContain('SIGTERM received: stopping crash, steady')
    expect(lines.some((l) => l.startsWith('crash restarted'))).toBe(false)
    expect(isGone(steadyPid)).toBe(true)
  })

  it('stops everything (exit code 1) when a process dies before it ever answered: restarting cures no port in use', async () => {
    const { lines, log } = logger()
    const steady = await serving()
    const neverAnswers = { ...dying(), readyUrl: `http://127.0.0.1:${await freePort()}/` }
    const sleep = vi.fn(async () => undefined)
    const supervisor = supervised([neverAnswers, steady], { log, sleep })
    await expect(supervisor.ready).rejects.toThrow()
    expect(await supervisor.done).toBe(1)
    expect(sleep).not.toHaveBeenCalled()
    expect(lines).toContain('crash stopped (code 3) before it answered: stopping crash, steady')
    expect(lines.some((l) => l.startsWith('crash restarted'))).toBe(false)
  })

  it('keeps restarting a process that, once up, dies again before it answers (a crash loop is no failed start)', async () => {
    const { lines, log } = logger()
    const port = await freePort()
    const runs = path.join(tmp, 'runs')
    // Serves on its first run; every later run dies at once, before answering.
    const flaky = node(
      'cms',
      `const fs = require('node:fs');
       const n = fs.existsSync(${JSON.stringify(runs)}) ? Number(fs.readFileSync(${JSON.stringify(runs)}, 'utf8')) : 0;
       fs.writeFileSync(${JSON.stringify(runs)}, String(n + 1));
       if (n > 0) process.exit(4);
       require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`,
      { readyUrl: `http://127.0.0.1:${port}/` },
    )
    const delays: number[] = []
    const supervisor: Supervisor = supervised([flaky], {
      log,
      sleep: async (ms) => {
        delays.push(ms)
        if (delays.length === 4) void supervisor?.stop('test done')
      },
    })
    await supervisor.ready
    process.kill(Number(supervisor.pid('cms')), 'SIGKILL')
    expect(await supervisor.done).toBe(0)
    expect(delays).toEqual([1000, 2000, 4000, 8000])
    expect(lines.filter((l) => l.startsWith('cms exited')).slice(1)).toEqual([
      expect.stringMatching(/^cms exited \(code 4\) after [\d.]+ s; restart 2 in 2 s$/),
      expect.stringMatching(/^cms exited \(code 4\) after [\d.]+ s; restart 3 in 4 s$/),
      expect.stringMatching(/^cms exited \(code 4\) after [\d.]+ s; restart 4 in 8 s$/),
    ])
    expect(lines.some((l) => l.includes('before it answered'))).toBe(false)
  })

  it('removes what a killed process had started (it would hold the port), then starts it again', async () => {
    const { lines, log } = logger()
    const port = await freePort()
    const pidFile = path.join(tmp, 'grandchild.pid')
    // Like `next dev`: the supervised process starts a helper of its own, then serves.
    const parent = node(
      'cms',
      `const { spawn } = require('node:child_process');
       const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
       require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(helper.pid));
       require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`,
      { readyUrl: `http://127.0.0.1:${port}/` },
    )
    const supervisor = supervised([parent], { log, sleep: async () => undefined })
    await supervisor.ready
    const first = Number(supervisor.pid('cms'))
    const helper = Number(readFileSync(pidFile, 'utf8'))
    strays.push(helper)
    expect(isGone(helper)).toBe(false)

    process.kill(first, 'SIGKILL')
    await vi.waitFor(() => expect(lines).toContain('cms is up again'), { timeout: 20_000, interval: 50 })
    await vi.waitFor(() => expect(isGone(helper)).toBe(true), { timeout: 5_000, interval: 50 })
    expect(lines.find((l) => l.startsWith('cms exited'))).toMatch(
      /^cms exited \(signal SIGKILL\) after [\d.]+ s; restart 1 in 1 s$/,
    )
    expect(Number(supervisor.pid('cms'))).not.toBe(first)
    expect(await answers(parent.readyUrl)).toBe(200)

    await supervisor.stop('test done')
    expect(await supervisor.done).toBe(0)
  })
})
