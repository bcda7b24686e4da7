/** The staff roles of DOMAIN.md; a user may hold several. */
export const ROLES = ['admin', 'manager', 'handler', 'editor'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { nl: string; en: string }> = {
  admin: { nl: 'Beheerder', en: 'Administrator' },
  manager: { nl: 'Manager', en: 'Manager' },
  handler: { nl: 'Klachtbehandelaar', en: 'Complaint handler' },
  editor: { nl: 'Redacteur', en: 'Editor' },
}

type MaybeUser = { collection?: string; roles?: readonly string[] | null } | null | undefined

/** True only for a logged-in staff user holding one of the given roles: everything else is denied. */
export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  if (!user || user.collection !== 'users' || !Array.isArray(user.roles)) return false
  return (user.roles as readonly string[]).some((role) => (roles as readonly string[]).includes(role))
}
