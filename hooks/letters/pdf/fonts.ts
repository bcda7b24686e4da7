import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import fontkit, { type Font } from '@pdf-lib/fontkit'
import type { PDFDocument, PDFFont } from 'pdf-lib'

/**
 * The typeface of every letter: DejaVu Sans (regular and bold) from the npm package
 * `dejavu-fonts-ttf`, embedded through fontkit. It has glyphs for Latin with every diacritic
 * (Polish, Turkish, Vietnamese…), Greek and Cyrillic, so names print as typed. pdf-lib places
 * one glyph after the other without shaping, so scripts whose letters change form or order with
 * their neighbours (Arabic, Hebrew, the Indic scripts…) cannot be set; `unprintable` names them,
 * and letters are refused, or use the Latin spelling the case holds, before anything is sent.
 */

export type FontWeight = 'regular' | 'bold'

const FONT_FILES: Record<FontWeight, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' }

/**
 * Where the font files are, resolved like a `require` from this file. Node's own resolver, taken
 * so that no bundler rewrites it: Turbopack turns a literal `require.resolve(…)` into a module
 * number in the built CMS (see cms/db.ts); in the built site, tsx and vitest this is plain Node.
 */
export function fontFile(weight: FontWeight): string {
  const { createRequire } = process.getBuiltinModule('node:module')
  const fontPackage = ['dejavu-fonts-ttf', 'ttf'].join('/')
  return createRequire(fileURLToPath(import.meta.url)).resolve(`${fontPackage}/${FONT_FILES[weight]}`)
}

let bytes: Record<FontWeight, Uint8Array> | undefined
let parsed: Record<FontWeight, Font> | undefined

/** The font files' bytes, read once per process. */
export function letterFontBytes(): Record<FontWeight, Uint8Array> {
  bytes ??= { regular: readFileSync(fontFile('regular')), bold: readFileSync(fontFile('bold')) }
  return bytes
}

/**
 * Ligatures and contextual alternates off: one glyph per character, so the width measured
 * character by character is the width drawn, and the text read back is the text typed.
 */
const FONT_FEATURES = { liga: false, clig: false, dlig: false, calt: false }

/**
 * Both weights embedded in `pdf`. Subset (the default): only the glyphs the document uses go into
 * the PDF (about 20 kB for a letter instead of 1.4 MB for both weights whole);
 * test/unit/letter-pdf.spec.ts checks a subset renders the same as the whole font.
 */
export async function embedLetterFonts(
  pdf: PDFDocument,
  options: { subset?: boolean } = {},
): Promise<Record<FontWeight, PDFFont>> {
  pdf.registerFontkit(fontkit)
  const { regular, bold } = letterFontBytes()
  const subset = options.subset ?? true
  // A fixed name (a subset carries a tag, "XXXXXX+"), so the same document gives the same bytes.
  const tag = subset ? 'WPBRIE+' : ''
  return {
    regular: await pdf.embedFont(regular, { subset, features: FONT_FEATURES, customName: `${tag}DejaVuSans` }),
    bold: await pdf.embedFont(bold, { subset, features: FONT_FEATURES, customName: `${tag}DejaVuSans-Bold` }),
  }
}

/** The fonts as fontkit reads them (for glyph checks), parsed once per process. */
export function letterFonts(): Record<FontWeight, Font> {
  const b = letterFontBytes()
  parsed ??= { regular: fontkit.create(b.regular), bold: fontkit.create(b.bold) }
  return parsed
}

/**
 * Scripts pdf-lib cannot set even where the font has their glyphs: right-to-left scripts (drawn
 * left to right they come out reversed) and scripts whose letters join or reorder (their shapes
 * depend on the neighbours). Combining marks left after NFC need positioning (GPOS), which pdf-lib
 * does not apply either. Anything else counts as printable once both weights have a glyph for it.
 */
const NEEDS_SHAPING = new RegExp(
  `[\\p{M}${[
    // Right to left
    'Arabic',
    'Hebrew',
    'Syriac',
    'Thaana',
    'Nko',
    'Samaritan',
    'Mandaic',
    'Adlam',
    'Hanifi_Rohingya',
    'Yezidi',
    'Old_Hungarian',
    // Indic and South-East Asian (conjuncts, reordering, stacked marks)
    'Devanagari',
    'Bengali',
    'Gurmukhi',
    'Gujarati',
    'Oriya',
    'Tamil',
    'Telugu',
    'Kannada',
    'Malayalam',
    'Sinhala',
    'Tibetan',
    'Thai',
    'Lao',
    'Myanmar',
    'Khmer',
    'Balinese',
    'Javanese',
    'Sundanese',
    'Tai_Tham',
    'Tai_Viet',
    'Cham',
    'Lepcha',
    'Limbu',
    'Buginese',
    'Batak',
    'Chakma',
    'Meetei_Mayek',
    'Ol_Chiki',
    'Saurashtra',
    'Syloti_Nagri',
    'Kaithi',
    'Sharada',
    'Takri',
    'Mongolian',
    'Phags_Pa',
  ]
    .map((script) => `\\p{Script=${script}}`)
    .join('')}]`,
  'u',
)

/** Invisible format characters (joiners, variation selectors, bidi controls, soft hyphen): letters leave them out. */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu

/**
 * Text as a letter sets it: NFC (so "e" + combining accents becomes the one letter the font has),
 * line breaks as `\n`, tabs and line separators as spaces and breaks, invisible format characters
 * left out. Nothing visible is changed or dropped: what the font cannot set, `unprintable` names.
 */
export function letterText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/\u2028/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(IGNORABLE, (c) => (c === '\n' ? c : ''))
}

/**
 * The characters of `text` that letters cannot print, each once, in order of appearance (a
 * character with its combining marks counts as one). Empty when the whole text prints as typed.
 */
export function unprintable(text: string): string[] {
  // Every registration checks several fields: plain ASCII (most text) is settled by one test, once
  // the fonts are known to hold all of it; other characters are looked up once per process.
  if (PLAIN_ASCII.test(text) && asciiPrintable()) return []
  const found: string[] = []
  for (const { segment } of graphemes.segment(letterText(text))) {
    if (segment === '\n' || segment === ' ' || found.includes(segment)) continue
    if ([...segment].some((c) => !printableCodePoint(c))) found.push(segment)
  }
  return found
}

const PLAIN_ASCII = /^[\x20-\x7e\t\r\n]*$/
const graphemes = new Intl.Segmenter('nl', { granularity: 'grapheme' })
const printable = new Map<string, boolean>()

function printableCodePoint(c: string): boolean {
  let known = printable.get(c)
  if (known === undefined) {
    const fonts = letterFonts()
    const codePoint = c.codePointAt(0) ?? 0
    known =
      !NEEDS_SHAPING.test(c) &&
      fonts.regular.hasGlyphForCodePoint(codePoint) &&
      fonts.bold.hasGlyphForCodePoint(codePoint)
    printable.set(c, known)
  }
  return known
}

let ascii: boolean | undefined
/** Whether both fonts set every printable ASCII character (checked once, not assumed). */
function asciiPrintable(): boolean {
  if (ascii === undefined) {
    ascii = true
    for (let code = 0x20; code <= 0x7e; code++) if (!printableCodePoint(String.fromCharCode(code))) ascii = false
  }
  return ascii
}

/** The characters for a message, e.g. "م, ح, د" (at most ten, then "…"). */
export function listCharacters(characters: string[]): string {
  return characters.length > 10 ? `${characters.slice(0, 10).join(', ')}, …` : characters.join(', ')
}
