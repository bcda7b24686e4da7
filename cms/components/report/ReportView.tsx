import type { AdminViewServerProps } from 'payload'

import { AdminViewFrame } from '../AdminViewFrame'
import { FreezeButton } from './FreezeButton'
import { ManagersOnly, ReportContent } from './ReportContent'

/**
 * The admin route /admin/verantwoording (cms/config.ts, `admin.components.views.verantwoording`),
 * in the admin's frame; `ReportContent` checks the manager role with the full principal
 * (`req.user`), so nobody else sees a number.
 */
export function ReportView(view: AdminViewServerProps) {
  const { payload } = view.initPageResult.req
  const { admin: adminRoute, api: apiRoute } = payload.config.routes
  return (
    <AdminViewFrame view={view} loggedOut={<ManagersOnly loggedIn={false} adminRoute={adminRoute} />}>
      {(user) => (
        <ReportContent
          payload={payload}
          user={user}
          searchParams={view.searchParams}
          adminRoute={adminRoute}
          apiRoute={apiRoute}
          renderFreeze={({ period }) => <FreezeButton from={period.from} to={period.to} />}
        />
      )}
    </AdminViewFrame>
  )
}
