/**
 * `npm test`: type checks (tsc, astro check), the formatter's and the linter's checks (prettier, eslint), then the
 * unit, integration and browser tests, offline.
 * Ends with the plain line `N passed, N failed` (each type check counts as one test).
 * With TEST_DATABASE_URL=mongodb://…, the integration tests run a second time against that MongoDB.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name: string) => path.join(root, 'node_modules/.bin', name)
const resultsDir = path.join(root, 'test-results')
mkdirSync(resultsDir, { recursive: true })

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('exit', (code) => resolve(code ?? 1))
    child.on('error', () => resolve(1))
  })
}

type VitestJson = {
  numPassedTests: number
  numFailedTests: number
  numTotalTests: number
  success: boolean
  testResults?: {
    name: string
    message?: string
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[]
  }[]
}

let passed = 0
let failed = 0
const failures: string[] = []
// Each failed test by file and name with the first line of its error, repeated at the very end: a CI log that
// keeps only its tail still says which tests failed.
const failedTests: string[] = []

function firstLine(text: string | undefined): string {
  const plain = (text ?? '').replace(/\u001b\[[0-9;]*m/g, '')
  return (plain.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 300)
}

async function check(name: string, command: string, args: string[]) {
  process.stdout.write(`\n== ${name}\n`)
  const code = await run(command, args)
  if (code === 0) passed += 1
  else {
    failed += 1
    failures.push(name)
  }
}

async function vitest(name: string, projects: string[], env: Record<string, string> = {}) {
  process.stdout.write(`\n== ${name}\n`)
  const output = path.join(resultsDir, `${name}.json`)
  const projectArgs = projects.flatMap((p) => ['--project', p])
  const code = await run(
    bin('vitest'),
    [
      'run',
      '--config',
      'test/vitest.config.ts',
      ...projectArgs,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${output}`,
    ],
    env,
  )
  if (!existsSync(output)) {
    failed += 1
    failures.push(`${name} (vitest gave no results, exit ${code})`)
    return
  }
  const result = JSON.parse(readFileSync(output, 'utf8')) as VitestJson
  passed += result.numPassedTests
  failed += result.numFailedTests
  if (result.numFailedTests > 0) failures.push(name)
  for (const file of result.testResults ?? []) {
    const where = path.relative(root, file.name)
    const failing = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    for (const test of failing)
      failedTests.push(`${name}: ${where} > ${test.fullName}\n    ${firstLine(test.failureMessages?.[0])}`)
    if (!failing.length && file.message)
      failedTests.push(`${name}: ${where} (did not load)\n    ${firstLine(file.message)}`)
  }
  // A suite that failed to load counts no test but must not pass silently.
  if (code !== 0 && result.numFailedTests === 0) {
    failed += 1
    failures.push(`${name} (exit ${code})`)
  }
}

await check('tsc', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])
await check('astro check', bin('astro'), ['check'])
// The house style is the formatter's: a file it would change fails here (.prettierrc.json, .prettierignore).
await check('prettier', bin('prettier'), ['--check', '.'])
// The linter's rules (eslint.config.js): typescript-eslint with type information, eslint-plugin-astro.
await check('eslint', bin('eslint'), ['.'])
await vitest('unit', ['unit'])
await vitest('int', ['int'])
if (process.env.TEST_DATABASE_URL?.startsWith('mongodb')) {
  await vitest('int-mongo', ['int'], { PORTAL_TEST_DB: 'mongo' })
} else {
  process.stdout.write(
    '\n(TEST_DATABASE_URL not set: integration tests ran on SQLite, the Mongo schema was checked offline)\n',
  )
}
await vitest('e2e', ['e2e'])

if (failedTests.length) process.stdout.write(`\nFailed tests:\n${failedTests.map((t) => `  ${t}`).join('\n')}\n`)
if (failures.length) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`)
process.stdout.write(`\n${passed} passed, ${failed} failed\n`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
