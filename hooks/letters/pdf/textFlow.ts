import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib'

/**
 * Generic typesetting on pdf-lib: measuring text as drawn, word wrapping, paragraphs without
 * widows or orphans, and page breaks. It knows nothing of letters, so that any document the
 * portal prints (a letter, a report, a dossier overview) sets its running text the same way;
 * what a document puts on its pages around the flow (a header, an address) stays with it.
 */

export type Measure = (text: string, font: PDFFont, size: number) => number

export type FlowFonts = { regular: PDFFont; bold: PDFFont }

export type FlowLayout = {
  /** Width and height in points. */
  pageSize: [number, number]
  margins: { top: number; right: number; bottom: number; left: number }
  fonts: FlowFonts
  /** Font size and line distance of the running text, in points. */
  size: number
  leading: number
  color: Color
  /** Shared with the document's own measuring, so that one cache serves both. */
  measure?: Measure
  /** Draws what every page the flow starts carries (a running header); the first page is the document's. */
  onPageBreak?: (page: PDFPage) => void
}

/** A line of a wrapped paragraph, indented (points) when it continues a list item. */
type WrappedLine = { text: string; indent: number }

/** Places lines top to bottom within the margins, starting new pages as needed. */
export class TextFlow {
  page: PDFPage
  /** Baseline of the line last drawn; the next line goes one leading below it. */
  y: number
  readonly measure: Measure
  readonly textWidth: number

  constructor(
    private readonly pdf: PDFDocument,
    private readonly layout: FlowLayout,
  ) {
    const [width, height] = layout.pageSize
    this.measure = layout.measure ?? widthMeasurer()
    this.textWidth = width - layout.margins.left - layout.margins.right
    this.page = pdf.addPage([width, height])
    this.y = height - layout.margins.top
  }

  /** Where the first line of a fresh page sits: its ascent touching the top margin. */
  private top(): number {
    return this.layout.pageSize[1] - this.layout.margins.top - ascent(this.layout.fonts.regular, this.layout.size)
  }

  /** Lines still free on this page below the current one. */
  private room(): number {
    return Math.floor((this.y - this.layout.margins.bottom) / this.layout.leading)
  }

  private newPage(): void {
    this.page = this.pdf.addPage(this.layout.pageSize)
    this.layout.onPageBreak?.(this.page)
    this.y = this.top() + this.layout.leading
  }

  private draw(text: string, font: PDFFont, x = this.layout.margins.left): void {
    if (this.room() < 1) this.newPage()
    this.y -= this.layout.leading
    this.page.drawText(text, { x, y: this.y, size: this.layout.size, font, color: this.layout.color })
  }

  private atTopOfPage(): boolean {
    return this.y >= this.top()
  }

  /** Blank lines; none at the top of a page. */
  gap(lines: number): void {
    if (this.atTopOfPage()) return
    if (this.room() <= lines) this.newPage()
    else this.y -= lines * this.layout.leading
  }

  keepTogether(lines: number): void {
    if (this.room() < lines && !this.atTopOfPage()) this.newPage()
  }

  /** Short lines (a closing, a signatory), each still wrapped should it be longer than the text width. */
  lines(lines: string[], font: PDFFont): void {
    const { size } = this.layout
    for (const line of lines.flatMap((l) => wrap(l, font, size, this.textWidth, this.measure))) this.draw(line, font)
  }

  /** A bold heading, kept on the page with the first two lines of the text it introduces. */
  heading(text: string, firstParagraph: string | undefined): void {
    const { fonts, size } = this.layout
    const lines = wrap(text, fonts.bold, size, this.textWidth, this.measure)
    const following =
      firstParagraph === undefined ? 0 : Math.min(2, this.wrapParagraph(firstParagraph, fonts.regular, 0).length)
    this.keepTogether(lines.length + following)
    this.lines(lines, fonts.bold)
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
      for (const line of lines.slice(next, next + fits))
        this.draw(line.text, font, this.layout.margins.left + line.indent)
      next += fits
      if (next < lines.length) this.newPage()
    }
  }

  private wrapParagraph(text: string, font: PDFFont, hangingIndent: number): WrappedLine[] {
    const { size } = this.layout
    return text.split('\n').flatMap((line) => {
      // List items ("- …", "• …", "1. …") hang their continuation lines under the item's text.
      const marker = /^\s*(?:[-–•*]|\d{1,2}[.)])\s+/.exec(line)
      const indent = hangingIndent || (marker ? this.measure(marker[0].trimStart(), font, size) : 0)
      return wrap(line.trimStart(), font, size, this.textWidth, this.measure, this.textWidth - indent).map(
        (wrapped, i) => ({ text: wrapped, indent: i === 0 ? 0 : indent }),
      )
    })
  }
}

/**
 * "Pagina i van N" at the foot of every page, flush right, once the document has more than one
 * page (a one-page document needs no numbers). Call it after the last line is set.
 */
export function numberPages(
  pdf: PDFDocument,
  style: { font: PDFFont; size: number; color: Color; right: number; baseline: number; measure: Measure },
): void {
  const pages = pdf.getPages()
  if (pages.length < 2) return
  pages.forEach((page, i) => {
    const label = `Pagina ${i + 1} van ${pages.length}`
    const x = style.right - style.measure(label, style.font, style.size)
    page.drawText(label, { x, y: style.baseline, size: style.size, font: style.font, color: style.color })
  })
}

/**
 * Width as drawn: pdf-lib's widthOfTextAtSize subtracts kerning, but drawText does not apply it,
 * so measure glyph by glyph (cached) to keep right-aligned text and wrapped lines inside the margin.
 */
export function widthMeasurer(): Measure {
  const cache = new Map<PDFFont, Map<string, number>>()
  return (text, font, size) => {
    let widths = cache.get(font)
    if (!widths) cache.set(font, (widths = new Map<string, number>()))
    let total = 0
    for (const char of text) {
      let width = widths.get(char)
      if (width === undefined) widths.set(char, (width = font.widthOfTextAtSize(char, 1000)))
      total += width
    }
    return (total * size) / 1000
  }
}

/**
 * Greedy word wrap to `width` (the first line) and `nextWidth` (the lines after it); a word
 * longer than a whole line is broken, preferably after - / . _ @.
 */
export function wrap(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  measure: Measure,
  nextWidth = width,
): string[] {
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

/** Paragraphs are separated by a blank line (which may hold spaces or tabs). */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim() !== '')
}

/** Height of the font above the baseline at `size`: where a first line's top sits. */
export function ascent(font: PDFFont, size: number): number {
  return font.heightAtSize(size, { descender: false })
}
