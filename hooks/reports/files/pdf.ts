import { PDFDocument } from 'pdf-lib'

import { formatDutchDate, formatDutchTime } from '../../dates/amsterdam'
import { embedLetterFonts, letterText, listCharacters, unprintable } from '../../letters/pdf/fonts'
import { numberPages, TextFlow, widthMeasurer } from '../../letters/pdf/textFlow'
import { type ReportTable, reportTables } from '../charts'
import type { Art9Report } from '../computeReport'
import {
  barChartBlocks,
  type Block,
  type BlockStyle,
  columnChartBlock,
  formatNumber,
  headingBlock,
  INK,
  MUTED,
  noteBlock,
  numberTableBlocks,
  spaceBlock,
  type Tile,
  tileBlocks,
} from './pdfBlocks'

const MM = 72 / 25.4
const PAGE: [number, number] = [595.28, 841.89]
const MARGIN = 20 * MM
const WIDTH = PAGE[0] - 2 * MARGIN
const BOTTOM = MARGIN
const TOP = PAGE[1] - MARGIN
const FOOTER_BASELINE = 10 * MM
const HEADER_BASELINE = PAGE[1] - 12 * MM
/** A trend of more months than this is drawn as horizontal bars: columns would be too narrow to label. */
const MAX_COLUMNS = 24
const LABEL_WIDTH = 80 * MM
const TABLE_WIDTH = 120 * MM

/** "1 januari 2026 – 31 maart 2026", the period as people read it. */
export function periodLabel(report: Art9Report): string {
  const day = (date: string) => formatDutchDate(new Date(`${date}T12:00:00Z`))
  return `${day(report.period.from)} – ${day(report.period.to)}`
}

/** "1 januari 2026 tot en met 31 maart 2026", for a sentence. */
function fromTo(report: Art9Report): string {
  const day = (date: string) => formatDutchDate(new Date(`${date}T12:00:00Z`))
  return `${day(report.period.from)} tot en met ${day(report.period.to)}`
}

/** "30 juni 2026, 12:00 uur": the moment the numbers hold for (Decision 18), Amsterdam time. */
export function asOfLabel(report: Art9Report): string {
  return `${formatDutchDate(report.asOf)}, ${formatDutchTime(report.asOf)} uur`
}

/** A label as the report prints it: as a letter sets text (fonts.ts), on one line. */
const oneLine = (text: string): string => letterText(text).replace(/\s+/g, ' ').trim()

/** The report holds text the font cannot set (listed): it is not rendered. */
export class UnprintableReportError extends Error {
  constructor(readonly characters: string[]) {
    super(`renderReportPdf: het rapport bevat tekens die niet kunnen worden afgedrukt: ${listCharacters(characters)}`)
    this.name = 'UnprintableReportError'
  }
}

/** Decision 18 and DOMAIN.md "Reporting", in plain Dutch: how each number is counted. */
const DEFINITIONS = [
  'Een klacht telt mee in de periode waarin wij haar ontvingen (de datum van ontvangst, Nederlandse tijd).',
  'Niet in behandeling genomen: wij hebben de klacht niet behandeld om een van de twee redenen van artikel 8.5. Het bericht daarover moet binnen 4 weken na ontvangst verstuurd zijn.',
  'In behandeling genomen: elke andere klacht. Ook een klacht die is ingetrokken, die informeel is afgehandeld of die nog open is.',
  '“Binnen de termijn” tellen wij twee keer: binnen de termijn die in de ontvangstbevestiging staat (meestal 4 weken; een verdagingsbericht verandert die termijn niet) en binnen de uiterste termijn van 6 weken.',
  'Afgehandeld is een klacht op de dag dat de brief die haar afsluit is verstuurd. Hoort bij het einde geen brief, dan telt de dag waarop de status veranderde.',
  'Een klacht die op het moment van de cijfers nog open is, telt als in behandeling genomen, maar (nog) niet als op tijd afgehandeld.',
  'Doorlooptijd: het aantal kalenderdagen van de datum van ontvangst tot de dag van afhandeling. Mediaan: de helft van de afgehandelde klachten was binnen zoveel dagen klaar. 90e percentiel: 9 van de 10 waren binnen zoveel dagen klaar.',
  'Een hoorzitting telt mee zodra het verslag is verstuurd. Een klacht kan over meer dan één soort gaan; de soorten tellen daarom op tot meer dan het aantal klachten.',
  'Dit overzicht bevat geen persoonsgegevens en is voor intern gebruik: het toont elk aantal, ook een klein aantal. Wat buiten Working Progression wordt gepubliceerd, toont een aantal onder 5 als “minder dan 5”.',
]

