import type { CollectionBeforeOperationHook } from 'payload'

import type { User } from '../../cms/payload-types'
import { hashAgainstDummy } from './passwordHashWork'

/**
 * No user enumeration by timing (OWASP ASVS L2): Payload 3.90's login stops without hashing
 * when no account has the address, and when the account is locked (login.js, checkLoginPermission),
 * while a wrong password costs a full PBKDF2. Those two answers already read the same as a wrong
 * password (hideLockedAccounts); here they cost the same too. Looks the address up the way Payload
 * does (lower case, trimmed); an account that may log in is left to Payload, which hashes once.
 */
export const hashForUnknownAccount: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'login') return args
  const { email, password } = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  // Payload refuses these before it looks anything up, for every address alike.
  if (typeof email !== 'string' || typeof password !== 'string' || password.trim() === '') return args
  const user = await req.payload.db.findOne<Pick<User, 'id' | 'lockUntil'>>({
    collection: collection.slug,
    req,
    select: { lockUntil: true },
    where: { email: { equals: email.toLowerCase().trim() } },
  })
  const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
  if (!user || locked) await hashAgainstDummy(password)
  return args
}
