import { buildConfig, getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { configFor } from '../../cms/config'
import { enqueueEmail, OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { recoverOutbox } from '../../cms/email/recoverOutbox'
import { parseEnv } from '../../cms/env'
import { startFakeResend } from '../helpers/fakeResend'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '' })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('without RESEND_API_KEY (development)', () => {
  it('keeps every message in the outbox, marked as not sent, and sends it once a key is configured', async () => {
    const { payload } = ctx
    const message = await enqueueEmail(
      payload,
      {
        to: ['klager@example.nl'],
        subject: 'Ontvangstbevestiging',
        html: '<p>Ontvangen</p>',
        text: 'Ontvangen',
        purpose: 'receipt',
      },
      { defaultFrom: 'Working Progression <klachten@workingprogression.nl>' },
    )
    await payload.jobs.run({ queue: OUTBOX_QUEUE })
    const held = await payload.findByID({ collection: 'outbox', id: message.id, overrideAccess: true })
    expect(held.status).toBe('held')
    expect(held.lastError).toBe('Niet verstuurd: er is geen e-maildienst ingesteld (RESEND_API_KEY ontbreekt).')
    expect(held.html).toBe('<p>Ontvangen</p>')

    // The next start has a key: the held message goes out.
    const fake = await startFakeResend({ apiKey: 're_now_configured_1234' })
    try {
      const env = parseEnv({ ...process.env, RESEND_API_KEY: 're_now_configured_1234', RESEND_BASE_URL: fake.url })
      const withKey = await getPayload({ config: await buildConfig(configFor(env)), key: 'with-key' })
      expect(await recoverOutbox(withKey, env)).toBe(1)
      await withKey.jobs.run({ queue: OUTBOX_QUEUE })
      const sent = await withKey.findByID({ collection: 'outbox', id: message.id, overrideAccess: true })
      expect(sent.status).toBe('sent')
      expect(fake.deliveries.map((d) => d.subject)).toEqual(['Ontvangstbevestiging'])
      await withKey.destroy()
    } finally {
      await fake.close()
    }
  })
})
