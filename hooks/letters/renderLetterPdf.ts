import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib'

import { formatDutchDate } from '../complaints/format'
import { letterFontBytes, letterText, listCharacters, unprintable } from './fonts'

/**
 * Renders one Dutch business letter as an A4 PDF with pdf-lib (pure JavaScript, no browser).
 * No clock — the same input gives the same bytes; the only I/O is reading the font once per
 * process (fonts.ts). Letters go by post when a complainant has no e-mail (Decision 12), so the
 * addressee sits in the window-envelope position.
 *
 * Names and text print as typed, in any script the font can set (fonts.ts). Text it cannot set
 * is refused, never replaced: the workflow refuses such a letter before it is issued, at the
 * field the text comes from (compose.ts, prepareLetter.ts); should any still arrive here, the
 * letter fails with `UnprintableLetterError` instead of going out with characters missing.
 */

export type LetterSender = {
  organisationName: string
  street?: string | null
  postalCode?: string | null
  city?: string | null
  phone?: string | null
  email?: string | null
}
export type LetterAddressee = {
  name: string
  street?: string | null
  postalCode?: string | null
  city?: string | null
  email?: string | null
}
/** `text` may hold line breaks (`\n`) and paragraphs (`\n\n`). */
export type LetterPart = { heading?: string; text: string }
export type LetterInput = {
  sender: LetterSender
  addressee: LetterAddressee
  date: Date
  reference: string
  subject: string
  salutation: string
  parts: LetterPart[]
  closing: string
  signatory?: string | null
}

const MM = 72 / 25.4
const PAGE_WIDTH = 595.28
const PAGE_HEIGHT = 841.89
const MARGIN = 25 * MM
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
const BODY_BOTTOM = MARGIN
/** Top of the address field of a window envelope (NEN 1026 style letters: about 5 cm from the top). */
const ADDRESS_TOP = 50 * MM
/** Date, reference and subject start below the window, whatever the address's length. */
const REFERENCES_TOP = 95 * MM
/** Above the body margin, so that a full sender block still ends above the address window. */
const SENDER_TOP = 20 * MM
const SENDER_MAX_WIDTH = 75 * MM
const FOOTER_BASELINE = 15 * MM
const HEADER_BASELINE = PAGE_HEIGHT - 15 * MM

const BODY_SIZE = 10.5
const LEADING = 15
const SMALL_SIZE = 8
const SENDER_NAME_SIZE = 12
const SENDER_SIZE = 9
const SENDER_LEADING = 12.5

const INK = rgb(0.1, 0.1, 0.1)
const GREY = rgb(0.38, 0.38, 0.38)

type Fonts = { regular: PDFFont; bold: PDFFont }

/** A letter holds characters the font cannot set (listed): it is not rendered. */
export class UnprintableLetterError extends Error {
  constructor(readonly characters: string[]) {
    super(`renderLetterPdf: de brief bevat tekens die niet kunnen worden afgedrukt: ${listCharacters(characters)}`)
    this.name = 'UnprintableLetterError'
  }
}

/** Every piece of text the letter prints. */
function printedText(letter: LetterInput): string[] {
  const { sender: s, addressee: a } = letter
  return [
    s.organisationName,
    s.street,
    s.postalCode,
    s.city,
    s.phone,
    s.email,
    a.name,
    a.street,
    a.postalCode,
    a.city,
    a.email,
    letter.reference,
    letter.subject,
    letter.salutation,
    letter.closing,
    letter.signatory,
    ...letter.parts.flatMap((p) => [p.heading, p.text]),
  ].filter((t): t is string => typeof t === 'string')
}

/**
 * Ligatures and contextual alternates off: one glyph per character, so the width measured
 * character by character is the width drawn, and the text read back is the text typed.
 */
const FONT_FEATURES = { liga: false, clig: false, dlig: false, calt: false }

