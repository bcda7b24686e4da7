import type { Payload } from 'payload'

import type { Env } from '../env'
import { queueDelivery } from './enqueue'

/**
 * Runs at start-up, before the job runner starts, so nothing else touches the jobs now:
 * - a job still marked as processing belongs to a process that died: it may run again;
 * - every message still waiting (or held while no API key was set, now that there is one)
 *   gets a delivery job if it has none. The idempotency key keeps a repeat from delivering twice.
 */
export async function recoverOutbox(payload: Payload, env: Env): Promise<number> {
  await payload.update({
    collection: 'payload-jobs',
    where: { processing: { equals: true } },
    data: { processing: false },
    overrideAccess: true,
    depth: 0,
  })

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
