import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { parseEnv as parseDotenv } from 'node:util'

/**
 * Reads the repository's `.env` into `process.env` (the environment wins), and writes a
 * fresh PAYLOAD_SECRET into it when none is set anywhere. `.env` is git-ignored.
 * Returns true when a secret was generated.
 */
export function loadDotenv(file: string): { generatedSecret: boolean } {
  const values = existsSync(file) ? parseDotenv(readFileSync(file, 'utf8')) : {}
  for (const [key, value] of Object.entries(values)) {
    if (process.env[key] === undefined) process.env[key] = value
  }
  if (process.env.PAYLOAD_SECRET) return { generatedSecret: false }
  const secret = randomBytes(32).toString('base64url')
  const prefix = existsSync(file) && !readFileSync(file, 'utf8').endsWith('\n') ? '\n' : ''
  appendFileSync(
    file,
    `${prefix}# Generated on first start; keep it secret, keep it stable (sessions depend on it).\nPAYLOAD_SECRET=${secret}\n`,
    {
      mode: 0o600,
    },
  )
  process.env.PAYLOAD_SECRET = secret
  return { generatedSecret: true }
}
