import type { Complaint } from '../../../cms/payload-types'

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
const isBlank = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === false ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0)

/** The values someone typed into a form that showed them the case without its hidden fields: non-blank and changed. */
export function typedValues(data: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown> {
  const typed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    const before = original[key]
    if (isPlainObject(value)) {
      const inner = typedValues(value, isPlainObject(before) ? before : {})
      if (Object.keys(inner).length > 0) typed[key] = inner
    } else if (!isBlank(value) && JSON.stringify(value) !== JSON.stringify(before)) {
      typed[key] = value
    }
  }
  return typed
}

/** The case as it will be saved: groups (the tabs) merged field by field, so a partial update keeps the rest. */
export function mergeCase(base: Partial<Complaint>, changes: Partial<Complaint>): Partial<Complaint> {
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(changes)) {
    const before = merged[key]
    merged[key] = isPlainObject(value) && isPlainObject(before) ? { ...before, ...value } : value
  }
  return merged
}