export async function renderLetterPdf(
  letter: LetterInput,
  options: { subsetFonts?: boolean } = {},
): Promise<Uint8Array> {
  if (Number.isNaN(letter.date.getTime())) throw new Error('renderLetterPdf: letter.date is geen geldige datum')
  const missing = unprintable(printedText(letter).join('\n'))
  if (missing.length > 0) throw new UnprintableLetterError(missing)

  // updateMetadata: false — pdf-lib would otherwise stamp the current time; we set every field ourselves.
  const pdf = await PDFDocument.create({ updateMetadata: false })
  const organisation = letter.sender.organisationName.trim()
  pdf.setTitle(letter.subject, { showInWindowTitleBar: true })
  pdf.setSubject(`Kenmerk ${letter.reference}`)
  pdf.setKeywords([letter.reference])
  pdf.setAuthor(organisation)
  pdf.setCreator(organisation)
  pdf.setProducer('pdf-lib')
  pdf.setLanguage('nl-NL')
  pdf.setCreationDate(letter.date)
  pdf.setModificationDate(letter.date)

  // Subset: only the glyphs the letter uses go into the PDF (about 20 kB instead of 1.4 MB for
  // both weights whole); test/unit/letter-pdf.spec.ts checks it renders the same as the whole font.
  pdf.registerFontkit(fontkit)
  const { regular, bold } = letterFontBytes()
  const subset = options.subsetFonts ?? true
  // A fixed name (a subset carries a tag, "XXXXXX+"), so the same letter gives the same bytes.
  const tag = subset ? 'WPBRIE+' : ''
  const fonts: Fonts = {
    regular: await pdf.embedFont(regular, { subset, features: FONT_FEATURES, customName: `${tag}DejaVuSans` }),
    bold: await pdf.embedFont(bold, { subset, features: FONT_FEATURES, customName: `${tag}DejaVuSans-Bold` }),
  }
  const clean = letterText
  const measure = widthMeasurer()
  const reference = clean(letter.reference)

  const flow = new Flow(pdf, fonts, measure, reference)
  const first = flow.page

  // Sender block, top right, flush with the right margin; lines left-aligned within it.
  // Decision 14: address, phone and e-mail appear only once an admin has filled them in.
  const s = letter.sender
  const senderLines: { text: string; font: PDFFont; size: number; color: typeof INK }[] = [
    ...wrap(clean(organisation), fonts.bold, SENDER_NAME_SIZE, SENDER_MAX_WIDTH, measure).map((text) => ({
      text,
      font: fonts.bold,
      size: SENDER_NAME_SIZE,
      color: INK,
    })),
    ...[filled(s.street), postalLine(s.postalCode, s.city), prefixed('Telefoon', s.phone), prefixed('E-mail', s.email)]
      .filter((line): line is string => line !== null)
      .flatMap((line) => wrap(clean(line), fonts.regular, SENDER_SIZE, SENDER_MAX_WIDTH, measure))
      .map((text) => ({ text, font: fonts.regular, size: SENDER_SIZE, color: GREY })),
  ]
  const senderWidth = Math.max(0, ...senderLines.map((l) => measure(l.text, l.font, l.size)))
  const senderX = PAGE_WIDTH - MARGIN - senderWidth
  let y = PAGE_HEIGHT - SENDER_TOP - ascent(fonts.bold, SENDER_NAME_SIZE)
  senderLines.forEach((line, i) => {
    const previous = senderLines[i - 1]
    // A little air between the organisation's name and its contact details.
    if (previous) y -= previous.font === line.font ? SENDER_LEADING : SENDER_LEADING + 3
    first.drawText(line.text, { x: senderX, y, size: line.size, font: line.font, color: line.color })
  })
  const senderBottom = y - SENDER_LEADING

  // Addressee in the envelope window. A window shows a postal address, so the e-mail address
  // is printed only when there is no postal address to identify the complainant by.
  const a = letter.addressee
  const postal = [filled(a.street), postalLine(a.postalCode, a.city)].filter((line): line is string => line !== null)
  const addressLines = [
    a.name,
    ...(postal.length > 0 ? postal : [filled(a.email)].filter((l): l is string => l !== null)),
  ]
    .map(clean)
    .flatMap((line) => wrap(line, fonts.regular, BODY_SIZE, 85 * MM, measure))
  y = Math.min(PAGE_HEIGHT - ADDRESS_TOP, senderBottom - LEADING) - ascent(fonts.regular, BODY_SIZE)
  addressLines.forEach((line, i) => {
    if (i > 0) y -= LEADING
    first.drawText(line, { x: MARGIN, y, size: BODY_SIZE, font: fonts.regular, color: INK })
  })

  // Date, reference, subject; then the letter itself flows from here.
  flow.y = Math.min(PAGE_HEIGHT - REFERENCES_TOP, y - 3 * LEADING) - ascent(fonts.regular, BODY_SIZE) + LEADING
  flow.lines([`Datum: ${formatDutchDate(letter.date)}`, `Kenmerk: ${reference}`], fonts.regular)
  flow.paragraph(clean(`Onderwerp: ${letter.subject}`), fonts.bold, {
    hangingIndent: measure('Onderwerp: ', fonts.bold, BODY_SIZE),
  })
  flow.gap(2)
  flow.paragraph(clean(letter.salutation), fonts.regular)

  for (const part of letter.parts) {
    const heading = part.heading?.trim()
    const paragraphs = splitParagraphs(clean(part.text))
    flow.gap(1)
    if (heading) flow.heading(clean(heading), paragraphs[0])
    paragraphs.forEach((paragraph, i) => {
      if (i > 0) flow.gap(1)
      flow.paragraph(paragraph, fonts.regular)
    })
  }

  // Closing, organisation, room for a signature and the signatory: kept together on one page.
  const signatory = (letter.signatory ?? '')
    .split('\n')
    .map((line) => clean(line.trim()))
    .filter((line) => line !== '')
  flow.gap(1)
  flow.keepTogether(2 + (signatory.length > 0 ? 3 + signatory.length : 0))
  flow.lines([clean(letter.closing), clean(organisation)], fonts.regular)
  if (signatory.length > 0) {
    flow.gap(3)
    flow.lines(signatory, fonts.regular)
  }

  const pages = pdf.getPages()
  if (pages.length > 1) {
    pages.forEach((page, i) => {
      const label = `Pagina ${i + 1} van ${pages.length}`
      const x = PAGE_WIDTH - MARGIN - measure(label, fonts.regular, SMALL_SIZE)
      page.drawText(label, { x, y: FOOTER_BASELINE, size: SMALL_SIZE, font: fonts.regular, color: GREY })
    })
  }

  return pdf.save()
}

