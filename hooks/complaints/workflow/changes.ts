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
  // Computed by recordPrivacyRequests (Decision 19, AVG art. 15).
  'privacy.legalHoldSince',
  'privacy.legalHoldBy',
  'inspectionDueAt',
])

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** The stored form of a value, for comparison only. */
export function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string')
    return ISO.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : value
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

/** The collection's own field paths: groups (walked) and leaves (compared); arrays are leaves. */
export type FieldPaths = { groups: ReadonlySet<string>; leaves: ReadonlySet<string> }

type ConfigField = { name?: string; type: string; flattenedFields?: ConfigField[] }

const pathsByConfig = new WeakMap<object, FieldPaths>()

/** The paths a collection really has, from its (flattened) configuration, cached per configuration. */
export function fieldPathsOf(fields: readonly ConfigField[]): FieldPaths {
  const cached = pathsByConfig.get(fields)
  if (cached) return cached
  const groups = new Set<string>()
  const leaves = new Set<string>()
  const walk = (list: readonly ConfigField[], prefix: string) => {
    for (const field of list) {
      if (!field.name) continue
      const path = prefix ? `${prefix}.${field.name}` : field.name
      if (field.type !== 'array' && field.flattenedFields) {
        groups.add(path)
        walk(field.flattenedFields, path)
      } else leaves.add(path)
    }
  }
  walk(fields, '')
  const paths = { groups, leaves }
  pathsByConfig.set(fields, paths)
  return paths
}

/**
 * The leaf paths of `changes` whose value differs from `before`. Groups are walked field by field;
 * arrays (attendees, categories, involved staff) count as one leaf. Only the collection's own
 * paths count: a key it does not have is never stored, and its name (which anyone can choose)
 * never reaches the timeline.
 */
export function changedPaths(
  changes: Record<string, unknown>,
  before: Record<string, unknown>,
  known: FieldPaths,
  prefix = '',
): string[] {
  const paths: string[] = []
  for (const [key, value] of Object.entries(changes)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (NOT_SUBSTANTIVE.has(path)) continue
    const previous = before?.[key]
    if (known.groups.has(path)) {
      paths.push(
        ...changedPaths(isPlainObject(value) ? value : {}, isPlainObject(previous) ? previous : {}, known, path),
      )
    } else if (known.leaves.has(path) && !same(value, previous)) {
      paths.push(path)
    }
  }
  return paths
}

/**
 * What only the system writes (computed or recorded by the outbox and the deadline job). Field
 * access stops people; server code without a named system operation is refused here, so that no
 * unnamed write can make a missed deadline look met.
 */
export const SYSTEM_FIELDS = [
  'reference',
  'formToken',
  'receivedAt',
  'deadlines',
  'nextDeadline',
  'deadlineOutcomes',
  'lettersSent',
  'endedAs',
  'endedAt',
  'consentAt',
  'delayNotice.issuedAt',
] as const

/** The system fields `changes` would change. */
export function systemFieldsChanged(changes: Record<string, unknown>, before: Record<string, unknown>): string[] {
  const at = (doc: Record<string, unknown>, path: string) =>
    path.split('.').reduce<unknown>((v, k) => (isPlainObject(v) ? v[k] : undefined), doc)
  return SYSTEM_FIELDS.filter((path) => {
    const [head = ''] = path.split('.')
    if (!(head in changes)) return false
    return !same(at(changes, path), at(before, path))
  })
}
