import { type Color, type PDFFont, type PDFPage, rgb } from 'pdf-lib'

import { ascent, type FlowFonts, type Measure, wrap } from '../../letters/pdf/textFlow'

/**
 * The pieces the Art. 9 report's PDF is built from, each a block of known height that draws
 * itself at a given top: a heading, a row of a horizontal bar chart, a row of a number table, a
 * column chart, a row of key-figure tiles. The document (pdf.ts) places them top to bottom, keeps
 * a table's blocks on one page and breaks between rows only when a table is longer than a page.
 * Drawn with pdf-lib rectangles and text: no image, no browser.
 */

export type Block = {
  height: number
  draw: (page: PDFPage, x: number, top: number) => void
  /** Drawn again above this block when a page break falls just before it (a table's column header). */
  repeat?: Block
}

export type BlockStyle = { fonts: FlowFonts; measure: Measure }

// The site's palette (site/styles/theme.css), so the report looks like the portal.
export const INK = rgb(0.1, 0.1, 0.1)
export const MUTED = rgb(0x4a / 255, 0x4a / 255, 0x4a / 255)
export const PRIMARY = rgb(0, 0x55 / 255, 0x7f / 255)
export const SURFACE = rgb(0xf3 / 255, 0xf6 / 255, 0xf8 / 255)
export const BORDER = rgb(0xc4 / 255, 0xcc / 255, 0xd2 / 255)

const SMALL = 8.5
const SMALL_LEADING = 10.5

export type ChartRow = { label: string; value: number }

/** A count as printed: the digits as they are; a half (a median of an even count) with a decimal comma. */
export function formatNumber(value: number): string {
  return String(value).replace('.', ',')
}

function text(
  page: PDFPage,
  value: string,
  options: { x: number; y: number; font: PDFFont; size: number; color?: Color },
): void {
  page.drawText(value, { ...options, color: options.color ?? INK })
}

/** A section heading with a little air above it and a rule below. */
export function headingBlock(title: string, style: BlockStyle, width: number, size = 12): Block {
  const lines = wrap(title, style.fonts.bold, size, width, style.measure)
  const leading = size * 1.3
  return {
    height: 10 + lines.length * leading + 6,
    draw: (page, x, top) => {
      let y = top - 10 - ascent(style.fonts.bold, size)
      for (const line of lines) {
        text(page, line, { x, y, font: style.fonts.bold, size, color: PRIMARY })
        y -= leading
      }
    },
  }
}

/** Empty space. */
export function spaceBlock(height: number): Block {
  return { height, draw: () => undefined }
}

/** A line of small grey text (a note under a chart). */
export function noteBlock(note: string, style: BlockStyle, width: number): Block {
  const lines = wrap(note, style.fonts.regular, SMALL, width, style.measure)
  return {
    height: lines.length * SMALL_LEADING + 4,
    draw: (page, x, top) => {
      let y = top - ascent(style.fonts.regular, SMALL)
      for (const line of lines) {
        text(page, line, { x, y, font: style.fonts.regular, size: SMALL, color: MUTED })
        y -= SMALL_LEADING
      }
    },
  }
}

/**
 * A horizontal bar chart, one block per row: the label on the left (wrapped within its column),
 * the bar to scale against the largest value of the chart, the value at the bar's end. Rows of
 * one chart drawn one under the other join up into one chart, its axis one line.
 */
