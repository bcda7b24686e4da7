import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, describe, expect, it } from 'vitest'

import { loadDotenv } from '../../cms/scripts/lib/dotenv'
import { TEST_SECRET } from '../helpers/payload'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'portal-start-'))

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'cms/scripts/start.ts'], {
    cwd: root,
    env: {
      NODE_ENV: 'production',
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PAYLOAD_SECRET: TEST_SECRET,
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  })
}

describe('npm start with a bad configuration', () => {
  it.each([
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ CMS_PORT: 'drieduizend' }, 'CMS_PORT'],
    [{ PAYLOAD_SECRET: 'kort' }, 'PAYLOAD_SECRET'],
  ])('stops at once with one line naming the variable (%o)', (env, variable) => {
    const result = start(env)
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^Configuratiefout: ${variable} `))
    // It stopped before building or starting anything.
    expect(result.stdout).not.toMatch(/bouwen|Website:/)
  })
})

describe('.env and PAYLOAD_SECRET', () => {
  it('generates a secret into .env on first start, and reuses it afterwards', () => {
    const file = path.join(tmp, '.env')
    writeFileSync(file, 'CMS_PORT=3100')
    const saved = { secret: process.env.PAYLOAD_SECRET, port: process.env.CMS_PORT }
    delete process.env.PAYLOAD_SECRET
    delete process.env.CMS_PORT
    try {
      expect(loadDotenv(file).generatedSecret).toBe(true)
      const secret = String(process.env.PAYLOAD_SECRET)
      expect(secret.length).toBeGreaterThanOrEqual(32)
      expect(process.env.CMS_PORT).toBe('3100')
      expect(readFileSync(file, 'utf8')).toContain(`CMS_PORT=3100\n# Generated`)

      delete process.env.PAYLOAD_SECRET
      expect(loadDotenv(file).generatedSecret).toBe(false)
      expect(process.env.PAYLOAD_SECRET).toBe(secret)
      expect(readFileSync(file, 'utf8').match(/PAYLOAD_SECRET=/g)).toHaveLength(1)
    } finally {
      Object.assign(process.env, { PAYLOAD_SECRET: saved.secret, CMS_PORT: saved.port })
      if (saved.port === undefined) delete process.env.CMS_PORT
    }
  })

  it('is never committed: .env is git-ignored', () => {
    const ignored = spawnSync('git', ['check-ignore', '-q', '.env'], { cwd: root })
    expect(ignored.status).toBe(0)
  })
})
