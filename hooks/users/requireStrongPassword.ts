import {
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import type { User } from '../../cms/payload-types'
import { type PasswordOwner, passwordProblem } from './passwordPolicy'

export { MIN_PASSWORD_LENGTH } from './passwordPolicy'

async function refuseWeakPassword(
  collection: string,
  password: string,
  owner: PasswordOwner,
  req: PayloadRequest,
): Promise<void> {
  const message = await passwordProblem(password, owner)
  if (message) throw new ValidationError({ collection, errors: [{ path: 'password', message }], req }, req.t)
}

/**
 * ASVS V2.1.1 and V2.1.7: a strong password on create (an admin, REST, the Local API, the seed and
 * Payload's first-register, which creates through the same operation) and on update (changing one's
 * own password). Reset-password never runs this with the new password: see requireStrongResetPassword.
 */
export const requireStrongPassword: CollectionBeforeValidateHook<User> = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const password = data?.password
  if (typeof password !== 'string') return data
  await refuseWeakPassword(
    collection.slug,
    password,
    { email: data?.email ?? originalDoc?.email, name: data?.name ?? originalDoc?.name },
    req,
  )
  return data
}

/**
 * Payload's reset-password hashes the new password and then calls the beforeValidate hooks with the
 * stored user only (payload/dist/auth/operations/resetPassword.js): the password never reaches
 * requireStrongPassword there. This checks it before anything is written, for the account the
 * token belongs to; an invalid or expired token is left to Payload's own refusal.
 */
export const requireStrongResetPassword: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'resetPassword') return args
  const { password, token } = (args as { data?: { password?: unknown; token?: unknown } }).data ?? {}
  if (typeof password !== 'string' || typeof token !== 'string') return args
  const user = await req.payload.db.findOne<User>({
    collection: collection.slug,
    req,
    where: {
      resetPasswordToken: { equals: token },
      resetPasswordExpiration: { greater_than: new Date().toISOString() },
    },
  })
  if (user) await refuseWeakPassword(collection.slug, password, user, req)
  return args
}