export function barChartBlocks(
  rows: readonly ChartRow[],
  style: BlockStyle,
  width: number,
  options: { labelWidth: number; unit?: (value: number) => string },
): Block[] {
  const { fonts, measure } = style
  const max = Math.max(0, ...rows.map((row) => row.value))
  const valueWidth = Math.max(24, ...rows.map((row) => measure(valueText(row.value), fonts.bold, SMALL) + 6))
  const barLeft = options.labelWidth + 8
  const barSpace = width - barLeft - valueWidth
  const barHeight = 9
  function valueText(value: number): string {
    return options.unit ? options.unit(value) : formatNumber(value)
  }
  return rows.map((row, index) => {
    const lines = wrap(row.label, fonts.regular, SMALL, options.labelWidth, measure)
    const padTop = index === 0 ? 4 : 2
    const height = padTop + Math.max(lines.length * SMALL_LEADING, barHeight + 2) + 3
    return {
      height,
      draw: (page, x, top) => {
        const labelTop = top - padTop
        let y = labelTop - ascent(fonts.regular, SMALL)
        for (const line of lines) {
          text(page, line, { x, y, font: fonts.regular, size: SMALL })
          y -= SMALL_LEADING
        }
        // The bar sits on the first line of its label, so label, bar and value share a baseline.
        const baseline = labelTop - ascent(fonts.regular, SMALL)
        const barBottom = baseline - 1.5
        const length = max === 0 ? 0 : (row.value / max) * barSpace
        if (length > 0)
          page.drawRectangle({
            x: x + barLeft,
            y: barBottom,
            width: Math.max(1, length),
            height: barHeight,
            color: PRIMARY,
          })
        page.drawLine({
          start: { x: x + barLeft, y: top },
          end: { x: x + barLeft, y: top - height },
          thickness: 0.6,
          color: BORDER,
        })
        text(page, valueText(row.value), { x: x + barLeft + length + 4, y: baseline, font: fonts.bold, size: SMALL })
      },
    }
  })
}

/**
 * The numbers as a small table: a header, then each label on the left and its value flush right,
 * every other row shaded. One block per row, so that a table longer than a page can continue.
 */
export function numberTableBlocks(
  rows: readonly ChartRow[],
  style: BlockStyle,
  width: number,
  options: { header: [string, string]; unit?: (value: number) => string },
): Block[] {
  const { fonts, measure } = style
  const valueColumn = 22 * (72 / 25.4)
  const labelWidth = width - valueColumn - 8
  const pad = 2.5
  const rule = (page: PDFPage, x: number, y: number) =>
    page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.6, color: BORDER })
  const right = (page: PDFPage, value: string, font: PDFFont, x: number, y: number, color: Color) =>
    text(page, value, { x: x + width - 4 - measure(value, font, SMALL), y, font, size: SMALL, color })

  const header: Block = {
    height: SMALL_LEADING + 2 * pad,
    draw: (page, x, top) => {
      const y = top - pad - ascent(fonts.bold, SMALL)
      text(page, options.header[0], { x: x + 4, y, font: fonts.bold, size: SMALL, color: MUTED })
      right(page, options.header[1], fonts.bold, x, y, MUTED)
      rule(page, x, top - SMALL_LEADING - 2 * pad)
    },
  }
  const body = rows.map((row, index): Block => {
    const lines = wrap(row.label, fonts.regular, SMALL, labelWidth, measure)
    const height = lines.length * SMALL_LEADING + 2 * pad
    return {
      height,
      repeat: header,
      draw: (page, x, top) => {
        if (index % 2 === 1) page.drawRectangle({ x, y: top - height, width, height, color: SURFACE })
        let y = top - pad - ascent(fonts.regular, SMALL)
        const first = y
        for (const line of lines) {
          text(page, line, { x: x + 4, y, font: fonts.regular, size: SMALL })
          y -= SMALL_LEADING
        }
        right(page, options.unit ? options.unit(row.value) : formatNumber(row.value), fonts.regular, x, first, INK)
        if (index === rows.length - 1) rule(page, x, top - height)
      },
    }
  })
  return [header, ...body]
}

/**
 * A column chart of a trend (one column per month, to scale against the largest), the value above
 * each column and the label under it; a label "jan. 2026" is set as "jan." with the year below,
 * the year only on the first column and on each January, so that twelve months still fit.
 */
