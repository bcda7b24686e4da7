'use client'

import { Button, useAuth, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { isEnding } from '../../hooks/complaints/workflow/transitions'
import type { Status } from '../../hooks/complaints/workflow/statuses'

type Errors = { reason?: string; form?: string }

/**
 * Early erasure on a request under AVG art. 17 (Decision 19), in a complaint's sidebar: a manager,
 * on an ended or closed case, writes the reason, confirms in a second step, and the portal closes
 * the case if need be and anonymises it (POST /api/complaints/:id/anonymise, which checks the role
 * and the state itself). Refusals show at the reason or above the button; the reason typed stays.
 */
export function EraseCaseButton() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const status = useFormFields(([fields]) => fields.status?.value) as Status | undefined
  const anonymisedAt = useFormFields(([fields]) => fields['privacy.anonymisedAt']?.value)
  const legalHold = useFormFields(([fields]) => fields['privacy.legalHold']?.value)
  const [step, setStep] = useState<'start' | 'confirm' | 'done'>('start')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)

  const roles = (user as { roles?: string[] } | null)?.roles ?? []
  const ended = status === 'closed' || (status ? isEnding(status) : false)
  if (!id || !roles.includes('manager') || !ended || anonymisedAt || legalHold) return null

  const erase = async () => {
    setBusy(true)
    setErrors({})
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/complaints/${id}/anonymise`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
      })
      const body = (await response.json().catch(() => ({}))) as {
        errors?: { path: string; message: string }[]
        error?: string
      }
      if (response.ok) {
        setStep('done')
        window.location.reload()
        return
      }
      const atReason = body.errors?.find((e) => e.path === 'reason')?.message
      setErrors(atReason ? { reason: atReason } : { form: body.error ?? 'Wissen is niet gelukt. Probeer het opnieuw.' })
      if (atReason) setStep('start')
    } catch {
      setErrors({ form: 'Geen verbinding met het portaal. Er is niets gewist.' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <h3 style={{ margin: '0 0 calc(var(--base) / 2)' }}>Vroegtijdig wissen (AVG art. 17)</h3>
      <p style={{ margin: '0 0 calc(var(--base) / 2)' }}>
        Vraagt de klager om zijn gegevens te wissen? Dan anonimiseert u deze klacht nu, in plaats van na de
        bewaartermijn. De klacht wordt afgesloten. Kenmerk, data en cijfers blijven; namen, teksten en bestanden niet.
      </p>
      <label className="field-label" htmlFor="erase-reason">
        Reden van het verzoek (zonder namen)
      </label>
      <textarea
        id="erase-reason"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={errors.reason ? 'erase-reason-error' : undefined}
        style={{ width: '100%' }}
      />
      {errors.reason ? (
        <p id="erase-reason-error" role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
          {errors.reason}
        </p>
      ) : null}
      {errors.form ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {errors.form}
        </p>
      ) : null}
      {step === 'start' ? (
        <Button
          buttonStyle="secondary"
          size="medium"
          onClick={() => {
            if (!reason.trim()) setErrors({ reason: 'Vul de reden in van het verzoek om wissen.' })
            else {
              setErrors({})
              setStep('confirm')
            }
          }}
        >
          Gegevens wissen…
        </Button>
      ) : null}
      {step === 'confirm' ? (
        <div role="group" aria-labelledby="erase-confirm-text">
          <p id="erase-confirm-text">
            <strong>Weet u het zeker?</strong> Dit kan niet ongedaan worden gemaakt.
          </p>
          <Button buttonStyle="primary" size="medium" disabled={busy} onClick={() => void erase()}>
            Ja, definitief wissen
          </Button>{' '}
          <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={() => setStep('start')}>
            Annuleren
          </Button>
        </div>
      ) : null}
      {step === 'done' ? <p role="status">Gewist. De pagina wordt opnieuw geladen.</p> : null}
    </div>
  )
}
