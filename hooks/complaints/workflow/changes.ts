/**
 * Which fields a save really changes: the admin sends the whole document, so "present in the
 * request" is not "changed". Values are normalised the way they are stored (a relationship as its
 * id, blank as null, a date by its moment), and only leaf paths are reported (`decision.outcome`).
 */

/** Fields no person edits: computed, recorded by the system, or actions that are emptied on save. */
export const NOT_SUBSTANTIVE = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'reference',
  'formToken',
  'deadlines',
  'nextDeadline',
  'deadlineOutcomes',
  'lettersSent',
  'endedAs',
  'endedAt',
  'consentAt',
  'messages',
  'letters',
  'timeline',
  'correction',
  'delayNotice.issuedAt',
  'hearing.sendInvitation',
  'hearing.sendReport',
  'hearing.sendAgreements',
])

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** The stored form of a value, for comparison only. */
export function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string') return ISO.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : value
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(normalise)
  if (isPlainObject(value)) {
    // A populated relationship compares by its id.
    if ('id' in value && ('createdAt' in value || 'updatedAt' in value)) return String(value.id)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const v = normalise(value[key])
      if (v !== null) out[key] = v
    }
    return Object.keys(out).length === 0 ? null : out
  }
  return value
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))

/**
 * The leaf paths of `changes` whose value differs from `before`. Groups are walked field by field;
 * arrays (attendees, categories, involved staff) count as one leaf.
 */
export function changedPaths(changes: Record<string, unknown>, before: Record<string, unknown>, prefix = ''): string[] {
  const paths: string[] = []
  for (const [key, value] of Object.entries(changes)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (NOT_SUBSTANTIVE.has(path)) continue
    const previous = before?.[key]
    if (isPlainObject(value) && !('id' in value && ('createdAt' in value || 'updatedAt' in value))) {
      paths.push(...changedPaths(value, isPlainObject(previous) ? previous : {}, path))
    } else if (!same(value, previous)) {
      paths.push(path)
    }
  }
  return paths
}
