import { type CollectionBeforeOperationHook, type FlattenedField, type Payload, QueryError } from 'payload'

import { personalFieldNames, QUEUE_QUERYABLE_FIELDS } from '../../collections/access/personalData'
import { hasRole } from '../../collections/access/roles'
import { namedPaths } from './queryPaths'

const COMPLAINTS = 'complaints'

/**
 * How far a query may reach into complaints: a manager anywhere; a handler only the queue's
 * fields (QUEUE_QUERYABLE_FIELDS), because a `where` spans the queue as well as their own cases;
 * everyone else — admins (Decision 15), editors, anonymous callers — only a complaint's id.
 */
type Reach = 'all' | 'queue' | 'id'
const reachOf = (user: Parameters<typeof hasRole>[0]): Reach =>
  hasRole(user, 'manager') ? 'all' : hasRole(user, 'handler') ? 'queue' : 'id'

const QUEUE = new Set<string>(QUEUE_QUERYABLE_FIELDS)
const personalByConfig = new WeakMap<object, Set<string>>()
/** The one registry of personal fields, derived from the running configuration of complaints. */
function personalFields(payload: Payload): Set<string> {
  const config = payload.collections[COMPLAINTS]?.config
  if (!config) return new Set()
  let names = personalByConfig.get(config)
  if (!names) personalByConfig.set(config, (names = new Set(personalFieldNames(config.fields))))
  return names
}

function mayName(segments: string[], reach: Reach, personal: Set<string>): boolean {
  const [first = ''] = segments
  if (reach === 'id') return segments.length === 1 && first === 'id'
  return QUEUE.has(first) && !personal.has(first)
}

/**
 * Follows a path the way Payload resolves it (getLocalizedPaths): through groups, tabs, arrays
 * and blocks, and across relationships, uploads and joins into the related collection. True when
 * it names a field of a complaint that this reach may not query — wherever the path starts: the
 * complaints themselves, `case-events` through `complaint.…`, or a complaint again through
 * `nonAdmission.earlierComplaint.…`. A segment Payload does not know ends the walk (Payload
 * refuses such a path itself), except in complaints, where only the listed fields pass.
 */
function reachesHiddenField(
  payload: Payload,
  slug: string,
  segments: string[],
  reach: Reach,
  personal: Set<string>,
): boolean {
  const collection = (
    payload.collections as Record<string, Payload['collections'][keyof Payload['collections']] | undefined>
  )[slug]
  if (!collection) return false
  const inComplaints = slug === COMPLAINTS
  if (inComplaints && !mayName(segments, reach, personal)) return true
  let fields: readonly FlattenedField[] = collection.config.flattenedFields
  for (let i = 0; i < segments.length; i++) {
    const field = fields.find((f) => f.name === segments[i])
    if (!field) return false
    const target =
      (field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string'
        ? field.relationTo
        : field.type === 'join' && typeof field.collection === 'string'
          ? field.collection
          : null
    if (target) {
      const rest = segments.slice(i + 1)
      if (rest.length === 0) return false
      // From a complaint, only the handler's id may be followed (`assignedHandler.id`), never its e-mail or a related case.
      if (inComplaints && !(rest.length === 1 && rest[0] === 'id')) return true
      return reachesHiddenField(payload, target, rest, reach, personal)
    }
    if ('flattenedFields' in field) fields = field.flattenedFields
    else if (field.type === 'blocks')
      fields = (field.blockReferences ?? field.blocks).flatMap((block) =>
        typeof block === 'string'
          ? ((payload.blocks as Record<string, { flattenedFields: FlattenedField[] } | undefined>)[block]
              ?.flattenedFields ?? [])
          : block.flattenedFields,
      )
    else return false
  }
  return false
}

/**
 * Decision 15 and the queue: nobody learns what they may not read, by content or by count. The
 * field access of complaints hides personal data in answers; this hook refuses (400, as Payload
 * refuses an unknown path) every query that names such a field — in `where` with any operator
 * and any spelling, `sort`, a join's `where` and `sort`, a distinct field, a bulk update or
 * delete — before Payload runs it, on every collection (cms/config.ts adds it to each), for the
 * REST API, the Local API with a user, and GraphQL alike. Trusted code (`overrideAccess`) is not asked.
 */
export const guardPersonalDataQueries: CollectionBeforeOperationHook = ({ args, collection, overrideAccess, req }) => {
  if (overrideAccess) return args
  const reach = reachOf(req.user)
  if (reach === 'all') return args
  const personal = personalFields(req.payload)
  const { paths, joins } = namedPaths(args as Parameters<typeof namedPaths>[0])
  const refused = paths.filter((path) =>
    reachesHiddenField(req.payload, collection.slug, path.split('.'), reach, personal),
  )
  for (const join of joins) {
    for (const [target, fields] of Object.entries(collection.joins ?? {})) {
      if (!fields.some((f) => f.joinPath === join.joinPath)) continue
      for (const path of join.paths)
        if (reachesHiddenField(req.payload, target, path.split('.'), reach, personal))
          refused.push(`${join.joinPath}.${path}`)
    }
  }
  if (refused.length > 0) throw new QueryError([...new Set(refused)].map((path) => ({ path })))
  return args
}
