import type { Access, CollectionBeforeChangeHook, PayloadRequest, Where } from 'payload'

import { hasRole, ROLES } from './roles'

/** What a person could edit themselves: whole collections and globals, or some documents of a collection. */
type Editable = { collections: Set<string>; documents: Map<string, Set<string>>; globals: Set<string> }

const editableByRequest = new WeakMap<PayloadRequest, Promise<Editable>>()

async function findEditable(req: PayloadRequest): Promise<Editable> {
  const editable: Editable = { collections: new Set(), documents: new Map(), globals: new Set() }
  for (const { config } of Object.values(req.payload.collections)) {
    if (config.lockDocuments === false) continue
    const access = await config.access.update({ req })
    if (access === true) editable.collections.add(config.slug)
    else if (access && typeof access === 'object') {
      // Trusted: the ids of exactly the documents the access rule above lets this person change.
      const { docs } = await req.payload.find({
        collection: config.slug,
        where: access,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
        select: {},
      })
      if (docs.length > 0) editable.documents.set(config.slug, new Set(docs.map((doc) => String(doc.id))))
    }
  }
  for (const global of req.payload.config.globals) {
    if (global.lockDocuments !== false && (await global.access.update({ req })) === true)
      editable.globals.add(global.slug)
  }
  return editable
}

/** Once per request: the admin asks for locks several times while it builds one screen. */
function editable(req: PayloadRequest): Promise<Editable> {
  let found = editableByRequest.get(req)
  if (!found) editableByRequest.set(req, (found = findEditable(req)))
  return found
}

const isStaff = (req: PayloadRequest) => hasRole(req.user, ...ROLES) && Boolean(req.user)

/**
 * Payload's editing locks (`payload-locked-documents`) say who is editing which document right
 * now. A person reaches their own locks, and the locks on documents they could edit themselves
 * — the admin needs those to say "someone else is editing this" and to let them take over —
 * never a lock on anything else: a handler no colleague's case, an editor no complaint, nobody
 * the admin's work on an account or the settings. Without a staff login, nothing.
 */
export const canReachLock: Access = async ({ req }) => {
  if (!isStaff(req) || !req.user) return false
  const { collections, documents, globals } = await editable(req)
  const others: Where[] = [
    ...[...collections].map((slug): Where => ({ 'document.relationTo': { equals: slug } })),
    ...[...documents].map(([slug, ids]): Where => ({
      and: [{ 'document.relationTo': { equals: slug } }, { 'document.value': { in: [...ids] } }],
    })),
    ...[...globals].map((slug): Where => ({ globalSlug: { equals: slug } })),
  ]
  return {
    or: [
      { and: [{ 'user.value': { equals: req.user.id } }, { 'user.relationTo': { equals: req.user.collection } }] },
      ...others,
    ],
  }
}

type LockData = { document?: { relationTo?: unknown; value?: unknown } | null; globalSlug?: unknown }

/** A new lock only on a document or global the person could edit. */
export const canLockDocument: Access = async ({ data, req }) => {
  if (!isStaff(req)) return false
  const { collections, documents, globals } = await editable(req)
  const { document, globalSlug } = (data ?? {}) as LockData
  if (typeof globalSlug === 'string' && globalSlug) return globals.has(globalSlug)
  const slug = typeof document?.relationTo === 'string' ? document.relationTo : ''
  const id =
    document?.value && typeof document.value === 'object' && 'id' in document.value
      ? String(document.value.id)
      : String(document?.value ?? '')
  return collections.has(slug) || Boolean(documents.get(slug)?.has(id))
}

/** A lock made or taken over through the API is the caller's own: nobody puts a lock in someone else's name. */
export const lockInOwnName: CollectionBeforeChangeHook = ({ data, req }) => {
  if (!req.user) return data
  return { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
}
