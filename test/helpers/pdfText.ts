import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * The text of a PDF as poppler's `pdftotext -layout` reads it (Debian's poppler-utils, installed
 * here and in CI) — an independent reader, so tests do not trust the library that wrote the PDF.
 * Pages are separated by a form feed (`\f`).
 */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  return pdftotext(bytes, ['-layout'])
}

export type WordBox = { page: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** Every word with its box in points, measured from the page's top-left corner (`pdftotext -bbox`). */
export async function pdfWordBoxes(bytes: Uint8Array): Promise<WordBox[]> {
  const html = await pdftotext(bytes, ['-bbox'])
  const boxes: WordBox[] = []
  html
    .split('<page ')
    .slice(1)
    .forEach((page, index) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        const [, xMin, yMin, xMax, yMax, word] = m
        boxes.push({
          page: index + 1,
          word: word ?? '',
          xMin: Number(xMin),
          yMin: Number(yMin),
          xMax: Number(xMax),
          yMax: Number(yMax),
        })
      }
    })
  return boxes
}

async function pdftotext(bytes: Uint8Array, options: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdf-text-'))
  try {
    const file = path.join(dir, 'letter.pdf')
    await writeFile(file, bytes)
    const { stdout } = await run('pdftotext', [...options, '-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 })
    return stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The pages of `pdfToText`'s output (its trailing form feed removed). */
export function pdfPages(text: string): string[] {
  return text.replace(/\f$/, '').split('\f')
}

/** Whitespace collapsed, so wrapped lines and layout columns compare as running text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
