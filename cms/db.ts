import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { isMongoUrl } from './env'

const dirname = path.dirname(fileURLToPath(import.meta.url))
export const migrationDir = path.resolve(dirname, 'migrations')

/**
 * `file:` → the embedded SQLite file (WAL and a busy timeout, because the CMS and the
 * start script's seed open it too); `mongodb://` / `mongodb+srv://` → MongoDB.
 * Both use string IDs so no code depends on the adapter.
 */
export function databaseAdapter(databaseUrl: string): DatabaseAdapterObj {
  if (isMongoUrl(databaseUrl)) {
    return mongooseAdapter({ url: databaseUrl, migrationDir })
  }
  return sqliteAdapter({
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
  })
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