const pct = (part: number, whole: number): string => `${Math.round((part / whole) * 100)}%`

/** The six figures of Art. 9 as tiles, each with its share of what it is part of. */
function art9Tiles(report: Art9Report, table: ReportTable): Tile[] {
  const whole: Record<string, [number, string] | undefined> = {
    notAdmitted: [report.total, 'van alle ontvangen klachten'],
    notAdmittedOnTime: [report.notAdmitted, 'van de niet in behandeling genomen klachten'],
    admitted: [report.total, 'van alle ontvangen klachten'],
    admittedOnTimeStated: [report.admitted, `van de klachten in behandeling (${report.open} nog open)`],
    admittedOnTimeLimit: [report.admitted, `van de klachten in behandeling (${report.open} nog open)`],
  }
  return table.rows.map((row) => {
    const of = whole[row.key]
    if (!of || of[0] === 0) return { value: row.value, label: row.label }
    return { value: row.value, label: row.label, note: `${pct(row.value, of[0])} ${of[1]}` }
  })
}

/**
 * The Art. 9 report as an A4 PDF: the period and the moment of the numbers, the figures of Art. 9
 * as tiles, then every table of `reportTables` (the numbers the admin view shows) as a bar chart
 * with the same numbers as a small table beside it in print, the trend by month as columns, the
 * lead time, and how each number is counted (Decision 18). Set with the letters' fonts and text
 * flow (hooks/letters/pdf). No clock: the document's dates are `asOf`, so the same report gives
 * the same bytes.
 */
