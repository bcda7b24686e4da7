import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`access_log\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor_kind\` text NOT NULL,
  	\`actor_id\` text(36),
  	\`complaint_id\` text(36) NOT NULL,
  	\`kind\` text NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`access_log_at_idx\` ON \`access_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`access_log_actor_idx\` ON \`access_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`access_log_complaint_idx\` ON \`access_log\` (\`complaint_id\`);`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`retention_years\` numeric DEFAULT 2 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`access_log_years\` numeric DEFAULT 2 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`access_log\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`retention_years\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`access_log_years\`;`)
}
