import { _internal_jobSystemGlobals, type Payload, type PayloadRequest, type TaskConfig } from 'payload'

import { formatDutchDate } from '../../hooks/dates/amsterdam'
import { escapeHtml } from '../../hooks/html'
import type { Period } from '../../hooks/reports/computeReport'
import { freezeReport, quarterKey, reportPdf } from '../../hooks/reports/freezeReport'
import { previousQuarter } from '../../hooks/reports/periods'
import { enqueueEmailOnce } from '../email/enqueue'
import { senderOf } from '../email/sender'
import type { Env } from '../env'
import type { Report } from '../payload-types'

export const REPORTS_QUEUE = 'reports'

export type QuarterlyResult = { report: string; key: string; frozen: boolean; mailed: number }

/**
 * Art. 9 ("ten minste elk kwartaal"): every day, the quarter before today's (Amsterdam) is frozen
 * if it is not yet, so the first run from the first day of a quarter makes it, and a missed day
 * is made up by the next run. Then every manager gets it by e-mail with the PDF, once.
 *
 * The job may run twice (two workers, or a retry after a crash between an effect and the job's
 * end: PITFALLS), so every effect has a key the database keeps unique: the report one per
 * quarter (`reports.key`), the e-mail one per report and manager (`outbox.idempotencyKey`).
 * `mailedAt` only spares later runs the work; the keys are the guard.
 */
export async function freezeQuarterlyReport(
  payload: Payload,
  env: Env,
  now: Date,
  req?: Partial<PayloadRequest>,
): Promise<QuarterlyResult> {
  const previous = previousQuarter(now)
  const key = quarterKey(previous.year, previous.quarter)
  const name = `${previous.quarter}e kwartaal ${previous.year}`
  const { report, created } = await freezeReport(
    payload,
    {
      period: previous.period,
      asOf: now,
      kind: 'quarterly',
      key,
      title: `Verantwoording klachten (art. 9), ${name}`,
    },
    req,
  )
  const result = { report: report.id, key, frozen: created, mailed: 0 }
  if (report.mailedAt) return result

  // Trusted job code: the managers' addresses and the sender (an admin setting).
  const managers = await payload.find({
    collection: 'users',
    where: { roles: { contains: 'manager' } },
    pagination: false,
    depth: 0,
    sort: 'createdAt',
    overrideAccess: true,
    req,
  })
  const settings = await payload.findGlobal({ slug: 'settings', overrideAccess: true, depth: 0, req })
  const pdf = await reportPdf(payload, report)
  const message = reportMessage(report, name, previous.period, env)
  for (const manager of managers.docs) {
    const { created: queued } = await enqueueEmailOnce(
      payload,
      {
        to: [manager.email],
        ...message,
        purpose: 'report',
        attachments: [
          {
            filename: `verantwoording-${previous.year}-Q${previous.quarter}.pdf`,
            contentType: 'application/pdf',
            content: pdf,
          },
        ],
        idempotencyKey: `report-${report.id}-${manager.id}`,
      },
      { req, defaultFrom: senderOf(settings) },
    )
    if (queued) result.mailed += 1
  }
  await payload.update({
    collection: 'reports',
    id: report.id,
    data: { mailedAt: now.toISOString() },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return result
}

/** Plain Dutch, and only numbers: a report holds no personal data (DOMAIN.md, Reporting). */
function reportMessage(report: Report, name: string, period: Period, env: Env) {
  const day = (date: string) => formatDutchDate(new Date(`${date}T12:00:00Z`))
  const lines = [
    `De verantwoording van de klachten over het ${name} staat klaar. U vindt hem als pdf in de bijlage.`,
    `Het gaat om de klachten die we ontvingen van ${day(period.from)} tot en met ${day(period.to)}. De cijfers zijn vastgelegd op ${formatDutchDate(report.asOf)}. Ze veranderen niet meer, ook niet als een klacht later nog verandert.`,
    'Artikel 9 van het klachtenreglement vraagt ten minste elk kwartaal om deze verantwoording.',
    `U vindt alle vastgelegde verantwoordingen ook in het portaal: ${env.CMS_URL}/admin/collections/reports/${report.id}`,
  ]
  return {
    subject: `Verantwoording klachten, ${name}`,
    text: lines.join('\n\n'),
    html: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
  }
}

export function freezeQuarterlyReportTask(env: Env): TaskConfig<{
  input: Record<string, never>
  output: QuarterlyResult
}> {
  return {
    slug: 'freezeQuarterlyReport',
    label: 'Kwartaalrapportage vastleggen (art. 9)',
    outputSchema: [
      { name: 'report', type: 'text', required: true },
      { name: 'key', type: 'text', required: true },
      { name: 'frozen', type: 'checkbox', required: true },
      { name: 'mailed', type: 'number', required: true },
    ],
    // A failed run tries again within the hour; each try finds what the one before it already did.
    retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
    // Daily; the task itself works out which quarter is due, on the Amsterdam calendar.
    schedule: [{ cron: '0 0 6 * * *', queue: REPORTS_QUEUE }],
    // The job system's clock (new Date() unless a test sets it): the moment the run counts as.
    handler: async ({ req }) => ({
      output: await freezeQuarterlyReport(req.payload, env, _internal_jobSystemGlobals.getCurrentDate(), req),
    }),
  }
}
