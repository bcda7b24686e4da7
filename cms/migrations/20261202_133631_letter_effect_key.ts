import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`letters\` ADD \`effect_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`letters_effect_key_idx\` ON \`letters\` (\`effect_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`letters_effect_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`letters\` DROP COLUMN \`effect_key\`;`)
}
