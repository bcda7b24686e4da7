/**
 * `npm start`: builds what is not built, migrates, seeds, then runs the CMS (Next.js: /admin, /api)
 * and the public site (Astro, standalone Node) together until Ctrl-C or until either stops.
 * `npm run dev`: the same with both apps in development mode (reload on change).
 * `npm run build`: only the build step.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { EnvError, getEnv } from '../env'
import { isBuilt, sourceStamp, writeStamp } from './lib/build'
import { loadDotenv } from './lib/dotenv'
import { type Child, run, startChild, stopChild, waitForHttp } from './lib/processes'

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

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    // Payload outside `next dev` must not look for Next's HMR socket.
    DISABLE_PAYLOAD_HMR: mode === 'dev' ? undefined : 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
  }

  if (mode !== 'dev') await buildIfNeeded(childEnv)
  if (mode === 'build') return 0

  const { prepareDatabase } = await import('./lib/prepare')
  for (const line of await prepareDatabase()) log(`seed: ${line}`)
  if (!env.RESEND_API_KEY) log('RESEND_API_KEY ontbreekt: e-mail blijft in de outbox staan en wordt niet verstuurd')

  const cmsInternal = `http://127.0.0.1:${env.CMS_PORT}`
  const siteEnv = {
    ...childEnv,
    HOST: env.HOST,
    PORT: String(env.SITE_PORT),
    CMS_API_URL: process.env.CMS_API_URL ?? `${cmsInternal}/api`,
    SITE_CACHE_SECRET: env.SITE_CACHE_SECRET,
    SITE_API_KEY: env.SITE_API_KEY,
  }
  const children: Child[] =
    mode === 'dev'
      ? [
          startChild('cms', process.execPath, [nextBin, 'dev', 'cms', '-p', String(env.CMS_PORT), '-H', env.HOST], { cwd: root, env: childEnv }),
          startChild('site', process.execPath, [astroBin, 'dev', '--port', String(env.SITE_PORT), '--host', env.HOST], { cwd: root, env: siteEnv }),
        ]
      : [
          startChild('cms', process.execPath, [nextBin, 'start', 'cms', '-p', String(env.CMS_PORT), '-H', env.HOST], { cwd: root, env: childEnv }),
          startChild('site', process.execPath, [path.join(root, 'site/server.ts')], { cwd: root, env: siteEnv }),
        ]

  let stopping = false
  const stopAll = async (reason: string) => {
    if (stopping) return
    stopping = true
    log(`${reason}: beide processen stoppen`)
    await Promise.all(children.map((child) => stopChild(child)))
  }

  const finished = new Promise<number>((resolve) => {
    for (const child of children) {
      child.process.on('exit', (code, signal) => {
        const wasStopping = stopping
        void stopAll(`${child.name} stopte (${signal ?? `code ${code}`})`).then(() => resolve(wasStopping ? 0 : 1))
      })
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void stopAll(`${signal} ontvangen`).then(() => resolve(0)))
    }
  })

  const alive = () => !stopping
  try {
    await Promise.all([
      waitForHttp(`${cmsInternal}/api/users/me`, 180_000, alive),
      waitForHttp(`http://127.0.0.1:${env.SITE_PORT}/`, 180_000, alive),
    ])
    log(`Website:  ${env.SITE_URL}/`)
    log(`Beheer:   ${env.CMS_URL}/admin`)
    log('Stoppen met Ctrl-C.')
  } catch (error) {
    await stopAll((error as Error).message)
  }
  return finished
}

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const buildEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production' }
  const shared = ['package-lock.json', 'tsconfig.json']
  const cmsStamp = sourceStamp(root, ['cms', 'collections', 'hooks', ...shared])
  const cmsStampFile = path.join(root, 'cms/.next/portal-build-stamp')
  if (!isBuilt(path.join(root, 'cms/.next/BUILD_ID'), cmsStampFile, cmsStamp)) {
    log('CMS bouwen (next build), eenmalig na een wijziging…')
    await run(process.execPath, [nextBin, 'build', 'cms'], { cwd: root, env: buildEnv, label: 'next build' })
    writeStamp(cmsStampFile, cmsStamp)
  }
  // The site also builds in the shared vocabulary, schema and attachment rules of hooks/complaints,
  // and the letters' font check the schema uses (hooks/letters/fonts.ts).
  const siteStamp = sourceStamp(root, ['site', 'astro.config.mjs', 'hooks/complaints', 'hooks/letters/fonts.ts', ...shared])
  const siteStampFile = path.join(root, 'dist/portal-build-stamp')
  if (!isBuilt(path.join(root, 'dist/server/entry.mjs'), siteStampFile, siteStamp)) {
    log('Website bouwen (astro build)…')
    await run(process.execPath, [astroBin, 'build'], { cwd: root, env: buildEnv, label: 'astro build' })
    writeStamp(siteStampFile, siteStamp)
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A configuration error is one clear line naming the variable; anything else keeps its stack.
    if (error instanceof EnvError) process.stderr.write(`${error.message}\n`)
    else process.stderr.write(`[portaal] start mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
