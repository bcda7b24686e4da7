import {
  buildVersionCollectionFields,
  buildVersionGlobalFields,
  type Collection,
  type CollectionBeforeOperationHook,
  type DatabaseAdapter,
  type DatabaseAdapterObj,
  type GlobalBeforeOperationHook,
  NotFound,
  type Payload,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { dataIssues, type FlatField, type Issue, whereIssues } from './malformedInput'

/**
 * Malformed input answers 400 at its field, never 500 (see ./malformedInput): one guard at the
 * database's door for every query, whoever asks (REST, the admin, the Local API, a hook), and one
 * before every create and update, before any hook can trip over a date that is no date.
 */

type Target = { collection?: string; global?: string; versions: boolean }
type QueryArgs = { collection?: string; global?: string; where?: unknown; req?: Partial<PayloadRequest> }

/** Read and bulk methods of a database adapter that take a `where`, and what they query. */
const QUERIES: Record<string, (args: QueryArgs) => Target> = {
  find: (a) => ({ collection: a.collection, versions: false }),
  findOne: (a) => ({ collection: a.collection, versions: false }),
  count: (a) => ({ collection: a.collection, versions: false }),
  findDistinct: (a) => ({ collection: a.collection, versions: false }),
  updateMany: (a) => ({ collection: a.collection, versions: false }),
  deleteMany: (a) => ({ collection: a.collection, versions: false }),
  queryDrafts: (a) => ({ collection: a.collection, versions: true }),
  findVersions: (a) => ({ collection: a.collection, versions: true }),
  countVersions: (a) => ({ collection: a.collection, versions: true }),
  findGlobalVersions: (a) => ({ global: a.global, versions: true }),
  countGlobalVersions: (a) => ({ global: a.global, versions: true }),
}

const collectionOf = (payload: Payload, slug: string) =>
  (payload.collections as Record<string, Collection | undefined>)[slug]

function fieldsFor(payload: Payload, target: Target, cache: Map<string, FlatField[] | null>): FlatField[] | null {
  const key = `${target.collection ? 'c' : 'g'}:${target.collection ?? target.global}:${target.versions}`
  if (cache.has(key)) return cache.get(key) ?? null
  let fields: FlatField[] | null = null
  if (target.collection) {
    const config = collectionOf(payload, target.collection)?.config
    if (config)
      fields = target.versions
        ? config.versions
          ? buildVersionCollectionFields(payload.config, config, true)
          : null
        : config.flattenedFields
  } else if (target.global) {
    const config = payload.config.globals.find((g) => g.slug === target.global)
    if (config?.versions) fields = buildVersionGlobalFields(payload.config, config, true)
  }
  cache.set(key, fields)
  return fields
}

const refusal = (issues: Issue[], target: { collection?: string; global?: string }, req?: Partial<PayloadRequest>) =>
  new ValidationError({ collection: target.collection, global: target.global, errors: issues, req }, req?.t)

/** Wraps a database adapter so that every query is checked first (and versions of what keeps none are not found). */
export function guardQueries(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const cache = new Map<string, FlatField[] | null>()
      const fieldsOf = (collection: string) =>
        collectionOf(args.payload, collection)?.config.flattenedFields as FlatField[] | undefined
      const methods = adapter as unknown as Record<string, (this: DatabaseAdapter, a: QueryArgs) => Promise<unknown>>
      for (const [method, targetOf] of Object.entries(QUERIES)) {
        const original = methods[method]
        if (typeof original !== 'function') continue
        methods[method] = function guarded(this: DatabaseAdapter, queryArgs: QueryArgs) {
          const target = targetOf(queryArgs)
          const fields = fieldsFor(args.payload, target, cache)
          // The versions of a collection or global that keeps none do not exist (the adapter has no table and crashed).
          if (!fields && target.versions) return Promise.reject(new NotFound(queryArgs.req?.t))
          const issues = fields ? whereIssues(queryArgs.where, fields, fieldsOf) : []
          if (issues.length > 0) return Promise.reject(refusal(issues, target, queryArgs.req))
          return original.call(this, queryArgs)
        }
      }
      return adapter
    },
  }
}

/** Before a create or update of any collection: a date field that holds no date is refused at its path. */
export const refuseMalformedData: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  const issues = dataIssues(data, collection.flattenedFields)
  if (issues.length > 0) throw refusal(issues, { collection: collection.slug }, req)
  return args
}

/** The same for a global (a draft is saved without Payload's own validation, so a bad date was stored and broke its versions). */
export const refuseMalformedGlobalData: GlobalBeforeOperationHook = ({ args, global, operation, req }) => {
  if (operation !== 'update') return args as unknown
  const data = (args as { data?: unknown } | undefined)?.data
  const issues = dataIssues(data, global.flattenedFields)
  if (issues.length > 0) throw refusal(issues, { global: global.slug }, req)
  return args as unknown
}
