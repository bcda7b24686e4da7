import type { DatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { inTurn } from '../../hooks/effects/inTurn'

type UpdateOneArgs = { collection: string; id?: number | string; where?: unknown }
type UpdateOne = (this: DatabaseAdapter, args: UpdateOneArgs) => Promise<unknown>

/**
 * SQLite without transactions (cms/db.ts): the adapter writes one document as several statements —
 * its row, then its arrays and hasMany selects deleted and inserted again. Two writes of the same
 * document at the same moment (a handler's save while the outbox records a sending, or a job that
 * runs twice) interleave those statements and store every select twice ("negligence, negligence"),
 * after which no save of the case passes validation. So the writes of one document run one after
 * the other in this process: a queue per collection and id. Reads and other documents go on as
 * before. MongoDB writes a document in one statement and needs none of this.
 */
export function serialiseDocumentWrites(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const methods = adapter as unknown as { updateOne: UpdateOne }
      const original = methods.updateOne
      const queues = new Map<string, Promise<unknown>>()
      methods.updateOne = function serialised(this: DatabaseAdapter, updateArgs: UpdateOneArgs) {
        const key = `${updateArgs.collection}:${updateArgs.id ?? JSON.stringify(updateArgs.where ?? null)}`
        return inTurn(queues, key, () => original.call(this, updateArgs))
      }
      return adapter
    },
  }
}
