'use client'

import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
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
        toast.success(body.message ?? 'Het bericht staat weer in de wachtrij.')
        router.refresh()
      } else toast.error(body.error ?? 'Opnieuw versturen is niet gelukt.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void resend()} size="medium">
        Opnieuw versturen
      </Button>
      <p style={{ margin: 0 }}>
        Zet het bericht weer in de wachtrij. Het wordt vastgelegd, bij de klacht ook op de tijdlijn.
      </p>
    </div>
  )
}
