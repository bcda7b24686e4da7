import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_preferences_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences_rels\` RENAME TO \`payload_preferences_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`service_accounts\` ADD \`key_hash\` text;`)
  await db.run(sql`CREATE INDEX \`service_accounts_key_hash_idx\` ON \`service_accounts\` (\`key_hash\`);`)
  await db.run(sql`ALTER TABLE \`service_accounts\` DROP COLUMN \`enable_a_p_i_key\`;`)
  await db.run(sql`ALTER TABLE \`service_accounts\` DROP COLUMN \`api_key\`;`)
  await db.run(sql`ALTER TABLE \`service_accounts\` DROP COLUMN \`api_key_index\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`service_accounts_key_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`service_accounts\` ADD \`enable_a_p_i_key\` integer;`)
  await db.run(sql`ALTER TABLE \`service_accounts\` ADD \`api_key\` text;`)
  await db.run(sql`ALTER TABLE \`service_accounts\` ADD \`api_key_index\` text;`)
  await db.run(sql`ALTER TABLE \`service_accounts\` DROP COLUMN \`key_hash\`;`)
  await db.run(sql`ALTER TABLE \`payload_preferences_rels\` ADD \`service_accounts_id\` text(36) REFERENCES service_accounts(id);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_service_accounts_id_idx\` ON \`payload_preferences_rels\` (\`service_accounts_id\`);`)
}
