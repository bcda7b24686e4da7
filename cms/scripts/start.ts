/**
 * `npm start`: builds what is not built, migrates, seeds, then runs the CMS (Next.js: /admin, /api),
 * the public site (Astro, standalone Node) and the job worker (`npm run worker`) together until
 * Ctrl-C or SIGTERM. Each process is restarted when it dies (lib/supervisor.ts); the site keeps serving published pages meanwhile.
 * `npm run dev`: the same with both apps in development mode (reload on change).
 * `npm run build`: only the build step.
 *
 * npm runs this as `node --import tsx`, not through the tsx CLI: the CLI relays a SIGTERM and kills
 * its child when the child has not confirmed the signal within 30 ms, which on a busy machine killed
 * this supervisor before it could stop the servers (exit 143, servers left running).
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { EnvError, getEnv } from '../env'
import { isBuilt, sourceStamp, writeStamp } from './lib/build'
import { loadDotenv } from './lib/dotenv'
import { cmsProcessEnv, siteBuildEnv, siteProcessEnv } from './lib/processEnv'
import { run } from './lib/processes'
import { type ServiceSpec, supervise } from './lib/supervisor'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin/astro.mjs')

const mode = process.argv.includes('--dev') ? 'dev' : process.argv.includes('--build-only') ? 'build' : 'start'
const log = (line: string) => process.stdout.write(`[portaal] ${line}\n`)

async function main(): Promise<number> {
  const { generatedSecret } = loadDotenv(path.join(root, '.env'))
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (mode === 'dev' ? 'development' : 'production') })
  const env = getEnv()
  if (generatedSecret) log('PAYLOAD_SECRET ontbrak: een nieuw geheim staat nu in .env')

  const cmsEnv = cmsProcessEnv(process.env, mode === 'dev' ? 'dev' : 'start')
  if (mode !== 'dev') await buildIfNeeded(cmsEnv)
  if (mode === 'build') return 0

  const { prepareDatabase, recoverDatabase } = await import('./lib/prepare')
  for (const line of await prepareDatabase()) log(`seed: ${line}`)
  if (!env.RESEND_API_KEY) log('RESEND_API_KEY ontbreekt: e-mail blijft in de outbox staan en wordt niet verstuurd')

  const cmsInternal = `http://127.0.0.1:${env.CMS_PORT}`
  // One entry per supervised process: the CMS serves and runs no jobs; the worker runs them all.
  const services: ServiceSpec[] = [
    {
      name: 'cms',
      command: process.execPath,
      args: [nextBin, mode === 'dev' ? 'dev' : 'start', 'cms', '-p', String(env.CMS_PORT), '-H', env.HOST],
      cwd: root,
      env: { ...cmsEnv, CMS_JOBS: 'off' },
      readyUrl: `${cmsInternal}/api/users/me`,
      // The CMS is the only intake: what its crash left half done is recovered before it runs
      // again (the worker may run meanwhile; a job it holds keeps its lease).
      beforeRestart: async () => {
        for (const line of await recoverDatabase()) log(`recovery: ${line}`)
      },
    },
    {
      name: 'site',
      command: process.execPath,
      args:
        mode === 'dev'
          ? [astroBin, 'dev', '--port', String(env.SITE_PORT), '--host', env.HOST]
          : [path.join(root, 'site/server.ts')],
      cwd: root,
      env: siteProcessEnv(process.env, env),
      readyUrl: `http://127.0.0.1:${env.SITE_PORT}/`,
    },
    {
      // The job worker (cms/scripts/worker.ts): serves nothing, so it counts as up once it runs.
      name: 'worker',
      command: process.execPath,
      args: ['--import', 'tsx', path.join(root, 'cms/scripts/worker.ts')],
      cwd: root,
      env: { ...cmsEnv, CMS_JOBS: 'on' },
    },
  ]

  const supervisor = supervise(services, { log })
  // Every Ctrl-C or SIGTERM ends in the same orderly stop (a second one must not orphan the servers).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void supervisor.stop(`${signal} received`))

  try {
    await supervisor.ready
    log(`Website:  ${env.SITE_URL}/`)
    log(`Beheer:   ${env.CMS_URL}/admin`)
    log('Stoppen met Ctrl-C.')
  } catch {
    // The supervisor has logged why and stopped everything; `done` carries the exit code.
  }
  return supervisor.done
}

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const buildEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production' }
  const shared = ['package-lock.json', 'tsconfig.json']
  // The start scripts run beside the CMS, never inside it: a change to them needs no new `next build`.
  const cmsStamp = sourceStamp(root, ['cms', 'collections', 'hooks', ...shared], ['cms/scripts'])
  const cmsStampFile = path.join(root, 'cms/.next/portal-build-stamp')
  if (!isBuilt(path.join(root, 'cms/.next/BUILD_ID'), cmsStampFile, cmsStamp)) {
    log('CMS bouwen (next build), eenmalig na een wijziging…')
    await run(process.execPath, [nextBin, 'build', 'cms'], { cwd: root, env: buildEnv, label: 'next build' })
    writeStamp(cmsStampFile, cmsStamp)
  }
  // The site also builds in the shared vocabulary, schema and attachment rules of hooks/complaints,
  // and the letters' font check the schema uses (hooks/letters/pdf/fonts.ts), and the check of a
  // request for a link to /mijn-klacht (hooks/complainant/linkRequest.ts).
  const siteStamp = sourceStamp(root, [
    'site',
    'astro.config.mjs',
    'hooks/complaints',
    'hooks/complainant/linkRequest.ts',
    'hooks/letters/pdf/fonts.ts',
    ...shared,
  ])
  const siteStampFile = path.join(root, 'dist/portal-build-stamp')
  if (!isBuilt(path.join(root, 'dist/server/entry.mjs'), siteStampFile, siteStamp)) {
    log('Website bouwen (astro build)…')
    await run(process.execPath, [astroBin, 'build'], { cwd: root, env: siteBuildEnv(env), label: 'astro build' })
    writeStamp(siteStampFile, siteStamp)
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A configuration error is one clear line naming the variable; anything else keeps its stack.
    if (error instanceof EnvError) process.stderr.write(`${error.message}\n`)
    else
      process.stderr.write(
        `[portaal] start mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      )
    process.exit(1)
  },
)
