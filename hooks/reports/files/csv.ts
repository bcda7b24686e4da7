import { stringify } from 'csv-stringify/sync'

import { civilDateIn, formatDutchTime } from '../../dates/amsterdam'
import { reportTables } from '../charts'
import type { Art9Report } from '../computeReport'

/**
 * A cell a spreadsheet would read as a formula (CSV injection, OWASP) starts with `=`, `+`, `-`
 * or `@`, their full-width forms (Apple Numbers folds those into the plain ones), a tab or a
 * carriage return; such a cell gets a leading apostrophe, so it is shown as text. Only text cells
 * pass through here: a code the vocabulary lacks reaches the file as its key and its label
 * (charts.ts passes it through).
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? `'${cell}` : cell
}

type Cell = string | number | null

/**
 * A number as a Dutch spreadsheet reads it: the digits as they are, a fraction with a decimal
 * comma (a median of an even count ends in ,5), nothing when there is no value. Numbers are
 * counts and days, never negative, so a number cell never starts with `-` and is not neutralised:
 * an apostrophe would turn it into text.
 */
function numberCell(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',')
}

const cell = (value: Cell): string => (typeof value === 'string' ? neutralise(value) : numberCell(value))

/** "2026-06-30 12:00": the moment of the numbers on the clock in Amsterdam, as a spreadsheet reads a date and time. */
function localDateTime(instant: string): string {
  return `${civilDateIn(instant)} ${formatDutchTime(instant)}`
}

/**
 * The Art. 9 report as CSV: the period and the moment of the numbers (Decision 18), then one row
 * per number of every table of `reportTables` (the same numbers the view and the PDF show) with
 * the table, the key, the Dutch label and the value, then the lead time. Semicolons and a
 * decimal comma, as a Dutch spreadsheet expects; CRLF line ends; a BOM, so that it reads é and ë.
 */
export function reportCsv(report: Art9Report): string {
  const rows: Cell[][] = [
    ['tabel', 'sleutel', 'omschrijving', 'waarde'],
    ['periode', 'from', 'Klachten ontvangen vanaf (datum van ontvangst)', report.period.from],
    ['periode', 'to', 'Klachten ontvangen tot en met', report.period.to],
    ['periode', 'asOf', 'Cijfers per (Nederlandse tijd)', localDateTime(report.asOf)],
  ]
  for (const table of reportTables(report))
    for (const row of table.rows) rows.push([table.id, row.key, row.label, row.value])
  rows.push(['leadTimeDays', 'median', 'Doorlooptijd in kalenderdagen, mediaan', report.leadTimeDays.median])
  rows.push(['leadTimeDays', 'p90', 'Doorlooptijd in kalenderdagen, 90e percentiel', report.leadTimeDays.p90])
  return (
    '\uFEFF' +
    stringify(
      rows.map((row) => row.map(cell)),
      // csv-stringify quotes a cell holding the whole record delimiter, not a lone CR or LF: without
      // quoted_match such a cell would end the record early and start a row of its own.
      { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
    )
  )
}
