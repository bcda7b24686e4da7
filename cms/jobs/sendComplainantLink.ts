import type { TaskConfig } from 'payload'

import { COMPLAINANT_LINK_TASK, sendComplainantLink } from '../../hooks/complainant/links'
import type { Env } from '../env'

export type SendComplainantLinkTask = {
  input: { requestId: string; reference: string; emailHash: string; requestedAt: string }
  output: { result: string }
}

/** Decision 20: after the answer to a link request, check it and send the link (hooks/complainant/links.ts). */
export function sendComplainantLinkTask(env: Env): TaskConfig<SendComplainantLinkTask> {
  return {
    slug: COMPLAINANT_LINK_TASK,
    label: 'Link voor de klager versturen',
    inputSchema: [
      { name: 'requestId', type: 'text', required: true },
      { name: 'reference', type: 'text', required: true },
      { name: 'emailHash', type: 'text', required: true },
      { name: 'requestedAt', type: 'text', required: true },
    ],
    outputSchema: [{ name: 'result', type: 'text', required: true }],
    retries: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
    handler: async ({ input, req }) => {
      const result = await sendComplainantLink(req.payload, input, { siteUrl: env.SITE_URL, req })
      return { output: { result } }
    },
  }
}
