import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload, type TestPayload } from '../helpers/payload'
import { asStaffUser, createStaffUser } from '../helpers/staff'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await createTestPayload()
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('users', () => {
  it('makes the very first account an administrator, whatever roles were sent', async () => {
    const { payload } = ctx
    const first = await createStaffUser(payload, 'eerste@example.nl', 'Eerste', ['editor'])
    expect([...first.roles].sort()).toEqual(['admin', 'editor'])

    const second = await createStaffUser(payload, 'tweede@example.nl', 'Tweede', ['handler'])
    expect(second.roles).toEqual(['handler'])
  })

  it('uses string IDs, so no code depends on the adapter', async () => {
    const { docs } = await ctx.payload.find({ collection: 'users', limit: 1 })
    expect(typeof docs[0]?.id).toBe('string')
  })

  it('lets nobody but an administrator change roles: a handler giving themselves admin is ignored', async () => {
    const { payload } = ctx
    const handler = (await payload.find({ collection: 'users', where: { email: { equals: 'tweede@example.nl' } } }))
      .docs[0]
    expect(handler?.roles).toEqual(['handler'])
    if (!handler) throw new Error('handler missing')
    const user = asStaffUser(handler)
    const updated = await payload.update({
      collection: 'users',
      id: handler.id,
      data: { roles: ['admin'], name: 'Tweede (nieuw)' },
      overrideAccess: false,
      user,
    })
    expect(updated.name).toBe('Tweede (nieuw)')
    expect(updated.roles).toEqual(['handler'])
  })

  it('lets staff see each other (managers assign handlers), but change only their own account', async () => {
    const { payload } = ctx
    const handler = (await payload.find({ collection: 'users', where: { email: { equals: 'tweede@example.nl' } } }))
      .docs[0]
    const first = (await payload.find({ collection: 'users', where: { email: { equals: 'eerste@example.nl' } } }))
      .docs[0]
    if (!handler || !first) throw new Error('users missing')
    const user = asStaffUser(handler)
    const seen = await payload.find({ collection: 'users', overrideAccess: false, user, sort: 'email' })
    expect(seen.docs.map((u) => u.email)).toEqual(['eerste@example.nl', 'tweede@example.nl'])
    await expect(
      payload.update({ collection: 'users', id: first.id, data: { name: 'Gewijzigd' }, overrideAccess: false, user }),
    ).rejects.toThrow()
  })

  it('refuses anonymous reads of users', async () => {
    await expect(ctx.payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow()
  })
})

describe('settings', () => {
  it('shows the public contact details to anyone, and hides the labour expert and day mode', async () => {
    const { payload } = ctx
    await payload.updateGlobal({
      slug: 'settings',
      data: {
        phone: '010 123 45 67',
        uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' },
        dayMode: 'working',
      },
    })
    // Control: both are stored, so the public view below leaves them out on purpose.
    const stored = await payload.findGlobal({ slug: 'settings', overrideAccess: true })
    expect([stored.uwvLabourExpert?.name, stored.dayMode]).toEqual(['A. Deskundige', 'working'])
    const publicView = await payload.findGlobal({ slug: 'settings', overrideAccess: false })
    expect(publicView.organisationName).toBe('Working Progression')
    expect(publicView.phone).toBe('010 123 45 67')
    expect(publicView.uwvLabourExpert).toBeUndefined()
    expect(publicView.dayMode).toBeUndefined()
  })

  it('refuses changes from anyone but an administrator', async () => {
    const { payload } = ctx
    const editor = await createStaffUser(payload, 'redacteur@example.nl', 'Redacteur', ['editor'])
    await expect(
      payload.updateGlobal({
        slug: 'settings',
        data: { phone: '06' },
        overrideAccess: false,
        user: editor,
      }),
    ).rejects.toThrow()
    expect((await payload.findGlobal({ slug: 'settings', overrideAccess: true })).phone).toBe('010 123 45 67')
    // Control: the same change by an administrator (the first account) goes through.
    const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'eerste@example.nl' } } }))
      .docs[0]
    if (!admin) throw new Error('the first account is missing')
    await payload.updateGlobal({
      slug: 'settings',
      data: { phone: '06' },
      overrideAccess: false,
      user: asStaffUser(admin),
    })
    expect((await payload.findGlobal({ slug: 'settings', overrideAccess: true })).phone).toBe('06')
  })
})
