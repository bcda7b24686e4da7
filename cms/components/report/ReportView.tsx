import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { FreezeButton } from './FreezeButton'
import { ManagersOnly, ReportContent } from './ReportContent'

/**
 * The admin route /admin/verantwoording (cms/config.ts, `admin.components.views.verantwoording`).
 * Payload renders a custom root view without its template and without a login check: the view
 * puts itself in the default template (nav and header) and `ReportContent` checks the manager
 * role with the full principal (`req.user`), so nobody else sees a number.
 */
export function ReportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload } = req
  const { admin: adminRoute, api: apiRoute } = payload.config.routes
  const user = req.user ?? null
  if (!user)
    return (
      <Gutter>
        <ManagersOnly loggedIn={false} adminRoute={adminRoute} />
      </Gutter>
    )
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <ReportContent
          payload={payload}
          user={user}
          searchParams={searchParams}
          adminRoute={adminRoute}
          apiRoute={apiRoute}
          renderFreeze={({ period }) => <FreezeButton from={period.from} to={period.to} />}
        />
      </Gutter>
    </DefaultTemplate>
  )
}
