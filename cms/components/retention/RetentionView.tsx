import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { RetentionContent } from './RetentionContent'

/**
 * The admin route /admin/bewaartermijn (cms/config.ts, `admin.components.views.bewaartermijn`).
 * Payload renders a custom root view without its template and without a login check: the view puts
 * itself in the default template and `RetentionContent` checks the role with the full principal.
 */
export function RetentionView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload } = req
  const adminRoute = payload.config.routes.admin
  const user = req.user ?? null
  if (!user)
    return (
      <Gutter>
        <RetentionContent payload={payload} user={null} adminRoute={adminRoute} />
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
        <RetentionContent payload={payload} user={user} adminRoute={adminRoute} />
      </Gutter>
    </DefaultTemplate>
  )
}
