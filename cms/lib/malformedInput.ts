/**
 * Input the database cannot take as meant, found before it gets there. Payload's own validation
 * runs after the collection's hooks, and its query layer turns a value that does not fit its
 * field into `undefined` or `null`, or drops it from a list: the first crashes the query (500),
 * the others answer a different question than was asked. Here each such value becomes an issue
 * at its field, with a Dutch message, so the caller gets a 400 that says what to fix.
 *
 * Pure: the fields come in as Payload's flattened field configs, nothing is read or written.
 */
import { UNSTORABLE_CHARACTER } from '../../hooks/complaints/schema'

export type FlatField = {
  name: string
  type: string
  flattenedFields?: FlatField[]
  relationTo?: string | string[]
  hasMany?: boolean
}
export type Issue = { path: string; message: string }
/** The flattened fields of another collection, to follow a relationship in a query path. */
export type FieldsOf = (collection: string) => FlatField[] | undefined

export const MESSAGES = {
  date: (value: unknown) =>
    `Dit is geen datum: ${show(value)}. Gebruik een datum zoals 2026-03-14 of 2026-03-14T10:00:00Z.`,
  number: (value: unknown) => `Dit is geen getal: ${show(value)}.`,
  single: 'Geef hier één waarde, geen lijst of object.',
  point: 'Op dit veld kan niet op afstand of gebied worden gezocht.',
  // The shared complaint schema's own words, so a complaint's text gets one message whichever check sees it first.
  unstorable: UNSTORABLE_CHARACTER.text,
} as const

/** What the SQLite driver cuts a text off at (NUL), or changes on the way to UTF-8 (half a surrogate pair). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code'])
const unstorable = (value: unknown) =>
  (typeof value === 'string' && UNSTORABLE.test(value)) ||
  (Array.isArray(value) && value.some((v) => typeof v === 'string' && UNSTORABLE.test(v)))

const show = (value: unknown) =>
  typeof value === 'string' ? `"${value.slice(0, 40)}"` : (JSON.stringify(value)?.slice(0, 40) ?? String(value))

const COMPARISONS = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
const LISTS = new Set(['in', 'not_in', 'all'])
const GEO = new Set(['near', 'within', 'intersects'])
/** Field types that hold one plain value, so an object as the operand can only be a mistake. */
const SCALAR = new Set(['text', 'textarea', 'email', 'code', 'number', 'date', 'select', 'radio', 'checkbox'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** As Payload's query layer reads a date: empty and "null" mean null. */
export function isDateValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === 'null' || value instanceof Date) return true
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && !Number.isNaN(new Date(value).getTime())
}

function isNumberValue(value: unknown): boolean {
  if (value === null || value === undefined || value === 'null') return true
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
}

/** The field a query path names (`a.b`, or `a__b` as Payload also accepts), following groups, arrays and relationships. */
export function resolvePath(fields: FlatField[], path: string, fieldsOf: FieldsOf): FlatField | undefined {
  const segments = path.replace(/__/g, '.').split('.')
  let current: FlatField[] | undefined = fields
  for (let i = 0; i < segments.length; i += 1) {
    const field: FlatField | undefined = current?.find((f) => f.name === segments[i])
    if (!field || i === segments.length - 1) return field
    if (field.flattenedFields) current = field.flattenedFields
    else if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string')
      current = fieldsOf(field.relationTo)
    else return undefined
  }
  return undefined
}

function operandIssues(field: FlatField, path: string, operator: string, operand: unknown): Issue[] {
  if (GEO.has(operator)) return field.type === 'point' ? [] : [{ path, message: MESSAGES.point }]
  const comparison = COMPARISONS.has(operator)
  const list = LISTS.has(operator)
  if (!comparison && !list) return []
  if (comparison && SCALAR.has(field.type) && (isPlainObject(operand) || Array.isArray(operand)))
    return [{ path, message: MESSAGES.single }]
  const values = list
    ? typeof operand === 'string'
      ? operand.split(',')
      : Array.isArray(operand)
        ? (operand as unknown[])
        : [operand]
    : [operand]
  if (list && values.some(isPlainObject) && SCALAR.has(field.type)) return [{ path, message: MESSAGES.single }]
  if (field.type === 'date') {
    const bad = values.find((v) => !isDateValue(v))
    return bad === undefined ? [] : [{ path, message: MESSAGES.date(bad) }]
  }
  if (field.type === 'number') {
    const bad = values.find((v) => !isNumberValue(v))
    return bad === undefined ? [] : [{ path, message: MESSAGES.number(bad) }]
  }
  return []
}

/** Issues of a `where`, by the path as the caller wrote it. Paths not found are left to Payload's own check. */
export function whereIssues(where: unknown, fields: FlatField[], fieldsOf: FieldsOf): Issue[] {
  if (!isPlainObject(where)) return []
  const issues: Issue[] = []
  for (const [key, condition] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      if (Array.isArray(condition)) for (const part of condition) issues.push(...whereIssues(part, fields, fieldsOf))
      continue
    }
    if (!isPlainObject(condition)) continue
    const field = resolvePath(fields, key, fieldsOf)
    if (!field) continue
    for (const [operator, operand] of Object.entries(condition))
      issues.push(...operandIssues(field, key, operator, operand))
  }
  return issues.filter((issue, i) => issues.findIndex((other) => other.path === issue.path) === i)
}

/**
 * Fields in data for a create or update that cannot be stored as sent, by their path (`hearing.at`,
 * `resends.0.at`): a date field that holds no date, a text that would be cut at a NUL. (The
 * complaint's own texts have the shared schema's stricter rule and message; this holds for every field.)
 */
export function dataIssues(data: unknown, fields: FlatField[], prefix = ''): Issue[] {
  if (!isPlainObject(data)) return []
  const issues: Issue[] = []
  for (const field of fields) {
    if (!(field.name in data)) continue
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    if (field.type === 'date' && !isDateValue(value)) issues.push({ path, message: MESSAGES.date(value) })
    else if (TEXT_TYPES.has(field.type) && unstorable(value)) issues.push({ path, message: MESSAGES.unstorable })
    else if (field.type === 'array' && Array.isArray(value) && field.flattenedFields) {
      const rows = field.flattenedFields
      value.forEach((row, i) => issues.push(...dataIssues(row, rows, `${path}.${i}.`)))
    } else if (field.flattenedFields && field.type !== 'array') {
      // A group or named tab is a set of fields: null, a string or a list in its place crashed hooks (500).
      if (value !== undefined && !isPlainObject(value))
        issues.push({ path, message: 'Dit onderdeel bestaat uit velden; vul de velden zelf in of laat ze leeg.' })
      else issues.push(...dataIssues(value, field.flattenedFields, `${path}.`))
    }
  }
  return issues
}
