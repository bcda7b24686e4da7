import type { Payload } from 'payload'
import { readSettings } from '../settings/cachedSettings'

/**
 * The retention of the access log itself (hooks/privacy/registry.ts, term `accessLog`): removes
 * every entry whose moment `at` lies more than `accessLogYears` (setting) before `now`. The only
 * delete the log allows (context `accessLogPurge`, hooks/privacy/keepAccessLogAppendOnly.ts).
 * Trusted server code; the retention job calls it. Returns how many entries it removed.
 */
export async function purgeAccessLog(payload: Payload, now: Date): Promise<number> {
  const settings = await readSettings(payload)
  const years = settings.accessLogYears ?? 2
  const before = new Date(now)
  before.setUTCFullYear(before.getUTCFullYear() - years)
  let removed = 0
  // Until nothing is left to remove: an adapter may answer a bulk delete in pages.
  for (;;) {
    const { docs, errors } = await payload.delete({
      collection: 'access-log',
      where: { at: { less_than: before.toISOString() } },
      overrideAccess: true,
      depth: 0,
      context: { accessLogPurge: true },
    })
    if (errors.length > 0) throw new Error(`access log purge failed for ${errors.length} entries`)
    if (docs.length === 0) return removed
    removed += docs.length
  }
}
