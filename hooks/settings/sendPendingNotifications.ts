import type { GlobalAfterChangeHook } from 'payload'

import type { Setting } from '../../cms/payload-types'
import { queuePendingUwvNotifications } from '../letters/pendingNotifications'

/**
 * Art. 5: as soon as the settings name the UWV labour expert, the notifications of complaints
 * registered without one go out (hooks/letters/pendingNotifications.ts; once per case).
 */
export const sendPendingNotifications: GlobalAfterChangeHook = async ({ doc, req }) => {
  const settings = doc as Setting
  if (settings.uwvLabourExpert?.email?.trim()) await queuePendingUwvNotifications(req)
  return settings
}
