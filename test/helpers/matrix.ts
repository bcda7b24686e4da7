import type { Payload, Where } from 'payload'

import type { User } from '../../cms/payload-types'
import type { TestPayload } from './payload'

/**
 * One operation, performed either through the Local API (`overrideAccess: false` with the caller
 * as `user`) or through the real REST handler with the caller's credentials, and reduced to the
 * same answer: an HTTP-like status and the body. The access matrix compares that answer with
 * what the table says; nothing here knows what any role may do.
 */

export type Way = 'local' | 'rest'
export const WAYS: readonly Way[] = ['local', 'rest']

export type Doc = Record<string, unknown> & { id: string }

export type Caller = {
  /** The Local API `user`: a staff account, or nobody (anonymous, and the site: its key is no Payload login). */
  user: (User & { collection: 'users' }) | null
  /** The REST `Authorization` header: `JWT <token>`, `service-accounts API-Key <key>`, or none. */
  authorization: string | null
}

export type Upload = { name: string; type: string; bytes: Buffer }

export type Op =
  | { kind: 'find'; collection: string; where?: Where }
  | { kind: 'findByID'; collection: string; id: string }
  | { kind: 'create'; collection: string; data: Record<string, unknown>; file?: Upload }
  | { kind: 'update'; collection: string; id: string; data: Record<string, unknown> }
  | { kind: 'delete'; collection: string; id: string }
  | { kind: 'findGlobal'; slug: string; draft?: boolean }
  | { kind: 'updateGlobal'; slug: string; data: Record<string, unknown>; draft?: boolean }
  | { kind: 'findGlobalVersions'; slug: string }

export type Outcome = {
  status: number
  /** find and version lists: the documents returned. */
  docs?: Doc[]
  /** single reads and writes: the document returned. */
  doc?: Doc
  /** A refusal's message, for a readable failure. */
  error?: string
}

/** The Local API without its per-slug generics: the matrix calls every collection the same way. */
type LooseLocal = {
  find(args: Record<string, unknown>): Promise<{ docs: Doc[] }>
  findByID(args: Record<string, unknown>): Promise<Doc>
  create(args: Record<string, unknown>): Promise<Doc>
  update(args: Record<string, unknown>): Promise<Doc>
  delete(args: Record<string, unknown>): Promise<Doc>
  findGlobal(args: Record<string, unknown>): Promise<Doc>
  updateGlobal(args: Record<string, unknown>): Promise<Doc>
  findGlobalVersions(args: Record<string, unknown>): Promise<{ docs: Doc[] }>
}

export async function perform(ctx: TestPayload, way: Way, caller: Caller, op: Op): Promise<Outcome> {
  return way === 'local' ? performLocal(ctx.payload, caller, op) : performRest(ctx, caller, op)
}

async function performLocal(payload: Payload, caller: Caller, op: Op): Promise<Outcome> {
  const api = payload as unknown as LooseLocal
  // The point of the matrix: access control on, the caller as the user (none = anonymous).
  const as = { overrideAccess: false, user: caller.user ?? undefined, depth: 0 }
  try {
    switch (op.kind) {
      case 'find':
        return {
          status: 200,
          docs: (await api.find({ ...as, collection: op.collection, where: op.where, limit: 200 })).docs,
        }
      case 'findByID':
        return { status: 200, doc: await api.findByID({ ...as, collection: op.collection, id: op.id }) }
      case 'create': {
        const file = op.file
          ? { data: op.file.bytes, mimetype: op.file.type, name: op.file.name, size: op.file.bytes.byteLength }
          : undefined
        return { status: 201, doc: await api.create({ ...as, collection: op.collection, data: op.data, file }) }
      }
      case 'update':
        return { status: 200, doc: await api.update({ ...as, collection: op.collection, id: op.id, data: op.data }) }
      case 'delete':
        return { status: 200, doc: await api.delete({ ...as, collection: op.collection, id: op.id }) }
      case 'findGlobal':
        return { status: 200, doc: await api.findGlobal({ ...as, slug: op.slug, draft: op.draft }) }
      case 'updateGlobal':
        return { status: 200, doc: await api.updateGlobal({ ...as, slug: op.slug, data: op.data, draft: op.draft }) }
      case 'findGlobalVersions':
        return { status: 200, docs: (await api.findGlobalVersions({ ...as, slug: op.slug, limit: 200 })).docs }
    }
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (typeof status !== 'number') throw error
    return { status, error: (error as Error).message }
  }
}

async function performRest(ctx: TestPayload, caller: Caller, op: Op): Promise<Outcome> {
  const headers: Record<string, string> = {}
  if (caller.authorization) headers.authorization = caller.authorization
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  let path: string
  let init: RequestInit = { method: 'GET', headers }
  switch (op.kind) {
    case 'find':
      path = `/${op.collection}?${query({ depth: 0, limit: 200, where: op.where })}`
      break
    case 'findByID':
      path = `/${op.collection}/${op.id}?depth=0`
      break
    case 'create':
      path = `/${op.collection}?depth=0`
      if (op.file) {
        const form = new FormData()
        form.set('_payload', JSON.stringify(op.data))
        form.set('file', new File([new Uint8Array(op.file.bytes)], op.file.name, { type: op.file.type }))
        init = { method: 'POST', headers, body: form }
      } else init = json('POST', op.data)
      break
    case 'update':
      path = `/${op.collection}/${op.id}?depth=0`
      init = json('PATCH', op.data)
      break
    case 'delete':
      path = `/${op.collection}/${op.id}`
      init = { method: 'DELETE', headers }
      break
    case 'findGlobal':
      path = `/globals/${op.slug}?${query({ depth: 0, draft: op.draft ? 'true' : undefined })}`
      break
    case 'updateGlobal':
      path = `/globals/${op.slug}?${query({ depth: 0, draft: op.draft ? 'true' : undefined })}`
      init = json('POST', op.data)
      break
    case 'findGlobalVersions':
      path = `/globals/${op.slug}/versions?depth=0&limit=200`
      break
  }
  const response = await ctx.rest(path, init)
  const text = await response.text()
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  if (!response.ok) return { status: response.status, error: text.slice(0, 300) }
  if (Array.isArray(body.docs)) return { status: response.status, docs: body.docs as Doc[] }
  // Writes answer { doc } (collections) or { result } (globals); reads answer the document itself.
  const doc = (body.doc ?? body.result ?? body) as Doc
  return { status: response.status, doc }
}

/** Payload's REST query syntax (`where[a][in][0]=x`), as the admin and qs build it. */
export function query(params: Record<string, unknown>): string {
  const parts: string[] = []
  const walk = (prefix: string, value: unknown): void => {
    if (value === undefined) return
    if (Array.isArray(value)) value.forEach((v, i) => walk(`${prefix}[${i}]`, v))
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(`${prefix}[${k}]`, v)
    else parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`)
  }
  for (const [k, v] of Object.entries(params)) walk(k, v)
  return parts.join('&')
}

/** The value at a dotted path (`complainant.name`), or undefined when any step is missing. */
export function at(doc: unknown, path: string): unknown {
  let value: unknown = doc
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[step]
  }
  return value
}

/** A relationship's id, whether the value is an id or a populated document. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value) return String(value.id)
  return null
}
