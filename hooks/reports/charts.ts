import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  CLIENT_ORGANISATION_LABELS,
  CLIENT_ORGANISATIONS,
  COMPLAINANT_ROLE_LABELS,
  COMPLAINANT_ROLES,
} from '../complaints/vocabulary'
import type { Art9Report, Breakdown } from './computeReport'

/**
 * What every presentation of the Art. 9 report shows, in one place: the admin view (SVG charts
 * with a table beside each), the PDF and the CSV all read these rows, so that a number on screen
 * is the same number in each file.
 */
export type ReportRow = { key: string; label: string; value: number }
export type ReportTable = { id: string; title: string; rows: ReportRow[] }

/** The five numbers of Art. 9, in the regulation's order (DOMAIN.md, "Reporting"). */
export function art9Numbers(report: Art9Report): ReportTable {
  return {
    id: 'art9',
    title: 'De vijf getallen van artikel 9',
    rows: [
      { key: 'total', label: 'Ontvangen klachten', value: report.total },
      { key: 'notAdmitted', label: 'Niet in behandeling genomen', value: report.notAdmitted },
      {
        key: 'notAdmittedOnTime',
        label: 'Niet in behandeling genomen, bericht binnen 4 weken',
        value: report.notAdmittedOnTime,
      },
      { key: 'admitted', label: 'In behandeling genomen', value: report.admitted },
      {
        key: 'admittedOnTimeStated',
        label: 'In behandeling, afgehandeld binnen de genoemde termijn',
        value: report.admittedOnTimeStated,
      },
      {
        key: 'admittedOnTimeLimit',
        label: 'In behandeling, afgehandeld binnen 6 weken',
        value: report.admittedOnTimeLimit,
      },
    ],
  }
}

/** The further figures: open cases, acknowledgements, hearings and the other endings. */
export function furtherNumbers(report: Art9Report): ReportTable {
  return {
    id: 'further',
    title: 'Verder',
    rows: [
      { key: 'open', label: 'Nog open', value: report.open },
      { key: 'openOverdue', label: 'Nog open en over de termijn', value: report.openOverdue },
      { key: 'acknowledged', label: 'Ontvangst bevestigd', value: report.acknowledged },
      { key: 'acknowledgedOnTime', label: 'Ontvangst bevestigd binnen 5 dagen', value: report.acknowledgedOnTime },
      { key: 'ended', label: 'Afgehandeld', value: report.ended },
      { key: 'delayNotices', label: 'Verdagingsberichten', value: report.delayNotices },
      { key: 'casesWithDelayNotice', label: 'Klachten met een verdagingsbericht', value: report.casesWithDelayNotice },
      { key: 'hearings', label: 'Hoorzittingen (verslag verstuurd)', value: report.hearings },
      { key: 'informalSettlements', label: 'Informeel afgehandeld', value: report.informalSettlements },
      { key: 'withdrawals', label: 'Ingetrokken', value: report.withdrawals },
      { key: 'travelCostRequests', label: 'Klachten met een verzoek om reiskosten', value: report.travelCostRequests },
    ],
  }
}

export const OUTCOME_LABELS: Record<string, string> = {
  upheld: 'Gegrond',
  not_upheld: 'Ongegrond',
  decided: 'Beslist',
  not_admitted: 'Niet in behandeling genomen',
  resolved_informally: 'Informeel afgehandeld',
  withdrawn: 'Ingetrokken',
  open: 'Nog open',
}
const OUTCOMES = ['upheld', 'not_upheld', 'decided', 'not_admitted', 'resolved_informally', 'withdrawn', 'open']

/** A breakdown in a fixed order of its vocabulary (zeros shown), then any code the vocabulary lacks. */
function rowsOf(breakdown: Breakdown, order: readonly string[], label: (key: string) => string): ReportRow[] {
  const keys = [
    ...order,
    ...Object.keys(breakdown)
      .filter((key) => !order.includes(key))
      .sort(),
  ]
  return keys.map((key) => ({ key, label: label(key), value: breakdown[key] ?? 0 }))
}

