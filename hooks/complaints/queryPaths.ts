import { validOperatorSet } from 'payload/shared'

/**
 * Every field path a query names, in the one spelling Payload itself resolves. Payload accepts
 * several spellings of a path (PITFALLS.md), and a check that knows one lets the others through:
 * - `a__b` (GraphQL's spelling) is `a.b` everywhere: `validateSearchParam`, `validateSortQuery`
 *   and drizzle's `parseParams`/`buildOrderBy` replace `__` with `.`; `_id` is `id`;
 * - `and` / `or` in any case (`validateQueryPaths` and drizzle compare `key.toLowerCase()`);
 * - a nested object `{ a: { b: { like } } }` names `a.b`; a key that is no operator is one more
 *   segment of the path (Payload refuses it, and so must we, whatever it names);
 * - a `where` nested under an operator (`contains` on a has-many relationship or a join) names
 *   paths of the related documents: `attachments: { contains: { filename: … } }` is `attachments.filename`;
 * - `sort` is a string, a comma list (`a,-b`) or an array; a leading `-` is the direction.
 * The paths of a join's own `where` and `sort` belong to the joined collection, so they come back apart.
 */
export function normalisePath(path: string): string {
  return path === '_id' ? 'id' : path.replace(/__/g, '.')
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** The paths a `where` names, each prefixed with `prefix` (the path of the relationship it is nested under). */
export function wherePaths(where: unknown, prefix = ''): string[] {
  if (!isPlainObject(where)) return []
  const found: string[] = []
  for (const [key, value] of Object.entries(where)) {
    if ((key.toLowerCase() === 'and' || key.toLowerCase() === 'or') && Array.isArray(value)) {
      for (const inner of value) found.push(...wherePaths(inner, prefix))
    } else found.push(...constraintPaths(`${prefix}${normalisePath(key)}`, value))
  }
  return found
}

function constraintPaths(path: string, constraint: unknown): string[] {
  if (!isPlainObject(constraint)) return [path]
  const found: string[] = []
  for (const [key, value] of Object.entries(constraint)) {
    if (validOperatorSet.has(key as never)) {
      found.push(path)
      // A nested where (or an array of them) under an operator: paths of the related documents.
      for (const inner of Array.isArray(value) ? value : [value])
        if (isPlainObject(inner)) found.push(...wherePaths(inner, `${path}.`))
    } else found.push(...constraintPaths(`${path}.${normalisePath(key)}`, value))
  }
  return found.length > 0 ? found : [path]
}

/** The paths a `sort` names, without their direction. */
export function sortPaths(sort: unknown): string[] {
  if (sort === undefined || sort === null || sort === '') return []
  const entries = Array.isArray(sort) ? sort : [sort]
  return entries
    .flatMap((entry) => String(entry).split(','))
    .map((entry) => entry.trim().replace(/^[-+]/, ''))
    .filter((entry) => entry !== '')
    .map(normalisePath)
}

export type NamedPaths = {
  /** Paths of the collection queried: its `where`, `sort` and a distinct query's `field`. */
  paths: string[]
  /** Per join field asked for (`joins: { timeline: { where, sort } }`): paths of the joined collection. */
  joins: { joinPath: string; paths: string[] }[]
}

/** Everything the arguments of a Payload operation (find, findByID, count, findDistinct, bulk update or delete) query on. */
export function namedPaths(args: { where?: unknown; sort?: unknown; joins?: unknown; field?: unknown }): NamedPaths {
  const paths = [...wherePaths(args.where), ...sortPaths(args.sort)]
  if (typeof args.field === 'string') paths.push(normalisePath(args.field))
  const joins: NamedPaths['joins'] = []
  if (isPlainObject(args.joins)) {
    for (const [joinPath, join] of Object.entries(args.joins)) {
      if (isPlainObject(join)) joins.push({ joinPath, paths: [...wherePaths(join.where), ...sortPaths(join.sort)] })
    }
  }
  return { paths, joins }
}
