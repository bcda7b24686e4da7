import type { Payload } from 'payload'
import type { ReactElement } from 'react'
import { renderToReadableStream } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RecordsContent, recordsNavHref } from '../../cms/components/records/RecordsContent'
import type { User } from '../../cms/payload-types'
import { forgetSettings } from '../../hooks/settings/cachedSettings'
import { PERSONAL_DATA_STORES } from '../../hooks/privacy/registry'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/**
 * AVG art. 30: the admin view /admin/verwerkingsregister. Payload renders a custom view for anyone
 * who asks (PITFALLS.md), so the view checks the role itself: managers and admins see the records,
 * everyone else the refusal and nothing of them. Rendered as Next renders a server component.
 */
let ctx: TestPayload
let payload: Payload
const staff: Record<string, StaffUser> = {}

async function html(element: ReactElement | null): Promise<string> {
  if (!element) return ''
  const stream = await renderToReadableStream(element)
  await stream.allReady
  return await new Response(stream).text()
}
const view = async (who: string | null) => html(await RecordsContent({ payload, user: who ? staff[who] : null }))

beforeAll(async () => {
  ctx = await createTestPayload({ RESEND_API_KEY: '' })
  payload = ctx.payload
  const roles: Record<string, User['roles']> = {
    admin: ['admin'],
    manager: ['manager'],
    handler: ['handler'],
    editor: ['editor'],
    editorHandler: ['editor', 'handler'],
  }
  for (const [key, r] of Object.entries(roles))
    staff[key] = await createStaffUser(payload, `${key}@records-view.example`, key, r)
}, 300_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('AVG art. 30: the records of processing in the admin, for managers and admins only', () => {
  it.each(['manager', 'admin'])(
    'a %s sees every store of the registry, with its fields, readers and term',
    async (who) => {
      const page = await view(who)
      expect(page).toContain('<h1>Verwerkingsregister (AVG artikel 30)</h1>')
      for (const store of PERSONAL_DATA_STORES) expect(page).toContain(`data-store="${store.id}"`)
      expect(page).toContain('<li data-field="uwvLabourExpert">Arbeidsdeskundige UWV voor deze zaak</li>')
      expect(page).toContain('<li>Klachtbehandelaar (alleen de zaken die aan hem of haar zijn toegewezen)</li>')
      expect(page).toContain('2 jaar na het afsluiten van de klacht')
      expect(page).toContain('30 dagen na bezorging')
      // Only an admin changes the settings: the link is theirs.
      expect(page.includes('href="/admin/globals/settings"')).toBe(who === 'admin')
    },
  )

  it('Decision 19: the terms are the current settings, not a fixed text', async () => {
    await payload.updateGlobal({
      slug: 'settings',
      overrideAccess: false,
      user: staff.admin,
      data: { retentionYears: 7, accessLogYears: 1 },
    })
    forgetSettings()
    const page = await view('manager')
    expect(page).toContain('7 jaar na het afsluiten van de klacht')
    expect(page).toContain('1 jaar na de raadpleging.')
    expect(page).not.toContain('2 jaar na het afsluiten')
  })

  it.each([
    ['nobody logged in', null, 'Inloggen'],
    ['an editor', 'editor', 'Terug naar het overzicht'],
    ['a handler', 'handler', 'Terug naar het overzicht'],
    ['an editor who is also a handler', 'editorHandler', 'Terug naar het overzicht'],
  ])('%s sees "Alleen voor managers en beheerders" and nothing of the records', async (_, who, way) => {
    const page = await view(who)
    expect(page).toContain('Alleen voor managers en beheerders')
    expect(page).toContain(way)
    if (!who) expect(page).toContain('href="/admin/login?redirect=%2Fadmin%2Fverwerkingsregister"')
    expect(page).not.toMatch(/data-store|Verwerkingsregister \(AVG|jaar na/)
  })

  it('the nav link "Verwerkingsregister (AVG)" shows for managers and admins only', () => {
    expect(recordsNavHref(staff.manager)).toBe('/admin/verwerkingsregister')
    expect(recordsNavHref(staff.admin)).toBe('/admin/verwerkingsregister')
    for (const who of ['editor', 'handler', 'editorHandler']) expect(recordsNavHref(staff[who]), who).toBeNull()
    expect(recordsNavHref(null)).toBeNull()
  })
})

describe('Decision 19: the site reads the retention term from the settings', () => {
  it('anyone reads retentionYears through REST (the privacy notice states it); the access log term stays with staff', async () => {
    const response = await ctx.rest('/globals/settings?depth=0')
    expect(response.status).toBe(200)
    const settings = (await response.json()) as Record<string, unknown>
    // Set to 7 by the admin above.
    expect(settings.retentionYears).toBe(7)
    expect(settings).not.toHaveProperty('accessLogYears')
  })
})
