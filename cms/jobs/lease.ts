import type { Payload, TaskHandler } from 'payload'

/**
 * A claimed job is leased, not owned for ever. Payload 3.90 marks a job `processing` when a worker
 * claims it and clears that when the worker is done; a worker that dies in between leaves the job
 * claimed for good, and two workers can claim one job (the effects are keyed for that,
 * hooks/effects/once.ts). Here:
 * - every task's handler keeps a heartbeat while it runs: it touches its job's `updatedAt` every
 *   third of the lease (Payload updates it too, with each step it records);
 * - before each run of the queue, jobs claimed longer ago than the lease with no sign of life are
 *   released (`processing: false`), so a live worker picks them up again;
 * - a job a live worker is running is never released: its heartbeat is younger than the lease.
 * This replaces the blanket release at start, which also took the jobs a live peer was running.
 */

/** The task with a heartbeat on its job while its handler runs. */
export function withLease<T extends { slug: string; handler: unknown }>(task: T, leaseMs: number): T {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  const leased: TaskHandler<never> = async (args) => {
    const { job, req } = args
    const beat = setInterval(
      () => {
        // A missed beat is not fatal: the next one, or Payload's own update of the job, renews it.
        void touchJob(req.payload, job.id).catch((error: unknown) =>
          req.payload.logger.warn({ err: error, job: job.id }, 'job heartbeat failed'),
        )
      },
      Math.max(250, Math.floor(leaseMs / 3)),
    )
    beat.unref()
    req.payload.logger.info({ job: job.id, task: task.slug }, `job ${String(job.id)}: ${task.slug} started`)
    try {
      return await (handler as TaskHandler<never>)(args)
    } finally {
      clearInterval(beat)
    }
  }
  return { ...task, handler: leased }
}

function touchJob(payload: Payload, id: number | string): Promise<unknown> {
  return payload.db.updateJobs({ id, data: { updatedAt: new Date().toISOString() }, returning: false })
}

/**
 * Releases the jobs whose lease ran out (claimed, and no sign of life for `leaseMs`): their worker
 * died, or lost its database. Returns how many. Safe in any process at any moment.
 */
export async function releaseExpiredLeases(payload: Payload, leaseMs: number, now = new Date()): Promise<number> {
  const expired = await payload.db.updateJobs({
    where: {
      and: [
        { processing: { equals: true } },
        { updatedAt: { less_than: new Date(now.getTime() - leaseMs).toISOString() } },
      ],
    },
    data: { processing: false, updatedAt: now.toISOString() },
    returning: true,
  })
  const count = expired?.length ?? 0
  if (count > 0) payload.logger.warn(`${count} job(s) released after their lease ran out (worker gone)`)
  return count
}
