import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { backfillClosedAt } from '../../hooks/privacy/backfillClosedAt'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`complaints_complainant_additions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_complainant_additions_order_idx\` ON \`complaints_complainant_additions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_complainant_additions_parent_id_idx\` ON \`complaints_complainant_additions\` (\`_parent_id\`);`)
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
  await db.run(sql`CREATE TABLE \`access_log\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor_kind\` text NOT NULL,
  	\`actor_id\` text(36),
  	\`complaint_id\` text(36) NOT NULL,
  	\`kind\` text NOT NULL,
  	\`window_key\` text,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`access_log_at_idx\` ON \`access_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`access_log_actor_idx\` ON \`access_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`access_log_complaint_idx\` ON \`access_log\` (\`complaint_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`access_log_window_key_idx\` ON \`access_log\` (\`window_key\`);`)
  await db.run(sql`CREATE TABLE \`retention_runs\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`cases\` numeric,
  	\`finished_at\` text,
  	\`complaint\` text,
  	\`by\` text,
  	\`run\` text,
  	\`done_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`retention_runs_key_idx\` ON \`retention_runs\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`retention_runs_complaint_idx\` ON \`retention_runs\` (\`complaint\`);`)
  await db.run(sql`CREATE INDEX \`retention_runs_updated_at_idx\` ON \`retention_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`retention_runs_created_at_idx\` ON \`retention_runs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`complainant_links\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`complaint_id\` text(36) NOT NULL,
  	\`token_hash\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`used_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`complainant_links_complaint_idx\` ON \`complainant_links\` (\`complaint_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complainant_links_token_hash_idx\` ON \`complainant_links\` (\`token_hash\`);`)
  await db.run(sql`CREATE INDEX \`complainant_links_updated_at_idx\` ON \`complainant_links\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complainant_links_created_at_idx\` ON \`complainant_links\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`complainant_sessions\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`complaint_id\` text(36) NOT NULL,
  	\`link_id\` text(36) NOT NULL,
  	\`session_hash\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`link_id\`) REFERENCES \`complainant_links\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`complainant_sessions_complaint_idx\` ON \`complainant_sessions\` (\`complaint_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complainant_sessions_link_idx\` ON \`complainant_sessions\` (\`link_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complainant_sessions_session_hash_idx\` ON \`complainant_sessions\` (\`session_hash\`);`)
  await db.run(sql`CREATE INDEX \`complainant_sessions_updated_at_idx\` ON \`complainant_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complainant_sessions_created_at_idx\` ON \`complainant_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`survey_responses\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`careful\` numeric NOT NULL,
  	\`quick\` numeric NOT NULL,
  	\`clear\` numeric NOT NULL,
  	\`received_quarter\` text NOT NULL,
  	\`ended_quarter\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`survey_responses_received_quarter_idx\` ON \`survey_responses\` (\`received_quarter\`);`)
  await db.run(sql`CREATE TABLE \`survey_receipts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`survey_receipts_key_idx\` ON \`survey_receipts\` (\`key\`);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`privacy_closed_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`privacy_legal_hold\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`privacy_legal_hold_reason\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`privacy_legal_hold_since\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`privacy_legal_hold_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`privacy_anonymised_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`privacy_erasure_reason\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`survey_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`survey_text\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`inspection_due_at\` text;`)
  await db.run(sql`CREATE INDEX \`complaints_privacy_privacy_legal_hold_by_idx\` ON \`complaints\` (\`privacy_legal_hold_by_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_inspection_due_at_idx\` ON \`complaints\` (\`inspection_due_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`complainant_links_id\` text(36) REFERENCES complainant_links(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`complainant_sessions_id\` text(36) REFERENCES complainant_sessions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complainant_links_id_idx\` ON \`payload_locked_documents_rels\` (\`complainant_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complainant_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`complainant_sessions_id\`);`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`retention_years\` numeric DEFAULT 2 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`access_log_years\` numeric DEFAULT 2 NOT NULL;`)
  // Data step, after the schema (hand-written). Decision 19: the retention term counts from the
  // closing, which older versions did not store on the case; taken from the timeline (idempotent).
  await backfillClosedAt(payload, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`complaints_complainant_additions\`;`)
  await db.run(sql`DROP TABLE \`complaints_inspection_requests\`;`)
  await db.run(sql`DROP TABLE \`access_log\`;`)
  await db.run(sql`DROP TABLE \`retention_runs\`;`)
  await db.run(sql`DROP TABLE \`complainant_links\`;`)
  await db.run(sql`DROP TABLE \`complainant_sessions\`;`)
  await db.run(sql`DROP TABLE \`survey_responses\`;`)
  await db.run(sql`DROP TABLE \`survey_receipts\`;`)
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
  	\`complainant_name_latin\` text,
  	\`complainant_email\` text,
  	\`complainant_phone\` text,
  	\`complainant_street\` text,
  	\`complainant_postal_code\` text,
  	\`complainant_city\` text,
  	\`client_name\` text,
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
  	\`written_version_draft\` text,
  	\`written_version_send\` integer,
  	\`deadlines_acknowledge_by\` text,
  	\`deadlines_non_admission_notice_by\` text,
  	\`deadlines_decision_target_by\` text,
  	\`deadlines_decision_limit_by\` text,
  	\`callback_state\` text,
  	\`callback_done\` integer,
  	\`callback_done_at\` text,
  	\`callback_done_by_id\` text(36),
  	\`assigned_handler_id\` text(36),
  	\`correction_reason\` text,
  	\`acknowledgement_facts_summary\` text,
  	\`acknowledgement_stated_term_weeks\` numeric DEFAULT 4,
  	\`non_admission_ground\` text,
  	\`non_admission_earlier_complaint_id\` text(36),
  	\`non_admission_earlier_reference\` text,
  	\`non_admission_reasons\` text,
  	\`decision_facts_as_seen\` text,
  	\`decision_reasoned_position\` text,
  	\`decision_outcome\` text,
  	\`decision_remedy\` text,
  	\`decision_remedy_explanation\` text,
  	\`decision_follow_up_action\` text,
  	\`decision_complainant_contacted_at\` text,
  	\`informal_oral_answer\` text,
  	\`informal_agreements\` text,
  	\`informal_satisfaction_confirmed_at\` text,
  	\`delay_notice_reason\` text,
  	\`delay_notice_new_target_date\` text,
  	\`delay_notice_issued_at\` text,
  	\`hearing_documents_reviewed_at\` text,
  	\`hearing_requested_by\` text,
  	\`hearing_at\` text,
  	\`hearing_duration_minutes\` numeric DEFAULT 60,
  	\`hearing_place\` text,
  	\`hearing_send_invitation\` integer,
  	\`hearing_report\` text,
  	\`hearing_send_report\` integer,
  	\`hearing_agreements\` text,
  	\`hearing_send_agreements\` integer,
  	\`hearing_travel_cost_requested\` integer,
  	\`hearing_travel_cost_decision\` text,
  	\`hearing_travel_cost_note\` text,
  	\`withdrawal_withdrawn_at\` text,
  	\`withdrawal_note\` text,
  	\`letters_sent_acknowledgement_at\` text,
  	\`letters_sent_non_admission_notice_at\` text,
  	\`letters_sent_decision_at\` text,
  	\`letters_sent_delay_notice_at\` text,
  	\`letters_sent_written_version_at\` text,
  	\`letters_sent_hearing_invitation_at\` text,
  	\`letters_sent_hearing_report_at\` text,
  	\`letters_sent_agreements_confirmation_at\` text,
  	\`letters_sent_hearing_cancellation_at\` text,
  	\`letters_sent_withdrawal_confirmation_at\` text,
  	\`next_deadline_clock\` text,
  	\`next_deadline_due\` text,
  	\`next_deadline_state\` text,
  	\`deadline_outcomes_acknowledge\` text,
  	\`deadline_outcomes_non_admission_notice\` text,
  	\`deadline_outcomes_decision_target\` text,
  	\`deadline_outcomes_decision_limit\` text,
  	\`ended_as\` text,
  	\`ended_at\` text,
  	\`uwv_labour_expert_name\` text,
  	\`uwv_labour_expert_email\` text,
  	\`consent_at\` text,
  	\`form_token\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`callback_done_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assigned_handler_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`non_admission_earlier_complaint_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_complaints\`("id", "reference", "status", "channel", "received_at", "complainant_role", "complainant_on_behalf_of", "complainant_on_behalf_of_name", "complainant_client_organisation", "complainant_client_organisation_name", "complainant_name", "complainant_name_latin", "complainant_email", "complainant_phone", "complainant_street", "complainant_postal_code", "complainant_city", "client_name", "conduct_when", "conduct_date", "conduct_from", "conduct_to", "involved_kind", "involved_description", "complaint_text", "desired_outcome", "discussed_before", "wants_hearing", "wants_help_writing", "written_version_draft", "written_version_send", "deadlines_acknowledge_by", "deadlines_non_admission_notice_by", "deadlines_decision_target_by", "deadlines_decision_limit_by", "callback_state", "callback_done", "callback_done_at", "callback_done_by_id", "assigned_handler_id", "correction_reason", "acknowledgement_facts_summary", "acknowledgement_stated_term_weeks", "non_admission_ground", "non_admission_earlier_complaint_id", "non_admission_earlier_reference", "non_admission_reasons", "decision_facts_as_seen", "decision_reasoned_position", "decision_outcome", "decision_remedy", "decision_remedy_explanation", "decision_follow_up_action", "decision_complainant_contacted_at", "informal_oral_answer", "informal_agreements", "informal_satisfaction_confirmed_at", "delay_notice_reason", "delay_notice_new_target_date", "delay_notice_issued_at", "hearing_documents_reviewed_at", "hearing_requested_by", "hearing_at", "hearing_duration_minutes", "hearing_place", "hearing_send_invitation", "hearing_report", "hearing_send_report", "hearing_agreements", "hearing_send_agreements", "hearing_travel_cost_requested", "hearing_travel_cost_decision", "hearing_travel_cost_note", "withdrawal_withdrawn_at", "withdrawal_note", "letters_sent_acknowledgement_at", "letters_sent_non_admission_notice_at", "letters_sent_decision_at", "letters_sent_delay_notice_at", "letters_sent_written_version_at", "letters_sent_hearing_invitation_at", "letters_sent_hearing_report_at", "letters_sent_agreements_confirmation_at", "letters_sent_hearing_cancellation_at", "letters_sent_withdrawal_confirmation_at", "next_deadline_clock", "next_deadline_due", "next_deadline_state", "deadline_outcomes_acknowledge", "deadline_outcomes_non_admission_notice", "deadline_outcomes_decision_target", "deadline_outcomes_decision_limit", "ended_as", "ended_at", "uwv_labour_expert_name", "uwv_labour_expert_email", "consent_at", "form_token", "updated_at", "created_at") SELECT "id", "reference", "status", "channel", "received_at", "complainant_role", "complainant_on_behalf_of", "complainant_on_behalf_of_name", "complainant_client_organisation", "complainant_client_organisation_name", "complainant_name", "complainant_name_latin", "complainant_email", "complainant_phone", "complainant_street", "complainant_postal_code", "complainant_city", "client_name", "conduct_when", "conduct_date", "conduct_from", "conduct_to", "involved_kind", "involved_description", "complaint_text", "desired_outcome", "discussed_before", "wants_hearing", "wants_help_writing", "written_version_draft", "written_version_send", "deadlines_acknowledge_by", "deadlines_non_admission_notice_by", "deadlines_decision_target_by", "deadlines_decision_limit_by", "callback_state", "callback_done", "callback_done_at", "callback_done_by_id", "assigned_handler_id", "correction_reason", "acknowledgement_facts_summary", "acknowledgement_stated_term_weeks", "non_admission_ground", "non_admission_earlier_complaint_id", "non_admission_earlier_reference", "non_admission_reasons", "decision_facts_as_seen", "decision_reasoned_position", "decision_outcome", "decision_remedy", "decision_remedy_explanation", "decision_follow_up_action", "decision_complainant_contacted_at", "informal_oral_answer", "informal_agreements", "informal_satisfaction_confirmed_at", "delay_notice_reason", "delay_notice_new_target_date", "delay_notice_issued_at", "hearing_documents_reviewed_at", "hearing_requested_by", "hearing_at", "hearing_duration_minutes", "hearing_place", "hearing_send_invitation", "hearing_report", "hearing_send_report", "hearing_agreements", "hearing_send_agreements", "hearing_travel_cost_requested", "hearing_travel_cost_decision", "hearing_travel_cost_note", "withdrawal_withdrawn_at", "withdrawal_note", "letters_sent_acknowledgement_at", "letters_sent_non_admission_notice_at", "letters_sent_decision_at", "letters_sent_delay_notice_at", "letters_sent_written_version_at", "letters_sent_hearing_invitation_at", "letters_sent_hearing_report_at", "letters_sent_agreements_confirmation_at", "letters_sent_hearing_cancellation_at", "letters_sent_withdrawal_confirmation_at", "next_deadline_clock", "next_deadline_due", "next_deadline_state", "deadline_outcomes_acknowledge", "deadline_outcomes_non_admission_notice", "deadline_outcomes_decision_target", "deadline_outcomes_decision_limit", "ended_as", "ended_at", "uwv_labour_expert_name", "uwv_labour_expert_email", "consent_at", "form_token", "updated_at", "created_at" FROM \`complaints\`;`)
  await db.run(sql`DROP TABLE \`complaints\`;`)
  await db.run(sql`ALTER TABLE \`__new_complaints\` RENAME TO \`complaints\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`complaints_reference_idx\` ON \`complaints\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`complaints_status_idx\` ON \`complaints\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`complaints_received_at_idx\` ON \`complaints\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`complaints_callback_callback_state_idx\` ON \`complaints\` (\`callback_state\`);`)
  await db.run(sql`CREATE INDEX \`complaints_callback_callback_done_by_idx\` ON \`complaints\` (\`callback_done_by_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_assigned_handler_idx\` ON \`complaints\` (\`assigned_handler_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_non_admission_non_admission_earlier_complaint_idx\` ON \`complaints\` (\`non_admission_earlier_complaint_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_next_deadline_next_deadline_due_idx\` ON \`complaints\` (\`next_deadline_due\`);`)
  await db.run(sql`CREATE INDEX \`complaints_next_deadline_next_deadline_state_idx\` ON \`complaints\` (\`next_deadline_state\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complaints_form_token_idx\` ON \`complaints\` (\`form_token\`);`)
  await db.run(sql`CREATE INDEX \`complaints_updated_at_idx\` ON \`complaints\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaints_created_at_idx\` ON \`complaints\` (\`created_at\`);`)
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
  	FOREIGN KEY (\`published_figures_id\`) REFERENCES \`published_figures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "complaints_id", "complaint_attachments_id", "letters_id", "case_events_id", "letter_templates_id", "outbox_id", "users_id", "service_accounts_id", "sequences_id", "reports_id", "published_figures_id") SELECT "id", "order", "parent_id", "path", "complaints_id", "complaint_attachments_id", "letters_id", "case_events_id", "letter_templates_id", "outbox_id", "users_id", "service_accounts_id", "sequences_id", "reports_id", "published_figures_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`retention_years\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`access_log_years\`;`)
}
