'use client'

import {
  Button,
  useAllFormFields,
  useAuth,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormProcessing,
} from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useEffect, useMemo, useState } from 'react'

import type { Complaint } from '../payload-types'
import { relId } from '../../hooks/relations'
import { type NextStep, nextSteps, type StepNeed, uwvWillBeNotified } from '../../hooks/complaints/workflow/nextSteps'
import { STATUS_LABELS, STATUSES, type Status } from '../../hooks/complaints/workflow/statuses'
import { fieldId, fieldPlaces } from './fieldPlaces'

/** What the next-steps endpoint knows and the form does not (Art. 5: the UWV notification). */
type Facts = { uwvQueued: boolean; defaultExpertEmail: boolean }

const isStatus = (value: unknown): value is Status => (STATUSES as readonly unknown[]).includes(value)

/** Opens the tab that holds `path` and puts the cursor in its field. */
function goToField(path: string, tab: string | null): void {
  if (tab) {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.tabs-field__tab-button')].find((b) =>
      (b.textContent ?? '').trim().startsWith(tab),
    )
    button?.click()
  }
  let tries = 0
  const focus = () => {
    const target = document.getElementById(fieldId(path))
    if (!target) {
      if (tries++ < 30) window.requestAnimationFrame(focus)
      return
    }
    const input = target.matches('input, textarea, select, button')
      ? target
      : target.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select, button')
    target.scrollIntoView({ block: 'center' })
    ;(input ?? target).focus({ preventScroll: true })
  }
  focus()
}

/**
 * "Volgende stap" in a case's sidebar: only the steps the workflow allows from here for this user,
 * each with what the regulation still needs (by article, linking to the field), computed from the
 * form's unsaved values with the workflow's own tables (hooks/complaints/workflow/nextSteps.ts).
 * A step is one action: it sets the status (and, taking an unassigned case, the handler) and saves
 * the form once. The server's workflow (enforceWorkflow) still decides; a refusal shows at its fields.
 */
