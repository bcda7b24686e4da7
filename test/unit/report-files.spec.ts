import { execFile } from 'node:child_process'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'

import { reportTables } from '../../hooks/reports/charts'
import type { Art9Report } from '../../hooks/reports/computeReport'
import { neutralise, reportCsv } from '../../hooks/reports/files/csv'
import { renderReportPdf, UnprintableReportError } from '../../hooks/reports/files/pdf'
import { pdfPages, pdfToText, pdfWordBoxes, squash } from '../helpers/pdfText'

const reportsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/reports')

/** Rendering a report and reading it back with poppler: more than vitest's 5 s on a busy machine. */
const HEAVY = 60_000

/**
 * Art. 9: a quarter's report with a different number in every row of a table, so that a number
 * printed against the wrong label fails. Not worked out from cases: the files show what the report
 * says (test/unit/report.spec.ts checks the numbers themselves). `asOf` is 10:00 UTC in summer,
 * 12:00 in Amsterdam (Decision 18: numbers as of a moment). The outcome breakdown holds a code the
 * vocabulary lacks, which reportTables passes through as its own label: a formula, for the CSV.
 */
const FORMULA = '=HYPERLINK("http://example.invalid/x")'
const report: Art9Report = {
  period: { from: '2026-01-01', to: '2026-03-31' },
  asOf: '2026-06-30T10:00:00.000Z',
  total: 47,
  notAdmitted: 6,
  notAdmittedOnTime: 4,
  admitted: 41,
  admittedOnTimeStated: 29,
  admittedOnTimeLimit: 35,
  open: 3,
  openOverdue: 1,
  acknowledged: 44,
  acknowledgedOnTime: 39,
  ended: 38,
  leadTimeDays: { median: 23.5, p90: 41 },
  delayNotices: 8,
  casesWithDelayNotice: 7,
  hearings: 5,
  informalSettlements: 9,
  withdrawals: 2,
  travelCostRequests: 0,
  byCategory: {
    inadequate_action: 18,
    negligence: 11,
    privacy_breach: 3,
    incorrect_information: 15,
    other_shortcoming: 6,
  },
  byRole: { client: 36, client_organisation: 4, employer: 5, other: 2 },
  byClientOrganisation: { uwv: 28, municipality: 12, other: 3, unknown: 4 },
  byChannel: { web: 31, phone: 7, letter: 3, email: 5, in_person: 1 },
  byOutcome: {
    upheld: 12,
    not_upheld: 14,
    not_admitted: 6,
    resolved_informally: 9,
    withdrawn: 2,
    open: 3,
    [FORMULA]: 1,
  },
  byMonth: [
    { month: '2026-01', total: 13, notAdmitted: 2, admitted: 11, ended: 13 },
    { month: '2026-02', total: 19, notAdmitted: 1, admitted: 18, ended: 17 },
    { month: '2026-03', total: 15, notAdmitted: 3, admitted: 12, ended: 8 },
  ],
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
/** A line of the PDF (as `pdftotext -layout` sets it) that holds `label`, then `value` and nothing else. */
const rowLine = (label: string, value: string) => new RegExp(`^\\s*${escape(label)}\\s+${escape(value)}\\s*$`, 'm')

describe('renderReportPdf (Art. 9)', () => {
  let bytes: Uint8Array
  let pages: string[]
  beforeAll(async () => {
    bytes = await renderReportPdf(report)
    pages = pdfPages(await pdfToText(bytes))
  }, HEAVY)

  it('Art. 9: shows the period of receipt and, Decision 18, the moment of the numbers in Amsterdam time', () => {
    const first = squash(pages[0] ?? '')
    expect(first).toContain('Verantwoording klachten (artikel 9)')
    expect(first).toContain('Klachten ontvangen van 1 januari 2026 tot en met 31 maart 2026')
    expect(first).toContain('Cijfers per 30 juni 2026, 12:00 uur')
  })

  it('Art. 9: the figures of Art. 9 lead the first page, before any table', () => {
    const first = pages[0] ?? ''
    const tiles = first.slice(first.indexOf('Artikel 9 in het kort'))
    for (const row of reportTables(report)[0]?.rows ?? []) {
      expect(tiles).toMatch(new RegExp(`(^|\\s)${row.value}(\\s|$)`))
      expect(squash(tiles)).toContain(row.label.split(',')[0])
    }
    // Shares of what each is part of (the tiles stand in columns, so read per line):
    // 6 and 41 of 47 received, 4 of 6 not admitted, 29 and 35 of 41 admitted.
    for (const share of [
      '13% van alle',
      '87% van alle',
      '67% van de niet in',
      '71% van de klachten in',
      '85% van de klachten in',
    ])
      expect(squash(tiles)).toContain(share)
    expect(squash(tiles)).toContain('behandeling (3 nog open)')
  })

  it('Art. 9: every row of every table of reportTables is printed with its value, each table on one page', () => {
    const tables = reportTables(report)
    const titles = [...tables.map((t) => t.title), 'Doorlooptijd van afgehandelde klachten']
    let checked = 0
    for (const table of tables) {
      // The page where the table's heading stands, and its section: from the heading to the next one.
      const at = pages.findIndex((page) => page.split('\n').some((line) => line.trim() === table.title))
      expect(at, table.title).toBeGreaterThanOrEqual(0)
      const lines = (pages[at] ?? '').split('\n')
      const start = lines.findIndex((line) => line.trim() === table.title)
      const end = lines.findIndex((line, i) => i > start && titles.includes(line.trim()))
      const section = lines.slice(start, end === -1 ? undefined : end).join('\n')
      expect(section).toMatch(/^\s*Omschrijving\s+Aantal\s*$/m)
      for (const row of table.rows) {
        expect(section, `${table.title}: ${row.label}`).toMatch(rowLine(row.label, String(row.value)))
        checked += 1
      }
    }
    expect(checked).toBe(tables.reduce((sum, t) => sum + t.rows.length, 0))
    expect(checked).toBeGreaterThan(40)
    expect(pages.join('\n')).toContain(FORMULA)
  })

  it('Decision 18: the lead time, median and 90th percentile in calendar days', () => {
    const text = pages.join('\n')
    expect(text).toMatch(rowLine('Mediaan', '23,5 dagen'))
    expect(text).toMatch(rowLine('90e percentiel', '41 dagen'))
    expect(text).toMatch(rowLine('Mediaan', '23,5'))
    expect(text).toMatch(rowLine('90e percentiel', '41'))
  })

  it('Decision 18: explains "binnen de termijn" twice, "afgehandeld" by the ending letter, open cases as admitted', () => {
    const text = squash(pages.join('\n'))
    expect(text).toContain(
      '“Binnen de termijn” tellen wij twee keer: binnen de termijn die in de ontvangstbevestiging staat',
    )
    expect(text).toContain('en binnen de uiterste termijn van 6 weken')
    expect(text).toContain('Afgehandeld is een klacht op de dag dat de brief die haar afsluit is verstuurd')
    expect(text).toContain('telt als in behandeling genomen, maar (nog) niet als op tijd afgehandeld')
  })

  it('draws each bar to scale: the value at the end of its bar, the largest bar the longest', async () => {
    const boxes = await pdfWordBoxes(bytes)
    const role = reportTables(report).find((t) => t.id === 'byRole')
    expect(role?.rows.map((r) => r.value)).toEqual([36, 4, 5, 2])
    const page = pages.findIndex((p) => p.split('\n').some((line) => line.trim() === 'Wie klaagt')) + 1
    const onPage = boxes.filter((b) => b.page === page)
    const heading = onPage.find((b) => b.word === 'klaagt')
    const header = onPage.find((b) => b.word === 'Omschrijving' && heading !== undefined && b.yMin > heading.yMin)
    // The chart lies between the heading and the number table's header; its value labels right of the labels.
    const values = onPage
      .filter((b) => heading && header && b.yMin > heading.yMax && b.yMax < header.yMin && b.xMin > 200)
      .sort((a, b) => a.yMin - b.yMin)
    expect(values.map((b) => b.word)).toEqual(['36', '4', '5', '2'])
    // Each label sits 4 pt after its bar's end: (x - start) grows with the value, in proportion.
    const x = values.map((b) => b.xMin)
    const [x36 = 0, x4 = 0, x5 = 0, x2 = 0] = x
    const perUnit = (x5 - x4) / 1
    expect(perUnit).toBeGreaterThan(3)
    expect(x36 - x2).toBeCloseTo(34 * perUnit, 0)
    expect(x4 - x2).toBeCloseTo(2 * perUnit, 0)
  })

  it('numbers every page and keeps the page contents within the margins', async () => {
    const count = pages.length
    expect(count).toBeGreaterThan(1)
    pages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} van ${count}`))
    const boxes = await pdfWordBoxes(bytes)
    const outside = boxes.filter((b) => b.xMin < 56.69 - 0.5 || b.xMax > 595.28 - 56.69 + 0.5)
    expect(outside).toEqual([])
  })

  it('gives the same bytes for the same report (no clock), dated as of the numbers', async () => {
    expect(Buffer.from(await renderReportPdf(report)).equals(Buffer.from(bytes))).toBe(true)
    const doc = await PDFDocument.load(bytes)
    expect(doc.getCreationDate()?.toISOString()).toBe(report.asOf)
    expect(doc.getTitle()).toBe('Verantwoording klachten (artikel 9), 1 januari 2026 – 31 maart 2026')
    // A different asOf gives a different document: the moment is in it, not the time of rendering.
    const later = await renderReportPdf({ ...report, asOf: '2026-07-01T10:00:00.000Z' })
    expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(false)
  })

  it('takes a title of its own (the caller names a frozen snapshot)', async () => {
    const text = squash(await pdfToText(await renderReportPdf(report, { title: 'Verantwoording 1e kwartaal 2026' })))
    expect(text).toContain('Verantwoording 1e kwartaal 2026')
    expect(text).not.toContain('Verantwoording klachten (artikel 9)')
  })

  it('a table longer than a page continues on the next one, its heading repeated', async () => {
    const months = Array.from({ length: 60 }, (_, i) => ({
      month: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      total: i + 1,
      notAdmitted: 0,
      admitted: 0,
      ended: 0,
    }))
    const long = { ...report, period: { from: '2022-01-01', to: '2026-12-31' }, byMonth: months }
    const pages = pdfPages(await pdfToText(await renderReportPdf(long)))
    const text = pages.join('\n')
    expect(text).toContain('Ontvangen per maand (vervolg)')
    // The number table's column header stands again above the rows it continues with.
    const last = pages.filter((page) => page.includes('Ontvangen per maand (vervolg)')).at(-1)
    expect(last).toMatch(rowLine('dec. 2026', '60'))
    expect(last).toMatch(/^\s*Omschrijving\s+Aantal\s*$/m)
    expect(text).toMatch(rowLine('jan. 2022', '1'))
    expect(text).toMatch(rowLine('dec. 2026', '60'))
  })

  it('refuses text the font cannot set rather than print it with characters missing (like a letter)', async () => {
    // Control: the report above renders (beforeAll); the same with an Arabic code does not.
    await expect(renderReportPdf({ ...report, byChannel: { ...report.byChannel, هاتف: 2 } })).rejects.toThrow(
      UnprintableReportError,
    )
    await expect(renderReportPdf({ ...report, byChannel: { ...report.byChannel, هاتف: 2 } })).rejects.toThrow(
      /tekens die niet kunnen worden afgedrukt: ه, ا, ت, ف/,
    )
  })

  it(
    'renders as PNG with pdftoppm (written to test-results/reports/), one image per page',
    async () => {
      await rm(reportsDir, { recursive: true, force: true })
      await mkdir(reportsDir, { recursive: true })
      const file = path.join(reportsDir, 'q1.pdf')
      await writeFile(file, bytes)
      await promisify(execFile)('pdftoppm', ['-png', '-r', '60', file, path.join(reportsDir, 'q1')])
      const pngs = (await readdir(reportsDir)).filter((f) => f.endsWith('.png'))
      expect(pngs).toHaveLength(pages.length)
    },
    HEAVY,
  )
})

/**
 * RFC 4180 read back by hand (csv-parse is not installed): `;` between cells, CRLF between
 * records, quotes around a cell that holds either, doubled inside. A bare CR or LF outside quotes
 * is an error, so that the test also proves the line ends.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"' && cell === '') quoted = true
    else if (c === ';') {
      record.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell)
      records.push(record)
      record = []
      cell = ''
      i += 1
    } else if (c === '\r' || c === '\n') throw new Error(`bare line break at ${i}`)
    else cell += c
  }
  if (cell !== '' || record.length > 0) throw new Error('last record without CRLF')
  return records
}

describe('reportCsv (Art. 9)', () => {
  const csv = reportCsv(report)
  const records = parseCsv(csv.replace(/^\uFEFF/, ''))
  const value = (table: string, key: string) => records.find((r) => r[0] === table && r[1] === key)?.[3]

  it('starts with a BOM, separates by semicolons and ends each record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(records.every((r) => r.length === 4)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('Art. 9, Decision 18: heads the file with the columns, the period of receipt and the moment in Amsterdam time', () => {
    expect(records.slice(0, 4)).toEqual([
      ['tabel', 'sleutel', 'omschrijving', 'waarde'],
      ['periode', 'from', 'Klachten ontvangen vanaf (datum van ontvangst)', '2026-01-01'],
      ['periode', 'to', 'Klachten ontvangen tot en met', '2026-03-31'],
      ['periode', 'asOf', 'Cijfers per (Nederlandse tijd)', '2026-06-30 12:00'],
    ])
  })

  it('Art. 9: holds every row of every table of reportTables with the same number as the PDF', () => {
    const tables = reportTables(report)
    const body = records.slice(4, -2)
    expect(body).toEqual(
      tables.flatMap((t) => t.rows.map((row) => [t.id, neutralise(row.key), neutralise(row.label), String(row.value)])),
    )
    expect(value('art9', 'admittedOnTimeStated')).toBe('29')
    expect(value('byRole', 'employer')).toBe('5')
    expect(value('byMonth', '2026-02')).toBe('19')
  })

  it('Decision 18: the lead time with a decimal comma, and empty without ended cases', () => {
    expect(records.slice(-2)).toEqual([
      ['leadTimeDays', 'median', 'Doorlooptijd in kalenderdagen, mediaan', '23,5'],
      ['leadTimeDays', 'p90', 'Doorlooptijd in kalenderdagen, 90e percentiel', '41'],
    ])
    const none = parseCsv(reportCsv({ ...report, leadTimeDays: { median: null, p90: null } }).slice(1))
    expect(none.slice(-2).map((r) => r[3])).toEqual(['', ''])
  })

  it('neutralises a cell a spreadsheet would run as a formula, and leaves every other cell as it is', () => {
    const starts = {
      [FORMULA]: 101,
      '+31 6 1234': 102,
      '-2+3': 103,
      '@SUM(A1)': 104,
      '\tTAB': 105,
      '\rCR': 106,
      'a=b': 107,
      '\uFF1D1+1': 108,
      'two\nlines': 109,
    }
    const records = parseCsv(reportCsv({ ...report, byChannel: { ...report.byChannel, ...starts } }).slice(1))
    const rows = records.filter((r) => r[0] === 'byChannel')
    const byValue = (n: number) => rows.find((r) => r[3] === String(n))
    expect(byValue(101)?.slice(1, 3)).toEqual([`'${FORMULA}`, `'${FORMULA}`])
    expect(byValue(102)?.slice(1, 3)).toEqual(["'+31 6 1234", "'+31 6 1234"])
    expect(byValue(103)?.slice(1, 3)).toEqual(["'-2+3", "'-2+3"])
    expect(byValue(104)?.slice(1, 3)).toEqual(["'@SUM(A1)", "'@SUM(A1)"])
    expect(byValue(105)?.slice(1, 3)).toEqual(["'\tTAB", "'\tTAB"])
    expect(byValue(106)?.slice(1, 3)).toEqual(["'\rCR", "'\rCR"])
    expect(byValue(108)?.slice(1, 3)).toEqual(["'\uFF1D1+1", "'\uFF1D1+1"])
    // Controls: "=" inside a cell, a line break inside a cell (quoted, still one record), an
    // ordinary code and label, and the numbers are untouched.
    expect(byValue(107)?.slice(1, 3)).toEqual(['a=b', 'a=b'])
    expect(byValue(109)?.slice(1, 3)).toEqual(['two\nlines', 'two\nlines'])
    expect(rows.find((r) => r[1] === 'web')).toEqual(['byChannel', 'web', 'Webformulier', '31'])
    expect(records.filter((r) => r[3]?.startsWith("'"))).toEqual([])
  })
})