/** Places lines top to bottom, starting new pages (with the reference repeated at the top) as needed. */
class Flow {
  page: PDFPage
  y: number

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly measure: Measure,
    private readonly reference: string,
  ) {
    this.page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT])
    this.y = PAGE_HEIGHT - MARGIN
  }

  /** Lines still free on this page below the current one. */
  private room(): number {
    return Math.floor((this.y - BODY_BOTTOM) / LEADING)
  }

  private newPage(): void {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT])
    const label = `Kenmerk: ${this.reference}`
    this.page.drawText(label, {
      x: MARGIN,
      y: HEADER_BASELINE,
      size: SMALL_SIZE,
      font: this.fonts.regular,
      color: GREY,
    })
    this.y = PAGE_HEIGHT - MARGIN - ascent(this.fonts.regular, BODY_SIZE) + LEADING
  }

  private draw(text: string, font: PDFFont, x = MARGIN): void {
    if (this.room() < 1) this.newPage()
    this.y -= LEADING
    this.page.drawText(text, { x, y: this.y, size: BODY_SIZE, font, color: INK })
  }

  private atTopOfPage(): boolean {
    return this.y >= PAGE_HEIGHT - MARGIN - ascent(this.fonts.regular, BODY_SIZE)
  }

  /** Blank lines; none at the top of a page. */
  gap(lines: number): void {
    if (this.atTopOfPage()) return
    if (this.room() <= lines) this.newPage()
    else this.y -= lines * LEADING
  }

  keepTogether(lines: number): void {
    if (this.room() < lines && !this.atTopOfPage()) this.newPage()
  }

  /** Short lines (closing, signatory), each still wrapped should it be longer than the text width. */
  lines(lines: string[], font: PDFFont): void {
    for (const line of lines.flatMap((l) => wrap(l, font, BODY_SIZE, TEXT_WIDTH, this.measure))) this.draw(line, font)
  }

  /** A bold heading, kept on the page with the first two lines of the text it introduces. */
  heading(text: string, firstParagraph: string | undefined): void {
    const lines = wrap(text, this.fonts.bold, BODY_SIZE, TEXT_WIDTH, this.measure)
    const following =
      firstParagraph === undefined ? 0 : Math.min(2, this.wrapParagraph(firstParagraph, this.fonts.regular, 0).length)
    this.keepTogether(lines.length + following)
    this.lines(lines, this.fonts.bold)
  }

  /**
   * One paragraph: its own line breaks kept, each line word-wrapped. No single line is left
   * alone at the foot of a page (orphan) or carried alone to the next (widow).
   */
  paragraph(text: string, font: PDFFont, options: { hangingIndent?: number } = {}): void {
    const lines = this.wrapParagraph(text, font, options.hangingIndent ?? 0)
    let next = 0
    while (next < lines.length) {
      const left = lines.length - next
      let fits = this.room()
      if (fits >= left) fits = left
      else if (fits === 1 && !this.atTopOfPage()) fits = 0
      else if (left - fits === 1 && fits >= 3) fits -= 1
      if (fits === 0) {
        this.newPage()
        continue
      }
      for (const line of lines.slice(next, next + fits)) this.draw(line.text, font, MARGIN + line.indent)
      next += fits
      if (next < lines.length) this.newPage()
    }
  }

  private wrapParagraph(text: string, font: PDFFont, hangingIndent: number): { text: string; indent: number }[] {
    return text.split('\n').flatMap((line) => {
      // List items ("- …", "• …", "1. …") hang their continuation lines under the item's text.
      const marker = /^\s*(?:[-–•*]|\d{1,2}[.)])\s+/.exec(line)
      const indent = hangingIndent || (marker ? this.measure(marker[0].trimStart(), font, BODY_SIZE) : 0)
      return wrap(line.trimStart(), font, BODY_SIZE, TEXT_WIDTH, this.measure, TEXT_WIDTH - indent).map(
        (wrapped, i) => ({
          text: wrapped,
          indent: i === 0 ? 0 : indent,
        }),
      )
    })
  }
}

