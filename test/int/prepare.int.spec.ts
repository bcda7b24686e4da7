import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { TEST_SECRET } from '../helpers/payload'
import { createStaffUser } from '../helpers/staff'

const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-prepare-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the start-up preparation (migrate + seed)', () => {
  it('a second start on the same data reuses it: nothing duplicated, nothing lost', async (context) => {
    if (process.env.PORTAL_TEST_DB === 'mongo') context.skip('exercises the SQLite file the start script migrates')
    Object.assign(process.env, {
      DATABASE_URL: `file:${dir}/portal.db`,
      // Never the repository's own data/uploads: the start-up recovery clears stray files there.
      UPLOAD_DIR: path.join(dir, 'uploads'),
      PAYLOAD_SECRET: TEST_SECRET,
      ADMIN_EMAIL: 'beheer@example.nl',
      ADMIN_PASSWORD: 'een-lang-wachtwoord',
      DISABLE_PAYLOAD_HMR: 'true',
    })
    const { prepareDatabase } = await import('../../cms/scripts/lib/prepare')
    expect(await prepareDatabase()).toEqual([
      'beheerder beheer@example.nl aangemaakt',
      'service-account voor de website aangemaakt',
      'klachtenreglement gepubliceerd (9 artikelen)',
      '15 briefteksten toegevoegd',
    ])

    const { getPayload } = await import('payload')
    const { default: config } = await import('../../cms/payload.config')
    const payload = await getPayload({ config, key: 'between-starts' })
    await createStaffUser(payload, 'behandelaar@example.nl', 'B', ['handler'])
    await payload.updateGlobal({ slug: 'settings', data: { phone: '010 000 00 00' } })
    // An editor's letter text survives the next start (seeded defaults never overwrite edits).
    const receipt = (await payload.find({ collection: 'letter-templates', where: { kind: { equals: 'receipt' } } }))
      .docs[0]
    await payload.update({
      collection: 'letter-templates',
      id: receipt?.id ?? '',
      data: { closing: 'Hartelijke groet,' },
    })
    // An installation from before the call-off and withdrawal letters: the next start adds just those.
    await payload.delete({
      collection: 'letter-templates',
      where: { kind: { in: ['hearing_cancellation', 'withdrawal_confirmation'] } },
    })
    await payload.destroy()

    expect(await prepareDatabase()).toEqual(['2 briefteksten toegevoegd'])

    const again = await getPayload({ config, key: 'after-second-start' })
    const users = await again.find({ collection: 'users', sort: 'email' })
    expect(users.docs.map((u) => [u.email, u.roles])).toEqual([
      ['behandelaar@example.nl', ['handler']],
      ['beheer@example.nl', ['admin']],
    ])
    expect((await again.findGlobal({ slug: 'settings' })).phone).toBe('010 000 00 00')
    const templates = await again.find({ collection: 'letter-templates', limit: 100 })
    expect(templates.totalDocs).toBe(15)
    expect(templates.docs.find((t) => t.kind === 'receipt')?.closing).toBe('Hartelijke groet,')
    const migrations = await again.find({ collection: 'payload-migrations' })
    expect(migrations.docs.every((m) => m.batch === 1)).toBe(true)
    await again.destroy()
  })
})
