import type { AdminViewServerProps } from 'payload'

import { AdminViewFrame } from '../AdminViewFrame'
import { RetentionContent } from './RetentionContent'

/**
 * The admin route /admin/bewaartermijn (cms/config.ts, `admin.components.views.bewaartermijn`),
 * in the admin's frame; `RetentionContent` checks the manager role with the full principal.
 */
export function RetentionView(view: AdminViewServerProps) {
  const { payload } = view.initPageResult.req
  const adminRoute = payload.config.routes.admin
  return (
    <AdminViewFrame view={view} loggedOut={<RetentionContent payload={payload} user={null} adminRoute={adminRoute} />}>
      {(user) => <RetentionContent payload={payload} user={user} adminRoute={adminRoute} />}
    </AdminViewFrame>
  )
}
