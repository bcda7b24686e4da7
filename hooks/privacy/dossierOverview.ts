import { PDFDocument } from 'pdf-lib'

import { formatDutchDate, formatDutchTime } from '../dates/amsterdam'
import { embedLetterFonts, letterText, unprintable } from '../letters/pdf/fonts'
import { numberPages, TextFlow, widthMeasurer } from '../letters/pdf/textFlow'
import { type Block, type BlockStyle, headingBlock, INK, MUTED } from '../reports/files/pdfBlocks'

/** One datum as the overview prints it: its Dutch label and its value (several lines allowed). */
export type DossierLine = { label: string; value: string }

/** A group of data under its own heading (a store of the registry, a letter, an attachment). */
export type DossierSection = { title: string; lines: DossierLine[] }

/** A row of the timeline in plain words (describeEvent). */
export type DossierEvent = { who: string; what: string; when: string }

/**
 * Everything the overview of a dossier for inspection says (AVG art. 15 lid 1 and 3): the data,
 * the letters and attachments in the ZIP, the timeline, who processed the data, why, who received
 * it and how long it is kept. Plain values: the document knows nothing of Payload.
 */
export type DossierOverview = {
  reference: string
  /** The moment the dossier was made. */
  at: Date
  summary: DossierLine[]
  data: DossierSection[]
  letters: DossierSection[]
  attachments: DossierSection[]
  timeline: DossierEvent[]
  staff: string[]
  purposes: DossierLine[]
  recipients: string[]
  /** Each sentence about a retention term. */
  retention: string[]
}

const MM = 72 / 25.4
const PAGE: [number, number] = [595.28, 841.89]
const MARGIN = 20 * MM
const WIDTH = PAGE[0] - 2 * MARGIN
const BOTTOM = MARGIN
const TOP = PAGE[1] - MARGIN
const FOOTER_BASELINE = 10 * MM
const HEADER_BASELINE = PAGE[1] - 12 * MM
const SIZE = 10.5
const LEADING = 15

/**
 * Text as the overview sets it. Unlike a letter, the dossier is never refused (AVG art. 15 is a
 * right): a character the font cannot set (hooks/letters/pdf/fonts.ts) prints as "?", and the
 * overview says so; the letters and attachments in the ZIP are the files as stored.
 */
function printable(text: string): { text: string; replaced: boolean } {
  const clean = letterText(text)
  const missing = unprintable(clean)
  let out = clean
  for (const grapheme of missing) out = out.split(grapheme).join('?')
  return { text: out, replaced: missing.length > 0 }
}

/** "1 december 2026, 14:30", Amsterdam. */
export const dutchMoment = (at: string | Date): string => `${formatDutchDate(at)}, ${formatDutchTime(at)}`

/**
 * The overview of a dossier for inspection as an A4 PDF in plain Dutch (B1), set with the letters'
 * fonts (DejaVu Sans: Ł, ş, ễ print as typed) and text flow: long texts wrap and flow onto further
 * pages, each page after the first names the case, pages are numbered.
 */
