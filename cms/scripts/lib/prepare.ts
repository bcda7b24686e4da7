import { randomUUID } from 'node:crypto'

import { type Payload, getPayload } from 'payload'

import { type Env, EnvError, getEnv, isMongoUrl } from '../../env'
import { fileStore } from '../../lib/fileStore'
import { recoverOutbox } from '../../email/recoverOutbox'
import { seed } from '../../seed'
import { removeOrphanAttachments } from './removeOrphanAttachments'

/** Runs work on a Payload instance of its own, opened in this process only and closed afterwards. */
async function withPayload<T>(work: (payload: Payload, env: Env) => Promise<T>): Promise<T> {
  const env = getEnv()
  const { default: config } = await import('../../payload.config')
  // Its own cache key: this instance is destroyed at the end and must never be handed out again.
  const payload = await getPayload({ config, key: `prepare-${randomUUID()}` })
  try {
    return await work(payload, env)
  } finally {
    await payload.destroy()
  }
}

/** What a crash of the CMS may have left half done, put right while no CMS runs. */
async function recover(payload: Payload, env: Env, now: Date): Promise<string[]> {
  const done: string[] = []
  const requeued = await recoverOutbox(payload, env)
  if (requeued > 0) done.push(`${requeued} wachtend(e) e-mailbericht(en) opnieuw in de wachtrij`)
  const orphans = await removeOrphanAttachments(payload, now)
  if (orphans.records > 0 || orphans.files > 0) {
    done.push(
      `interrupted intake: removed ${orphans.records} attachment record(s) of no complaint and ${orphans.files} file(s) no record knows`,
    )
  }
  if (orphans.warning) done.push(`interrupted intake: ${orphans.warning}`)
  if (orphans.relinked > 0)
    done.push(`interrupted intake: linked ${orphans.relinked} attachment(s) back to the complaint that lists them`)
  return done
}

/**
 * Migrates the database and seeds it, in this one process only (the CMS and the site never
 * migrate), then recovers from an earlier crash. On MongoDB there is no schema to migrate:
 * Mongoose builds its indexes on connect.
 */
export async function prepareDatabase(now: Date = new Date()): Promise<string[]> {
  return withPayload(async (payload, env) => {
    // A bucket that cannot be reached stops the start with one line, before anything is written.
    const storage = await fileStore(payload).problem()
    if (storage) throw new EnvError('S3_BUCKET', storage)
    if (!isMongoUrl(env.DATABASE_URL)) await payload.db.migrate()
    const done = await seed(payload, env)
    return [...done, ...(await recover(payload, env, now))]
  })
}

/** Only the recovery: run by the start script before it restarts a CMS that died. */
export async function recoverDatabase(now: Date = new Date()): Promise<string[]> {
  return withPayload((payload, env) => recover(payload, env, now))
}
