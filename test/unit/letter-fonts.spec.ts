import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  fontFile,
  letterFontBytes,
  letterFonts,
  letterText,
  listCharacters,
  unprintable,
} from '../../hooks/letters/pdf/fonts'
import { LETTER_KIND_DEFINITIONS, LETTER_KINDS } from '../../hooks/letters/kinds'

const hasGlyph = (c: string) => letterFonts().regular.hasGlyphForCodePoint(c.codePointAt(0) ?? 0)

describe('the font of the letters (DejaVu Sans from the npm package)', () => {
  it('is resolved inside the dejavu-fonts-ttf package, and its bytes are read once per process', () => {
    for (const weight of ['regular', 'bold'] as const) {
      expect(fontFile(weight).split(path.sep).slice(-3)).toEqual([
        'dejavu-fonts-ttf',
        'ttf',
        weight === 'regular' ? 'DejaVuSans.ttf' : 'DejaVuSans-Bold.ttf',
      ])
    }
    const first = letterFontBytes()
    expect(first.regular.byteLength).toBeGreaterThan(500_000)
    expect(letterFontBytes()).toBe(first)
    expect(letterFonts()).toBe(letterFonts())
  })
})

describe('unprintable: what letters cannot print as typed', () => {
  it.each([
    ['Polish', 'Łukasz Żółćkiewicz, Bęś'],
    ['Turkish', 'Şükrü Öztürk, Iğdır, İstanbul'],
    ['Vietnamese', 'Nguyễn Thị Ánh Tuyết, Trần Văn Đức'],
    ['Vietnamese typed with combining accents (NFD)', 'Nguyễn Thị Ánh Tuyết'.normalize('NFD')],
    ['Greek', 'Ελένη Παπαδοπούλου, Ϊ ΰ ς'],
    ['Cyrillic', 'Юлия Щукина, Ґ Ї Љ Џ'],
    ['Georgian and Armenian', 'ნინო Անի'],
    ['Dutch punctuation and symbols', 'Zoë “één” ’s avonds — € 12,50 … ½ → ✓ Ĳsselmeer ﬁets'],
    ['an emoji the font has', 'Goed 😀 ❤'],
    ['line breaks and tabs', 'regel 1\r\nregel 2\tverder'],
    [
      'invisible format characters (zero-width space, soft hyphen, joiners, variation selector, BOM)',
      'a\u200bb\u00adc\u200dd\ufe0fe\ufeff',
    ],
  ])('%s: nothing', (_, text) => {
    expect(unprintable(text)).toEqual([])
  })

  it.each([
    ['Arabic', 'محمد', ['م', 'ح', 'د']],
    ['Persian', 'مریم', ['م', 'ر', 'ی']],
    ['Hebrew', 'שלום', ['ש', 'ל', 'ו', 'ם']],
    ['Syriac', 'ܐܒ', ['ܐ', 'ܒ']],
    ['Thaana', 'ދިވެހި', ['ދި', 'ވެ', 'ހި']],
    ["N'Ko", 'ߒߞߏ', ['ߒ', 'ߞ', 'ߏ']],
    ['Devanagari', 'अनीता', ['अ', 'नी', 'ता']],
    ['Bengali', 'রহিম', ['র', 'হি', 'ম']],
    ['Tamil', 'முருகன்', ['மு', 'ரு', 'க', 'ன்']],
    ['Thai', 'สมชาย', ['ส', 'ม', 'ช', 'า', 'ย']],
    ['Khmer', 'សុខ', ['សុ', 'ខ']],
    ['Chinese (no glyph)', '王芳', ['王', '芳']],
    ['Korean (no glyph)', '김민준', ['김', '민', '준']],
    ['Amharic (no glyph)', 'ሰላም', ['ሰ', 'ላ', 'ም']],
    ['an emoji the font lacks', 'Top 👍 en 👍🏽', ['👍', '👍🏽']],
    ['a letter with a combining mark that has no precomposed form (Yoruba)', 'Adébáyọ̀', ['ọ̀']],
  ])('%s: the characters, each once, in order', (_, text, characters) => {
    expect(unprintable(text)).toEqual(characters)
  })

  it('right-to-left and joining scripts count even where the font has their glyphs: pdf-lib does not shape them', () => {
    for (const c of ['م', 'ש', 'ߒ']) {
      expect(hasGlyph(c)).toBe(true)
      expect(unprintable(c)).toEqual([c])
    }
  })

  it('finds the one unprintable character in a long Latin text', () => {
    expect(unprintable(`${'Mijn coach kwam niet. '.repeat(200)}Groet, محمد`)).toEqual(['م', 'ح', 'د'])
  })

  it('every default letter text prints as typed', () => {
    for (const kind of LETTER_KINDS) {
      const { subject, salutation, body, closing } = LETTER_KIND_DEFINITIONS[kind].defaults
      expect(unprintable([subject, salutation, body, closing].join('\n')), kind).toEqual([])
    }
  })
})

describe('letterText: text as a letter sets it', () => {
  it('composes accents (NFC), turns Windows line breaks and separators into breaks and tabs into spaces, drops invisible characters', () => {
    expect(letterText('Nguye\u0302\u0303n')).toBe('Nguyễn')
    expect(letterText('a\r\nb\rc\u2028d\u2029e\tf')).toBe('a\nb\nc\nd\n\ne f')
    expect(letterText('a\u200bb\u00adc\u200dd\ufe0fe\ufeff\u0007')).toBe('abcde')
  })

  it('lists at most ten characters in a message', () => {
    expect(listCharacters(['a', 'b'])).toBe('a, b')
    expect(listCharacters([...'abcdefghijkl'])).toBe('a, b, c, d, e, f, g, h, i, j, …')
  })
})
