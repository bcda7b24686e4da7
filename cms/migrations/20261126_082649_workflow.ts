import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_outbox\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`subject\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`reply_to\` text,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`complaint_id\` text(36),
  	\`purpose\` text DEFAULT 'system' NOT NULL,
  	\`attempts\` numeric DEFAULT 0 NOT NULL,
  	\`last_error\` text,
  	\`sent_at\` text,
  	\`provider_id\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`html\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_outbox\`("id", "subject", "from", "reply_to", "status", "complaint_id", "purpose", "attempts", "last_error", "sent_at", "provider_id", "idempotency_key", "text", "html", "updated_at", "created_at") SELECT "id", "subject", "from", "reply_to", "status", "complaint_id", "purpose", "attempts", "last_error", "sent_at", "provider_id", "idempotency_key", "text", "html", "updated_at", "created_at" FROM \`outbox\`;`)
  await db.run(sql`DROP TABLE \`outbox\`;`)
  await db.run(sql`ALTER TABLE \`__new_outbox\` RENAME TO \`outbox\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`outbox_status_idx\` ON \`outbox\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`outbox_complaint_idx\` ON \`outbox\` (\`complaint_id\`);`)
  await db.run(sql`CREATE INDEX \`outbox_purpose_idx\` ON \`outbox\` (\`purpose\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`outbox_idempotency_key_idx\` ON \`outbox\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_updated_at_idx\` ON \`outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outbox_created_at_idx\` ON \`outbox\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`acknowledgement_facts_summary\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`acknowledgement_stated_term_weeks\` numeric DEFAULT 4;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`non_admission_ground\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`non_admission_earlier_complaint_id\` text(36) REFERENCES complaints(id);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`non_admission_earlier_reference\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`non_admission_reasons\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`decision_facts_as_seen\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`decision_reasoned_position\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`decision_outcome\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`decision_remedy\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`decision_remedy_explanation\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`decision_follow_up_action\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`decision_complainant_contacted_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`informal_oral_answer\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`informal_agreements\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`informal_satisfaction_confirmed_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`withdrawal_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`withdrawal_note\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_acknowledgement_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_non_admission_notice_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_decision_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`letters_sent_delay_notice_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`ended_at\` text;`)
  await db.run(sql`CREATE INDEX \`complaints_non_admission_non_admission_earlier_complaint_idx\` ON \`complaints\` (\`non_admission_earlier_complaint_id\`);`)
  await db.run(sql`ALTER TABLE \`complaints_rels\` ADD \`users_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_users_id_idx\` ON \`complaints_rels\` (\`users_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_complaints\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`reference\` text,
  	\`status\` text DEFAULT 'received' NOT NULL,
  	\`channel\` text DEFAULT 'phone' NOT NULL,
  	\`received_at\` text NOT NULL,
  	\`complainant_role\` text NOT NULL,
  	\`complainant_on_behalf_of\` integer,
  	\`complainant_on_behalf_of_name\` text,
  	\`complainant_client_organisation\` text,
  	\`complainant_client_organisation_name\` text,
  	\`complainant_name\` text NOT NULL,
  	\`complainant_email\` text,
  	\`complainant_phone\` text,
  	\`complainant_street\` text,
  	\`complainant_postal_code\` text,
  	\`complainant_city\` text,
  	\`conduct_when\` text NOT NULL,
  	\`conduct_date\` text,
  	\`conduct_from\` text,
  	\`conduct_to\` text,
  	\`involved_kind\` text NOT NULL,
  	\`involved_description\` text,
  	\`complaint_text\` text NOT NULL,
  	\`desired_outcome\` text,
  	\`discussed_before\` text NOT NULL,
  	\`wants_hearing\` integer,
  	\`wants_help_writing\` integer,
  	\`deadlines_acknowledge_by\` text,
  	\`deadlines_non_admission_notice_by\` text,
  	\`deadlines_decision_target_by\` text,
  	\`deadlines_decision_limit_by\` text,
  	\`assigned_handler_id\` text(36),
  	\`uwv_labour_expert_name\` text,
  	\`uwv_labour_expert_email\` text,
  	\`consent_at\` text,
  	\`form_token\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`assigned_handler_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_complaints\`("id", "reference", "status", "channel", "received_at", "complainant_role", "complainant_on_behalf_of", "complainant_on_behalf_of_name", "complainant_client_organisation", "complainant_client_organisation_name", "complainant_name", "complainant_email", "complainant_phone", "complainant_street", "complainant_postal_code", "complainant_city", "conduct_when", "conduct_date", "conduct_from", "conduct_to", "involved_kind", "involved_description", "complaint_text", "desired_outcome", "discussed_before", "wants_hearing", "wants_help_writing", "deadlines_acknowledge_by", "deadlines_non_admission_notice_by", "deadlines_decision_target_by", "deadlines_decision_limit_by", "assigned_handler_id", "uwv_labour_expert_name", "uwv_labour_expert_email", "consent_at", "form_token", "updated_at", "created_at") SELECT "id", "reference", "status", "channel", "received_at", "complainant_role", "complainant_on_behalf_of", "complainant_on_behalf_of_name", "complainant_client_organisation", "complainant_client_organisation_name", "complainant_name", "complainant_email", "complainant_phone", "complainant_street", "complainant_postal_code", "complainant_city", "conduct_when", "conduct_date", "conduct_from", "conduct_to", "involved_kind", "involved_description", "complaint_text", "desired_outcome", "discussed_before", "wants_hearing", "wants_help_writing", "deadlines_acknowledge_by", "deadlines_non_admission_notice_by", "deadlines_decision_target_by", "deadlines_decision_limit_by", "assigned_handler_id", "uwv_labour_expert_name", "uwv_labour_expert_email", "consent_at", "form_token", "updated_at", "created_at" FROM \`complaints\`;`)
  await db.run(sql`DROP TABLE \`complaints\`;`)
  await db.run(sql`ALTER TABLE \`__new_complaints\` RENAME TO \`complaints\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`complaints_reference_idx\` ON \`complaints\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`complaints_status_idx\` ON \`complaints\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`complaints_received_at_idx\` ON \`complaints\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`complaints_assigned_handler_idx\` ON \`complaints\` (\`assigned_handler_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complaints_form_token_idx\` ON \`complaints\` (\`form_token\`);`)
  await db.run(sql`CREATE INDEX \`complaints_updated_at_idx\` ON \`complaints\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaints_created_at_idx\` ON \`complaints\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_complaints_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`complaint_attachments_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_attachments_id\`) REFERENCES \`complaint_attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_complaints_rels\`("id", "order", "parent_id", "path", "complaint_attachments_id") SELECT "id", "order", "parent_id", "path", "complaint_attachments_id" FROM \`complaints_rels\`;`)
  await db.run(sql`DROP TABLE \`complaints_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_complaints_rels\` RENAME TO \`complaints_rels\`;`)
  await db.run(sql`CREATE INDEX \`complaints_rels_order_idx\` ON \`complaints_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_parent_idx\` ON \`complaints_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_path_idx\` ON \`complaints_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_complaint_attachments_id_idx\` ON \`complaints_rels\` (\`complaint_attachments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_outbox\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`subject\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`reply_to\` text,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`complaint_id\` text(36),
  	\`purpose\` text,
  	\`attempts\` numeric DEFAULT 0 NOT NULL,
  	\`last_error\` text,
  	\`sent_at\` text,
  	\`provider_id\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`html\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_outbox\`("id", "subject", "from", "reply_to", "status", "complaint_id", "purpose", "attempts", "last_error", "sent_at", "provider_id", "idempotency_key", "text", "html", "updated_at", "created_at") SELECT "id", "subject", "from", "reply_to", "status", "complaint_id", "purpose", "attempts", "last_error", "sent_at", "provider_id", "idempotency_key", "text", "html", "updated_at", "created_at" FROM \`outbox\`;`)
  await db.run(sql`DROP TABLE \`outbox\`;`)
  await db.run(sql`ALTER TABLE \`__new_outbox\` RENAME TO \`outbox\`;`)
  await db.run(sql`CREATE INDEX \`outbox_status_idx\` ON \`outbox\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`outbox_complaint_idx\` ON \`outbox\` (\`complaint_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`outbox_idempotency_key_idx\` ON \`outbox\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_updated_at_idx\` ON \`outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outbox_created_at_idx\` ON \`outbox\` (\`created_at\`);`)
}
