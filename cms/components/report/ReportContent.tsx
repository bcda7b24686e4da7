import type { Payload, TypedUser } from 'payload'
import type { ReactNode } from 'react'

import { hasRole } from '../../../collections/access/roles'
import { civilDateIn, formatDutchDate, formatDutchTime } from '../../../hooks/dates/amsterdam'
import { art9Numbers, reportTables } from '../../../hooks/reports/charts'
import type { Art9Report, Period } from '../../../hooks/reports/computeReport'
import { loadReport } from '../../../hooks/reports/loadReport'
import { periodLabel } from '../../../hooks/reports/files/pdf'
import { type PeriodPreset, presets, previousQuarter } from '../../../hooks/reports/periods'
import { BarChart } from './BarChart'
import { type FieldError, reportHref, reportQuery } from './reportQuery'
import { REPORT_CSS } from './reportStyles'

export const REPORT_PATH = '/verantwoording'

/** Where the nav's link to the report points, for a manager; `null` hides it for everyone else. */
export function reportNavHref(user: TypedUser | null | undefined, adminRoute = '/admin'): string | null {
  return hasRole(user, 'manager') ? `${adminRoute}${REPORT_PATH}` : null
}

type SearchParams = Record<string, string | string[] | undefined>

export type ReportContentProps = {
  payload: Payload
  /** The full principal (`req.user`): the role is checked here, not by whoever renders this. */
  user?: TypedUser | null
  searchParams?: SearchParams
  now?: Date
  adminRoute?: string
  apiRoute?: string
  /**
   * The place of the "Vastleggen" (freeze) button: POST /api/reports/freeze stores the report of
   * this period as a snapshot (collection `reports`). Built elsewhere; rendered beside the downloads.
   */
  renderFreeze?: (args: { period: Period; asOf: string }) => ReactNode
}

