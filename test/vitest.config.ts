import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The skeleton browser test meets the portal's create-first-user screen, so it must run first. */
class FirstUserFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (f.moduleId.endsWith('skeleton.e2e.spec.ts') ? 0 : 1)
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId))
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
