import { type CollectionRefreshHook, Forbidden, getFieldsToSign, jwtSign } from 'payload'

import type { User } from '../../cms/payload-types'
import { IDLE_LIMIT_SECONDS, refreshedTokenLifetime } from './sessionPolicy'

/**
 * ASVS V3.3.2: activity keeps a session going for at most 8 hours after the login. Payload's refresh
 * gives every refreshed token the full 30 minutes (auth.tokenExpiration); near the end of the 8 hours
 * this signs the token for what is left instead, the way Payload signs it (refresh.js), and past the
 * end refuses the refresh. Payload has already found the session here (it refuses a token without one).
 */
export const limitSessionLifetime: CollectionRefreshHook<User> = async ({ args, user }) => {
  const { collection, req } = args
  // Payload marks the authenticated user with its session and strategy (strategies/jwt.js); its types do not show them.
  const authenticated: (typeof req.user & { _sid?: string; _strategy?: string }) | null = req.user
  const sid = authenticated?._sid
  const session = user.sessions?.find(({ id }) => id === sid)
  if (!authenticated || !sid || !session?.createdAt) throw new Forbidden(req.t)
  const lifetime = refreshedTokenLifetime(new Date(session.createdAt), new Date())
  if (lifetime <= 0) throw new Forbidden(req.t)
  if (lifetime >= IDLE_LIMIT_SECONDS) return
  const fieldsToSign = getFieldsToSign({
    collectionConfig: collection.config,
    email: user.email,
    sid,
    user: authenticated,
  })
  const { exp, token } = await jwtSign({ fieldsToSign, secret: req.payload.secret, tokenExpiration: lifetime })
  return { exp, refreshedToken: token, setCookie: true, strategy: authenticated._strategy, user }
}