export function columnChartBlock(rows: readonly ChartRow[], style: BlockStyle, width: number): Block {
  const { fonts, measure } = style
  const plot = 100
  const valueSpace = 14
  const labelSpace = 2 * 9.5 + 6
  const max = Math.max(0, ...rows.map((row) => row.value))
  const slot = width / Math.max(1, rows.length)
  const column = Math.min(34, slot * 0.6)
  return {
    height: 6 + valueSpace + plot + labelSpace,
    draw: (page, x, top) => {
      const base = top - 6 - valueSpace - plot
      page.drawLine({ start: { x, y: base }, end: { x: x + width, y: base }, thickness: 0.8, color: MUTED })
      rows.forEach((row, i) => {
        const centre = x + slot * i + slot / 2
        const height = max === 0 ? 0 : (row.value / max) * plot
        if (height > 0) page.drawRectangle({ x: centre - column / 2, y: base, width: column, height, color: PRIMARY })
        const value = formatNumber(row.value)
        text(page, value, {
          x: centre - measure(value, fonts.bold, SMALL) / 2,
          y: base + height + 3,
          font: fonts.bold,
          size: SMALL,
        })
        const [month, year] = splitMonthLabel(row.label)
        const size = 8
        const monthY = base - 4 - ascent(fonts.regular, size)
        text(page, month, { x: centre - measure(month, fonts.regular, size) / 2, y: monthY, font: fonts.regular, size })
        if (year && (i === 0 || /^jan/.test(month)))
          text(page, year, {
            x: centre - measure(year, fonts.regular, size) / 2,
            y: monthY - 9.5,
            font: fonts.regular,
            size,
            color: MUTED,
          })
      })
    },
  }
}

function splitMonthLabel(label: string): [string, string | null] {
  const match = /^(.*) (\d{4})$/.exec(label)
  return match ? [match[1] ?? label, match[2] ?? null] : [label, null]
}

/** A key figure: a large number, what it counts, and a grey line putting it in proportion. */
export type Tile = { value: number; label: string; note?: string }

/** Key figures as tiles, `columns` to a row: one block per row of tiles. */
export function tileBlocks(tiles: readonly Tile[], style: BlockStyle, width: number, columns = 3): Block[] {
  const { fonts, measure } = style
  const gap = 8
  const tileWidth = (width - gap * (columns - 1)) / columns
  const inner = tileWidth - 2 * 9 - 3
  const big = 22
  const rows: Tile[][] = []
  for (let i = 0; i < tiles.length; i += columns) rows.push(tiles.slice(i, i + columns))
  return rows.map((row) => {
    const laid = row.map((tile) => ({
      tile,
      label: wrap(tile.label, fonts.regular, SMALL + 0.5, inner, measure),
      note: tile.note ? wrap(tile.note, fonts.regular, SMALL - 0.5, inner, measure) : [],
    }))
    const content = Math.max(...laid.map((t) => t.label.length * 11 + t.note.length * 10))
    const tileHeight = 8 + big + 6 + content + 6
    return {
      height: tileHeight + gap,
      draw: (page, x, top) => {
        laid.forEach(({ tile, label, note }, i) => {
          const left = x + i * (tileWidth + gap)
          page.drawRectangle({ x: left, y: top - tileHeight, width: tileWidth, height: tileHeight, color: SURFACE })
          page.drawRectangle({ x: left, y: top - tileHeight, width: 3, height: tileHeight, color: PRIMARY })
          let y = top - 8 - ascent(fonts.bold, big)
          text(page, formatNumber(tile.value), { x: left + 12, y, font: fonts.bold, size: big, color: PRIMARY })
          y -= 6 + 11
          for (const line of label) {
            text(page, line, { x: left + 12, y: y + 2, font: fonts.regular, size: SMALL + 0.5 })
            y -= 11
          }
          for (const line of note) {
            text(page, line, { x: left + 12, y: y + 1, font: fonts.regular, size: SMALL - 0.5, color: MUTED })
            y -= 10
          }
        })
      },
    }
  })
}
