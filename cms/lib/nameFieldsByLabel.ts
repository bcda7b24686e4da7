import { type AfterErrorHook, type Field, type PayloadRequest, ValidationError } from 'payload'

type Label = Extract<Field, { label?: unknown }>['label']
type FieldError = { path: string; message: string; label?: string }

const inLanguage = (label: Label | undefined, req: PayloadRequest): string | undefined => {
  if (!label) return undefined
  if (typeof label === 'string') return label
  if (typeof label === 'function') return String(label({ i18n: req.i18n, t: req.t as never }))
  const byLanguage = label as Record<string, string>
  return byLanguage[req.i18n.language] ?? byLanguage.nl ?? Object.values(byLanguage)[0]
}

/**
 * The labels of the fields along `path` (`decision.factsAsSeen` → ["Beslissing", "Feiten zoals
 * WP ze ziet"]): through groups, rows, collapsibles, tabs, arrays (row numbers skipped) and blocks.
 * Undefined when the path names no field.
 */
export function labelsAlong(fields: readonly Field[], path: string, req: PayloadRequest): string[] | undefined {
  const [head, ...rest] = path.split('.').filter((segment) => !/^\d+$/.test(segment))
  if (!head) return []
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          if (tab.name !== head) continue
          const inner = labelsAlong(tab.fields, rest.join('.'), req)
          if (inner) return [inLanguage(tab.label, req) ?? tab.name, ...inner]
          continue
        }
        const found = labelsAlong(tab.fields, path, req)
        if (found) return found
      }
      continue
    }
    if (!('name' in field)) {
      if ('fields' in field) {
        const found = labelsAlong(field.fields, path, req)
        if (found) return found
      }
      continue
    }
    if (field.name !== head) continue
    const own = inLanguage('label' in field ? field.label : undefined, req) ?? field.name
    if (rest.length === 0) return [own]
    if ('fields' in field) {
      const inner = labelsAlong(field.fields, rest.join('.'), req)
      return inner ? [own, ...inner] : [own]
    }
    if (field.type === 'blocks') {
      for (const block of field.blocks) {
        if (typeof block === 'string') continue
        const inner = labelsAlong(block.fields, rest.slice(1).join('.'), req)
        if (inner) return [own, ...inner]
      }
    }
    return [own]
  }
  return undefined
}

/**
 * One place that names the field of every refused save by its Dutch label, whoever refused it
 * (Payload's own checks, the workflow, the letters, the posting date): Payload builds a
 * ValidationError's message from each error's `label` and falls back to its API path
 * ("ongeldig: assignedHandler"). The admin's toast reads that message; the message at the field
 * stays as it was, found by the path.
 *
 * An error whose path names no field has nowhere to show its message but the toast, so there it
 * goes in full.
 */
export const nameFieldsByLabel: AfterErrorHook = ({ error, req, result }) => {
  if (!(error instanceof ValidationError) || !result) return
  const data = error.data as { collection?: string; global?: string; errors?: FieldError[] }
  if (!Array.isArray(data.errors) || data.errors.length === 0) return
  const fields = data.global
    ? req.payload.config.globals.find((global) => global.slug === data.global)?.fields
    : data.collection
      ? req.payload.config.collections.find((collection) => collection.slug === data.collection)?.fields
      : undefined
  if (!fields) return
  const names = data.errors.map((entry) => {
    const labels = labelsAlong(fields, entry.path, req)
    if (!labels) return entry.message
    const label = labels.join(' > ')
    entry.label = label
    return label
  })
  // Two refusals at one field name it once.
  const unique = [...new Set(names)]
  const intro = req.t('error:followingFieldsInvalid', { count: unique.length })
  const message = `${intro} ${unique.join(', ')}`
  return {
    response: {
      ...result,
      errors: result.errors.map((entry, index) => (index === 0 ? { ...entry, message, data } : entry)),
    },
  }
}
