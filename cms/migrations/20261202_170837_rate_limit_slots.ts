import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`rate_limit_slots\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`slot\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`hit\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`rate_limit_slots_slot_idx\` ON \`rate_limit_slots\` (\`slot\`);`)
  await db.run(sql`CREATE INDEX \`rate_limit_slots_key_idx\` ON \`rate_limit_slots\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`rate_limit_slots_at_idx\` ON \`rate_limit_slots\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`rate_limit_slots_updated_at_idx\` ON \`rate_limit_slots\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rate_limit_slots_created_at_idx\` ON \`rate_limit_slots\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rate_limit_slots_id\` text(36) REFERENCES rate_limit_slots(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rate_limit_slots_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_limit_slots_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`rate_limit_slots\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`complaints_id\` text(36),
  	\`complaint_attachments_id\` text(36),
  	\`letters_id\` text(36),
  	\`case_events_id\` text(36),
  	\`letter_templates_id\` text(36),
  	\`outbox_id\` text(36),
  	\`users_id\` text(36),
  	\`service_accounts_id\` text(36),
  	\`sequences_id\` text(36),
  	\`reports_id\` text(36),
  	\`published_figures_id\` text(36),
  	\`complainant_links_id\` text(36),
  	\`complainant_sessions_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaints_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_attachments_id\`) REFERENCES \`complaint_attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`letters_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_events_id\`) REFERENCES \`case_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`letter_templates_id\`) REFERENCES \`letter_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`service_accounts_id\`) REFERENCES \`service_accounts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sequences_id\`) REFERENCES \`sequences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`published_figures_id\`) REFERENCES \`published_figures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complainant_links_id\`) REFERENCES \`complainant_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complainant_sessions_id\`) REFERENCES \`complainant_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "complaints_id", "complaint_attachments_id", "letters_id", "case_events_id", "letter_templates_id", "outbox_id", "users_id", "service_accounts_id", "sequences_id", "reports_id", "published_figures_id", "complainant_links_id", "complainant_sessions_id") SELECT "id", "order", "parent_id", "path", "complaints_id", "complaint_attachments_id", "letters_id", "case_events_id", "letter_templates_id", "outbox_id", "users_id", "service_accounts_id", "sequences_id", "reports_id", "published_figures_id", "complainant_links_id", "complainant_sessions_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaints_id_idx\` ON \`payload_locked_documents_rels\` (\`complaints_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_attachments_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_attachments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letters_id_idx\` ON \`payload_locked_documents_rels\` (\`letters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_case_events_id_idx\` ON \`payload_locked_documents_rels\` (\`case_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letter_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`letter_templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_service_accounts_id_idx\` ON \`payload_locked_documents_rels\` (\`service_accounts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sequences_id_idx\` ON \`payload_locked_documents_rels\` (\`sequences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_published_figures_id_idx\` ON \`payload_locked_documents_rels\` (\`published_figures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complainant_links_id_idx\` ON \`payload_locked_documents_rels\` (\`complainant_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complainant_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`complainant_sessions_id\`);`)
}
