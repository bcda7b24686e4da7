import { randomBytes } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { fileStore } from '../../cms/lib/fileStore'
import type { Report } from '../../cms/payload-types'
import { formatDutchDate, formatDutchTime } from '../dates/amsterdam'
import { once } from '../effects/once'
import type { Period } from './computeReport'
import { periodLabel, renderReportPdf } from './files/pdf'
import { loadReport } from './loadReport'

export type FreezeInput = {
  period: Period
  asOf: Date
  kind: Report['kind']
  /** The side effect's key: one report per key (`quarter:2026-Q1`, `manual:<from>:<to>:<asOf>`). */
  key: string
  /** The manager who froze it by hand; none for the quarterly job. */
  madeBy?: string
  /** The title on the report and its PDF; by default the period (and, frozen by hand, the moment). */
  title?: string
}

/** The key of the quarterly report: one per quarter, whoever runs the job and however often. */
export const quarterKey = (year: number, quarter: 1 | 2 | 3 | 4): string => `quarter:${year}-Q${quarter}`

/** The key of a report frozen by hand: one per period and moment. */
export const manualKey = (period: Period, asOf: Date): string =>
  `manual:${period.from}:${period.to}:${asOf.toISOString()}`

/** A manual report's moment: the start of the minute, so a double click freezes one report, not two. */
export const startOfMinute = (now: Date): Date => new Date(Math.floor(now.getTime() / 60_000) * 60_000)

/**
 * Freezes the Art. 9 report of a period as it stands at `asOf` (Decision 18): the numbers through
 * `loadReport` (the one entry point, so the snapshot shows what the view showed), its PDF, and one
 * `reports` document holding both. Exactly once per `key`: the unique index on `reports.key`
 * decides (hooks/effects/once.ts), so a second call, also one at the same moment, gets the first
 * report back and changes nothing. Trusted server code: callers check the manager role.
 */
export async function freezeReport(
  payload: Payload,
  input: FreezeInput,
  req?: Partial<PayloadRequest>,
): Promise<{ report: Report; created: boolean }> {
  let attempted: string | undefined
  const removeAttempt = async () => {
    if (attempted) await fileStore(payload).remove('reports', attempted)
  }
  const { doc, created } = await once(payload, {
    collection: 'reports',
    field: 'key',
    key: input.key,
    req,
    make: async () => {
      const numbers = await loadReport(payload, input.period, input.asOf, req)
      const title =
        input.title ??
        `Verantwoording klachten (art. 9), ${periodLabel(numbers)}${input.kind === 'manual' ? `, cijfers per ${frozenAtLabel(numbers.asOf)}` : ''}`
      const pdf = await renderReportPdf(numbers, { title })
      // A name of its own per attempt: Payload writes the file before the row, so two attempts at
      // the same moment must never write the same file (the loser's is removed below).
      attempted = `verantwoording-${fileStem(input.key)}-${randomBytes(3).toString('hex')}.pdf`
      return {
        data: {
          key: input.key,
          title,
          kind: input.kind,
          periodFrom: input.period.from,
          periodTo: input.period.to,
          asOf: numbers.asOf,
          numbers,
          madeByKind: input.madeBy ? ('staff' as const) : ('system' as const),
          madeBy: input.madeBy ?? null,
        },
        file: { data: Buffer.from(pdf), mimetype: 'application/pdf', name: attempted, size: pdf.byteLength },
      }
    },
  }).catch(async (error: unknown) => {
    // On disk Payload writes the file before the row: a failed insert leaves no file without its report.
    await removeAttempt()
    throw error
  })
  if (!created && attempted !== doc.filename) await removeAttempt()
  return { report: doc, created }
}

/** The stored PDF of a frozen report, as the managers download it. */
export async function reportPdf(payload: Payload, report: Pick<Report, 'id' | 'filename'>): Promise<Buffer> {
  if (!report.filename) throw new Error(`Report ${report.id} has no file`)
  return fileStore(payload).read('reports', report.filename)
}

const fileStem = (key: string): string =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** "Cijfers per 14 april 2026, 10:03": the moment a report was frozen, as people read it. */
export const frozenAtLabel = (asOf: string | Date): string => `${formatDutchDate(asOf)}, ${formatDutchTime(asOf)}`
