import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`client_name\` text;`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`uwv_complaint_procedure\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`client_name\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`uwv_complaint_procedure\`;`)
}
