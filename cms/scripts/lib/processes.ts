import { type ChildProcess, spawn } from 'node:child_process'

export type Child = { name: string; process: ChildProcess }

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; label: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${options.label} stopte met ${signal ?? `code ${code}`}`)),
    )
  })
}

/** Starts a long-running process whose output is prefixed with its name. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(`[${name}] ${line}\n`)
  }
  child.stdout?.on('data', prefix(process.stdout))
  child.stderr?.on('data', prefix(process.stderr))
  return { name, process: child }
}

/** Signals a child's process group: the child (started detached, so it leads its group) and all it started. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    // ESRCH: the group is already gone, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}

/** Stops a child and everything it started (its process group), forcefully after a grace period. */
export async function stopChild(child: Child, graceMs = 5000): Promise<void> {
  const { pid, exitCode, signalCode } = child.process
  if (pid === undefined || exitCode !== null || signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()))
  signalGroup(pid, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/** Resolves once the URL answers at all (any HTTP status), or rejects after the timeout. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`${url}: het proces is gestopt voordat het antwoordde`)
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      await response.body?.cancel()
      return
    } catch {
      // Not listening yet: try again shortly.
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`${url} antwoordde niet binnen ${Math.round(timeoutMs / 1000)} seconden`)
}
