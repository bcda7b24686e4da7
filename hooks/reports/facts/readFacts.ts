import type { Payload, PayloadRequest } from 'payload'

import type { CaseFacts } from '../caseFacts'
import type { Period } from '../computeReport'
import { CASE_FACTS, FACT_COLUMNS, fromRow } from './rows'

export type StoredFacts = CaseFacts & { foldedThrough: string }

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * The one query of the SQLite adapter: the rows received in the period, by the index on
 * `received_on`, as ONE JSON text of arrays. @libsql/client builds every cell of a result with
 * `Object.defineProperty`, which cost more than the report itself for a year of rows
 * (bench/report.ts); SQLite's own JSON and one `JSON.parse` cost a fraction of it.
 */
export const SQLITE_FACTS_QUERY = `SELECT json_group_array(json_array(${FACT_COLUMNS.map((c) => (c === 'categories' ? 'json("categories")' : `"${snake(c)}"`)).join(', ')})) AS "rows"
  FROM "case_facts" WHERE "received_on" >= ? AND "received_on" <= ?`

/** The one query of the MongoDB adapter (checked offline against the model: test/int/report-facts.int.spec.ts). */
export function mongoFactsQuery(period: Period): {
  filter: Record<string, unknown>
  projection: Record<string, 0 | 1>
} {
  return {
    filter: { receivedOn: { $gte: period.from, $lte: period.to } },
    projection: { _id: 0, ...Object.fromEntries(FACT_COLUMNS.map((c) => [c, 1 as const])) },
  }
}

type SqliteDb = {
  name: 'sqlite'
  client: { execute(stmt: { sql: string; args: string[] }): Promise<{ rows: unknown[] }> }
}
type MongoDb = {
  name: 'mongoose'
  collections: Record<
    string,
    { find(filter: object, projection: object): { lean(): { exec(): Promise<Record<string, unknown>[]> } } }
  >
}

/**
 * The facts rows of the cases received in the period. Adapter level, one implementation per
 * adapter (the report's hot path: Payload's `find` builds every document through its field
 * transforms, which costs more than the report itself on 100,000 cases; bench/report.ts).
 * Trusted server code: the callers check the manager role. Reads what is committed: the report
 * never runs inside a write.
 */
export async function readFacts(
  payload: Payload,
  period: Period,
  req?: Partial<PayloadRequest>,
): Promise<StoredFacts[]> {
  const db = payload.db as unknown as SqliteDb | MongoDb | { name: string }
  if (db.name === 'sqlite') {
    const { rows } = await (db as SqliteDb).client.execute({ sql: SQLITE_FACTS_QUERY, args: [period.from, period.to] })
    const cells = JSON.parse(String((rows[0] as { rows?: unknown } | undefined)?.rows ?? '[]')) as unknown[][]
    return cells.map((cell) => fromRow(Object.fromEntries(FACT_COLUMNS.map((name, i) => [name, cell[i]]))))
  }
  if (db.name === 'mongoose') {
    const { filter, projection } = mongoFactsQuery(period)
    const model = (db as MongoDb).collections[CASE_FACTS]
    if (!model) throw new Error(`No MongoDB model for ${CASE_FACTS}`)
    return (await model.find(filter, projection).lean().exec()).map(fromRow)
  }
  // Any other adapter: Payload's own query, slower but the same rows.
  const { docs } = await payload.find({
    collection: CASE_FACTS,
    overrideAccess: true,
    pagination: false,
    depth: 0,
    where: { receivedOn: { greater_than_equal: period.from, less_than_equal: period.to } },
    req,
  })
  return docs.map((doc) => fromRow(doc as unknown as Record<string, unknown>))
}
