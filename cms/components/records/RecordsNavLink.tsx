import { NavGroup } from '@payloadcms/ui'
import type { ServerProps } from 'payload'

import { mayPreviewRetention, RETENTION_PATH } from '../retention/RetentionContent'
import { recordsNavHref } from './RecordsContent'

/**
 * The nav's link to the records of processing, for managers and admins, and to the retention
 * preview, for managers (`admin.components.afterNavLinks`).
 * Hiding it is a courtesy: the view itself refuses everyone else (RecordsContent).
 */
export function RecordsNavLink({ user, payload }: ServerProps) {
  const href = recordsNavHref(user, payload.config.routes.admin)
  if (!href) return null
  return (
    <NavGroup label="Privacy">
      <a className="nav__link" href={href} id="nav-verwerkingsregister">
        <span className="nav__link-label">Verwerkingsregister (AVG)</span>
      </a>
      {mayPreviewRetention(user) ? (
        <a className="nav__link" href={`${payload.config.routes.admin}${RETENTION_PATH}`} id="nav-bewaartermijn">
          <span className="nav__link-label">Bewaartermijn</span>
        </a>
      ) : null}
    </NavGroup>
  )
}
