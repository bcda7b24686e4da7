import { randomUUID } from 'node:crypto'

import { getPayload } from 'payload'

import { getEnv, isMongoUrl } from '../../env'
import { recoverOutbox } from '../../email/recoverOutbox'
import { seed } from '../../seed'

/**
 * Migrates the database and seeds it, in this one process only (the CMS and the site never
 * migrate). On MongoDB there is no schema to migrate: Mongoose builds its indexes on connect.
 */
export async function prepareDatabase(): Promise<string[]> {
  const env = getEnv()
  const { default: config } = await import('../../payload.config')
  // Its own cache key: this instance is destroyed at the end and must never be handed out again.
  const payload = await getPayload({ config, key: `prepare-${randomUUID()}` })
  try {
    if (!isMongoUrl(env.DATABASE_URL)) await payload.db.migrate()
    const done = await seed(payload, env)
    const requeued = await recoverOutbox(payload, env)
    if (requeued > 0) done.push(`${requeued} wachtend(e) e-mailbericht(en) opnieuw in de wachtrij`)
    return done
  } finally {
    await payload.destroy()
  }
}
