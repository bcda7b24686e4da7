import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The skeleton browser test meets the portal's create-first-user screen, so it must run first. The
 * other files are independent of their order: `TEST_ORDER_SEED=<number>` shuffles them (the same
 * seed, the same order), which is how that is checked.
 */
class FirstUserFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (f.moduleId.endsWith('skeleton.e2e.spec.ts') ? 0 : 1)
    const sorted = [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId))
    const seed = Number(process.env.TEST_ORDER_SEED)
    if (!Number.isInteger(seed) || seed <= 0) return sorted
    const first = sorted.filter((f) => rank(f) === 0)
    const rest = sorted.filter((f) => rank(f) !== 0)
    // A small seeded generator (mulberry32), so that an order that fails can be run again.
    let state = seed
    const random = () => {
      state = (state + 0x6d2b79f5) | 0
      let t = Math.imul(state ^ (state >>> 15), 1 | state)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[rest[i], rest[j]] = [rest[j] as TestSpecification, rest[i] as TestSpecification]
    }
    console.log(
      `Test files in shuffled order (TEST_ORDER_SEED=${seed}): ${rest.map((f) => path.basename(f.moduleId)).join(', ')}`,
    )
    return [...first, ...rest]
  }
}

/**
 * Three projects, split by suffix as in Payload's own repository:
 * `*.spec.ts` unit (no database), `*.int.spec.ts` integration (a real Payload on a fresh
 * SQLite file per file), `*.e2e.spec.ts` browser (Debian Chromium against the started portal).
 */
export default defineConfig({
  root,
  test: {
    sequence: { sequencer: FirstUserFirst },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.spec.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['test/int/**/*.int.spec.ts'],
          environment: 'node',
          pool: 'forks',
          // Payload imports the committed migrations with a plain import(); tsx lets Node load
          // their TypeScript the way `npm start` (also tsx) does.
          execArgv: ['--import', 'tsx'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.spec.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          // One portal serves every browser test; the files run one after another against it.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
