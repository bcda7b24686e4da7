import { createRequire } from 'node:module'

import type { GraphQLSchema } from 'graphql'
import { createLocalReq, type Payload, type Where } from 'payload'

import type { Caller } from './matrix'
import { query } from './matrix'
import type { TestPayload } from './payload'

/**
 * One question to the portal and its answer reduced to what a curious caller learns from it:
 * the status, the number of documents (`totalDocs`) and which documents (ids, written as the
 * names the test gave them). Two answers that differ are an oracle; two that are equal tell nothing.
 */
export type Answer = { status: number; totalDocs: number | null; ids: string[]; body: string }

export type Question = {
  collection: string
  kind: 'find' | 'count'
  where?: Where
  sort?: string | string[]
  select?: Record<string, unknown>
  populate?: Record<string, unknown>
  joins?: Record<string, unknown>
  depth?: number
}

// The copy of graphql that @payloadcms/graphql (loaded by Node itself) builds its schema with; Vite would resolve another one.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql')

/** The Local API without its per-slug generics. */
type LooseLocal = {
  find(args: Record<string, unknown>): Promise<{ totalDocs: number; docs: { id: string }[] }>
  count(args: Record<string, unknown>): Promise<{ totalDocs: number }>
}

const failed = (error: unknown): Answer => {
  const status = (error as { status?: unknown }).status
  return {
    status: typeof status === 'number' ? status : 500,
    totalDocs: null,
    ids: [],
    body: String((error as Error).message),
  }
}

/** Through the Local API with access control on and the caller as `user`. */
export async function askLocal(payload: Payload, caller: Caller, q: Question): Promise<Answer> {
  const api = payload as unknown as LooseLocal
  const as = { overrideAccess: false, user: caller.user ?? undefined, collection: q.collection, where: q.where }
  try {
    if (q.kind === 'count') {
      const { totalDocs } = await api.count(as)
      return { status: 200, totalDocs, ids: [], body: '' }
    }
    const result = await api.find({
      ...as,
      sort: q.sort,
      select: q.select,
      populate: q.populate,
      joins: q.joins,
      depth: q.depth ?? 0,
      limit: 50,
    })
    return { status: 200, totalDocs: result.totalDocs, ids: result.docs.map((d) => d.id), body: JSON.stringify(result) }
  } catch (error) {
    return failed(error)
  }
}

/** Through the real REST handler with the caller's credentials, in the query syntax the admin uses. */
export async function askRest(ctx: TestPayload, caller: Caller, q: Question): Promise<Answer> {
  const params = query({
    where: q.where,
    sort: q.sort,
    select: q.select,
    populate: q.populate,
    joins: q.joins,
    depth: q.depth ?? 0,
    limit: 50,
  })
  const path = q.kind === 'count' ? `/${q.collection}/count?${query({ where: q.where })}` : `/${q.collection}?${params}`
  const response = await ctx.rest(path, {
    headers: caller.authorization ? { authorization: caller.authorization } : {},
  })
  const body = await response.text()
  if (!response.ok) return { status: response.status, totalDocs: null, ids: [], body }
  const parsed = JSON.parse(body) as { totalDocs?: number; docs?: { id: string }[] }
  return {
    status: response.status,
    totalDocs: parsed.totalDocs ?? null,
    ids: (parsed.docs ?? []).map((d) => d.id),
    body,
  }
}

/**
 * Through Payload's own GraphQL resolvers (`Complaints(where:)`, `countComplaints`), on a schema
 * built from the portal's configuration, as the caller: what GraphQL would answer if it were
 * switched on (it is off; the REST route for it answers 404).
 */
export async function askGraphQL(
  payload: Payload,
  schema: GraphQLSchema,
  caller: Caller,
  q: Question,
): Promise<Answer> {
  if (q.collection !== 'complaints') throw new Error('GraphQL questions are asked of complaints only')
  const source =
    q.kind === 'count'
      ? 'query ($where: Complaint_where) { countComplaints(where: $where) { totalDocs } }'
      : 'query ($where: Complaint_where, $sort: String) { Complaints(where: $where, sort: $sort, limit: 50) { totalDocs docs { id } } }'
  const req = await createLocalReq({ user: caller.user ?? undefined }, payload)
  const sort = Array.isArray(q.sort) ? q.sort.join(',') : q.sort
  const result = await graphql({
    schema,
    source,
    contextValue: { req, headers: {} },
    variableValues: { where: q.where, ...(q.kind === 'find' ? { sort } : {}) },
  })
  const body = JSON.stringify(result)
  if (result.errors?.length) {
    const status = (result.errors[0]?.originalError as { status?: unknown } | undefined)?.status
    return { status: typeof status === 'number' ? status : 400, totalDocs: null, ids: [], body }
  }
  const data = (result.data ?? {}) as {
    countComplaints?: { totalDocs: number }
    Complaints?: { totalDocs: number; docs: { id: string }[] }
  }
  if (q.kind === 'count') return { status: 200, totalDocs: data.countComplaints?.totalDocs ?? null, ids: [], body }
  return {
    status: 200,
    totalDocs: data.Complaints?.totalDocs ?? null,
    ids: (data.Complaints?.docs ?? []).map((d) => d.id),
    body,
  }
}

/** What an answer tells, with the ids written as the fixtures' names (so answers about two different cases compare). */
export function told(answer: Answer, names: Record<string, string>): string {
  return JSON.stringify({
    status: answer.status,
    totalDocs: answer.totalDocs,
    ids: answer.ids.map((id) => names[id] ?? 'another'),
  })
}
