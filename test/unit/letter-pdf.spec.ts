import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'

import { letterFonts, unprintable } from '../../hooks/letters/pdf/fonts'
import { type LetterInput, renderLetterPdf, UnprintableLetterError } from '../../hooks/letters/pdf/renderLetterPdf'
import { pdfPages, pdfToText, pdfWordBoxes, squash } from '../helpers/pdfText'

const lettersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/letters')

/** 14 March 2026, 09:30 in Amsterdam. */
const date = new Date('2026-03-14T08:30:00Z')

const parts = [
  {
    heading: 'Uw klacht',
    text: 'U schreef ons op 11 maart 2026 dat uw coach twee afspraken niet is nagekomen en u daarover niet is geïnformeerd. U vindt dat u daardoor een maand vertraging hebt opgelopen bij het zoeken naar werk.',
  },
  {
    heading: 'Wie behandelt uw klacht?',
    text: 'Uw klacht wordt behandeld door mevrouw A. de Wit. Zij heeft niets met uw klacht te maken gehad (artikel 4 van ons klachtenreglement).\n\nU mag het dossier van uw klacht altijd inzien. Vraag daar gerust naar.',
  },
  {
    heading: 'Wanneer hoort u van ons?',
    text: 'U krijgt ons besluit uiterlijk op 8 april 2026. De klacht kan gegrond of ongegrond worden verklaard.\n- Lukt het niet om op tijd te beslissen, dan laten wij u dat vóór die datum weten, met de reden.\n- Ons besluit komt nooit later dan 22 april 2026.',
  },
]

const base: LetterInput = {
  sender: { organisationName: 'Working Progression' },
  addressee: { name: 'De heer J. Jansen', street: 'Kerkstraat 12', postalCode: '1017 GB', city: 'Amsterdam' },
  date,
  reference: 'WP-2026-0007',
  subject: 'Ontvangstbevestiging van uw klacht',
  salutation: 'Geachte heer Jansen,',
  parts,
  closing: 'Met vriendelijke groet,',
  signatory: 'A. de Wit\nKlachtbehandelaar',
}

const filledSender = {
  organisationName: 'Working Progression',
  street: 'Stationsplein 45',
  postalCode: '3511 ED',
  city: 'Utrecht',
  phone: '030 123 45 67',
  email: 'klachten@workingprogression.nl',
}

const longParagraph =
  'Wij hebben alle stukken van uw dossier opnieuw gelezen en met de betrokken medewerkers gesproken. ' +
  'Daarbij hebben wij gekeken naar wat er is afgesproken, wat er is gebeurd en hoe daarover met u is gecommuniceerd. ' +
  'Wij beoordelen dat aan de hand van de normen van behoorlijk bestuur.'
const longLetter: LetterInput = {
  ...base,
  subject: 'Besluit op uw klacht over de begeleiding door uw coach in de periode januari tot en met maart 2026',
  parts: Array.from({ length: 6 }, (_, i) => ({
    heading: `Onderdeel ${i + 1}`,
    text: Array.from({ length: 5 }, (_, j) => `Alinea ${i + 1}.${j + 1}. ${longParagraph}`).join('\n\n'),
  })),
}

/** Rendering with the whole font, or several letters and their images: more than vitest's 5 s on a busy machine. */
const HEAVY = 60_000

async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount()
}

