import type { Payload } from 'payload'

import type { Env } from '../env'
import { releaseExpiredLeases } from '../jobs/lease'
import { queueDelivery } from './enqueue'

/**
 * Runs at start-up and before a restart of the CMS (a job worker may be running meanwhile):
 * - a job still claimed after its lease ran out belongs to a worker that died: it may run again
 *   (a job a live worker is running keeps its lease, cms/jobs/lease.ts);
 * - every message still waiting (or held while no API key was set, now that there is one)
 *   gets a delivery job if it has none. The idempotency key keeps a repeat from delivering twice.
 */
export async function recoverOutbox(payload: Payload, env: Env): Promise<number> {
  await releaseExpiredLeases(payload, env.JOB_LEASE_MS)

  const waiting = await payload.find({
    collection: 'outbox',
    where: { status: { in: env.RESEND_API_KEY ? ['queued', 'held'] : ['queued'] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { status: true },
  })
  if (waiting.docs.length === 0) return 0

  const open = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'deliverEmail' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const covered = new Set(open.docs.map((job) => (job.input as { messageId?: string } | null)?.messageId))

  let queued = 0
  for (const message of waiting.docs) {
    if (message.status === 'held') {
      await payload.update({
        collection: 'outbox',
        id: message.id,
        data: { status: 'queued', lastError: null },
        overrideAccess: true,
        depth: 0,
      })
    }
    if (covered.has(message.id)) continue
    await queueDelivery(payload, message.id)
    queued += 1
  }
  return queued
}
