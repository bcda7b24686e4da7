/**
 * Where each field of a collection sits in the admin's form: its Dutch label and the tab that holds
 * it. Read from the collection's own field config (server or client), so the "Volgende stap" panel
 * names a missing part and opens its tab without a second list of labels.
 */
type Label = unknown

type FieldLike = {
  type?: string
  name?: string
  label?: Label
  fields?: readonly FieldLike[]
  tabs?: readonly (FieldLike & { label?: Label })[]
}

export type FieldPlace = { label: string; tab: string | null }

/** A label as the admin shows it in Dutch: a string, or the `nl` entry of a translated label. */
export function dutch(label: Label): string {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') {
    const byLanguage = label as Record<string, unknown>
    const nl = byLanguage.nl ?? Object.values(byLanguage)[0]
    return typeof nl === 'string' ? nl : ''
  }
  return ''
}

/** Every named field by its dotted data path (`decision.factsAsSeen`), with its label and tab. */
export function fieldPlaces(fields: readonly FieldLike[]): Map<string, FieldPlace> {
  const places = new Map<string, FieldPlace>()
  const walk = (list: readonly FieldLike[], prefix: string, tab: string | null) => {
    for (const field of list) {
      if (field.type === 'tabs') {
        for (const t of field.tabs ?? []) {
          const tabLabel = dutch(t.label) || t.name || null
          const path = t.name ? `${prefix}${t.name}` : null
          if (path) places.set(path, { label: tabLabel ?? '', tab: tabLabel })
          walk(t.fields ?? [], path ? `${path}.` : prefix, tabLabel)
        }
        continue
      }
      const path = field.name ? `${prefix}${field.name}` : null
      if (path) places.set(path, { label: dutch(field.label) || field.name || '', tab })
      if (field.fields) walk(field.fields, path ? `${path}.` : prefix, tab)
    }
  }
  walk(fields, '', null)
  return places
}

/** The id Payload gives a field's input in the edit view: `decision.factsAsSeen` → `field-decision__factsAsSeen`. */
export const fieldId = (path: string): string => `field-${path.replace(/\./g, '__')}`
