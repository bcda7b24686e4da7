/** The part of a (flattened) field the labels need; Payload's FlattenedField fits it. */
type LabelledField = {
  name: string
  type: string
  label?: unknown
  flattenedFields?: readonly LabelledField[]
}

const dutch = (label: unknown, name: string): string => {
  if (typeof label === 'string' && label) return label
  if (label && typeof label === 'object' && 'nl' in label && typeof label.nl === 'string') return label.nl
  return name
}

/**
 * The Dutch label of every field path of a collection ("complainant.phone" → "Klager: Telefoonnummer"),
 * from its flattened fields, the way the timeline's `fields_changed` entries name them (changes.ts).
 */
export function fieldLabelsOf(fields: readonly LabelledField[]): Map<string, string> {
  const labels = new Map<string, string>()
  const walk = (list: readonly LabelledField[], prefix: string, parent: string) => {
    for (const field of list) {
      const path = prefix ? `${prefix}.${field.name}` : field.name
      const own = dutch(field.label, field.name)
      // "Beslissing: Beslissing" (decision.outcome) reads as one word.
      const label = parent && parent !== own ? `${parent}: ${own}` : own
      labels.set(path, label)
      if (field.type !== 'array' && field.flattenedFields) walk(field.flattenedFields, path, label)
    }
  }
  walk(fields, '', '')
  return labels
}
