import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { isMongoUrl } from './env'
import { guardQueries } from './lib/guardMalformedInput'
import { requireMongoTransactions } from './lib/mongoTransactions'
import { narrowAdapterSelects } from './lib/narrowSelect'
import { serialiseDocumentWrites } from './lib/serialiseWrites'

const dirname = path.dirname(fileURLToPath(import.meta.url))
export const migrationDir = path.resolve(dirname, 'migrations')

/**
 * `file:` → the embedded SQLite file (WAL and a busy timeout, because the CMS and the
 * start script's seed open it too); `mongodb://` / `mongodb+srv://` → MongoDB.
 * Both use string IDs so no code depends on the adapter.
 */
export function databaseAdapter(databaseUrl: string): DatabaseAdapterObj {
  // Every query is checked before it reaches the database: a value that does not fit its field is a 400.
  if (isMongoUrl(databaseUrl)) {
    // No start without transactions: Payload would silently run without them (cms/lib/mongoTransactions.ts).
    return guardQueries(
      mongooseAdapter({ url: databaseUrl, migrationDir, afterOpenConnection: requireMongoTransactions }),
    )
  }
  reuseSqliteStatements()
  return guardQueries(
    narrowAdapterSelects(
      serialiseDocumentWrites(
        sqliteAdapter({
          client: { url: resolveFileUrl(databaseUrl) },
          idType: 'uuid',
          wal: { synchronous: 'NORMAL' },
          busyTimeout: 5000,
          // The schema changes only through committed migrations, in development too,
          // so no process ever stops at drizzle's interactive push prompt.
          push: false,
          migrationDir,
          // No SQLite transactions: libsql hands a transaction the open connection and lazily opens a
          // new one for everything else, without the busy timeout, so concurrent work in one process
          // fails at once with SQLITE_BUSY (seen with Payload's own forgot-password flow). One
          // connection serialises all writes instead; multi-document writes that must be all-or-nothing
          // undo themselves with compensating deletes (see README, "Transactions").
          transactionOptions: false,
        }),
      ),
    ),
  )
}

/** `file:./data/portal.db` relative to the repository root, whatever the process's cwd. */
export function resolveFileUrl(databaseUrl: string): string {
  const file = databaseUrl.slice('file:'.length)
  if (file === ':memory:') return databaseUrl
  const absolute = path.resolve(dirname, '..', file)
  // A fresh checkout has no data/ folder yet; SQLite creates the file but not its folder.
  mkdirSync(path.dirname(absolute), { recursive: true })
  return `file:${absolute}`
}

type PreparingDatabase = { prepare(sql: string): unknown }
const KEPT = Symbol.for('klachtenportaal.keptStatements')
let statementsReused = false

/**
 * Keeps SQLite's prepared statements, per connection and by their SQL text, instead of preparing
 * each one anew for every query (@libsql/client 0.14 does): parsing and planning the statements of
 * a 100-column table was the largest single cost of a registration's SQL. Safe because
 * @libsql/client uses a statement synchronously from prepare to its last row, so no two queries
 * ever share one at the same moment; SQLite re-prepares a kept statement itself after a schema
 * change. At most MAX_KEPT statements per connection. If the driver is not the one this was
 * written for, nothing changes.
 */
function reuseSqliteStatements(): void {
  if (statementsReused) return
  statementsReused = true
  const MAX_KEPT = 1000
  try {
    // The driver @libsql/client itself loads, resolved from there (it is its dependency, not ours).
    // Node's own require, taken so that no bundler rewrites it: Next's Turbopack turns a literal
    // `require.resolve('@libsql/client')` into a module number, and the patch silently did nothing
    // in the built CMS (seen in a CPU profile of `npm start`).
    const { createRequire: nodeCreateRequire } = process.getBuiltinModule('node:module')
    const fromHere = nodeCreateRequire(fileURLToPath(import.meta.url))
    const clientPackage = ['@libsql', 'client'].join('/')
    const fromClient = nodeCreateRequire(fromHere.resolve(clientPackage))
    const Database = fromClient('libsql') as { prototype: PreparingDatabase & { [KEPT]?: true } }
    if (typeof Database?.prototype?.prepare !== 'function')
      throw new TypeError('libsql has no Database.prototype.prepare')
    if (Database.prototype[KEPT]) return
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
    const prepare = Database.prototype.prepare
    const kept = new WeakMap<object, Map<string, unknown>>()
    Database.prototype.prepare = function keptPrepare(this: PreparingDatabase, sql: string) {
      let statements = kept.get(this)
      if (!statements) kept.set(this, (statements = new Map<string, unknown>()))
      let statement = statements.get(sql)
      if (statement === undefined) {
        statement = prepare.call(this, sql)
        if (statements.size >= MAX_KEPT) statements.clear()
        statements.set(sql, statement)
      }
      return statement
    }
    Database.prototype[KEPT] = true
  } catch (error) {
    // Another driver layout: every statement is prepared per query, as before (slower, still correct).
    process.emitWarning(`SQLite statements are prepared per query: ${(error as Error).message}`, {
      code: 'PORTAL_SQLITE_STATEMENTS',
    })
  }
}
