import type { Payload, PayloadRequest } from 'payload'

/**
 * The error labels with which MongoDB says "this transaction may succeed when run again": a write
 * conflict with another transaction, an election in the replica set, a lost connection
 * (`TransientTransactionError`), or a commit whose outcome is unknown
 * (`UnknownTransactionCommitResult`). Payload 3.90 retries neither (PITFALLS; payload #16766).
 */
const RETRY_LABELS = ['TransientTransactionError', 'UnknownTransactionCommitResult'] as const

type Labelled = {
  errorLabels?: unknown
  errorLabelSet?: unknown
  hasErrorLabel?: (label: string) => boolean
  cause?: unknown
}

/** Whether an error (or the error it wraps: Payload wraps some) carries one of MongoDB's retry labels. */
export function isTransientTransactionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false
  const e = error as Labelled
  for (const label of RETRY_LABELS) {
    if (typeof e.hasErrorLabel === 'function' && e.hasErrorLabel(label)) return true
    if (Array.isArray(e.errorLabels) && e.errorLabels.includes(label)) return true
    if (e.errorLabelSet instanceof Set && e.errorLabelSet.has(label)) return true
  }
  return isTransientTransactionError(e.cause, depth + 1)
}

export type TransactionOptions = { attempts?: number; backoffMs?: number }

/**
 * Runs `work` as one transaction of the database: every Payload operation it makes with `req`
 * joins it (Payload's operations start none of their own when `req.transactionID` is set), and it
 * is committed when `work` returns, rolled back when it throws. A transient failure (see above)
 * runs the whole of `work` again, up to `attempts` times, so `work` must be safe to run again
 * from the start (the intake is: a repeated form token finds the first submission).
 *
 * Without transactions in the adapter (SQLite here, cms/db.ts; the adapter's `beginTransaction`
 * answers null) `work` runs once as it is. Inside a transaction the caller already holds, `work`
 * joins it; the owner of that transaction commits and retries.
 *
 * A failed Payload operation rolls the transaction back itself and takes the id off `req`
 * (Payload's killTransaction): what `work` does after catching such an error runs without a
 * transaction, as on SQLite — which is why the intake keeps its compensating deletes.
 */
export async function inTransaction<T>(
  payload: Payload,
  req: Partial<PayloadRequest>,
  work: () => Promise<T>,
  { attempts = 3, backoffMs = 50 }: TransactionOptions = {},
): Promise<T> {
  if (req.transactionID) return work()
  for (let attempt = 1; ; attempt++) {
    const id = await payload.db.beginTransaction()
    if (!id) return work()
    req.transactionID = id
    try {
      const result = await work()
      await payload.db.commitTransaction(id)
      return result
    } catch (error) {
      await payload.db.rollbackTransaction(id).catch(() => undefined)
      if (attempt >= attempts || !isTransientTransactionError(error)) throw error
      payload.logger.warn(`transaction: transient failure, attempt ${attempt + 1} of ${attempts}`)
      await new Promise((resolve) => setTimeout(resolve, backoffMs * attempt))
    } finally {
      if (req.transactionID === id) delete req.transactionID
    }
  }
}
