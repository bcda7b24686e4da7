import { type Child, signalGroup, startChild, stopChild, waitForHttp } from './processes'

/**
 * Keeps the portal's long-running processes (the CMS, the site; later a job worker) running:
 * a process that dies after the portal came up is restarted with exponential backoff, while the
 * others keep serving. A process that dies before it ever answered stops everything, since that
 * is a configuration problem (a port in use, a broken build) that restarting does not cure.
 */

export type ServiceSpec = {
  /** Short name: the prefix of its output and the name in the log. */
  name: string
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** Answers any HTTP request once the process serves; without one, a process counts as up once it runs. */
  readyUrl?: string
  /** Runs before every restart (never before the first start), e.g. recovery after a crash. */
  beforeRestart?: () => Promise<void>
}

export type BackoffPolicy = {
  /** The wait before the first restart; doubled for each further one in a row. */
  initialMs: number
  maxMs: number
  /** A process that ran at least this long before it died starts again from `initialMs`. */
  stableMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, stableMs: 60_000 }

/**
 * The wait before the next restart and the new count of quick deaths in a row: 1 s, 2 s, 4 s …
 * up to the cap; a process that had run stably before it died counts from the start again.
 */
export function nextRestart(
  quickDeaths: number,
  uptimeMs: number,
  policy: BackoffPolicy,
): { delayMs: number; quickDeaths: number } {
  const previous = uptimeMs >= policy.stableMs ? 0 : quickDeaths
  return { delayMs: Math.min(policy.initialMs * 2 ** previous, policy.maxMs), quickDeaths: previous + 1 }
}

export type SupervisorOptions = {
  log: (line: string) => void
  backoff?: BackoffPolicy
  /** How long the first start of a process may take to answer. */
  readyTimeoutMs?: number
  /** Grace period between SIGTERM and SIGKILL when stopping. */
  graceMs?: number
  /** The wait between restarts; must reject or resolve early when the signal aborts. Tests pass their own. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  now?: () => number
}

export type Supervisor = {
  /** Resolves once every process answered for the first time; rejects if the start failed (everything is then stopped). */
  ready: Promise<void>
  /** Resolves with the exit code for `npm start` once everything has stopped: 0 after `stop()`, 1 after a failed start. */
  done: Promise<number>
  /** The process id a service runs under now; undefined while it is down. */
  pid: (name: string) => number | undefined
  /** Stops every process (and any pending restart); the same promise on a second call. */
  stop: (reason: string) => Promise<void>
}

type Service = {
  spec: ServiceSpec
  child?: Child
  startedAt: number
  quickDeaths: number
  restarts: number
  /** Answered at least once since `npm start`: from then on a death means a restart, not a failed start. */
  everUp: boolean
  /** The restart under way (waiting, recovering, starting), awaited when stopping. */
  restarting?: Promise<void>
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`
const describeExit = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `code ${code}`

export function supervise(specs: ServiceSpec[], options: SupervisorOptions): Supervisor {
  const { log } = options
  const policy = options.backoff ?? DEFAULT_BACKOFF
  const sleep = options.sleep ?? defaultSleep
  const now = options.now ?? Date.now
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000
  const aborter = new AbortController()
  const services = specs.map<Service>((spec) => ({ spec, startedAt: 0, quickDeaths: 0, restarts: 0, everUp: false }))

  let stopping: Promise<void> | undefined
  let exitCode = 0
  let resolveDone: (code: number) => void = () => undefined
  const done = new Promise<number>((resolve) => (resolveDone = resolve))

  const stop = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      log(`${reason}: stopping ${services.map((s) => s.spec.name).join(', ')}`)
      aborter.abort()
      await Promise.all(services.map((s) => s.restarting))
      await Promise.all(services.map((s) => (s.child ? stopChild(s.child, options.graceMs) : undefined)))
      resolveDone(exitCode)
    })()
    return stopping
  }

  const failStart = (reason: string) => {
    exitCode = 1
    void stop(reason)
  }

  const waitUntilUp = async (service: Service, child: Child, timeoutMs: number) => {
    if (service.spec.readyUrl) {
      await waitForHttp(service.spec.readyUrl, timeoutMs, () => !stopping && service.child === child)
    }
    if (service.child === child) service.everUp = true
  }

  const launch = (service: Service): Child => {
    const { spec } = service
    service.startedAt = now()
    const child = startChild(spec.name, spec.command, spec.args, { cwd: spec.cwd, env: spec.env })
    service.child = child
    let ended = false
    const onEnd = (description: string) => {
      if (ended) return
      ended = true
      if (service.child === child) service.child = undefined
      // When stopping, the whole group got SIGTERM already and may finish its work.
      if (stopping) return
      // A crashed leader can leave what it started behind, holding its port: the group goes too.
      if (child.process.pid !== undefined) signalGroup(child.process.pid, 'SIGKILL')
      if (!service.everUp) return failStart(`${spec.name} stopped (${description}) before it answered`)
      service.restarting = restart(service, description).finally(() => (service.restarting = undefined))
    }
    child.process.once('exit', (code, signal) => onEnd(describeExit(code, signal)))
    child.process.once('error', (error) => onEnd(error.message))
    return child
  }

  const restart = async (service: Service, description: string) => {
    const { spec } = service
    const uptimeMs = now() - service.startedAt
    const next = nextRestart(service.quickDeaths, uptimeMs, policy)
    service.quickDeaths = next.quickDeaths
    service.restarts += 1
    log(
      `${spec.name} exited (${description}) after ${seconds(uptimeMs)}; restart ${service.restarts} in ${seconds(next.delayMs)}`,
    )
    await sleep(next.delayMs, aborter.signal)
    if (stopping) return
    if (spec.beforeRestart) {
      try {
        await spec.beforeRestart()
      } catch (error) {
        // Recovery is also done by the next full start; a failure here must not keep the process down.
        log(`${spec.name}: preparing the restart failed, restarting anyway (${(error as Error).message})`)
      }
      if (stopping) return
    }
    const child = launch(service)
    log(`${spec.name} restarted (pid ${child.process.pid ?? '?'})`)
    waitUntilUp(service, child, readyTimeoutMs).then(
      () => log(`${spec.name} is up again`),
      // Died again (its exit restarts it) or the portal is stopping: nothing to add.
      () => undefined,
    )
  }

  const started = services.map((service) => {
    const child = launch(service)
    log(`${service.spec.name} started (pid ${child.process.pid ?? '?'})`)
    return waitUntilUp(service, child, readyTimeoutMs)
  })
  const ready = Promise.all(started).then(
    () => undefined,
    async (error: unknown) => {
      failStart((error as Error).message)
      await done
      throw error
    },
  )
  // Whoever awaits `done` alone must not see an unhandled rejection of `ready`.
  ready.catch(() => undefined)

  return {
    ready,
    done,
    pid: (name) => services.find((s) => s.spec.name === name)?.child?.process.pid,
    stop,
  }
}
