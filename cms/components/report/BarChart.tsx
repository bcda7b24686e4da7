import type { ReportTable } from '../../../hooks/reports/charts'

/**
 * One table of the Art. 9 report as a bar chart, drawn on the server as SVG (no script, prints as
 * it shows). The chart is one image for a screen reader (`role="img"` with its `<title>`): the
 * table beside it holds the same numbers for everyone who reads rather than looks.
 */
type Props = { table: ReportTable; id: string; kind?: 'rows' | 'columns' }

const WIDTH = 480
const nl = new Intl.NumberFormat('nl-NL')

/** A scale that ends on a round number at or above the largest value, so a single case is not a full bar. */
export function scaleMax(values: readonly number[]): number {
  const max = Math.max(0, ...values)
  if (max <= 4) return 4
  const step = 10 ** Math.floor(Math.log10(max))
  return Math.ceil(max / (step / 2)) * (step / 2)
}

export function BarChart({ table, id, kind = 'rows' }: Props) {
  const titleId = `${id}-title`
  const summary = `${table.title}: ${table.rows.map((row) => `${row.label} ${nl.format(row.value)}`).join(', ')}`
  return kind === 'columns' ? (
    <Columns table={table} titleId={titleId} summary={summary} />
  ) : (
    <Rows table={table} titleId={titleId} summary={summary} />
  )
}

type Drawing = { table: ReportTable; titleId: string; summary: string }

/** A label above each bar: the report's Dutch labels are long, and they stay whole. */
function Rows({ table, titleId, summary }: Drawing) {
  const ROW = 38
  const LABEL = 14
  const BAR = 14
  const max = scaleMax(table.rows.map((row) => row.value))
  const height = table.rows.length * ROW + 4
  const barRoom = WIDTH - 48
  return (
    <svg
      className="report-chart"
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{summary}</title>
      {table.rows.map((row, i) => {
        const y = i * ROW
        const width = row.value === 0 ? 0 : Math.max(2, (row.value / max) * barRoom)
        return (
          <g key={row.key}>
            <text x={0} y={y + LABEL} className="report-chart__label">
              {row.label}
            </text>
            <rect x={0} y={y + LABEL + 5} width={barRoom} height={BAR} className="report-chart__track" />
            <rect x={0} y={y + LABEL + 5} width={width} height={BAR} className="report-chart__bar" />
            <text x={width + 6} y={y + LABEL + 5 + BAR - 2} className="report-chart__value">
              {nl.format(row.value)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Months side by side, a column each, the number on top and the month below. */
function Columns({ table, titleId, summary }: Drawing) {
  const TOP = 18
  const PLOT = 140
  const BOTTOM = 22
  const max = scaleMax(table.rows.map((row) => row.value))
  const slot = WIDTH / Math.max(1, table.rows.length)
  const bar = Math.min(36, slot * 0.6)
  return (
    <svg
      className="report-chart"
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${WIDTH} ${TOP + PLOT + BOTTOM}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{summary}</title>
      <line x1={0} x2={WIDTH} y1={TOP + PLOT} y2={TOP + PLOT} className="report-chart__axis" />
      {table.rows.map((row, i) => {
        const height = row.value === 0 ? 0 : Math.max(2, (row.value / max) * PLOT)
        const x = i * slot + (slot - bar) / 2
        const centre = i * slot + slot / 2
        return (
          <g key={row.key}>
            <rect x={x} y={TOP + PLOT - height} width={bar} height={height} className="report-chart__bar" />
            <text x={centre} y={TOP + PLOT - height - 4} textAnchor="middle" className="report-chart__value">
              {nl.format(row.value)}
            </text>
            <text x={centre} y={TOP + PLOT + 15} textAnchor="middle" className="report-chart__label">
              {table.rows.length > 6 ? row.label.split(' ')[0] : row.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
