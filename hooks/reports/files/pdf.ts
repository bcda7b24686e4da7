import { PDFDocument, rgb } from 'pdf-lib'

import { formatDutchDate } from '../../dates/amsterdam'
import { embedLetterFonts } from '../../letters/pdf/fonts'
import { numberPages, TextFlow, widthMeasurer } from '../../letters/pdf/textFlow'
import { reportTables } from '../charts'
import type { Art9Report } from '../computeReport'

const MM = 72 / 25.4
const PAGE: [number, number] = [210 * MM, 297 * MM]
const MARGIN = 20 * MM
const INK = rgb(0.1, 0.1, 0.1)
const GREY = rgb(0.4, 0.4, 0.4)

/** "1 januari 2026 – 31 maart 2026", the period as people read it. */
export function periodLabel(report: Art9Report): string {
  const day = (date: string) => formatDutchDate(new Date(`${date}T12:00:00Z`))
  return `${day(report.period.from)} – ${day(report.period.to)}`
}

/**
 * The Art. 9 report as a PDF: every table of `reportTables`, so that the file holds exactly the
 * numbers on screen. Set with the letters' text flow and fonts (hooks/letters/pdf).
 */
export async function renderReportPdf(report: Art9Report, options: { title?: string } = {}): Promise<Uint8Array> {
  const asOf = new Date(report.asOf)
  const title = options.title ?? `Verantwoording klachten (art. 9), ${periodLabel(report)}`
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.setTitle(title, { showInWindowTitleBar: true })
  pdf.setAuthor('Working Progression')
  pdf.setCreator('Working Progression')
  pdf.setProducer('pdf-lib')
  pdf.setLanguage('nl-NL')
  pdf.setCreationDate(asOf)
  pdf.setModificationDate(asOf)
  const fonts = await embedLetterFonts(pdf)
  const measure = widthMeasurer()
  const flow = new TextFlow(pdf, {
    pageSize: PAGE,
    margins: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
    fonts,
    size: 10,
    leading: 14,
    color: INK,
    measure,
  })
  flow.paragraph(title, fonts.bold)
  flow.lines([`Klachten ontvangen van ${periodLabel(report)}; cijfers per ${formatDutchDate(asOf)}.`], fonts.regular)
  for (const table of reportTables(report)) {
    flow.gap(1)
    flow.keepTogether(Math.min(1 + table.rows.length, 8))
    flow.lines([table.title], fonts.bold)
    flow.lines(
      table.rows.map((row) => `${row.label}: ${row.value}`),
      fonts.regular,
    )
  }
  flow.gap(1)
  flow.lines(
    [
      `Doorlooptijd in kalenderdagen: mediaan ${report.leadTimeDays.median ?? '–'}, 90e percentiel ${report.leadTimeDays.p90 ?? '–'}.`,
    ],
    fonts.regular,
  )
  numberPages(pdf, { font: fonts.regular, size: 8, color: GREY, right: PAGE[0] - MARGIN, baseline: 10 * MM, measure })
  return pdf.save()
}
