import type { DatabaseAdapter, DatabaseAdapterObj } from 'payload'

type WriteArgs = { collection?: string; id?: number | string; where?: unknown }
type Write = (this: DatabaseAdapter, args: WriteArgs) => Promise<unknown>
type Client = { execute: (sql: string) => Promise<unknown> }

/** The adapter's writes that rewrite an existing document: its row, then its arrays and hasMany selects. */
const REWRITES = ['updateOne', 'updateMany', 'updateJobs'] as const

/**
 * SQLite without transactions (cms/db.ts): the adapter writes one document as several statements —
 * its row, then its arrays and hasMany selects deleted and inserted again. Two writes of the same
 * document at the same moment (a handler's save while the job worker records a sending, or a job
 * that two workers run) interleave those statements and store every select twice ("negligence,
 * negligence"), after which no save of the case passes validation.
 *
 * So each such write holds SQLite's write lock from its first statement to its last
 * (`BEGIN IMMEDIATE` … `COMMIT`): another process (the worker beside the CMS, a second worker)
 * waits for it, up to the busy timeout, and sees the document before or after, never between. In
 * this process the rewrites take turns (the one connection has one transaction at a time); reads
 * and other statements go on meanwhile and are committed with it. It always commits, also when the
 * write failed halfway: rolling back would undo other work of this process that ran inside the
 * same transaction and was told it was stored. MongoDB writes a document in one statement and
 * needs none of this.
 */
export function serialiseDocumentWrites(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const methods = adapter as unknown as Record<(typeof REWRITES)[number], Write> & { client?: Client }
      let turn: Promise<unknown> = Promise.resolve()
      const locked = <T>(work: () => Promise<T>): Promise<T> => {
        const run = turn
          .catch(() => undefined)
          .then(async () => {
            const client = methods.client
            if (!client) return work()
            await client.execute('BEGIN IMMEDIATE')
            try {
              return await work()
            } finally {
              // A statement that failed badly (disk full, I/O) can already have ended the transaction.
              await client.execute('COMMIT').catch((error: unknown) => {
                if (!/no transaction is active/i.test(String(error))) throw error
              })
            }
          })
        turn = run
        return run
      }
      for (const name of REWRITES) {
        const original = methods[name]
        if (typeof original !== 'function') continue
        methods[name] = function serialised(this: DatabaseAdapter, writeArgs: WriteArgs) {
          return locked(() => original.call(this, writeArgs))
        }
      }
      return adapter
    },
  }
}
