import { type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, Forbidden } from 'payload'

/**
 * The access log is append-only (DOMAIN.md Contracts added): access control refuses every change
 * through the API, and these hooks refuse it to trusted code as well (the Local API with
 * `overrideAccess`). The one exception is the retention of the log itself (purgeAccessLog, context
 * `accessLogPurge`), which removes entries older than the setting `accessLogYears`.
 */
export const refuseAccessLogUpdates: CollectionBeforeChangeHook = ({ context, data, operation, req }) => {
  if (operation === 'update' && context.accessLogPurge !== true) throw new Forbidden(req.t)
  return data
}

export const refuseAccessLogDeletes: CollectionBeforeDeleteHook = ({ context, req }) => {
  if (context.accessLogPurge !== true) throw new Forbidden(req.t)
}
