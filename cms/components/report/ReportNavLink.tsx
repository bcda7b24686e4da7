import { NavGroup } from '@payloadcms/ui'
import type { ServerProps } from 'payload'

import { hasRole } from '../../../collections/access/roles'
import { REPORT_PATH } from './ReportContent'

/**
 * The nav's link to the Art. 9 report, for managers only (`admin.components.afterNavLinks`). Hiding
 * it is a courtesy: the view itself refuses everyone else (ReportContent).
 */
export function ReportNavLink({ user, payload }: ServerProps) {
  if (!hasRole(user, 'manager')) return null
  const href = `${payload.config.routes.admin}${REPORT_PATH}`
  return (
    <NavGroup label="Rapportage">
      <a className="nav__link" href={href} id="nav-verantwoording">
        <span className="nav__link-label">Verantwoording (art. 9)</span>
      </a>
    </NavGroup>
  )
}
