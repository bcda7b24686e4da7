import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The house style's limit for a file of collection config or hook code: one concept per file. */
const MAX_LINES = 300
const FOLDERS = ['collections', 'hooks']

/** The only files allowed over the limit, each with its reason (a lookup table or a generated file). */
const ALLOWED: Record<string, string> = {
  'hooks/letters/kinds.ts':
    'lookup table: every letter kind of the regulation with its article, recipient, placeholders and default text',
  'hooks/privacy/registry.ts':
    'lookup table: every store of personal data with its purpose, readers, recipients and term (Decision 19, AVG art. 30)',
  'hooks/letters/placeholders.ts':
    'lookup table: every placeholder a letter text may use, with its label, field and value',
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`
    if (entry.isDirectory()) return sourceFiles(relative)
    return /\.tsx?$/.test(entry.name) ? [relative] : []
  })
}

const lineCount = (file: string) => readFileSync(path.join(root, file), 'utf8').split('\n').length - 1

describe(`no file under ${FOLDERS.join('/ or ')}/ is over ${MAX_LINES} lines`, () => {
  const files = FOLDERS.flatMap(sourceFiles)

  it('walks the source files (a control: the folders are found and read)', () => {
    expect(files).toContain('hooks/complaints/enforceWorkflow/index.ts')
    expect(files).toContain('collections/Complaints/index.ts')
  })

  it(`every file outside the allow-list has at most ${MAX_LINES} lines`, () => {
    const over = files
      .filter((file) => !(file in ALLOWED))
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter(({ lines }) => lines > MAX_LINES)
    expect(over).toEqual([])
  })

  it.each(Object.entries(ALLOWED))('%s stays on the allow-list only while it needs to (%s)', (file) => {
    expect(files).toContain(file)
    expect(lineCount(file)).toBeGreaterThan(MAX_LINES)
  })
})