const nl = new Intl.NumberFormat('nl-NL')
const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/** What the view shows someone who is not a manager: no number, no period, only where to go. */
export function ManagersOnly({ loggedIn, adminRoute = '/admin' }: { loggedIn: boolean; adminRoute?: string }) {
  return (
    <section className="report report--refused" aria-labelledby="report-refused-title">
      <h1 id="report-refused-title">Alleen voor managers</h1>
      <p>De verantwoording van de klachten (artikel 9) is alleen voor managers.</p>
      <p>
        {loggedIn ? (
          <a href={adminRoute}>Terug naar het overzicht</a>
        ) : (
          <a href={`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${REPORT_PATH}`)}`}>Inloggen</a>
        )}
      </p>
    </section>
  )
}

/**
 * Art. 9, Decision 18: the accountability report in the admin (/admin/verantwoording). A custom view
 * is public until it checks the user (PITFALLS.md): this component checks the manager role itself,
 * before it reads anything, and shows anyone else no number at all.
 */
export async function ReportContent(props: ReportContentProps) {
  const { payload, user, searchParams = {}, adminRoute = '/admin', apiRoute = '/api', renderFreeze } = props
  if (!hasRole(user, 'manager')) return <ManagersOnly loggedIn={Boolean(user)} adminRoute={adminRoute} />
  const now = props.now ?? new Date()
  const today = civilDateIn(now)
  const offered = presets(now).filter((preset) => preset.period.from <= today)
  const chosen = offered.find((preset) => preset.key === first(searchParams.preset))
  const asked = chosen
    ? { from: chosen.period.from, to: chosen.period.to, asOf: searchParams.asOf }
    : first(searchParams.from) === undefined && first(searchParams.to) === undefined
      ? { ...previousQuarter(now).period, asOf: searchParams.asOf }
      : searchParams
  const query = reportQuery({ from: asked.from, to: asked.to, asOf: asked.asOf }, now)
  const typed = { from: first(asked.from) ?? '', to: first(asked.to) ?? '' }
  const report = query.ok ? await loadReport(payload, query.period, query.asOf) : null
  const errors = query.ok ? [] : query.errors
  const action = `${adminRoute}${REPORT_PATH}`
  return (
    <div className="report">
      <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      <header className="report__header">
        <h1>Verantwoording klachten (art. 9)</h1>
        <p className="report__lead">
          Klachten per datum van ontvangst, zonder persoonsgegevens. Artikel 9 vraagt dit overzicht minstens elk
          kwartaal.
        </p>
      </header>
      <PeriodForm action={action} presets={offered} current={report?.period} typed={typed} errors={errors} />
      {report && query.ok ? (
        <ReportBody
          report={report}
          files={{
            csv: reportHref(report.period, { format: 'csv', asOf: report.asOf, apiRoute }),
            pdf: reportHref(report.period, { format: 'pdf', asOf: report.asOf, apiRoute }),
          }}
          freeze={renderFreeze?.({ period: report.period, asOf: report.asOf })}
        />
      ) : null}
    </div>
  )
}

type FormProps = {
  action: string
  presets: PeriodPreset[]
  current?: Period
  typed: { from: string; to: string }
  errors: FieldError[]
}

/** A GET form: it works without JavaScript, and the address of a report can be shared or bookmarked. */
function PeriodForm({ action, presets: offered, current, typed, errors }: FormProps) {
  const years = [...new Set(offered.map((preset) => preset.key.slice(0, 4)))]
  const errorOf = (field: FieldError['field']) => errors.find((error) => error.field === field)?.message
  const other = errors.filter((error) => error.field !== 'from' && error.field !== 'to')
  const field = (name: 'from' | 'to', label: string) => {
    const message = errorOf(name)
    return (
      <div className={`report-form__field${message ? ' report-form__field--error' : ''}`}>
        <label htmlFor={`report-${name}`}>{label}</label>
        <input
          id={`report-${name}`}
          name={name}
          type="date"
          defaultValue={typed[name]}
          required
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `report-${name}-error` : undefined}
        />
        {message ? (
          <p id={`report-${name}-error`} className="report-form__error">
            {message}
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <form method="get" action={action} className="report-form" aria-labelledby="report-form-title">
      <h2 id="report-form-title" className="report__h2">
        Periode
      </h2>
      <div className="report-form__presets">
        {years.map((year) => (
          <fieldset key={year} className="report-form__year">
            <legend>{year}</legend>
            {offered
              .filter((preset) => preset.key.startsWith(year))
              .map((preset) => {
                const selected =
                  current !== undefined && preset.period.from === current.from && preset.period.to === current.to
                return (
                  <button
                    key={preset.key}
                    type="submit"
                    name="preset"
                    value={preset.key}
                    className={`report-form__preset${selected ? ' report-form__preset--current' : ''}`}
                    aria-pressed={selected}
                  >
                    {preset.key.includes('Q') ? (
                      <>
                        {preset.key.slice(-1)}e kwartaal<span className="report-sr"> {year}</span>
                      </>
                    ) : (
                      `Heel ${preset.label}`
                    )}
                  </button>
                )
              })}
          </fieldset>
        ))}
      </div>
      <fieldset className="report-form__own">
        <legend>Of kies zelf (datum van ontvangst, beide dagen tellen mee)</legend>
        {field('from', 'Vanaf')}
        {field('to', 'Tot en met')}
        <button type="submit" className="btn btn--style-primary btn--size-medium report-form__submit">
          Toon cijfers
        </button>
      </fieldset>
      {other.map((error) => (
        <p key={error.field} className="report-form__error" role="alert">
          {error.message}
        </p>
      ))}
    </form>
  )
}

function ReportBody({
  report,
  files,
  freeze,
}: {
  report: Art9Report
  files: { csv: string; pdf: string }
  freeze?: ReactNode
}) {
  const [, ...tables] = reportTables(report)
  const five = art9Numbers(report)
  const asOf = `${formatDutchDate(report.asOf)} om ${formatDutchTime(report.asOf)}`
  const { median, p90 } = report.leadTimeDays
  const days = (value: number | null) => (value === null ? '–' : `${nl.format(value)} ${value === 1 ? 'dag' : 'dagen'}`)
  return (
    <>
      <section className="report__section" aria-labelledby="report-period-title">
        <h2 id="report-period-title" className="report__period">
          {periodLabel(report)}
        </h2>
        <p className="report__asof">Cijfers per {asOf}.</p>
        <div className="report__files">
          <a className="report__download" href={files.csv} download>
            Download CSV
          </a>
          <a className="report__download" href={files.pdf} download>
            Download PDF
          </a>
          {/* The "Vastleggen" (freeze) button goes here: ReportContent's `renderFreeze`. */}
          <div className="report__freeze" data-slot="freeze">
            {freeze}
          </div>
        </div>
      </section>

      <section className="report__section" aria-labelledby="report-art9-title">
        <h2 id="report-art9-title" className="report__h2">
          {five.title}
        </h2>
        <ul className="report__numbers">
          {five.rows.map((row) => (
            <li key={row.key} className="report__number card" data-key={row.key}>
              <strong className="report__figure">{nl.format(row.value)}</strong>
              <span>{row.label}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="report__section" aria-labelledby="report-lead-title">
        <h2 id="report-lead-title" className="report__h2">
          Doorlooptijd
        </h2>
        <p>Van ontvangst tot afhandeling, in kalenderdagen, over de {nl.format(report.ended)} afgehandelde klachten.</p>
        <dl className="report__lead-times">
          <div className="card report__number">
            <dt>Mediaan</dt>
            <dd className="report__figure" data-key="median">
              {days(median)}
            </dd>
          </div>
          <div className="card report__number">
            <dt>90 procent binnen</dt>
            <dd className="report__figure" data-key="p90">
              {days(p90)}
            </dd>
          </div>
        </dl>
      </section>

      {[{ ...five, id: 'art9-chart' }, ...tables].map((table) => (
        <section key={table.id} className="report__section report__table" aria-labelledby={`report-${table.id}-h`}>
          <h2 id={`report-${table.id}-h`} className="report__h2">
            {table.id === 'art9-chart' ? 'De vijf getallen in beeld' : table.title}
          </h2>
          <div className="report__pair">
            <BarChart table={table} id={`chart-${table.id}`} kind={table.id === 'byMonth' ? 'columns' : 'rows'} />
            <table className="report__data" data-table={table.id}>
              <caption className="report__caption">{table.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{table.id === 'byMonth' ? 'Maand' : 'Omschrijving'}</th>
                  <th scope="col" className="report__count">
                    Aantal
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.key} data-key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td className="report__count">{nl.format(row.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {table.id === 'byCategory' ? (
            <p className="report__note">Een klacht kan over meer dan één soort gaan: de som kan hoger zijn.</p>
          ) : null}
        </section>
      ))}
    </>
  )
}
