import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`complaints_complainant_additions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_complainant_additions_order_idx\` ON \`complaints_complainant_additions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_complainant_additions_parent_id_idx\` ON \`complaints_complainant_additions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`survey_responses\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`careful\` numeric NOT NULL,
  	\`quick\` numeric NOT NULL,
  	\`clear\` numeric NOT NULL,
  	\`received_quarter\` text NOT NULL,
  	\`ended_quarter\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`survey_responses_received_quarter_idx\` ON \`survey_responses\` (\`received_quarter\`);`)
  await db.run(sql`CREATE TABLE \`survey_receipts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`survey_receipts_key_idx\` ON \`survey_receipts\` (\`key\`);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`survey_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`survey_text\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`complaints_complainant_additions\`;`)
  await db.run(sql`DROP TABLE \`survey_responses\`;`)
  await db.run(sql`DROP TABLE \`survey_receipts\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`survey_submitted_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`survey_text\`;`)
}
