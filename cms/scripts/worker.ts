/**
 * `npm run worker`: the job worker. Runs every queue and schedule of the portal (e-mail delivery,
 * the letters of registration and their retries, the deadline reminders, the quarterly report,
 * retention) and serves nothing: the CMS web processes run no jobs (CMS_JOBS=off). `npm start`
 * runs one beside the CMS and the site. On one machine with SQLite there is one; with MongoDB run
 * one per installation — a second one is safe (every effect is keyed, every claim is leased,
 * cms/jobs/lease.ts) but only adds load.
 *
 * It migrates nothing and seeds nothing (`npm start` or `npm run migrate` does that first).
 * SIGTERM or SIGINT: no new job is claimed; the jobs running get `WORKER_STOP_GRACE_MS` to finish,
 * then the process ends, and their lease lets another worker take them over.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { EnvError, getEnv } from '../env'
import { loadDotenv } from './lib/dotenv'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const log = (line: string) => process.stdout.write(`[worker] ${line}\n`)

async function main(): Promise<void> {
  loadDotenv(path.join(root, '.env'))
  // This process is the one that runs the jobs, whatever the web processes were told.
  Object.assign(process.env, {
    CMS_JOBS: 'on',
    DISABLE_PAYLOAD_HMR: 'true',
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  })
  const env = getEnv()
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../payload.config')])
  const payload = await getPayload({ config, cron: true, key: 'worker' })
  log(`wachtrijen draaien (lease ${Math.round(env.JOB_LEASE_MS / 1000)} s, pid ${process.pid})`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log(`${signal}: geen nieuwe taken meer; lopende taken ronden af`)
    const crons = [...payload.crons]
    // No new claims; a run in progress goes on (croner's `protect` tells which are busy).
    for (const cron of crons) cron.pause()
    const until = Date.now() + env.WORKER_STOP_GRACE_MS
    while (crons.some((cron) => cron.isBusy()) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100))
    process.exit(0)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal))
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) process.stderr.write(`${error.message}\n`)
  else
    process.stderr.write(
      `[worker] start mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
  process.exit(1)
})
