import type { CollectionBeforeValidateHook } from 'payload'

import type { User } from '../../cms/payload-types'

/**
 * The first account ever created is an administrator, whatever the form sent.
 * Runs before validation so that the required `roles` field is already filled.
 */
export const assignFirstUserAdmin: CollectionBeforeValidateHook<User> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs > 0) return data
  const roles = new Set(data.roles ?? [])
  roles.add('admin')
  return { ...data, roles: [...roles] }
}
