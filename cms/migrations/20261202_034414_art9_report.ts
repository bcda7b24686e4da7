import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { deriveMissingEvents } from '../../hooks/reports/deriveEvents'
import { rebuildCaseFacts } from '../../hooks/reports/facts/rebuildCaseFacts'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`case_facts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`case_id\` text NOT NULL,
  	\`received_on\` text NOT NULL,
  	\`received_at\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`role\` text NOT NULL,
  	\`client_organisation\` text,
  	\`categories\` text NOT NULL,
  	\`acknowledge_due\` text NOT NULL,
  	\`non_admission_notice_due\` text NOT NULL,
  	\`stated_term_due\` text NOT NULL,
  	\`decision_limit_due\` text NOT NULL,
  	\`current_target_due\` text NOT NULL,
  	\`acknowledgement_sent_at\` text,
  	\`ending\` text,
  	\`ended_at\` text,
  	\`non_admission_notice_sent_at\` text,
  	\`outcome\` text,
  	\`delay_notices\` numeric DEFAULT 0 NOT NULL,
  	\`hearings\` numeric DEFAULT 0 NOT NULL,
  	\`travel_cost_requests\` numeric DEFAULT 0 NOT NULL,
  	\`folded_through\` text NOT NULL,
  	\`not_admitted\` numeric DEFAULT 0 NOT NULL,
  	\`not_admitted_on_time\` numeric DEFAULT 0 NOT NULL,
  	\`admitted\` numeric DEFAULT 0 NOT NULL,
  	\`admitted_on_time_stated\` numeric DEFAULT 0 NOT NULL,
  	\`admitted_on_time_limit\` numeric DEFAULT 0 NOT NULL,
  	\`ended\` numeric DEFAULT 0 NOT NULL,
  	\`acknowledged\` numeric DEFAULT 0 NOT NULL,
  	\`acknowledged_on_time\` numeric DEFAULT 0 NOT NULL,
  	\`has_delay_notice\` numeric DEFAULT 0 NOT NULL,
  	\`informal\` numeric DEFAULT 0 NOT NULL,
  	\`withdrawn\` numeric DEFAULT 0 NOT NULL,
  	\`travel\` numeric DEFAULT 0 NOT NULL,
  	\`lead_time_days\` numeric,
  	\`outcome_key\` text,
  	\`overdue_from\` numeric
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`case_facts_case_id_idx\` ON \`case_facts\` (\`case_id\`);`)
  await db.run(sql`CREATE INDEX \`case_facts_received_on_idx\` ON \`case_facts\` (\`received_on\`);`)
  await db.run(sql`CREATE INDEX \`case_facts_folded_through_idx\` ON \`case_facts\` (\`folded_through\`);`)
  await db.run(sql`CREATE TABLE \`published_figures\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`figures\` text NOT NULL,
  	\`changes\` text NOT NULL,
  	\`published_at\` text NOT NULL,
  	\`published_by_id\` text(36),
  	\`report_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`report_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`published_figures_year_idx\` ON \`published_figures\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`published_figures_published_by_idx\` ON \`published_figures\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`published_figures_report_idx\` ON \`published_figures\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`published_figures_updated_at_idx\` ON \`published_figures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`published_figures_created_at_idx\` ON \`published_figures\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`mailed_at\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`published_figures_id\` text(36) REFERENCES published_figures(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_published_figures_id_idx\` ON \`payload_locked_documents_rels\` (\`published_figures_id\`);`)
  // Data steps, after the schema (hand-written). Art. 9: the timeline entries the report reads that older
  // versions did not write, derived from the stored cases (idempotent); then every case's facts row.
  await deriveMissingEvents(payload, req)
  await rebuildCaseFacts(payload, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`case_facts\`;`)
  await db.run(sql`DROP TABLE \`published_figures\`;`)
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
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "complaints_id", "complaint_attachments_id", "letters_id", "case_events_id", "letter_templates_id", "outbox_id", "users_id", "service_accounts_id", "sequences_id", "reports_id") SELECT "id", "order", "parent_id", "path", "complaints_id", "complaint_attachments_id", "letters_id", "case_events_id", "letter_templates_id", "outbox_id", "users_id", "service_accounts_id", "sequences_id", "reports_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`mailed_at\`;`)
}
