import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { S3, type S3ClientConfig } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'

/** The collections whose documents carry a file: a complaint's attachments, the letters, the frozen reports. */
export type UploadSlug = 'complaint-attachments' | 'letters' | 'reports'

/**
 * The folder of each upload collection: under UPLOAD_DIR on disk (cms/config.ts, withUploadDir),
 * the key prefix in the bucket with S3 (cms/lib/fileStorage.ts). One list, so both agree.
 */
export const UPLOAD_FOLDERS: Record<UploadSlug, string> = {
  'complaint-attachments': 'complaints',
  letters: 'letters',
  reports: 'reports',
}

/** Where the files of this configuration are: `custom.fileStore` of the Payload config. */
export type FileStoreConfig = { kind: 'disk' } | { kind: 's3'; bucket: string; client: S3ClientConfig }

export type StoredFile = { name: string; modifiedMs: number }

/**
 * The files Payload stores for the upload collections, as the portal's own code reads and removes
 * them outside Payload's upload handling: a letter for the complainant's page and the dossier, a
 * report's PDF, the retention job's erasure, the start-up sweep of stray attachments and the loser
 * of two attempts at one letter (hooks/effects/once.ts). Payload itself writes and serves them
 * (through the cloud-storage plugin when S3 is configured), with its access control.
 */
export interface FileStore {
  /** Whether the store can be used: null, or what is wrong, in Dutch, for the one line at start. */
  problem(): Promise<string | null>
  /** For log lines: the folder, or `s3://bucket/prefix`. */
  describe(collection: UploadSlug): string
  read(collection: UploadSlug, filename: string): Promise<Buffer>
  /** A file that is not there counts as removed. */
  remove(collection: UploadSlug, filename: string): Promise<void>
  /** The files of the collection, names starting with a dot (markers) left out; none when the folder does not exist. */
  list(collection: UploadSlug): Promise<StoredFile[]>
  /** A small marker file beside the files (e.g. which database the folder belongs to). */
  readMarker(collection: UploadSlug, name: string): Promise<string | null>
  writeMarker(collection: UploadSlug, name: string, text: string): Promise<void>
}

/** A stored name is a plain file name: never follow one out of its folder or prefix. */
const plainName = (filename: string): string => {
  const name = path.basename(filename)
  if (!name || name === '.' || name === '..') throw new Error(`Not a file name: ${JSON.stringify(filename)}`)
  return name
}

/** The file store of a running Payload: S3 when its configuration says so, else the upload folders on disk. */
export function fileStore(payload: Payload): FileStore {
  const config = (payload.config.custom as { fileStore?: FileStoreConfig } | undefined)?.fileStore
  return config?.kind === 's3' ? s3Store(config) : diskStore(payload)
}

function diskStore(payload: Payload): FileStore {
  const folder = (collection: UploadSlug): string => {
    const dir = payload.collections[collection].config.upload.staticDir
    if (!dir) throw new Error(`The ${collection} collection has no upload folder`)
    return dir
  }
  return {
    problem: () => Promise.resolve(null),
    describe: folder,
    read: (collection, filename) => readFile(path.join(folder(collection), plainName(filename))),
    remove: (collection, filename) => rm(path.join(folder(collection), plainName(filename)), { force: true }),
    async list(collection) {
      const dir = folder(collection)
      const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[]
        throw error
      })
      const files: StoredFile[] = []
      for (const name of names) {
        if (name.startsWith('.')) continue
        const info = await stat(path.join(dir, name)).catch(() => null)
        if (info?.isFile()) files.push({ name, modifiedMs: info.mtimeMs })
      }
      return files
    },
    readMarker: (collection, name) =>
      readFile(path.join(folder(collection), plainName(name)), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null
        throw error
      }),
    async writeMarker(collection, name, text) {
      await mkdir(folder(collection), { recursive: true })
      await writeFile(path.join(folder(collection), plainName(name)), text)
    },
  }
}

// One client per configuration in a process, as the plugin keeps one (its sockets are reused).
const clients = new WeakMap<FileStoreConfig, S3>()

function s3Store(config: Extract<FileStoreConfig, { kind: 's3' }>): FileStore {
  const endpoint = config.client.endpoint
  const client = () => {
    let found = clients.get(config)
    if (!found) clients.set(config, (found = new S3(config.client)))
    return found
  }
  const Bucket = config.bucket
  const key = (collection: UploadSlug, filename: string) => `${UPLOAD_FOLDERS[collection]}/${plainName(filename)}`
  const notFound = (error: unknown) =>
    (error as { name?: string }).name === 'NoSuchKey' ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
  const read = async (collection: UploadSlug, filename: string) => {
    const object = await client().getObject({ Bucket, Key: key(collection, filename) })
    if (!object.Body) throw new Error(`s3://${Bucket}/${key(collection, filename)} has no body`)
    return Buffer.from(await object.Body.transformToByteArray())
  }
  return {
    async problem() {
      try {
        await client().headBucket({ Bucket })
        return null
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
        const where = typeof endpoint === 'string' ? endpoint : 'AWS'
        const why =
          status === 404
            ? 'bestaat niet'
            : status === 403 || status === 401
              ? 'weigert deze sleutels'
              : `is niet bereikbaar (${(error as Error).name || String(error)})`
        return `"${Bucket}" op ${where} ${why}: controleer S3_BUCKET, S3_ENDPOINT, S3_REGION en de sleutels`
      }
    },
    describe: (collection) => `s3://${Bucket}/${UPLOAD_FOLDERS[collection]}/`,
    read,
    async remove(collection, filename) {
      // S3 answers a delete of a missing key with success too.
      await client().deleteObject({ Bucket, Key: key(collection, filename) })
    },
    async list(collection) {
      const Prefix = `${UPLOAD_FOLDERS[collection]}/`
      const files: StoredFile[] = []
      let ContinuationToken: string | undefined
      do {
        const page = await client().listObjectsV2({ Bucket, Prefix, Delimiter: '/', ContinuationToken })
        for (const object of page.Contents ?? []) {
          const name = object.Key?.slice(Prefix.length)
          if (!name || name.startsWith('.')) continue
          files.push({ name, modifiedMs: object.LastModified?.getTime() ?? 0 })
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
      return files
    },
    async readMarker(collection, name) {
      try {
        return (await read(collection, name)).toString('utf8')
      } catch (error) {
        if (notFound(error)) return null
        throw error
      }
    },
    async writeMarker(collection, name, text) {
      await client().putObject({ Bucket, Key: key(collection, name), Body: text, ContentType: 'text/plain' })
    },
  }
}
