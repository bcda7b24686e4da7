import type { Payload, PayloadRequest } from 'payload'

/** Removes every trace of an intake that did not complete, so that no half complaint remains. */
export async function undoIntake(
  payload: Payload,
  stored: { attachments: string[]; complaint?: string },
  req: Partial<PayloadRequest>,
): Promise<void> {
  const attempt = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work()
    } catch (error) {
      payload.logger.error({ err: error, msg: `Undoing an incomplete intake: could not remove ${what}` })
    }
  }
  const context = { undoIntake: true }
  if (stored.complaint) {
    const where = { complaint: { equals: stored.complaint } }
    await attempt('its timeline', () =>
      payload.delete({ collection: 'case-events', where, overrideAccess: true, req, context }),
    )
    await attempt('its letters job', () =>
      payload.delete({
        collection: 'payload-jobs',
        where: { 'input.complaintId': { equals: stored.complaint } },
        overrideAccess: true,
        req,
      }),
    )
    const messages = await payload
      .find({ collection: 'outbox', where, overrideAccess: true, pagination: false, depth: 0, select: {} })
      .catch(() => ({ docs: [] }))
    for (const message of messages.docs) {
      await attempt('a queued delivery', () =>
        payload.delete({
          collection: 'payload-jobs',
          where: { 'input.messageId': { equals: message.id } },
          overrideAccess: true,
          req,
        }),
      )
    }
    await attempt('its messages', () => payload.delete({ collection: 'outbox', where, overrideAccess: true, req }))
    await attempt('the complaint', () =>
      payload.delete({ collection: 'complaints', id: stored.complaint as string, overrideAccess: true, req, context }),
    )
  }
  for (const id of stored.attachments) {
    await attempt(`attachment ${id}`, () =>
      payload.delete({ collection: 'complaint-attachments', id, overrideAccess: true, req }),
    )
  }
}
