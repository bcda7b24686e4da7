import type { Field, NamedTab } from 'payload'

import { canReadPersonalData } from '../../access/complaintAccess'

/**
 * A field (or named tab) that holds personal data or case content: only the assigned handler and
 * managers read it (DOMAIN.md, People; Decision 15: not admins). Sets `access.read` to
 * `canReadPersonalData` and keeps the field's other access keys; the registry of personal fields
 * (collections/access/personalData.ts) finds the field by that read access.
 */
export function personal(field: Field): Field
export function personal(tab: NamedTab): NamedTab
export function personal(field: Field | NamedTab): Field | NamedTab {
  const access = 'access' in field ? field.access : undefined
  return { ...field, access: { ...access, read: canReadPersonalData } } as Field | NamedTab
}
