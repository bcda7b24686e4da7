import { PDFDocument, type PDFFont, rgb } from 'pdf-lib'

import { formatDutchDate } from '../../dates/amsterdam'
import { embedLetterFonts, letterText, listCharacters, unprintable } from './fonts'
import { ascent, numberPages, splitParagraphs, TextFlow, widthMeasurer, wrap } from './textFlow'

/**
 * Renders one Dutch business letter as an A4 PDF with pdf-lib (pure JavaScript, no browser):
 * the letter's layout (sender block, address window, date, subject, signature) around the
 * running text, which textFlow.ts sets.
 * No clock — the same input gives the same bytes; the only I/O is reading the font once per
 * process (fonts.ts). Letters go by post when a complainant has no e-mail (Decision 12), so the
 * addressee sits in the window-envelope position.
 *
 * Names and text print as typed, in any script the font can set (fonts.ts). Text it cannot set
 * is refused, never replaced: the workflow refuses such a letter before it is issued, at the
 * field the text comes from (../compose.ts, ../prepareLetter.ts); should any still arrive here, the
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

  const fonts = await embedLetterFonts(pdf, { subset: options.subsetFonts ?? true })
  const clean = letterText
  const measure = widthMeasurer()
  const reference = clean(letter.reference)

  const flow = new TextFlow(pdf, {
    pageSize: [PAGE_WIDTH, PAGE_HEIGHT],
    margins: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
    fonts,
    size: BODY_SIZE,
    leading: LEADING,
    color: INK,
    measure,
    // The reference on every following page, so that a loose page finds its case again.
    onPageBreak: (page) =>
      page.drawText(`Kenmerk: ${reference}`, {
        x: MARGIN,
        y: HEADER_BASELINE,
        size: SMALL_SIZE,
        font: fonts.regular,
        color: GREY,
      }),
  })
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

  numberPages(pdf, {
    font: fonts.regular,
    size: SMALL_SIZE,
    color: GREY,
    right: PAGE_WIDTH - MARGIN,
    baseline: FOOTER_BASELINE,
    measure,
  })

  return pdf.save()
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
