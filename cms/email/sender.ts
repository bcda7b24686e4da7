import type { Setting } from '../payload-types'
import { getEnv } from '../env'

/** The sender of the portal's mail: the address an admin set in the settings, else MAIL_FROM. */
export function senderOf(settings: Pick<Setting, 'organisationName' | 'senderAddress'>): string {
  return settings.senderAddress ? `${settings.organisationName} <${settings.senderAddress}>` : getEnv().MAIL_FROM
}