export async function renderDossierOverview(overview: DossierOverview): Promise<Uint8Array> {
  let replaced = false
  const p = (text: string): string => {
    const result = printable(text)
    replaced ||= result.replaced
    return result.text
  }

  // updateMetadata: false — the dates are the dossier's own moment.
  const pdf = await PDFDocument.create({ updateMetadata: false })
  const title = `Inzage in uw dossier: klacht ${overview.reference}`
  pdf.setTitle(title, { showInWindowTitleBar: true })
  pdf.setSubject('Overzicht van uw persoonsgegevens (AVG artikel 15)')
  pdf.setAuthor('Working Progression')
  pdf.setCreator('Working Progression')
  pdf.setProducer('pdf-lib')
  pdf.setLanguage('nl-NL')
  pdf.setCreationDate(overview.at)
  pdf.setModificationDate(overview.at)
  const fonts = await embedLetterFonts(pdf)
  const measure = widthMeasurer()
  const style: BlockStyle = { fonts, measure }
  const running = `Inzage in uw dossier · ${overview.reference}`
  const flow = new TextFlow(pdf, {
    pageSize: PAGE,
    margins: { top: MARGIN, right: MARGIN, bottom: BOTTOM, left: MARGIN },
    fonts,
    size: SIZE,
    leading: LEADING,
    color: INK,
    measure,
    onPageBreak: (page) =>
      page.drawText(p(running), { x: MARGIN, y: HEADER_BASELINE, size: 8, font: fonts.regular, color: MUTED }),
  })
  const atTop = () => flow.y >= TOP
  const top = () => Math.min(flow.y, TOP)
  const place = (block: Block) => {
    block.draw(flow.page, MARGIN, top())
    flow.y = top() - block.height
  }
  /** A section heading, kept on the page with the first lines below it. */
  const section = (text: string) => {
    const block = headingBlock(p(text), style, WIDTH)
    if (top() - block.height - 3 * LEADING < BOTTOM && !atTop()) flow.keepTogether(Number.MAX_SAFE_INTEGER)
    place(block)
  }
  const paragraph = (text: string) => {
    flow.paragraph(p(text), fonts.regular)
    flow.y -= 4
  }
  const bullet = (text: string) => {
    flow.paragraph(`• ${p(text)}`, fonts.regular)
    flow.y -= 2
  }
  const lines = (items: DossierLine[]) => {
    for (const line of items) {
      const value = p(line.value)
      // A one-line value follows its label; a longer text starts on the next line, as typed.
      if (!value.includes('\n') && value.length <= 80) flow.paragraph(`${p(line.label)}: ${value}`, fonts.regular)
      else {
        flow.heading(`${p(line.label)}:`, value)
        flow.paragraph(value, fonts.regular)
      }
      flow.y -= 3
    }
  }
  const subsections = (items: DossierSection[], empty: string) => {
    if (items.length === 0) paragraph(empty)
    for (const item of items) {
      flow.heading(p(item.title), item.lines[0] ? `${item.lines[0].label}: ${item.lines[0].value}` : undefined)
      lines(item.lines)
      flow.y -= 6
    }
  }

  place(headingBlock(p(title), style, WIDTH, 18))
  paragraph(
    'U hebt het recht om te zien welke gegevens wij over u hebben. Dat staat in artikel 15 van de Algemene verordening gegevensbescherming (AVG) en in artikel 6 van ons klachtenreglement. In dit overzicht staat alles wat wij bij deze klacht over u hebben vastgelegd. In dezelfde map (het ZIP-bestand) zitten ook alle brieven over uw klacht en de bijlagen die bij uw klacht horen.',
  )
  paragraph(`Dit overzicht is gemaakt op ${dutchMoment(overview.at)}.`)

  section('Uw klacht in het kort')
  lines(overview.summary)

  section('De gegevens die wij van u hebben')
  subsections(overview.data, 'Wij hebben bij deze klacht geen andere gegevens van u vastgelegd.')

  section('Brieven in dit dossier')
  paragraph('Elke brief staat als PDF in de map "brieven".')
  subsections(overview.letters, 'Er zijn nog geen brieven over uw klacht gemaakt.')

  section('Bijlagen')
  paragraph('Elke bijlage staat in de map "bijlagen", precies zoals wij haar hebben bewaard.')
  subsections(overview.attachments, 'Bij uw klacht zijn geen bijlagen bewaard.')

  section('Wat er met uw klacht is gebeurd')
  if (overview.timeline.length === 0) paragraph('Er is nog niets vastgelegd.')
  for (const event of overview.timeline) bullet(`${event.when}: ${event.what} (${event.who})`)

  section('Wie uw gegevens heeft gebruikt')
  paragraph(
    'Alleen de behandelaar van uw klacht en de managers mogen uw gegevens zien. Deze medewerkers van Working Progression hebben uw klacht behandeld of ingezien:',
  )
  if (overview.staff.length === 0) bullet('Nog geen medewerker.')
  for (const name of overview.staff) bullet(name)

  section('Waarom wij uw gegevens hebben')
  for (const purpose of overview.purposes) bullet(`${purpose.label}: ${purpose.value}`)

  section('Wie uw gegevens krijgt')
  paragraph('Deze personen en organisaties krijgen (een deel van) uw gegevens:')
  for (const recipient of overview.recipients) bullet(recipient)

  section('Hoe lang wij uw gegevens bewaren')
  for (const sentence of overview.retention) paragraph(sentence)

  section('Niet eens met hoe wij met uw gegevens omgaan?')
  paragraph(
    'Kloppen uw gegevens niet? Dan mag u ons vragen ze te verbeteren. U mag ook vragen om uw gegevens te wissen. Neem daarvoor contact op met de behandelaar van uw klacht.',
  )
  paragraph(
    'Vindt u dat wij niet goed met uw gegevens omgaan? Dan mag u een klacht indienen bij de Autoriteit Persoonsgegevens. Dat kan op de website autoriteitpersoonsgegevens.nl.',
  )
  if (replaced)
    paragraph(
      'Let op: een paar tekens in uw gegevens kunnen wij in dit overzicht niet afdrukken. Op die plaatsen staat een vraagteken (?). In onze administratie staan ze wel goed.',
    )

  numberPages(pdf, {
    font: fonts.regular,
    size: 8,
    color: MUTED,
    right: PAGE[0] - MARGIN,
    baseline: FOOTER_BASELINE,
    measure,
  })
  return pdf.save()
}
