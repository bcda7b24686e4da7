import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`outbox_resends\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`by_id\` text(36),
  	\`new_key\` integer,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`outbox_resends_order_idx\` ON \`outbox_resends\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`outbox_resends_parent_id_idx\` ON \`outbox_resends\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`outbox_resends_by_idx\` ON \`outbox_resends\` (\`by_id\`);`)
  await db.run(sql`ALTER TABLE \`outbox\` ADD \`failure_kind\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`outbox_resends\`;`)
  await db.run(sql`ALTER TABLE \`outbox\` DROP COLUMN \`failure_kind\`;`)
}
