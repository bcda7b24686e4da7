import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps, TypedUser } from 'payload'
import type { ReactNode } from 'react'

/**
 * The frame of every custom admin view (the report, the records of processing, the retention
 * preview). Payload renders a custom root view without its template and without a login check:
 * the frame puts a logged-in user's page in the default template (nav and header), and shows
 * anyone else only `loggedOut`. The content still checks the role with the full principal.
 */
export function AdminViewFrame({
  view,
  loggedOut,
  children,
}: {
  view: AdminViewServerProps
  loggedOut: ReactNode
  children: (user: TypedUser) => ReactNode
}) {
  const { initPageResult, params, searchParams } = view
  const { req, permissions, locale, visibleEntities } = initPageResult
  const user = req.user ?? null
  if (!user) return <Gutter>{loggedOut}</Gutter>
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <Gutter>{children(user)}</Gutter>
    </DefaultTemplate>
  )
}
