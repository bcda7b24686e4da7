import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

import { deriveMissingEvents } from '../../hooks/reports/deriveEvents'

export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  // No schema statements: the new timeline entry types are values of an existing select.
  // Art. 9: the entries the report reads that older versions did not write (idempotent).
  await deriveMissingEvents(payload, req)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // The timeline is append-only: the derived entries stay (they hold no personal data).
}
