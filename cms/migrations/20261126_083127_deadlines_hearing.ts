import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`complaints_hearing_attendees\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text NOT NULL,
  	\`report_signature\` text DEFAULT 'pending',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_hearing_attendees_order_idx\` ON \`complaints_hearing_attendees\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_hearing_attendees_parent_id_idx\` ON \`complaints_hearing_attendees\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`delay_notice_reason\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`delay_notice_new_target_date\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`delay_notice_issued_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_documents_reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_requested_by\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_place\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_report\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_report_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_agreements_confirmed_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_travel_cost_requested\` integer;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_travel_cost_decision\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`hearing_travel_cost_note\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`next_deadline_clock\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`next_deadline_due\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`next_deadline_state\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`deadline_outcomes_acknowledge\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`deadline_outcomes_non_admission_notice\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`deadline_outcomes_decision_target\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`deadline_outcomes_decision_limit\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`ended_as\` text;`)
  await db.run(sql`CREATE INDEX \`complaints_next_deadline_next_deadline_due_idx\` ON \`complaints\` (\`next_deadline_due\`);`)
  await db.run(sql`CREATE INDEX \`complaints_next_deadline_next_deadline_state_idx\` ON \`complaints\` (\`next_deadline_state\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`complaints_hearing_attendees\`;`)
  await db.run(sql`DROP INDEX \`complaints_next_deadline_next_deadline_due_idx\`;`)
  await db.run(sql`DROP INDEX \`complaints_next_deadline_next_deadline_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`delay_notice_reason\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`delay_notice_new_target_date\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`delay_notice_issued_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_documents_reviewed_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_requested_by\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_place\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_report\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_report_sent_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_agreements_confirmed_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_travel_cost_requested\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_travel_cost_decision\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`hearing_travel_cost_note\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`next_deadline_clock\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`next_deadline_due\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`next_deadline_state\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`deadline_outcomes_acknowledge\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`deadline_outcomes_non_admission_notice\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`deadline_outcomes_decision_target\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`deadline_outcomes_decision_limit\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`ended_as\`;`)
}
