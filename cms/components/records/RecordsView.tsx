import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { RecordsContent, RecordsRefused } from './RecordsContent'

/**
 * The admin route /admin/verwerkingsregister (cms/config.ts, `admin.components.views.verwerkingsregister`).
 * Payload renders a custom root view without its template and without a login check: the view puts
 * itself in the default template and `RecordsContent` checks the role with the full principal.
 */
export function RecordsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload } = req
  const adminRoute = payload.config.routes.admin
  const user = req.user ?? null
  if (!user)
    return (
      <Gutter>
        <RecordsRefused loggedIn={false} adminRoute={adminRoute} />
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
        <RecordsContent payload={payload} user={user} adminRoute={adminRoute} />
      </Gutter>
    </DefaultTemplate>
  )
}
