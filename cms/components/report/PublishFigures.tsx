'use client'

import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

type Errors = { report?: string; text?: string; form?: string }

/**
 * "Publiceren op de website" on a frozen yearly report (collections/Reports.ts): the manager's
 * explicit step that puts "Klachten in cijfers <jaar>" on the site (Decision 18: the site gets
 * the suppressed copy only). The endpoint (POST /api/published-figures/publish) checks the role
 * and the report itself; this form only asks for the text and a confirmation.
 */
export function PublishFigures() {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const periodFrom = useFormFields(([fields]) => fields.periodFrom?.value as string | undefined)
  const periodTo = useFormFields(([fields]) => fields.periodTo?.value as string | undefined)
  const [text, setText] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Errors>({})
  const [done, setDone] = useState<string | null>(null)

  const year = periodFrom?.slice(0, 4)
  const wholeYear = Boolean(year && periodFrom === `${year}-01-01` && periodTo === `${year}-12-31`)
  if (!id || !wholeYear) return null

  const publish = async () => {
    setBusy(true)
    setErrors({})
    setDone(null)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/published-figures/publish`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ report: id, text }),
      })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: Errors; error?: string }
      if (response.ok) setDone(body.message ?? 'Gepubliceerd.')
      else setErrors(body.errors ?? { form: body.error ?? 'Publiceren is niet gelukt. Probeer het opnieuw.' })
    } catch {
      setErrors({ form: 'Geen verbinding met het portaal. Er is niets gepubliceerd.' })
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <div className="field-type" style={{ marginTop: 'calc(var(--base) * 2)' }}>
      <h3>Publiceren op de website: Klachten in cijfers {year}</h3>
      <p>
        De website toont dan de vijf getallen van artikel 9, de soorten klachten en de uitkomsten. Aantallen onder de 5,
        en aantallen waaruit u die zou kunnen uitrekenen, staan er als &ldquo;minder dan 5&rdquo; (Besluit 18). Er staat
        geen tekst uit een klacht op.
      </p>
      <label className="field-label" htmlFor="publish-text">
        Wat we hebben veranderd door klachten
      </label>
      <textarea
        id="publish-text"
        rows={5}
        value={text}
        maxLength={4000}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={errors.text ? true : undefined}
        aria-describedby={errors.text ? 'publish-text-error' : undefined}
        style={{ width: '100%' }}
      />
      {errors.text ? (
        <p id="publish-text-error" role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
          {errors.text}
        </p>
      ) : null}
      {errors.report || errors.form ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {errors.report ?? errors.form}
        </p>
      ) : null}
      {confirming ? (
        <p>
          Weet u het zeker? Iedereen kan de cijfers van {year} dan op de website lezen.{' '}
          <Button buttonStyle="primary" size="medium" disabled={busy} onClick={() => void publish()}>
            Ja, publiceren
          </Button>{' '}
          <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={() => setConfirming(false)}>
            Nee, terug
          </Button>
        </p>
      ) : (
        <Button buttonStyle="primary" size="medium" onClick={() => setConfirming(true)}>
          Publiceren op de website
        </Button>
      )}
      {done ? <p role="status">{done}</p> : null}
    </div>
  )
}
