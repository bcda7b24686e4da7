/** The id of a relationship value, whether Payload returned the id or the populated document; null when empty. */
export const relId = (value: unknown): string | null =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'id' in value ? String(value.id) : null
