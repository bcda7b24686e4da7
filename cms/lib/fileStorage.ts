import { s3Storage } from '@payloadcms/storage-s3'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import type { Config, Field, Plugin } from 'payload'

import { nobodyField } from '../../collections/access/nobody'
import type { Env } from '../env'
import { type FileStoreConfig, UPLOAD_FOLDERS, type UploadSlug } from './fileStore'

/**
 * Where the upload collections keep their files. The default is the local disk (UPLOAD_DIR): one
 * CMS process on one machine. With S3_BUCKET set, Payload's S3 plugin stores them in that bucket
 * under the same folder names, and every CMS web process and the worker see the same files.
 *
 * Payload still checks access on every download (`/api/<collection>/file/<name>`): the plugin's
 * handler serves the object only after Payload found the document the caller may read, and the
 * portal's download log and headers (serveAsDownload) run as on disk. No public bucket URL is ever
 * handed out (no `disablePayloadAccessControl`, no signed downloads, no uploads from the browser).
 */
export function s3ClientConfig(env: Env): S3ClientConfig {
  return {
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
      : {}),
    // Checksums only where S3 requires them: S3-compatible services do not all accept the SDK's
    // newer default (a CRC32 trailer on every upload); AWS itself accepts either.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
}

export function fileStorageConfig(env: Env): FileStoreConfig {
  return env.S3_BUCKET ? { kind: 's3', bucket: env.S3_BUCKET, client: s3ClientConfig(env) } : { kind: 'disk' }
}

/**
 * The plugins for file storage. The S3 plugin always adds its fields (`prefix`, `_objectKey`), with
 * or without a bucket, so the database schema, and so the migrations, are the same either way.
 */
export function fileStoragePlugins(env: Env): Plugin[] {
  const collections = Object.fromEntries(
    Object.entries(UPLOAD_FOLDERS).map(([slug, folder]) => [slug, { prefix: folder }]),
  ) as Record<UploadSlug, { prefix: string }>
  return [
    s3Storage({
      enabled: Boolean(env.S3_BUCKET),
      alwaysInsertFields: true,
      bucket: env.S3_BUCKET ?? '',
      config: s3ClientConfig(env),
      collections,
    }),
    lockStorageFields,
  ]
}

/** Fields the plugin adds for its own bookkeeping. */
const STORAGE_FIELDS = new Set(['prefix', '_objectKey'])

/**
 * Deny by default: the plugin's fields carry no access rules. Where a file lies is decided by the
 * server alone; no request may set it (the plugin's own code writes it with access control off).
 */
const lockStorageFields: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug in UPLOAD_FOLDERS
      ? {
          ...collection,
          fields: collection.fields.map((field: Field) =>
            'name' in field && field.type === 'text' && STORAGE_FIELDS.has(field.name)
              ? { ...field, access: { ...field.access, create: nobodyField, update: nobodyField } }
              : field,
          ),
        }
      : collection,
  ),
})
