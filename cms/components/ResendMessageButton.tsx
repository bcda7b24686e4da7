'use client'

import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/**
 * "Opnieuw versturen" in a failed message's sidebar, for managers and admins: it calls
 * POST /api/outbox/:id/resend, which checks the role itself and decides on the idempotency key.
 */
export function ResendMessageButton() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const router = useRouter()
  const status = useFormFields(([fields]) => fields.status?.value)
  const [busy, setBusy] = useState(false)
  const { i18n } = useTranslation()
  // Dutch unless the user chose English for the admin (the endpoint's own answers are Dutch).
  const t = (text: { nl: string; en: string }) => (i18n.language === 'en' ? text.en : text.nl)
  const roles = (user as { roles?: string[] } | null)?.roles ?? []
  if (!id || status !== 'failed' || !roles.some((r) => r === 'manager' || r === 'admin')) return null

  const resend = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/outbox/${id}/resend`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string }
      if (response.ok) {
        toast.success(
          body.message ?? t({ nl: 'Het bericht staat weer in de wachtrij.', en: 'The message is queued again.' }),
        )
        router.refresh()
      } else
        toast.error(body.error ?? t({ nl: 'Opnieuw versturen is niet gelukt.', en: 'Sending again did not work.' }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void resend()} size="medium">
        {t({ nl: 'Opnieuw versturen', en: 'Send again' })}
      </Button>
      <p style={{ margin: 0 }}>
        {t({
          nl: 'Zet het bericht weer in de wachtrij. Het wordt vastgelegd, bij de klacht ook op de tijdlijn.',
          en: 'Puts the message back in the queue. This is recorded, and for a complaint also on its timeline.',
        })}
      </p>
    </div>
  )
}