const labelIn =
  (labels: Record<string, { nl: string } | string>) =>
  (key: string): string => {
    const label = labels[key]
    return typeof label === 'string' ? label : (label?.nl ?? key)
  }

/** The breakdowns Art. 9 and DOMAIN.md ask for; a complaint may have several categories. */
export function breakdowns(report: Art9Report): ReportTable[] {
  return [
    {
      id: 'byCategory',
      title: 'Soort klacht',
      rows: rowsOf(report.byCategory, CATEGORIES, labelIn(CATEGORY_LABELS)),
    },
    {
      id: 'byOutcome',
      title: 'Uitkomst',
      rows: rowsOf(report.byOutcome, OUTCOMES, labelIn(OUTCOME_LABELS)),
    },
    {
      id: 'byRole',
      title: 'Wie klaagt',
      rows: rowsOf(report.byRole, COMPLAINANT_ROLES, labelIn(roleLabels())),
    },
    {
      id: 'byClientOrganisation',
      title: 'Opdrachtgever',
      rows: rowsOf(report.byClientOrganisation, CLIENT_ORGANISATIONS, labelIn(clientOrganisationLabels())),
    },
    {
      id: 'byChannel',
      title: 'Hoe binnengekomen',
      rows: rowsOf(report.byChannel, CHANNELS, labelIn(CHANNEL_LABELS)),
    },
  ]
}

// The intake form's labels speak to the complainant ("ik word begeleid …"); a report names the group.
function roleLabels(): Record<string, string> {
  const short: Record<string, string> = {
    client: 'Cliënt',
    client_organisation: 'Opdrachtgever',
    employer: 'Werkgever',
    other: 'Iemand anders',
  }
  return Object.fromEntries(COMPLAINANT_ROLES.map((role) => [role, short[role] ?? COMPLAINANT_ROLE_LABELS[role].nl]))
}
function clientOrganisationLabels(): Record<string, string> {
  return Object.fromEntries(
    CLIENT_ORGANISATIONS.map((key) => [key, key === 'unknown' ? 'Onbekend' : CLIENT_ORGANISATION_LABELS[key].nl]),
  )
}

const MONTHS = ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.']

/** The trend by month of receipt: "jan. 2026" and the number received. */
export function trendByMonth(report: Art9Report): ReportTable {
  return {
    id: 'byMonth',
    title: 'Ontvangen per maand',
    rows: report.byMonth.map((row) => {
      const [year, month] = row.month.split('-').map(Number) as [number, number]
      return { key: row.month, label: `${MONTHS[month - 1] ?? row.month} ${year}`, value: row.total }
    }),
  }
}

/**
 * ISO 10002: the satisfaction survey, as its own table: how many answered, and the average score
 * (1 to 5) per question; 0 where nobody answered.
 */
export function satisfactionTable(report: Art9Report): ReportTable | null {
  const s = report.satisfaction
  if (!s) return null
  return {
    id: 'satisfaction',
    title: 'Tevredenheid',
    rows: [
      { key: 'responses', label: 'Ingevulde vragenlijsten', value: s.responses },
      { key: 'careful', label: 'Zorgvuldig behandeld (gemiddeld, 1 tot 5)', value: s.careful ?? 0 },
      { key: 'quick', label: 'Snel genoeg (gemiddeld, 1 tot 5)', value: s.quick ?? 0 },
      { key: 'clear', label: 'Duidelijk uitgelegd (gemiddeld, 1 tot 5)', value: s.clear ?? 0 },
    ],
  }
}

/** Every table of the report, in the order the view, the PDF and the CSV show them. */
export function reportTables(report: Art9Report): ReportTable[] {
  const satisfaction = satisfactionTable(report)
  return [
    art9Numbers(report),
    furtherNumbers(report),
    ...breakdowns(report),
    trendByMonth(report),
    ...(satisfaction ? [satisfaction] : []),
  ]
}
