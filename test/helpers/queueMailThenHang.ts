/**
 * Child process of the outbox restart test: queues one message and starts delivering it; the
 * fake Resend server holds its answer back, and the test kills this process mid-delivery.
 */
import { getPayload } from 'payload'

import { enqueueEmail, OUTBOX_QUEUE } from '../../cms/email/enqueue'

const { default: config } = await import('../../cms/payload.config')
const payload = await getPayload({ config })
await payload.db.migrate()
await enqueueEmail(
  payload,
  {
    to: ['klager@example.nl'],
    subject: 'Bericht van voor de herstart',
    html: '<p>Hallo</p>',
    text: 'Hallo',
    purpose: 'system',
  },
  { defaultFrom: 'Working Progression <klachten@workingprogression.nl>' },
)
process.stdout.write('QUEUED\n')
await payload.jobs.run({ queue: OUTBOX_QUEUE })
process.stdout.write('FINISHED (the test should have killed this process before)\n')
