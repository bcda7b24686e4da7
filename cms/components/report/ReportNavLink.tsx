import { NavGroup } from '@payloadcms/ui'
import type { ServerProps } from 'payload'

import { reportNavHref } from './ReportContent'

/**
 * The nav's link to the Art. 9 report, for managers only (`admin.components.afterNavLinks`). Hiding
 * it is a courtesy: the view itself refuses everyone else (ReportContent).
 */
export function ReportNavLink({ user, payload }: ServerProps) {
  const href = reportNavHref(user, payload.config.routes.admin)
  if (!href) return null
  return (
    <NavGroup label="Rapportage">
      <a className="nav__link" href={href} id="nav-verantwoording">
        <span className="nav__link-label">Verantwoording (art. 9)</span>
      </a>
    </NavGroup>
  )
}
