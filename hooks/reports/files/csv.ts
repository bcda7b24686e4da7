import { stringify } from 'csv-stringify/sync'

import { reportTables } from '../charts'
import type { Art9Report } from '../computeReport'
import { periodLabel } from './pdf'

/**
 * A cell a spreadsheet would read as a formula (CSV injection) starts with `=`, `+`, `-` or `@`
 * (or a tab or carriage return); such a cell gets a leading apostrophe, so it is shown as text.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}

/**
 * The Art. 9 report as CSV: one row per number of every table of `reportTables` (the same
 * numbers the view and the PDF show), with the table, the key, the Dutch label and the value.
 * Semicolons, as a Dutch spreadsheet expects; a BOM, so that it reads é and ë correctly.
 */
export function reportCsv(report: Art9Report): string {
  const rows: string[][] = [
    ['tabel', 'sleutel', 'omschrijving', 'waarde'],
    ['periode', 'from', `Ontvangen vanaf`, report.period.from],
    ['periode', 'to', `Ontvangen tot en met`, report.period.to],
    ['periode', 'asOf', `Cijfers per (${periodLabel(report)})`, report.asOf],
  ]
  for (const table of reportTables(report))
    for (const row of table.rows) rows.push([table.id, row.key, row.label, String(row.value)])
  rows.push(['leadTimeDays', 'median', 'Doorlooptijd in dagen, mediaan', String(report.leadTimeDays.median ?? '')])
  rows.push(['leadTimeDays', 'p90', 'Doorlooptijd in dagen, 90e percentiel', String(report.leadTimeDays.p90 ?? '')])
  return (
    '\uFEFF' +
    stringify(
      rows.map((row) => row.map(neutralise)),
      { delimiter: ';', record_delimiter: '\r\n' },
    )
  )
}
