'use client'

import { useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'

/**
 * "Inzagedossier downloaden (ZIP)" in a complaint's sidebar (AVG art. 15; Art. 6 note): a plain
 * link to GET /api/complaints/:id/dossier, shown to managers and the assigned handler. The
 * endpoint checks the role itself and records the delivery on the timeline and in the access log.
 */
export function DossierDownloadLink() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const assigned = useFormFields(([fields]) => fields.assignedHandler?.value)
  const { i18n } = useTranslation()
  const t = (text: { nl: string; en: string }) => (i18n.language === 'en' ? text.en : text.nl)
  const roles = (user as { roles?: string[] } | null)?.roles ?? []
  const assignedId = assigned && typeof assigned === 'object' && 'id' in assigned ? assigned.id : assigned
  const mayDownload =
    roles.includes('manager') || (roles.includes('handler') && user && String(assignedId) === String(user.id))
  if (!id || !mayDownload) return null

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <a
        className="btn btn--style-secondary btn--size-medium"
        download
        href={`${config.serverURL}${config.routes.api}/complaints/${id}/dossier`}
      >
        {t({ nl: 'Inzagedossier downloaden (ZIP)', en: 'Download dossier for inspection (ZIP)' })}
      </a>
      <p style={{ margin: 0 }}>
        {t({
          nl: 'Alles wat wij over de klager bij deze klacht hebben: een overzicht (PDF), de brieven en de bijlagen. De download komt op de tijdlijn en in het raadpleeglog.',
          en: 'Everything held about the complainant in this case: an overview (PDF), the letters and the attachments. The download is recorded on the timeline and in the access log.',
        })}
      </p>
    </div>
  )
}
