import { createHmac } from 'node:crypto'

import { z } from 'zod'

import { trustedProxies } from '../site/lib/trustedProxies'

/**
 * Every setting the portal reads from its environment, validated once at boot.
 * A missing or malformed value stops the process with one line naming the variable.
 */

const PORT = 'moet een poortnummer zijn (1-65535)'
const port = (fallback: number) =>
  z.coerce.number({ error: PORT }).int(PORT).min(1, PORT).max(65535, PORT).default(fallback)

// The message for a value that is no whole number at all (zod's own is English).
const count = () => z.coerce.number({ error: 'moet een heel getal zijn' }).int('moet een heel getal zijn')

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))

const url = z.url({ protocol: /^https?$/, message: 'moet een http(s)-adres zijn' })

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: z
    .string()
    .trim()
    .default('file:./data/portal.db')
    .refine((v) => /^(file:|mongodb:\/\/|mongodb\+srv:\/\/)/.test(v), {
      message: 'moet beginnen met file:, mongodb:// of mongodb+srv://',
    }),
  PAYLOAD_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn'),
  CMS_PORT: port(3000),
  SITE_PORT: port(4321),
  HOST: z.string().default('127.0.0.1'),
  CMS_URL: url.optional(),
  SITE_URL: url.optional(),
  ADMIN_EMAIL: z.email({ message: 'moet een e-mailadres zijn' }).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'moet minstens 12 tekens lang zijn').optional(),
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: url.optional(),
  MAIL_FROM: z.string().default('Working Progression <klachten@workingprogression.nl>'),
  SITE_CACHE_SECRET: optionalString,
  SITE_INTERNAL_URL: url.optional(),
  SITE_API_KEY: z.string().min(24, 'moet minstens 24 tekens lang zijn').optional(),
  SITE_RATE_LIMIT_PER_HOUR: count().min(1, 'moet minstens 1 zijn').default(30),
  SITE_RATE_LIMIT_PER_EMAIL_PER_HOUR: count().min(1, 'moet minstens 1 zijn').default(3),
  // Decision 20: link requests on /mijn-klacht (site/lib/complainantLimit.ts).
  SITE_RATE_LIMIT_LINK_PER_HOUR: count().min(1, 'moet minstens 1 zijn').default(20),
  SITE_RATE_LIMIT_LINK_PER_EMAIL_PER_HOUR: count().min(1, 'moet minstens 1 zijn').default(5),
  SITE_RATE_LIMIT_LINK_PER_CASE_PER_HOUR: count().min(1, 'moet minstens 1 zijn').default(3),
  // Checked here as well as in the site process, so that `npm start` stops at once with one line
  // instead of starting a site that cannot run (site/lib/trustedProxies.ts).
  SITE_TRUSTED_PROXIES: optionalString.superRefine((value, ctx) => {
    try {
      trustedProxies(value)
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: (error as Error).message.replace(/^Configuratiefout: SITE_TRUSTED_PROXIES /, ''),
      })
    }
  }),
  UPLOAD_DIR: optionalString,
  // Shared file storage (cms/lib/fileStorage.ts): with S3_BUCKET set, attachments, letters and
  // reports go to this bucket instead of UPLOAD_DIR, so every CMS process sees the same files.
  S3_BUCKET: optionalString,
  S3_REGION: z.string().trim().default('eu-central-1'),
  // An S3-compatible service other than AWS (MinIO, Ceph, a provider's object storage).
  S3_ENDPOINT: url.optional(),
  // Without a key pair the AWS SDK's own chain applies (instance role, AWS_* variables).
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  // `bucket.host/key` (AWS) or `host/bucket/key` (most S3-compatible services).
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], { error: 'moet true of false zijn' }).default('false'),
  OUTBOX_MAX_ATTEMPTS: count().min(1, 'moet minstens 1 zijn').max(50, 'mag hoogstens 50 zijn').default(8),
  OUTBOX_RETRY_DELAY_MS: count().min(0, 'mag niet negatief zijn').default(30_000),
  // Who runs the job queue (cms/jobs/lease.ts): `on` in the one job worker (`npm run worker`),
  // `off` in every CMS web process. A CMS started on its own (`next start cms`) runs them itself.
  CMS_JOBS: z.enum(['on', 'off'], { error: 'moet on of off zijn' }).default('on'),
  // How long a job stays claimed after the last sign of life of the worker that runs it.
  JOB_LEASE_MS: count().min(1000, 'moet minstens 1000 zijn').default(120_000),
  // On SIGTERM, how long the worker lets running jobs finish (cms/scripts/worker.ts).
  WORKER_STOP_GRACE_MS: count().min(0, 'mag niet negatief zijn').default(10_000),
})

export type Env = z.infer<typeof envSchema> & {
  CMS_URL: string
  SITE_URL: string
  SITE_INTERNAL_URL: string
  SITE_CACHE_SECRET: string
  SITE_API_KEY: string
}

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Configuratiefout: ${variable} ${problem}`)
    this.name = 'EnvError'
  }
}

/** Parses an environment; throws an EnvError that names the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const issue = result.error.issues[0]
    const variable = String(issue?.path[0] ?? 'environment')
    const problem =
      issue?.code === 'invalid_type' && cleaned[variable] === undefined
        ? 'ontbreekt'
        : (issue?.message ?? 'is ongeldig')
    throw new EnvError(variable, problem)
  }
  const env = result.data
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    throw new EnvError(
      env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL',
      'ontbreekt (ADMIN_EMAIL en ADMIN_PASSWORD horen bij elkaar)',
    )
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new EnvError(
      env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID',
      'ontbreekt (S3_ACCESS_KEY_ID en S3_SECRET_ACCESS_KEY horen bij elkaar)',
    )
  }
  return {
    ...env,
    CMS_URL: env.CMS_URL ?? `http://localhost:${env.CMS_PORT}`,
    SITE_URL: env.SITE_URL ?? `http://localhost:${env.SITE_PORT}`,
    SITE_INTERNAL_URL: env.SITE_INTERNAL_URL ?? `http://127.0.0.1:${env.SITE_PORT}`,
    SITE_CACHE_SECRET: env.SITE_CACHE_SECRET ?? deriveSecret(env.PAYLOAD_SECRET, 'site-cache'),
    SITE_API_KEY: env.SITE_API_KEY ?? deriveSecret(env.PAYLOAD_SECRET, 'site-api-key'),
  }
}

let cached: Env | undefined

/** The validated environment of this process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

export function isMongoUrl(databaseUrl: string): boolean {
  return databaseUrl.startsWith('mongodb://') || databaseUrl.startsWith('mongodb+srv://')
}

/**
 * A separate secret for a separate purpose: HMAC-SHA256 keyed with PAYLOAD_SECRET over the purpose's
 * label. One-way, so the site, which holds only its derived keys, can neither recover PAYLOAD_SECRET
 * nor compute Payload's session key from them, and one purpose's key says nothing about another's.
 */
export function deriveSecret(secret: string, purpose: 'site-api-key' | 'site-cache'): string {
  return createHmac('sha256', secret).update(purpose).digest('base64url')
}
