import { describe, expect, it } from 'vitest'

import { hasRole } from '../../collections/access/roles'

describe('hasRole: deny by default', () => {
  it.each([
    ['no user', null, false],
    ['a user without roles', { collection: 'users', roles: [] }, false],
    ['roles that are not an array', { collection: 'users', roles: null }, false],
    ['a user of another auth collection with the role', { collection: 'service-accounts', roles: ['manager'] }, false],
    ['an editor asking for manager', { collection: 'users', roles: ['editor'] }, false],
    ['a manager', { collection: 'users', roles: ['manager'] }, true],
    ['a user with several roles, one of them matching', { collection: 'users', roles: ['editor', 'manager'] }, true],
  ])('%s → %s', (_label, user, expected) => {
    expect(hasRole(user, 'manager', 'admin')).toBe(expected)
  })
})
