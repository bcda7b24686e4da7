import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { rebuildCaseFacts } from '../../hooks/reports/facts/rebuildCaseFacts'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`not_admitted\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`not_admitted_on_time\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`admitted\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`admitted_on_time_stated\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`admitted_on_time_limit\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`ended\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`acknowledged\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`acknowledged_on_time\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`has_delay_notice\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`informal\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`withdrawn\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`travel\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`lead_time_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`outcome_key\` text;`)
  await db.run(sql`ALTER TABLE \`case_facts\` ADD \`overdue_from\` numeric;`)
  await db.run(sql`CREATE INDEX \`case_facts_folded_through_idx\` ON \`case_facts\` (\`folded_through\`);`)
  // Art. 9: every row's flags (classifyCase as of its foldedThrough), from the timeline (data step, idempotent).
  await rebuildCaseFacts(payload, req)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`case_facts_folded_through_idx\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`not_admitted\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`not_admitted_on_time\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`admitted\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`admitted_on_time_stated\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`admitted_on_time_limit\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`ended\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`acknowledged\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`acknowledged_on_time\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`has_delay_notice\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`informal\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`withdrawn\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`travel\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`lead_time_days\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`outcome_key\`;`)
  await db.run(sql`ALTER TABLE \`case_facts\` DROP COLUMN \`overdue_from\`;`)
}
