import { randomUUID } from 'node:crypto'

import { _internal_jobSystemGlobals, type Payload, type PayloadRequest, type TaskConfig } from 'payload'

import { anonymiseCase } from '../../hooks/privacy/anonymiseCase'
import { purgeAccessLog } from '../../hooks/privacy/purgeAccessLog'
import { purgeDeliveredMessages } from '../../hooks/privacy/purgeDeliveredMessages'
import { retentionSchedule } from '../../hooks/privacy/schedule'

export const RETENTION_QUEUE = 'retention'

export type RetentionResult = { run: string; anonymised: number; skipped: number }

type SqliteClient = { execute(sql: string): Promise<unknown> }

/**
 * Decision 19 (and 13): every day, each case whose retention term has passed (`retentionYears`
 * after closing, or after ending if never closed; not on legal hold) is anonymised in every store
 * of the registry (hooks/privacy/anonymiseCase.ts). The run is recorded in `retention-runs`: when,
 * and how many cases; nothing personal. Two runs at once anonymise each case once (a claim per
 * case with a unique key), and a second run finds nothing left to do.
 */
export async function applyRetention(
  payload: Payload,
  now: Date,
  req?: Partial<PayloadRequest>,
): Promise<RetentionResult> {
  const run = await payload.create({
    collection: 'retention-runs',
    data: { key: `run:${randomUUID()}`, kind: 'run', at: now.toISOString(), cases: 0 },
    overrideAccess: true,
    depth: 0,
    req,
  })
  const schedule = await retentionSchedule(payload, now, req)
  let anonymised = 0
  let skipped = 0
  for (const due of schedule.due) {
    const result = await anonymiseCase(payload, due.id, { kind: 'retention', runId: run.id }, { now, req })
    if (result.anonymised) anonymised += 1
    else skipped += 1
  }

  // Decision 19: delivered messages keep their bodies and attachments for 30 days (the PDF in the
  // dossier is the record).
  const { purged } = await purgeDeliveredMessages(payload, now, req)
  // Decision 19: the access log's entries go after `accessLogYears`, the one exception to append-only.
  await purgeAccessLog(payload, now)

  if (anonymised > 0 || purged > 0) await compactSqlite(payload)
  await payload.update({
    collection: 'retention-runs',
    id: run.id,
    data: { cases: anonymised, finishedAt: new Date().toISOString() },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return { run: run.id, anonymised, skipped }
}

/**
 * On SQLite a blanked value stays in the file's free pages and in the write-ahead log until they
 * are reused: VACUUM rewrites the file without them, and a checkpoint empties the log. MongoDB
 * (WiredTiger) reuses freed space by itself; nothing to do there.
 */
export async function compactSqlite(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  const client = (payload.db as unknown as { client: SqliteClient }).client
  try {
    await client.execute('VACUUM')
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  } catch (error) {
    // Another connection was busy: the next run compacts (the data is blanked already).
    payload.logger.warn({ err: error }, 'Retention: VACUUM of the SQLite file did not run; the next run tries again')
  }
}

export const applyRetentionTask: TaskConfig<{ input: Record<string, never>; output: RetentionResult }> = {
  slug: 'applyRetention',
  label: 'Bewaartermijn toepassen (besluit 19)',
  outputSchema: [
    { name: 'run', type: 'text', required: true },
    { name: 'anonymised', type: 'number', required: true },
    { name: 'skipped', type: 'number', required: true },
  ],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  // Daily, at night.
  schedule: [{ cron: '0 30 3 * * *', queue: RETENTION_QUEUE }],
  handler: async ({ req }) => ({
    output: await applyRetention(req.payload, _internal_jobSystemGlobals.getCurrentDate(), req),
  }),
}