export function NextStepPanel() {
  const { user } = useAuth()
  const { config, getEntityConfig } = useConfig()
  const { id, savedDocumentData } = useDocumentInfo()
  const [fields] = useAllFormFields()
  const { submit } = useForm()
  const processing = useFormProcessing()
  const [facts, setFacts] = useState<Facts | null>(null)

  const roles = (user as { roles?: string[] } | null)?.roles ?? []
  const person = user
    ? { id: String(user.id), isManager: roles.includes('manager'), isHandler: roles.includes('handler') }
    : null
  const savedStatus = isStatus(savedDocumentData?.status) ? savedDocumentData.status : 'received'
  const savedHandler = relId(savedDocumentData?.assignedHandler)
  const mayMove = Boolean(person && (person.isManager || (person.isHandler && savedHandler === person.id)))
  const updatedAt = typeof savedDocumentData?.updatedAt === 'string' ? savedDocumentData.updatedAt : ''

  useEffect(() => {
    if (!id || !mayMove) return
    let current = true
    fetch(`${config.serverURL}${config.routes.api}/complaints/${String(id)}/next-steps`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<Facts>) : null))
      .then((body) => {
        if (current) setFacts(body && { uwvQueued: body.uwvQueued, defaultExpertEmail: body.defaultExpertEmail })
      })
      .catch(() => {
        if (current) setFacts(null)
      })
    return () => {
      current = false
    }
  }, [config.routes.api, config.serverURL, id, mayMove, updatedAt])

  const places = useMemo(
    () => fieldPlaces(getEntityConfig({ collectionSlug: 'complaints' })?.fields ?? []),
    [getEntityConfig],
  )

  if (!id) return null
  const values = reduceFieldsToValues(fields, true) as Partial<Complaint>
  const uwvNotified = uwvWillBeNotified({
    queued: facts?.uwvQueued ?? false,
    defaultExpertEmail: facts?.defaultExpertEmail ?? false,
    own: values.uwvLabourExpert,
  })
  const { steps, note } = nextSteps({
    person,
    saved: { status: savedStatus, assignedHandler: savedHandler },
    values,
    uwvNotified,
  })
  const statusField = fields.status
  const refusal = statusField?.valid === false && statusField.errorMessage ? statusField.errorMessage : null

  const perform = async (step: NextStep) => {
    const overrides: Record<string, unknown> = {}
    if (step.kind !== 'take') overrides.status = step.kind
    if (step.assignTo) overrides.assignedHandler = step.assignTo
    const result = await submit({ overrides })
    // Taking the case opens its file to the new handler: load the form again with what they may now read.
    if (step.kind === 'take' && result?.res.ok) window.location.reload()
  }

  const needLabel = (need: StepNeed) => {
    const place = places.get(need.path)
    const label = place?.label || need.path
    return need.article ? `${need.article}: ${label}` : label
  }

  const renderStep = (step: NextStep, primary: boolean) => (
    <div className="next-step__step" data-step={step.kind} key={step.kind} style={{ marginBottom: 'var(--base)' }}>
      <Button
        buttonStyle={primary && step.needs.length === 0 ? 'primary' : 'secondary'}
        disabled={processing}
        margin={false}
        onClick={() => void perform(step)}
        size="medium"
      >
        {step.label}
      </Button>
      <p style={{ margin: 'calc(var(--base) / 4) 0' }}>{step.hint}</p>
      {step.assignTo === person?.id && step.kind !== 'take' ? (
        <p style={{ margin: 'calc(var(--base) / 4) 0' }}>U wordt meteen de behandelaar (art. 4).</p>
      ) : null}
      {step.needs.length > 0 ? (
        <>
          <p style={{ fontWeight: 600, margin: 'calc(var(--base) / 2) 0 calc(var(--base) / 4)' }}>
            Nog nodig ({step.needs.length}):
          </p>
          <ul className="next-step__needs" style={{ margin: 0, paddingLeft: '1.2em' }}>
            {step.needs.map((need) => (
              <li key={`${need.path}:${need.message}`} data-path={need.path} style={{ marginBottom: '0.4em' }}>
                <button
                  className="next-step__need"
                  onClick={() => goToField(need.path, places.get(need.path)?.tab ?? null)}
                  style={{
                    background: 'none',
                    border: 0,
                    color: 'var(--theme-success-750, inherit)',
                    cursor: 'pointer',
                    font: 'inherit',
                    fontWeight: 600,
                    padding: 0,
                    textAlign: 'left',
                    textDecoration: 'underline',
                  }}
                  type="button"
                >
                  {needLabel(need)}
                </button>
                <span style={{ display: 'block', opacity: 0.85 }}>{need.message}</span>
              </li>
            ))}
          </ul>
        </>
      ) : step.kind !== 'take' ? (
        <p style={{ margin: 0 }}>Alles wat hiervoor nodig is, is ingevuld.</p>
      ) : null}
    </div>
  )

  const [first, ...others] = steps
  return (
    <section
      aria-labelledby="next-step-title"
      className="next-step field-type"
      style={{ border: '1px solid var(--theme-elevation-150)', marginBottom: 'var(--base)', padding: 'var(--base)' }}
    >
      <h3 id="next-step-title" style={{ margin: '0 0 calc(var(--base) / 2)' }}>
        Volgende stap
      </h3>
      <p style={{ margin: '0 0 calc(var(--base) / 2)' }}>
        Status: <strong className="next-step__status">{STATUS_LABELS[savedStatus].nl}</strong>
      </p>
      {refusal ? (
        <p className="next-step__refusal" role="alert" style={{ color: 'var(--theme-error-500)', fontWeight: 600 }}>
          {refusal}
        </p>
      ) : null}
      {note ? <p style={{ margin: '0 0 calc(var(--base) / 2)' }}>{note}</p> : null}
      {mayMove && !facts && steps.length > 0 ? <p style={{ opacity: 0.75 }}>Gegevens laden…</p> : null}
      {first ? renderStep(first, true) : null}
      {others.length > 0 ? (
        <details>
          <summary style={{ cursor: 'pointer', fontWeight: 600 }}>Andere stappen ({others.length})</summary>
          <div style={{ marginTop: 'calc(var(--base) / 2)' }}>{others.map((step) => renderStep(step, false))}</div>
        </details>
      ) : null}
    </section>
  )
}
