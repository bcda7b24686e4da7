import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`letter_templates\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`title\` text,
  	\`subject\` text NOT NULL,
  	\`salutation\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`closing\` text NOT NULL,
  	\`last_edited_by_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`letter_templates_kind_idx\` ON \`letter_templates\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`letter_templates_last_edited_by_idx\` ON \`letter_templates\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`letter_templates_updated_at_idx\` ON \`letter_templates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`letter_templates_created_at_idx\` ON \`letter_templates\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`_letter_templates_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_kind\` text NOT NULL,
  	\`version_title\` text,
  	\`version_subject\` text NOT NULL,
  	\`version_salutation\` text NOT NULL,
  	\`version_body\` text NOT NULL,
  	\`version_closing\` text NOT NULL,
  	\`version_last_edited_by_id\` text(36),
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`letter_templates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_letter_templates_v_parent_idx\` ON \`_letter_templates_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_letter_templates_v_version_version_kind_idx\` ON \`_letter_templates_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_letter_templates_v_version_version_last_edited_by_idx\` ON \`_letter_templates_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_letter_templates_v_version_version_updated_at_idx\` ON \`_letter_templates_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_letter_templates_v_version_version_created_at_idx\` ON \`_letter_templates_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_letter_templates_v_created_at_idx\` ON \`_letter_templates_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_letter_templates_v_updated_at_idx\` ON \`_letter_templates_v\` (\`updated_at\`);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_duration_minutes\` numeric DEFAULT 60;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_send_invitation\` integer;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_send_report\` integer;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_agreements\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_send_agreements\` integer;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_written_version_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_hearing_invitation_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_hearing_report_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_agreements_confirmation_at\` text;`)
  // The dates recorded by hand move to the sending dates the letters now record.
  await db.run(sql`UPDATE \`complaints\` SET \`letters_sent_hearing_report_at\` = \`hearing_report_sent_at\`, \`letters_sent_agreements_confirmation_at\` = \`hearing_agreements_confirmed_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_report_sent_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_agreements_confirmed_at\`;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`letter_templates_id\` text(36) REFERENCES letter_templates(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_letter_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`letter_templates_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`letter_templates\`;`)
  await db.run(sql`DROP TABLE \`_letter_templates_v\`;`)
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
  	\`outbox_id\` text(36),
  	\`users_id\` text(36),
  	\`service_accounts_id\` text(36),
  	\`sequences_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaints_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_attachments_id\`) REFERENCES \`complaint_attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`letters_id\`) REFERENCES \`letters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_events_id\`) REFERENCES \`case_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`service_accounts_id\`) REFERENCES \`service_accounts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sequences_id\`) REFERENCES \`sequences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "complaints_id", "complaint_attachments_id", "letters_id", "case_events_id", "outbox_id", "users_id", "service_accounts_id", "sequences_id") SELECT "id", "order", "parent_id", "path", "complaints_id", "complaint_attachments_id", "letters_id", "case_events_id", "outbox_id", "users_id", "service_accounts_id", "sequences_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_service_accounts_id_idx\` ON \`payload_locked_documents_rels\` (\`service_accounts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sequences_id_idx\` ON \`payload_locked_documents_rels\` (\`sequences_id\`);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_report_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_agreements_confirmed_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_duration_minutes\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_send_invitation\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_send_report\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_agreements\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_send_agreements\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`letters_sent_written_version_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`letters_sent_hearing_invitation_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`letters_sent_hearing_report_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`letters_sent_agreements_confirmation_at\`;`)
}
