import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { S3 } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

export type LocalS3 = {
  bucket: string
  /** The variables that point the portal at this server (cms/env.ts). */
  env: Record<string, string>
  /** Every key in the bucket under a prefix, e.g. `letters/`. */
  keys: (prefix?: string) => Promise<string[]>
  /** An object's bytes, or null when it is not there. */
  get: (key: string) => Promise<Buffer | null>
  put: (key: string, body: Buffer | string) => Promise<void>
  close: () => Promise<void>
}

/**
 * A local S3-compatible server (s3rver, from npm) on a free port of 127.0.0.1, with one empty
 * bucket and its data in a temporary folder: no network, nothing shared between test files.
 */
export async function startLocalS3(bucket = 'klachten-test'): Promise<LocalS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'portal-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return {
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async keys(prefix = '') {
      const page = await client.listObjectsV2({ Bucket: bucket, Prefix: prefix })
      return (page.Contents ?? []).map((object) => object.Key ?? '').sort()
    },
    async get(key) {
      try {
        const object = await client.getObject({ Bucket: bucket, Key: key })
        return Buffer.from((await object.Body?.transformToByteArray()) ?? [])
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return null
        throw error
      }
    },
    async put(key, body) {
      await client.putObject({ Bucket: bucket, Key: key, Body: body })
    },
    async close() {
      client.destroy()
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
