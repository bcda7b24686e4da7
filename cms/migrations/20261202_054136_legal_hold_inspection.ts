import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`complaints_inspection_requests\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`received_at\` text NOT NULL,
  	\`due_at\` text,
  	\`provided_at\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_inspection_requests_order_idx\` ON \`complaints_inspection_requests\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_inspection_requests_parent_id_idx\` ON \`complaints_inspection_requests\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`inspection_due_at\` text;`)
  await db.run(sql`CREATE INDEX \`complaints_inspection_due_at_idx\` ON \`complaints\` (\`inspection_due_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`complaints_inspection_requests\`;`)
  await db.run(sql`DROP INDEX \`complaints_inspection_due_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`inspection_due_at\`;`)
}
