import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`complaint_attachments\` ADD \`prefix\` text DEFAULT 'complaints';`)
  await db.run(sql`ALTER TABLE \`complaint_attachments\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`letters\` ADD \`prefix\` text DEFAULT 'letters';`)
  await db.run(sql`ALTER TABLE \`letters\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`prefix\` text DEFAULT 'reports';`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`_objectkey\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`complaint_attachments\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`complaint_attachments\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`letters\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`letters\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`_objectkey\`;`)
}
