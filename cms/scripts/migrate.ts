/** `npm run migrate`: applies the committed migrations and the seed, without starting the servers. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { EnvError } from '../env'
import { loadDotenv } from './lib/dotenv'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

try {
  loadDotenv(path.join(root, '.env'))
  const { prepareDatabase } = await import('./lib/prepare')
  for (const line of await prepareDatabase()) process.stdout.write(`[portaal] seed: ${line}\n`)
  process.stdout.write('[portaal] database bijgewerkt\n')
  process.exit(0)
} catch (error) {
  process.stderr.write(
    error instanceof EnvError ? `${error.message}\n` : `[portaal] migratie mislukt: ${String(error)}\n`,
  )
  process.exit(1)
}
