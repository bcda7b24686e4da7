import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

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
  	\`folded_through\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`case_facts_case_id_idx\` ON \`case_facts\` (\`case_id\`);`)
  await db.run(sql`CREATE INDEX \`case_facts_received_on_idx\` ON \`case_facts\` (\`received_on\`);`)
  // Art. 9: the projection of the cases already on the timeline (data step, idempotent).
  await rebuildCaseFacts(payload, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`case_facts\`;`)
}