describe('renderLetterPdf: a short letter (Art. 5 acknowledgement)', () => {
  let bytes: Uint8Array
  let text: string
  beforeAll(async () => {
    bytes = await renderLetterPdf(base)
    text = await pdfToText(bytes)
  })

  it('is a one-page A4 PDF', async () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    const { width, height } = doc.getPage(0).getSize()
    expect([Math.round(width * 100) / 100, Math.round(height * 100) / 100]).toEqual([595.28, 841.89])
    expect(pdfPages(text)).toHaveLength(1)
    expect(text).not.toMatch(/Pagina \d/)
  })

  it('carries the date in Dutch (Europe/Amsterdam), the reference and the subject', () => {
    expect(text).toContain('Datum: 14 maart 2026')
    expect(text).toContain('Kenmerk: WP-2026-0007')
    expect(text).toContain('Onderwerp: Ontvangstbevestiging van uw klacht')
  })

  it('uses the Amsterdam calendar day, not the UTC one', async () => {
    const lateEvening = await pdfToText(await renderLetterPdf({ ...base, date: new Date('2026-03-14T23:30:00Z') }))
    expect(lateEvening).toContain('Datum: 15 maart 2026')
  })

  it('addresses the complainant with name, street and postcode plus place', () => {
    expect(text).toContain('De heer J. Jansen')
    expect(text).toContain('Kerkstraat 12')
    expect(text).toMatch(/1017 GB\s+Amsterdam/)
  })

  it('prints salutation, each part’s heading and text in order, closing and signatory', () => {
    const flat = squash(text)
    const expected = [
      'Geachte heer Jansen,',
      ...parts.flatMap((p) => [p.heading, ...p.text.split(/\n+/).map(squash)]),
      'Met vriendelijke groet,',
      'Working Progression',
      'A. de Wit',
      'Klachtbehandelaar',
    ]
    let from = 0
    for (const piece of expected) {
      const at = flat.indexOf(piece, from)
      expect(at, `"${piece}" after position ${from}`).toBeGreaterThanOrEqual(0)
      from = at + piece.length
    }
    expect(flat).toContain('geïnformeerd')
    expect(flat).toContain('vóór die datum')
  })

  it('Decision 14: shows only the organisation’s name while its address, phone and e-mail are not filled in', () => {
    expect(text).toContain('Working Progression')
    expect(text).not.toMatch(/Telefoon|E-mail|Stationsplein|Utrecht/)
  })

  it('sets the metadata: title = subject, Dutch language, author and creator = organisation, creation date = letter date', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false })
    expect(doc.getTitle()).toBe('Ontvangstbevestiging van uw klacht')
    expect(doc.getAuthor()).toBe('Working Progression')
    expect(doc.getCreator()).toBe('Working Progression')
    expect(doc.getCreationDate()?.toISOString()).toBe(date.toISOString())
    const lang = doc.catalog.lookup(PDFName.of('Lang'))
    expect(lang instanceof PDFString ? lang.decodeText() : lang?.toString()).toBe('nl-NL')
  })

  it('gives the same bytes for the same letter', async () => {
    expect(Buffer.from(await renderLetterPdf(base)).equals(Buffer.from(bytes))).toBe(true)
  })
})

describe('renderLetterPdf: the sender block (Decision 14)', () => {
  it('shows address, phone and e-mail once they are filled in', async () => {
    const text = await pdfToText(await renderLetterPdf({ ...base, sender: filledSender }))
    expect(text).toContain('Stationsplein 45')
    expect(text).toMatch(/3511 ED\s+Utrecht/)
    expect(text).toContain('Telefoon 030 123 45 67')
    expect(text).toContain('E-mail klachten@workingprogression.nl')
  })

  it('leaves out each line that is empty or blank', async () => {
    const text = await pdfToText(
      await renderLetterPdf({ ...base, sender: { ...filledSender, street: '  ', postalCode: null, phone: '' } }),
    )
    expect(text).toContain('Utrecht')
    expect(text).toContain('E-mail klachten@workingprogression.nl')
    expect(text).not.toMatch(/Stationsplein|3511 ED|Telefoon/)
  })
})

describe('renderLetterPdf: the addressee', () => {
  it('prints the e-mail address only when there is no postal address', async () => {
    const withPost = await pdfToText(
      await renderLetterPdf({ ...base, addressee: { ...base.addressee, email: 'j.jansen@example.nl' } }),
    )
    expect(withPost).not.toContain('j.jansen@example.nl')
    const mailOnly = await pdfToText(
      await renderLetterPdf({ ...base, addressee: { name: 'J. Jansen', email: 'j.jansen@example.nl' } }),
    )
    expect(mailOnly).toContain('j.jansen@example.nl')
  })
})

