import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_hearing_cancellation_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_withdrawal_confirmation_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`letters_sent_hearing_cancellation_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`letters_sent_withdrawal_confirmation_at\`;`)
}
