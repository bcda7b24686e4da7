import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * A fingerprint of the sources an app is built from: when it differs from the one stored
 * beside the last build, `npm start` builds again. Paths, sizes and modification times are enough.
 * `exclude` names entries inside them that the app never loads.
 */
export function sourceStamp(root: string, entries: string[], exclude: string[] = []): string {
  const hash = createHash('sha256')
  const excluded = new Set(exclude.map((entry) => path.join(root, entry)))
  const visit = (p: string) => {
    if (!existsSync(p) || excluded.has(p)) return
    const stat = statSync(p)
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === 'node_modules' || name === '.next' || name === 'next-env.d.ts' || name.startsWith('.')) continue
        visit(path.join(p, name))
      }
    } else {
      hash.update(`${path.relative(root, p)}\0${stat.size}\0${stat.mtimeMs}\n`)
    }
  }
  for (const entry of entries) visit(path.join(root, entry))
  return hash.digest('hex')
}

export function isBuilt(outputMarker: string, stampFile: string, stamp: string): boolean {
  return existsSync(outputMarker) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp
}

export function writeStamp(stampFile: string, stamp: string): void {
  writeFileSync(stampFile, stamp)
}