describe('renderLetterPdf: a long letter', () => {
  let bytes: Uint8Array
  let pages: string[]
  beforeAll(async () => {
    bytes = await renderLetterPdf(longLetter)
    pages = pdfPages(await pdfToText(bytes))
  })

  it('flows onto further pages, numbered "Pagina i van N"', async () => {
    const n = await pageCount(bytes)
    expect(n).toBeGreaterThanOrEqual(2)
    expect(pages).toHaveLength(n)
    pages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} van ${n}`))
  })

  it('repeats the reference at the top of the following pages', () => {
    for (const page of pages.slice(1)) expect(page.trimStart().startsWith('Kenmerk: WP-2026-0007')).toBe(true)
  })

  it('loses no paragraph and keeps their order across page breaks', () => {
    const flat = squash(pages.join(' ').replace(/Pagina \d+ van \d+|Kenmerk: WP-2026-0007/g, ' '))
    let from = 0
    for (const part of longLetter.parts) {
      for (const paragraph of part.text.split('\n\n')) {
        const at = flat.indexOf(paragraph, from)
        expect(at, paragraph.slice(0, 20)).toBeGreaterThanOrEqual(0)
        from = at + paragraph.length
      }
    }
    expect(flat.indexOf('A. de Wit', from)).toBeGreaterThan(0)
  })

  it('wraps the long subject within the text width', () => {
    expect(squash(pages[0] ?? '')).toContain(`Onderwerp: ${longLetter.subject}`)
  })
})

/** Names as complainants type them; letters must print them exactly so (Art. 5: the letter is addressed to them). */
const NAMES = {
  polish: 'Łukasz Żółćkiewicz-Bęś',
  turkish: 'Şükrü Öztürk-Iğdırlı',
  vietnamese: 'Nguyễn Thị Ánh Tuyết',
  greek: 'Ελένη Παπαδοπούλου',
  cyrillic: 'Юлия Щукина',
} as const

const SCRIPTS = [
  'Polski: ą ć ę ł ń ó ś ź ż Ą Ć Ę Ł Ń Ó Ś Ź Ż',
  'Türkçe: ç ğ ı İ ö ş ü Ç Ğ Ö Ş Ü',
  'Tiếng Việt: ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ỳ ỷ ỹ ỵ đ Đ ư Ư ơ Ơ',
  'Ελληνικά: ά έ ή ί ό ύ ώ ϊ ϋ ΐ ΰ ς Ά Έ Ή Ί Ό Ύ Ώ',
  'Кириллица: Ёё Її Єє Ґґ Ўў Јј Љљ Њњ Ћћ Џџ Ђђ Щщ Ъъ Ыы Ээ Юю Яя',
  'Nederlands: Zoë, Chloë, geïnformeerd, “één” ’s avonds, € 12,50 — fiets, Ĳsselmeer.',
]

const unicodeLetter: LetterInput = {
  ...base,
  sender: filledSender,
  addressee: { name: NAMES.polish, street: 'ulica Świętokrzyska 12', postalCode: '1017 GB', city: 'Amsterdam' },
  subject: `Klacht van ${NAMES.vietnamese}`,
  salutation: `Beste ${NAMES.turkish},`,
  parts: [
    {
      heading: `Gesprek met ${NAMES.greek}`,
      text: `Op het gesprek waren ${NAMES.greek} en ${NAMES.cyrillic} aanwezig.`,
    },
    { heading: 'Alle letters', text: SCRIPTS.join('\n') },
  ],
  signatory: `${NAMES.cyrillic}\nKlachtbehandelaar`,
}

/** The glyph ids every text-showing operator of the PDF draws, page by page (pdf-lib writes `<hex> Tj`). */
async function drawnGlyphIds(bytes: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(bytes)
  const ids: number[] = []
  for (const page of doc.getPages()) {
    const contents = page.node.Contents()
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents]
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream')
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
      for (const [, hex] of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        for (let i = 0; i < (hex ?? '').length; i += 4) ids.push(Number.parseInt((hex ?? '').slice(i, i + 4), 16))
      }
    }
  }
  return ids
}

describe('renderLetterPdf: names and text print as typed (Art. 5: the letter reaches the complainant by name)', () => {
  let bytes: Uint8Array
  let text: string
  beforeAll(async () => {
    bytes = await renderLetterPdf(unicodeLetter)
    text = squash(await pdfToText(bytes))
  })

  it.each(Object.entries(NAMES))('prints a %s name exactly as typed', (_, name) => {
    expect(text).toContain(name)
  })

  it('prints the addressee, subject, salutation, headings, text and signatory as typed', () => {
    for (const piece of [
      NAMES.polish,
      'ulica Świętokrzyska 12',
      `Onderwerp: Klacht van ${NAMES.vietnamese}`,
      `Beste ${NAMES.turkish},`,
      `Gesprek met ${NAMES.greek}`,
      `Op het gesprek waren ${NAMES.greek} en ${NAMES.cyrillic} aanwezig.`,
      ...SCRIPTS,
      `${NAMES.cyrillic} Klachtbehandelaar`,
    ]) {
      expect(text).toContain(piece)
    }
  })

  it('prints a name typed with combining accents (NFD, as some keyboards send it) as the same letters', async () => {
    const decomposed = NAMES.vietnamese.normalize('NFD')
    expect(decomposed).not.toBe(NAMES.vietnamese)
    const read = squash(
      await pdfToText(await renderLetterPdf({ ...base, addressee: { ...base.addressee, name: decomposed } })),
    )
    expect(read).toContain(NAMES.vietnamese)
  })

  it('every character of the letter’s text has a glyph in the embedded font, and no missing-glyph box is drawn', async () => {
    const { regular, bold } = letterFonts()
    const typed = [
      unicodeLetter.addressee.name,
      unicodeLetter.subject,
      unicodeLetter.salutation,
      unicodeLetter.signatory ?? '',
      ...unicodeLetter.parts.flatMap((p) => [p.heading ?? '', p.text]),
    ]
    // What was typed, what the PDF says it prints (its ToUnicode map, as pdftotext reads it), and what it draws.
    for (const source of [typed.join(' '), text]) {
      const codePoints = [...new Set([...source.normalize('NFC')].filter((c) => c.trim() !== ''))]
      expect(codePoints.length).toBeGreaterThan(150)
      const withoutGlyph = codePoints.filter(
        (c) =>
          !regular.hasGlyphForCodePoint(c.codePointAt(0) ?? 0) || !bold.hasGlyphForCodePoint(c.codePointAt(0) ?? 0),
      )
      expect(withoutGlyph).toEqual([])
    }
    const ids = await drawnGlyphIds(bytes)
    expect(ids.length).toBeGreaterThan(500)
    // Glyph 0 is .notdef: the box a viewer shows for a character the font does not have.
    expect(ids.filter((id) => id === 0)).toEqual([])
  })

  it('embeds DejaVu Sans (regular and bold) as subsets, and no standard font', async () => {
    const doc = await PDFDocument.load(bytes)
    const names = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (object): object is PDFDict =>
          object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font'),
      )
      .map((font) => font.get(PDFName.of('BaseFont'))?.toString())
    expect(new Set(names)).toEqual(new Set(['/WPBRIE+DejaVuSans', '/WPBRIE+DejaVuSans-Bold']))
  })

  it(
    'keeps the letter small: only the glyphs it uses are embedded (a one-page letter under 50 kB)',
    async () => {
      expect(bytes.byteLength).toBeLessThan(50_000)
      expect((await renderLetterPdf(unicodeLetter, { subsetFonts: false })).byteLength).toBeGreaterThan(500_000)
    },
    HEAVY,
  )

  it('keeps the original text in the metadata (UTF-16)', async () => {
    expect((await PDFDocument.load(bytes, { updateMetadata: false })).getTitle()).toBe(`Klacht van ${NAMES.vietnamese}`)
  })
})

describe('renderLetterPdf: what the font cannot set is refused, never replaced', () => {
  it.each([
    ['Arabic', 'محمد الأحمد', ['م', 'ح', 'د', 'ا', 'ل', 'أ']],
    ['Hebrew', 'דוד לוי', ['ד', 'ו', 'ל', 'י']],
    ['Devanagari', 'अनीता', ['अ', 'नी', 'ता']],
    ['Chinese', '王芳', ['王', '芳']],
  ])('%s: the letter fails, naming the characters (%s)', async (_, name, characters) => {
    // Control: the same letter with a name the font sets.
    await expect(
      renderLetterPdf({ ...base, addressee: { ...base.addressee, name: 'Mohammed al-Ahmad' } }),
    ).resolves.toBeInstanceOf(Uint8Array)
    const refused = renderLetterPdf({ ...base, addressee: { ...base.addressee, name } })
    await expect(refused).rejects.toBeInstanceOf(UnprintableLetterError)
    await expect(refused).rejects.toMatchObject({ characters })
  })

  it('also in the text, the subject and the signatory, not only the name', async () => {
    for (const letter of [
      { ...base, parts: [{ text: 'Zie 👍 hierboven.' }] },
      { ...base, subject: 'Klacht שלום' },
      { ...base, signatory: 'محمد' },
    ]) {
      await expect(renderLetterPdf(letter)).rejects.toBeInstanceOf(UnprintableLetterError)
    }
  })

  it('leaves out invisible format characters (zero-width space, soft hyphen, variation selector) without refusing', async () => {
    const text = squash(
      await pdfToText(await renderLetterPdf({ ...base, parts: [{ text: 'a\u200bb\u00adc ❤\ufe0f d\te' }] })),
    )
    expect(text).toContain('abc ❤ d e')
  })
})

describe('renderLetterPdf: the font subset of @pdf-lib/fontkit 1.1.1', () => {
  /** Every Latin, Greek and Cyrillic character the font sets (combining marks need shaping and are refused). */
  const repertoire = [
    [0x21, 0x7e],
    [0xa1, 0x24f],
    [0x370, 0x3ff],
    [0x400, 0x52f],
    [0x1e00, 0x1eff],
    [0x2010, 0x2027],
    [0x20ac, 0x20ac],
  ]
    .flatMap(([from = 0, to = 0]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
    .filter((c) => unprintable(c).length === 0 && c.trim() !== '')

  async function raster(bytes: Uint8Array): Promise<Buffer[]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'letter-raster-'))
    try {
      await writeFile(path.join(dir, 'letter.pdf'), bytes)
      await promisify(execFile)('pdftoppm', ['-r', '72', '-gray', path.join(dir, 'letter.pdf'), path.join(dir, 'page')])
      const pages = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort()
      return Promise.all(pages.map((f) => readFile(path.join(dir, f))))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  it(
    'draws every Latin, Greek and Cyrillic character exactly as the whole font does (pixel for pixel)',
    async () => {
      expect(repertoire.length).toBeGreaterThan(1000)
      const letter: LetterInput = {
        ...base,
        subject: repertoire.slice(0, 40).join(''),
        parts: [{ heading: repertoire.slice(40, 100).join(' '), text: repertoire.join(' ') }],
      }
      const [subset, whole] = await Promise.all([
        raster(await renderLetterPdf(letter)),
        raster(await renderLetterPdf(letter, { subsetFonts: false })),
      ])
      expect(subset.length).toBeGreaterThan(1)
      expect(subset.length).toBe(whole.length)
      subset.forEach((page, i) => expect(page.equals(whole[i] ?? Buffer.alloc(0)), `page ${i + 1}`).toBe(true))
    },
    HEAVY,
  )

  it('can rely on the font: every glyph record of DejaVu Sans has an even length', () => {
    // The subsetter writes a short `loca` table (offsets halved) without padding glyph records, so
    // a font with an odd-length record would lose glyphs silently (foliojs/fontkit#191, fixed only upstream).
    for (const font of Object.values(letterFonts())) {
      const { offsets } = (font as unknown as { loca: { offsets: number[] } }).loca
      expect(offsets.length).toBe(font.numGlyphs + 1)
      expect(offsets.filter((offset) => offset % 2 !== 0)).toEqual([])
    }
  })
})

describe('renderLetterPdf: word wrapping', () => {
  it('breaks a word longer than a line instead of running off the page', async () => {
    const long = `https://www.workingprogression.nl/${'klachtenreglement-'.repeat(8)}einde`
    const text = await pdfToText(await renderLetterPdf({ ...base, parts: [{ text: `Zie ${long} voor meer.` }] }))
    expect(text.replace(/\s+/g, '')).toContain(long)
    const longest = Math.max(...text.split('\n').map((line) => line.trim().length))
    expect(longest).toBeLessThan(long.length)
  })
})

