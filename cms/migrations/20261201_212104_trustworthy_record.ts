import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`complaints_correction_log_kinds\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`complaints_correction_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_correction_log_kinds_order_idx\` ON \`complaints_correction_log_kinds\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_correction_log_kinds_parent_idx\` ON \`complaints_correction_log_kinds\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`complaints_correction_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`by_id\` text(36),
  	\`fields\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_correction_log_order_idx\` ON \`complaints_correction_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_correction_log_parent_id_idx\` ON \`complaints_correction_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_correction_log_by_idx\` ON \`complaints_correction_log\` (\`by_id\`);`)
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
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`complainant_name_latin\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`correction_reason\` text;`)
  await db.run(sql`ALTER TABLE \`letters\` ADD \`posted_at_change_reason\` text;`)
  await db.run(sql`ALTER TABLE \`letters\` ADD \`posted_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`letters_posted_by_idx\` ON \`letters\` (\`posted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`outbox\` ADD \`failure_kind\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`complaints_correction_log_kinds\`;`)
  await db.run(sql`DROP TABLE \`complaints_correction_log\`;`)
  await db.run(sql`DROP TABLE \`outbox_resends\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_letters\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`complaint_id\` text(36) NOT NULL,
  	\`purpose\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`posted_at\` text,
  	\`message_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`message_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_letters\`("id", "complaint_id", "purpose", "channel", "posted_at", "message_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "complaint_id", "purpose", "channel", "posted_at", "message_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`letters\`;`)
  await db.run(sql`DROP TABLE \`letters\`;`)
  await db.run(sql`ALTER TABLE \`__new_letters\` RENAME TO \`letters\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`letters_complaint_idx\` ON \`letters\` (\`complaint_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_message_idx\` ON \`letters\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`letters_updated_at_idx\` ON \`letters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`letters_created_at_idx\` ON \`letters\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_filename_idx\` ON \`letters\` (\`filename\`);`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`complainant_name_latin\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`correction_reason\`;`)
  await db.run(sql`ALTER TABLE \`outbox\` DROP COLUMN \`failure_kind\`;`)
}
