import type { Collection, DatabaseAdapter, DatabaseAdapterObj, FlattenedField, Payload, SelectType } from 'payload'
import { getSelectMode } from 'payload/shared'

type FindArgs = { collection: string; select?: SelectType }
type Find = (this: DatabaseAdapter, args: FindArgs) => Promise<unknown>

/**
 * A `select` that names some fields (include mode) reads only those, except in the SQL adapter
 * (@payloadcms/drizzle 3.90, find/traverseFields): inside a group or tab the select does not
 * name, it still joins every array and hasMany select — for a case, the correction log, the
 * hearing's attendees and the written version's history, the bulk of the admin's open-cases list
 * query. Naming such a group with an empty selection (`{}`) makes the adapter skip it, as it
 * already skips the group's plain columns, so this hands the adapter that spelling: the same
 * documents, the same fields. Only the adapter's argument changes; Payload's own handling of the
 * select (field access, afterRead) sees the caller's.
 */
export function narrowIncludeSelect(select: SelectType, fields: FlattenedField[]): SelectType {
  if (getSelectMode(select) !== 'include') return select
  return narrowLevel(select, fields)
}

function narrowLevel(select: SelectType, fields: FlattenedField[]): SelectType {
  let narrowed: SelectType | null = null
  for (const field of fields) {
    if (field.type !== 'group' && field.type !== 'tab') continue
    const chosen = select[field.name]
    let replacement: SelectType | undefined
    if (chosen === undefined) replacement = {}
    else if (typeof chosen === 'object' && chosen !== null) replacement = narrowLevel(chosen, field.flattenedFields)
    if (replacement === undefined || replacement === chosen) continue
    narrowed ??= { ...select }
    narrowed[field.name] = replacement
  }
  return narrowed ?? select
}

/** The SQLite adapter's `find` with every include-mode select narrowed (see narrowIncludeSelect). */
export function narrowAdapterSelects(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const methods = adapter as unknown as { find: Find; payload: Payload }
      const original = methods.find
      methods.find = function narrowed(this: DatabaseAdapter, findArgs: FindArgs) {
        const collections = this.payload.collections as Record<string, Collection | undefined>
        const fields = collections[findArgs.collection]?.config.flattenedFields
        if (!findArgs.select || !fields) return original.call(this, findArgs)
        return original.call(this, { ...findArgs, select: narrowIncludeSelect(findArgs.select, fields) })
      }
      return adapter
    },
  }
}
