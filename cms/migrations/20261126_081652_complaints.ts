import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`complaints_categories\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_categories_order_idx\` ON \`complaints_categories\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_categories_parent_idx\` ON \`complaints_categories\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`complaints\` (
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
  await db.run(sql`CREATE UNIQUE INDEX \`complaints_reference_idx\` ON \`complaints\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`complaints_status_idx\` ON \`complaints\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`complaints_received_at_idx\` ON \`complaints\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`complaints_assigned_handler_idx\` ON \`complaints\` (\`assigned_handler_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complaints_form_token_idx\` ON \`complaints\` (\`form_token\`);`)
  await db.run(sql`CREATE INDEX \`complaints_updated_at_idx\` ON \`complaints\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaints_created_at_idx\` ON \`complaints\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`complaints_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`complaint_attachments_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_attachments_id\`) REFERENCES \`complaint_attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_rels_order_idx\` ON \`complaints_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_parent_idx\` ON \`complaints_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_path_idx\` ON \`complaints_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_complaint_attachments_id_idx\` ON \`complaints_rels\` (\`complaint_attachments_id\`);`)
  await db.run(sql`CREATE TABLE \`complaint_attachments\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`complaint_id\` text(36),
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
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`complaint_attachments_complaint_idx\` ON \`complaint_attachments\` (\`complaint_id\`);`)
  await db.run(sql`CREATE INDEX \`complaint_attachments_updated_at_idx\` ON \`complaint_attachments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaint_attachments_created_at_idx\` ON \`complaint_attachments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complaint_attachments_filename_idx\` ON \`complaint_attachments\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`case_events\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`complaint_id\` text(36) NOT NULL,
  	\`type\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor_kind\` text NOT NULL,
  	\`actor_id\` text(36),
  	\`data\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`case_events_complaint_idx\` ON \`case_events\` (\`complaint_id\`);`)
  await db.run(sql`CREATE INDEX \`case_events_type_idx\` ON \`case_events\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`case_events_at_idx\` ON \`case_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`case_events_actor_idx\` ON \`case_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`case_events_updated_at_idx\` ON \`case_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`case_events_created_at_idx\` ON \`case_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`service_accounts_scopes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`service_accounts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`service_accounts_scopes_order_idx\` ON \`service_accounts_scopes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`service_accounts_scopes_parent_idx\` ON \`service_accounts_scopes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`service_accounts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`service_accounts_name_idx\` ON \`service_accounts\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`service_accounts_updated_at_idx\` ON \`service_accounts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`service_accounts_created_at_idx\` ON \`service_accounts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sequences\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`value\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sequences_key_idx\` ON \`sequences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`sequences_updated_at_idx\` ON \`sequences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sequences_created_at_idx\` ON \`sequences\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`outbox\` ADD \`complaint_id\` text(36) REFERENCES complaints(id);`)
  await db.run(sql`CREATE INDEX \`outbox_complaint_idx\` ON \`outbox\` (\`complaint_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`complaints_id\` text(36) REFERENCES complaints(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`complaint_attachments_id\` text(36) REFERENCES complaint_attachments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`case_events_id\` text(36) REFERENCES case_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`service_accounts_id\` text(36) REFERENCES service_accounts(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sequences_id\` text(36) REFERENCES sequences(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaints_id_idx\` ON \`payload_locked_documents_rels\` (\`complaints_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_attachments_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_attachments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_case_events_id_idx\` ON \`payload_locked_documents_rels\` (\`case_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_service_accounts_id_idx\` ON \`payload_locked_documents_rels\` (\`service_accounts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sequences_id_idx\` ON \`payload_locked_documents_rels\` (\`sequences_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_preferences_rels\` ADD \`service_accounts_id\` text(36) REFERENCES service_accounts(id);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_service_accounts_id_idx\` ON \`payload_preferences_rels\` (\`service_accounts_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`complaints_categories\`;`)
  await db.run(sql`DROP TABLE \`complaints\`;`)
  await db.run(sql`DROP TABLE \`complaints_rels\`;`)
  await db.run(sql`DROP TABLE \`complaint_attachments\`;`)
  await db.run(sql`DROP TABLE \`case_events\`;`)
  await db.run(sql`DROP TABLE \`service_accounts_scopes\`;`)
  await db.run(sql`DROP TABLE \`service_accounts\`;`)
  await db.run(sql`DROP TABLE \`sequences\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_outbox\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`subject\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`reply_to\` text,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`purpose\` text,
  	\`attempts\` numeric DEFAULT 0 NOT NULL,
  	\`last_error\` text,
  	\`sent_at\` text,
  	\`provider_id\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`html\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_outbox\`("id", "subject", "from", "reply_to", "status", "purpose", "attempts", "last_error", "sent_at", "provider_id", "idempotency_key", "text", "html", "updated_at", "created_at") SELECT "id", "subject", "from", "reply_to", "status", "purpose", "attempts", "last_error", "sent_at", "provider_id", "idempotency_key", "text", "html", "updated_at", "created_at" FROM \`outbox\`;`)
  await db.run(sql`DROP TABLE \`outbox\`;`)
  await db.run(sql`ALTER TABLE \`__new_outbox\` RENAME TO \`outbox\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`outbox_status_idx\` ON \`outbox\` (\`status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`outbox_idempotency_key_idx\` ON \`outbox\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_updated_at_idx\` ON \`outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outbox_created_at_idx\` ON \`outbox\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` text(36),
  	\`outbox_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "outbox_id") SELECT "id", "order", "parent_id", "path", "users_id", "outbox_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
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
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
}