type Measure = (text: string, font: PDFFont, size: number) => number

/**
 * Width as drawn: pdf-lib's widthOfTextAtSize subtracts kerning, but drawText does not apply it,
 * so measure glyph by glyph (cached) to keep right-aligned text and wrapped lines inside the margin.
 */
function widthMeasurer(): Measure {
  const cache = new Map<PDFFont, Map<string, number>>()
  return (text, font, size) => {
    let widths = cache.get(font)
    if (!widths) cache.set(font, (widths = new Map()))
    let total = 0
    for (const char of text) {
      let width = widths.get(char)
      if (width === undefined) widths.set(char, (width = font.widthOfTextAtSize(char, 1000)))
      total += width
    }
    return (total * size) / 1000
  }
}

/** Greedy word wrap; a word longer than a whole line is broken, preferably after - / . _ @. */
function wrap(text: string, font: PDFFont, size: number, width: number, measure: Measure, nextWidth = width): string[] {
  const out: string[] = []
  const limit = () => (out.length === 0 ? width : nextWidth)
  let current = ''
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`
    if (measure(candidate, font, size) <= limit()) {
      current = candidate
      continue
    }
    if (measure(word, font, size) <= nextWidth) {
      // The word fits on a line of its own: move it there whole.
      if (current !== '') out.push(current)
      current = word
      continue
    }
    // Longer than any line (a URL, say): start it right here and break it where the line ends.
    current = current === '' ? word : `${current} ${word}`
    while (measure(current, font, size) > limit()) {
      const cut = breakPoint(current, limit(), (c) => measure(c, font, size))
      out.push(current.slice(0, cut).trimEnd())
      current = current.slice(cut).trimStart()
    }
  }
  if (current !== '' || out.length === 0) out.push(current)
  return out
}

/** Where to cut a too-long line: after the last - / . _ @ in its second half, else at the last character that fits. */
function breakPoint(text: string, width: number, widthOf: (char: string) => number): number {
  // By code point, so that no character outside the BMP (an emoji) is cut in two halves.
  let used = 0
  let end = 0
  for (const char of text) {
    used += widthOf(char)
    if (used > width) break
    end += char.length
  }
  end = Math.max((text.codePointAt(0) ?? 0) > 0xffff ? 2 : 1, end)
  const soft = Math.max(...['-', '/', '.', '_', '@'].map((c) => text.lastIndexOf(c, end - 1)))
  return soft + 1 > end / 2 ? soft + 1 : end
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim() !== '')
}

function filled(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

function prefixed(label: string, value: string | null | undefined): string | null {
  const v = filled(value)
  return v === null ? null : `${label} ${v}`
}

/** Dutch postal convention: postcode, two spaces, place name. */
function postalLine(postalCode: string | null | undefined, city: string | null | undefined): string | null {
  const line = [filled(postalCode), filled(city)].filter((p): p is string => p !== null).join('  ')
  return line === '' ? null : line
}

function ascent(font: PDFFont, size: number): number {
  return font.heightAtSize(size, { descender: false })
}
