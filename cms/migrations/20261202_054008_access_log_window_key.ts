import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`access_log\` ADD \`window_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`access_log_window_key_idx\` ON \`access_log\` (\`window_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`access_log_window_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`access_log\` DROP COLUMN \`window_key\`;`)
}
