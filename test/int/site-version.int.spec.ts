import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedRegulation } from '../../cms/seed/regulation/seedRegulation'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken } from '../helpers/staff'

/**
 * GET /api/site-version: the content version every site process checks (site/server.ts). It must
 * change with every publication the public sees — the regulation an editor publishes, the settings
 * (Decision 14: the contact details on every page) — in the same write, and not with a draft.
 */
let ctx: TestPayload
let editor = ''
let admin = ''

beforeAll(async () => {
  // No site runs here: the push after a publication fails and is only logged.
  ctx = await createTestPayload({ SITE_INTERNAL_URL: 'http://127.0.0.1:9' })
  expect(await seedRegulation.run(ctx.payload, {} as never)).toBe('klachtenreglement gepubliceerd (9 artikelen)')
  editor = (await createStaffUserWithToken(ctx.payload, 'redacteur@example.nl', 'Redacteur', ['editor'])).token
  admin = (await createStaffUserWithToken(ctx.payload, 'beheer@example.nl', 'Beheer', ['admin'])).token
})

afterAll(async () => {
  await ctx?.cleanup()
})

async function version(): Promise<string> {
  // As a site process asks: no key, no login.
  const response = await ctx.rest('/site-version')
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  const text = await response.text()
  expect(text).toMatch(/^[\w-]{16}$/)
  return text
}

const saveRegulation = (token: string, body: Record<string, unknown>, draft = false) =>
  ctx.rest(`/globals/regulation${draft ? '?draft=true' : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  })

describe('the site’s content version (GET /api/site-version)', () => {
  it('answers anyone a few bytes, the same while nothing is published', async () => {
    const first = await version()
    expect(await version()).toBe(first)
  })

  it('changes when an editor publishes the regulation, and not for a draft', async () => {
    const before = await version()
    const draft = await saveRegulation(editor, { title: 'Concept van de redacteur', _status: 'draft' }, true)
    expect(draft.status).toBe(200)
    expect(await version()).toBe(before)

    const published = await saveRegulation(editor, {
      title: 'Klachtenreglement Working Progression (herzien)',
      changeNote: 'Titel herzien',
      _status: 'published',
    })
    expect(published.status).toBe(200)
    const after = await version()
    expect(after).not.toBe(before)
    expect(await version()).toBe(after)
  })

  it('Decision 14: changes when the settings (the contact details on every page) are saved', async () => {
    const before = await version()
    const saved = await ctx.rest('/globals/settings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${admin}` },
      body: JSON.stringify({ phone: '030 123 45 67' }),
    })
    expect(saved.status).toBe(200)
    expect(await version()).not.toBe(before)
  })
})
