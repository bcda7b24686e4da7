'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

type Errors = { from?: string; to?: string; form?: string }
type Frozen = { id: string; title: string; created: boolean }

/**
 * "Vastleggen" on the report view (/admin/verantwoording): a manager freezes the report of the
 * chosen period as it stands now (Art. 9, Decision 18) through POST /api/reports/freeze, which
 * checks the role itself. Refusals show at their field; what the person chose stays.
 */
export function FreezeButton({ from: initialFrom = '', to: initialTo = '' }: { from?: string; to?: string }) {
  const { config } = useConfig()
  const [from, setFrom] = useState(initialFrom)
  const [to, setTo] = useState(initialTo)
  const [errors, setErrors] = useState<Errors>({})
  const [frozen, setFrozen] = useState<Frozen | null>(null)
  const [busy, setBusy] = useState(false)

  const freeze = async () => {
    setBusy(true)
    setErrors({})
    setFrozen(null)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/reports/freeze`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from, to }),
      })
      const body = (await response.json().catch(() => ({}))) as Partial<Frozen> & {
        errors?: Errors
        error?: string
      }
      if (response.ok && body.id) setFrozen({ id: body.id, title: body.title ?? '', created: Boolean(body.created) })
      else setErrors(body.errors ?? { form: body.error ?? 'Vastleggen is niet gelukt. Probeer het opnieuw.' })
    } catch {
      setErrors({ form: 'Geen verbinding met het portaal. Er is niets vastgelegd.' })
    } finally {
      setBusy(false)
    }
  }

  const field = (name: 'from' | 'to', label: string, value: string, set: (v: string) => void) => (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <label className="field-label" htmlFor={`freeze-${name}`}>
        {label}
      </label>
      <input
        id={`freeze-${name}`}
        type="date"
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `freeze-${name}-error` : undefined}
      />
      {errors[name] ? (
        <p id={`freeze-${name}-error`} role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  )

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void freeze()
      }}
    >
      <p>
        Leg de cijfers van deze periode vast zoals ze nu zijn. De vastgelegde verantwoording verandert daarna niet meer;
        u vindt haar onder Klachten → Verantwoordingen (art. 9).
      </p>
      {/* On the report view the period is the one on screen: no second pair of dates to choose. */}
      {initialFrom && initialTo ? (
        <>
          {errors.from ? (
            <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
              {errors.from}
            </p>
          ) : null}
          {errors.to ? (
            <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
              {errors.to}
            </p>
          ) : null}
        </>
      ) : (
        <>
          {field('from', 'Ontvangen vanaf', from, setFrom)}
          {field('to', 'Ontvangen tot en met', to, setTo)}
        </>
      )}
      {errors.form ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" buttonStyle="primary" disabled={busy} size="medium">
        Vastleggen
      </Button>
      {frozen ? (
        <p role="status">
          {frozen.created ? 'Vastgelegd: ' : 'Deze periode was zojuist al vastgelegd: '}
          <a href={`${config.routes.admin}/collections/reports/${frozen.id}`}>{frozen.title || 'de verantwoording'}</a>
        </p>
      ) : null}
    </form>
  )
}