export async function renderReportPdf(report: Art9Report, options: { title?: string } = {}): Promise<Uint8Array> {
  const tables = reportTables(report).map((table) => ({
    ...table,
    title: oneLine(table.title),
    rows: table.rows.map((row) => ({ ...row, label: oneLine(row.label) })),
  }))
  const title = oneLine(options.title ?? 'Verantwoording klachten (artikel 9)')
  const period = periodLabel(report)
  // Codes the vocabulary lacks print as they are (charts.ts); like a letter, a report is refused
  // rather than printed with characters missing.
  const missing = unprintable([title, ...tables.flatMap((t) => [t.title, ...t.rows.map((r) => r.label)])].join('\n'))
  if (missing.length > 0) throw new UnprintableReportError(missing)

  // updateMetadata: false — pdf-lib would otherwise stamp the current time.
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.setTitle(`${title}, ${period}`, { showInWindowTitleBar: true })
  pdf.setSubject(`Klachten ontvangen ${period}; cijfers per ${asOfLabel(report)}`)
  pdf.setAuthor('Working Progression')
  pdf.setCreator('Working Progression')
  pdf.setProducer('pdf-lib')
  pdf.setLanguage('nl-NL')
  pdf.setCreationDate(new Date(report.asOf))
  pdf.setModificationDate(new Date(report.asOf))
  const fonts = await embedLetterFonts(pdf)
  const measure = widthMeasurer()
  const style: BlockStyle = { fonts, measure }
  const running = `${title} · ${period}`
  const flow = new TextFlow(pdf, {
    pageSize: PAGE,
    margins: { top: MARGIN, right: MARGIN, bottom: BOTTOM, left: MARGIN },
    fonts,
    size: 9.5,
    leading: 13.5,
    color: INK,
    measure,
    // Every following page says what it is part of.
    onPageBreak: (page) =>
      page.drawText(running, { x: MARGIN, y: HEADER_BASELINE, size: 8, font: fonts.regular, color: MUTED }),
  })

  const atTop = () => flow.y >= TOP
  const top = () => Math.min(flow.y, TOP)
  const newPage = () => flow.keepTogether(Number.MAX_SAFE_INTEGER)
  const place = (block: Block) => {
    block.draw(flow.page, MARGIN, top())
    flow.y = top() - block.height
  }
  const fits = (height: number) => top() - height >= BOTTOM
  /**
   * A table's blocks on one page: a new page when they do not fit on this one. Only a table
   * longer than a whole page breaks, between rows, and says "(vervolg)" where it continues.
   */
  const together = (blocks: Block[], continued: () => Block) => {
    const height = blocks.reduce((sum, b) => sum + b.height, 0)
    if (!fits(height) && !atTop()) newPage()
    for (const block of blocks) {
      if (!fits(block.height)) {
        newPage()
        place(continued())
        if (block.repeat) place(block.repeat)
      }
      place(block)
    }
  }

  // The title, the period and the moment of the numbers.
  place(headingBlock(title, style, WIDTH, 18))
  flow.lines(
    [
      `Klachten ontvangen van ${fromTo(report)} (datum van ontvangst).`,
      `Cijfers per ${asOfLabel(report)}.`,
      'Working Progression, intern overzicht zonder persoonsgegevens.',
    ],
    fonts.regular,
  )

  const art9 = tables.find((table) => table.id === 'art9')
  if (art9) {
    flow.y -= 4
    together(
      [headingBlock('Artikel 9 in het kort', style, WIDTH), ...tileBlocks(art9Tiles(report, art9), style, WIDTH)],
      () => headingBlock('Artikel 9 in het kort (vervolg)', style, WIDTH),
    )
  }

  // How each number is counted, next to the figures it explains; the heading stays with the first lines.
  const how = headingBlock('Hoe wij tellen', style, WIDTH)
  together([how, spaceBlock(3 * 13.5)], () => how)
  flow.y += 3 * 13.5
  for (const definition of DEFINITIONS) {
    flow.paragraph(`• ${definition}`, fonts.regular)
    flow.y -= 3
  }

  const section = (blocks: Block[], title: string) => {
    if (!atTop()) flow.y -= 12
    together([headingBlock(title, style, WIDTH), ...blocks], () => headingBlock(`${title} (vervolg)`, style, WIDTH))
  }
  for (const table of tables) {
    const chart =
      table.id === 'byMonth' && table.rows.length <= MAX_COLUMNS
        ? [columnChartBlock(table.rows, style, WIDTH)]
        : barChartBlocks(table.rows, style, WIDTH, { labelWidth: LABEL_WIDTH })
    const numbers = numberTableBlocks(table.rows, style, TABLE_WIDTH, { header: ['Omschrijving', 'Aantal'] })
    const notes =
      table.id === 'byCategory'
        ? [spaceBlock(4), noteBlock('Een klacht kan over meer dan één soort gaan.', style, WIDTH)]
        : []
    section([...chart, spaceBlock(8), ...numbers, ...notes], table.title)
  }

  // Lead time (Decision 18): calendar days from receipt to the day it ended.
  const { median, p90 } = report.leadTimeDays
  const leadTitle = 'Doorlooptijd van afgehandelde klachten'
  if (median === null || p90 === null)
    section(
      [noteBlock('Geen klacht uit deze periode was afgehandeld: er is nog geen doorlooptijd.', style, WIDTH)],
      leadTitle,
    )
  else {
    const rows = [
      { label: 'Mediaan', value: median },
      { label: '90e percentiel', value: p90 },
    ]
    const days = (value: number) => `${formatNumber(value)} ${value === 1 ? 'dag' : 'dagen'}`
    section(
      [
        ...barChartBlocks(rows, style, WIDTH, { labelWidth: LABEL_WIDTH, unit: days }),
        spaceBlock(8),
        ...numberTableBlocks(rows, style, TABLE_WIDTH, {
          header: ['Kalenderdagen van ontvangst tot afhandeling', 'Dagen'],
        }),
      ],
      leadTitle,
    )
  }

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
