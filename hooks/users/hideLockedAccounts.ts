import { AuthenticationError, type CollectionAfterErrorHook, LockedAuth } from 'payload'

/**
 * Login messages never reveal whether an account exists. Payload answers a locked
 * account with its own message, which would tell an attacker the address is real; it gets the
 * same answer as a wrong password. The lock itself (10 minutes after 5 failures) still holds.
 */
export const hideLockedAccounts: CollectionAfterErrorHook = ({ error, req }) => {
  if (!(error instanceof LockedAuth)) return
  const generic = new AuthenticationError(req.t)
  return { response: { errors: [{ message: generic.message }] }, status: generic.status }
}