describe('renderLetterPdf: margins', () => {
  it('keeps every word of a long letter with a long URL within the 2.5 cm margins of A4', async () => {
    const margin = (25 * 72) / 25.4
    const url = `https://www.workingprogression.nl/${'klachtenreglement-'.repeat(8)}einde`
    const boxes = await pdfWordBoxes(
      await renderLetterPdf({
        ...longLetter,
        sender: filledSender,
        parts: [{ heading: 'Zie ook', text: `Lees ${url} eerst.` }, ...longLetter.parts],
      }),
    )
    expect(boxes.length).toBeGreaterThan(500)
    const outside = boxes.filter((b) => b.xMin < margin - 0.5 || b.xMax > 595.28 - margin + 0.5)
    expect(outside).toEqual([])
    // Only the page numbers sit in the bottom margin; only the repeated reference in the top one.
    const bottom = boxes.filter((b) => b.yMax > 841.89 - margin + 3).map((b) => b.word)
    expect(new Set(bottom)).toEqual(new Set(['Pagina', 'van', ...bottom.filter((w) => /^\d+$/.test(w))]))
    const top = boxes.filter((b) => b.page > 1 && b.yMin < margin - 3).map((b) => b.word)
    expect(new Set(top)).toEqual(new Set(['Kenmerk:', 'WP-2026-0007']))
  })
})

describe('renderLetterPdf: a sample for the eye', () => {
  it(
    'renders as one PNG per page with pdftoppm (written to test-results/letters/)',
    async () => {
      await rm(lettersDir, { recursive: true, force: true })
      await mkdir(lettersDir, { recursive: true })
      for (const [name, letter] of [
        ['short', { ...base, sender: filledSender }],
        ['long', { ...longLetter, sender: filledSender }],
        ['names', unicodeLetter],
      ] as const) {
        const bytes = await renderLetterPdf(letter)
        const file = path.join(lettersDir, `${name}.pdf`)
        await writeFile(file, bytes)
        await promisify(execFile)('pdftoppm', ['-png', '-r', '80', file, path.join(lettersDir, name)])
        const pngs = (await readdir(lettersDir)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
        expect(pngs).toHaveLength(await pageCount(bytes))
      }
    },
    HEAVY,
  )
})
