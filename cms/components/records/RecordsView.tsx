import type { AdminViewServerProps } from 'payload'

import { AdminViewFrame } from '../AdminViewFrame'
import { RecordsContent, RecordsRefused } from './RecordsContent'

/**
 * The admin route /admin/verwerkingsregister (cms/config.ts, `admin.components.views.verwerkingsregister`),
 * in the admin's frame; `RecordsContent` checks the role with the full principal.
 */
export function RecordsView(view: AdminViewServerProps) {
  const { payload } = view.initPageResult.req
  const adminRoute = payload.config.routes.admin
  return (
    <AdminViewFrame view={view} loggedOut={<RecordsRefused loggedIn={false} adminRoute={adminRoute} />}>
      {(user) => <RecordsContent payload={payload} user={user} adminRoute={adminRoute} />}
    </AdminViewFrame>
  )
}
