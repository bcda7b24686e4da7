import type {
  CollectionBeforeChangeHook,
  CollectionSlug,
  DataFromCollectionSlug,
  File,
  Payload,
  PayloadRequest,
  RequiredDataFromCollectionSlug,
  Where,
} from 'payload'
import { ValidationError } from 'payload'

import { fileStore, UPLOAD_FOLDERS, type UploadSlug } from '../../cms/lib/fileStore'

export type Once<S extends CollectionSlug> = { doc: DataFromCollectionSlug<S>; created: boolean }

/** What to store the first time: the document's data (the key is added) and, for an upload, its file. */
export type Making<S extends CollectionSlug> = { data: Omit<RequiredDataFromCollectionSlug<S>, 'id'>; file?: File }

/**
 * "Create the row with this unique key, or return the existing one": the guard of every side
 * effect that must happen once although its job may run twice (PITFALLS: Payload 3.90 can run one
 * job twice, on two workers or as a retry after a crash between the effect and the job's end).
 *
 * The database decides, not a check before the insert: `field` must carry a unique index. The
 * lookup first only saves the work of `make` when the row exists; of two callers at the same
 * moment both may pass it, both insert, and the index lets exactly one through. The other gets
 * the unique violation (Payload turns it into a ValidationError at `field`, on SQLite and MongoDB
 * alike) and returns the winner's row. Trusted server code: access control is off, the callers
 * decide who may cause the effect.
 *
 * `req` is passed on so the writes join the caller's transaction where there is one; a unique
 * violation rolls that transaction back (Payload's create kills it), and the lookup then reads
 * outside it, where the winner's committed row is.
 */
export async function once<S extends CollectionSlug>(
  payload: Payload,
  args: {
    collection: S
    field: string
    key: string
    make: () => Promise<Making<S>> | Making<S>
    req?: Partial<PayloadRequest>
  },
): Promise<Once<S>> {
  const { collection, field, key, req } = args
  const existing = await findByKey(payload, collection, field, key, req)
  if (existing) return { doc: existing, created: false }
  const { data, file } = await args.make()
  const upload: UploadName = {}
  try {
    const doc = await payload.create({
      collection,
      data: { ...data, [field]: key } as RequiredDataFromCollectionSlug<S>,
      file,
      overrideAccess: true,
      depth: 0,
      req,
      context: { [UPLOAD_NAME]: upload },
    })
    return { doc, created: true }
  } catch (error) {
    if (!isUniqueViolation(error, field)) throw error
    if (upload.filename) await removeLosingFile(payload, collection, upload.filename)
    const winner = await findByKey(payload, collection, field, key, req)
    // A violation without a row to show for it: the winner is not committed yet; the job tries again.
    if (!winner) throw error
    return { doc: winner, created: false }
  }
}

const UPLOAD_NAME = 'onceUploadName'
type UploadName = { filename?: string }

/**
 * An upload collection whose documents are made through `once()` registers this `beforeChange`
 * hook: it tells `once()` the name Payload chose for the file. On disk Payload writes the file
 * before the row, so the loser of two attempts in two processes has written a file (often
 * `…-1.pdf`) by the time the unique index refuses its row; `once()` then removes that file. (With
 * S3 the upload follows the insert, so a refused row has no object; the removal finds none.)
 */
export const rememberUploadName: CollectionBeforeChangeHook = ({ context, data, operation }) => {
  const holder = context[UPLOAD_NAME] as UploadName | undefined
  if (operation === 'create' && holder && typeof data.filename === 'string') holder.filename = data.filename
  return data
}

/** The losing attempt's file, unless a document names it (both attempts may have chosen one name). */
async function removeLosingFile(payload: Payload, collection: CollectionSlug, filename: string): Promise<void> {
  const { totalDocs } = await payload.count({
    collection,
    where: { filename: { equals: filename } },
    overrideAccess: true,
  })
  if (totalDocs > 0 || !(collection in UPLOAD_FOLDERS)) return
  await fileStore(payload).remove(collection as UploadSlug, filename)
}

async function findByKey<S extends CollectionSlug>(
  payload: Payload,
  collection: S,
  field: string,
  key: string,
  req?: Partial<PayloadRequest>,
): Promise<DataFromCollectionSlug<S> | null> {
  const where: Where = { [field]: { equals: key } }
  const { docs } = await payload.find({ collection, where, limit: 1, depth: 0, overrideAccess: true, req })
  return (docs[0] as DataFromCollectionSlug<S> | undefined) ?? null
}

/** Payload's answer to a duplicate in a unique index (drizzle's handleUpsertError, mongoose's handleError). */
export function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof ValidationError)) return false
  const errors = (error.data as { errors?: { path?: unknown }[] } | undefined)?.errors ?? []
  return errors.some((e) => e.path === field)
}
