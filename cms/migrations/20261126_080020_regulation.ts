import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`regulation_definitions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`term\` text,
  	\`meaning\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`regulation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`regulation_definitions_order_idx\` ON \`regulation_definitions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`regulation_definitions_parent_id_idx\` ON \`regulation_definitions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`regulation_articles\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`title\` text,
  	\`text\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`regulation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`regulation_articles_order_idx\` ON \`regulation_articles\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`regulation_articles_parent_id_idx\` ON \`regulation_articles\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`regulation\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`valid_from\` text,
  	\`change_note\` text,
  	\`introduction_heading\` text,
  	\`introduction\` text,
  	\`articles_heading\` text,
  	\`_status\` text DEFAULT 'draft',
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`regulation__status_idx\` ON \`regulation\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_regulation_v_version_definitions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`term\` text,
  	\`meaning\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_regulation_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_regulation_v_version_definitions_order_idx\` ON \`_regulation_v_version_definitions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_regulation_v_version_definitions_parent_id_idx\` ON \`_regulation_v_version_definitions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_regulation_v_version_articles\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`title\` text,
  	\`text\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_regulation_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_regulation_v_version_articles_order_idx\` ON \`_regulation_v_version_articles\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_regulation_v_version_articles_parent_id_idx\` ON \`_regulation_v_version_articles\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_regulation_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`version_title\` text,
  	\`version_valid_from\` text,
  	\`version_change_note\` text,
  	\`version_introduction_heading\` text,
  	\`version_introduction\` text,
  	\`version_articles_heading\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer
  );
  `)
  await db.run(sql`CREATE INDEX \`_regulation_v_version_version__status_idx\` ON \`_regulation_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_regulation_v_created_at_idx\` ON \`_regulation_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_regulation_v_updated_at_idx\` ON \`_regulation_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_regulation_v_latest_idx\` ON \`_regulation_v\` (\`latest\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`regulation_definitions\`;`)
  await db.run(sql`DROP TABLE \`regulation_articles\`;`)
  await db.run(sql`DROP TABLE \`regulation\`;`)
  await db.run(sql`DROP TABLE \`_regulation_v_version_definitions\`;`)
  await db.run(sql`DROP TABLE \`_regulation_v_version_articles\`;`)
  await db.run(sql`DROP TABLE \`_regulation_v\`;`)
}
