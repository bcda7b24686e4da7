import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import type { CollectionConfig, Config, Field, GlobalConfig, SanitizedConfig } from 'payload'

import { isAdmin } from '../collections/access/isAdmin'
import { canLockDocument, canReachLock, lockInOwnName } from '../collections/access/lockAccess'
import { nobody, nobodyField } from '../collections/access/nobody'
import { hasRole } from '../collections/access/roles'
import { CaseEvents } from '../collections/CaseEvents'
import { AccessLog } from '../collections/AccessLog'
import { CaseFacts } from '../collections/CaseFacts'
import { ComplainantLinks } from '../collections/ComplainantLinks'
import { ComplainantSessions } from '../collections/ComplainantSessions'
import { ComplaintAttachments } from '../collections/ComplaintAttachments'
import { Complaints } from '../collections/Complaints'
import { Letters } from '../collections/Letters'
import { LetterTemplates } from '../collections/LetterTemplates'
import { Outbox } from '../collections/Outbox'
import { Sequences } from '../collections/Sequences'
import { ServiceAccounts } from '../collections/ServiceAccounts'
import { PublishedFigures } from '../collections/PublishedFigures'
import { Reports } from '../collections/Reports'
import { RateLimitSlots } from '../collections/RateLimitSlots'
import { Regulation } from '../collections/Regulation'
import { RetentionRuns } from '../collections/RetentionRuns'
import { Settings } from '../collections/Settings'
import { SurveyReceipts, SurveyResponses } from '../collections/SurveyResponses'
import { Users } from '../collections/Users'
import { DATE_TIME_FORMAT, giveDatesDutchFormat } from '../collections/fields/dutchDate'
import { guardPersonalDataQueries } from '../hooks/complaints/guardPersonalDataQueries'
import { sessionCookies } from '../hooks/users/sessionPolicy'
import { databaseAdapter } from './db'
import { refuseMalformedData, refuseMalformedGlobalData } from './lib/guardMalformedInput'
import { fileStorageConfig, fileStoragePlugins } from './lib/fileStorage'
import { nameFieldsByLabel } from './lib/nameFieldsByLabel'
import { OUTBOX_QUEUE } from './email/enqueue'
import { outboxEmailAdapter } from './email/outboxAdapter'
import { anonymiseComplaintEndpoint } from './endpoints/anonymiseComplaint'
import { complainantEndpoints } from './endpoints/complainant'
import { reportEndpoint } from './endpoints/report'
import { siteVersionEndpoint } from './endpoints/siteVersion'
import { DEADLINES_QUEUE, deadlineRemindersTask } from './jobs/deadlineReminders'
import { deliverEmailTask } from './jobs/deliverEmail'
import { freezeQuarterlyReportTask, REPORTS_QUEUE } from './jobs/freezeQuarterlyReport'
import { issueCaseLetterTask } from './jobs/issueCaseLetter'
import { issueIntakeLettersTask } from './jobs/issueIntakeLetters'
import { applyRetentionTask, RETENTION_QUEUE } from './jobs/applyRetention'
import { releaseExpiredLeases, withLease } from './jobs/lease'
import { sendComplainantLinkTask } from './jobs/sendComplainantLink'
import type { Env } from './env'
import { dutchOverrides } from './translations'

const dirname = path.dirname(fileURLToPath(import.meta.url))
/** Uploads go here unless UPLOAD_DIR says otherwise: never a public folder (served only through the API). */
const DEFAULT_UPLOAD_DIR = path.resolve(dirname, '..', 'data/uploads')

/**
 * An upload collection names its own folder (`staticDir: 'letters'`); it lies under the upload
 * directory of this environment, so every test file keeps its files in a folder of its own.
 */
export const withUploadDir = (collection: CollectionConfig, uploadDir: string | undefined): CollectionConfig =>
  typeof collection.upload === 'object'
    ? {
        ...collection,
        upload: {
          ...collection.upload,
          staticDir: path.resolve(uploadDir ?? DEFAULT_UPLOAD_DIR, collection.upload.staticDir ?? collection.slug),
        },
      }
    : collection

/** The session cookie is `Secure` when the admin's public address (CMS_URL) is https (hooks/users/sessionPolicy). */
export const withSessionCookies = (collection: CollectionConfig, serverUrl: string): CollectionConfig =>
  typeof collection.auth === 'object'
    ? { ...collection, auth: { ...collection.auth, cookies: sessionCookies(serverUrl) } }
    : collection

/** What a job carries — its input, each task's log and the status built from it — can be a composed letter (Decision 19). */
const JOB_CONTENTS = new Set(['input', 'log', 'taskStatus'])
/** Decision 15: the admin sees a job's state (queue, task, tries, error), never what it carries. */
const withoutJobContents = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withoutJobContents(tab.fields) })) }
    if ('name' in field && JOB_CONTENTS.has(field.name))
      return { ...field, access: { ...('access' in field ? field.access : {}), read: nobodyField } } as Field
    return field
  })

/**
 * Decision 15 and the queue: no query names a field of a complaint its asker may not read — not on
 * complaints, and not through the relationships of the collections that point at them
 * (`case-events`, `letters`, `outbox`, `complaint-attachments`: `complaint.complainant.email`).
 * So every collection gets the guard, once.
 */
const withQueryGuard = (collection: CollectionConfig): CollectionConfig =>
  collection.hooks?.beforeOperation?.includes(guardPersonalDataQueries)
    ? collection
    : {
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [guardPersonalDataQueries, ...(collection.hooks?.beforeOperation ?? [])],
        },
      }

/** Before any collection's own hooks: a date that is no date is a 400 at its field (cms/lib/guardMalformedInput). */
const guarded = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeOperation: [refuseMalformedData, ...(collection.hooks?.beforeOperation ?? [])] },
})
const guardedGlobal = (global: GlobalConfig): GlobalConfig => ({
  ...global,
  hooks: { ...global.hooks, beforeOperation: [refuseMalformedGlobalData, ...(global.hooks?.beforeOperation ?? [])] },
})

/**
 * Art. 9: GET /api/complaints/report. Payload matches a collection's own endpoints before its
 * `/:id` routes (collections/config/sanitize appends those), so `/report` is never read as an id.
 */
const withReportEndpoint = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'complaints'
    ? { ...collection, endpoints: [reportEndpoint, anonymiseComplaintEndpoint, ...(collection.endpoints || [])] }
    : collection

/** The whole configuration for an environment; tests build variants of it (e.g. the offline Mongo schema). */
export const configFor = (env: Env): Config => ({
  serverURL: env.CMS_URL,
  secret: env.PAYLOAD_SECRET,
  db: databaseAdapter(env.DATABASE_URL),
  editor: lexicalEditor(),
  collections: [
    Complaints,
    withUploadDir(ComplaintAttachments, env.UPLOAD_DIR),
    withUploadDir(Letters, env.UPLOAD_DIR),
    CaseEvents,
    LetterTemplates,
    Outbox,
    withSessionCookies(Users, env.CMS_URL),
    ServiceAccounts,
    Sequences,
    withUploadDir(Reports, env.UPLOAD_DIR),
    CaseFacts,
    PublishedFigures,
    AccessLog,
    RetentionRuns,
    ComplainantLinks,
    ComplainantSessions,
    SurveyResponses,
    SurveyReceipts,
    RateLimitSlots,
  ]
    .map(withReportEndpoint)
    .map(withQueryGuard)
    .map(guarded),
  globals: [Regulation, Settings].map(guardedGlobal),
  // Decision 20: /api/complainant/* for the site's complainant page (each checks the site's key and scope);
  // the public site's content version, which every site process checks (site/server.ts).
  endpoints: [...complainantEndpoints, siteVersionEndpoint],
  admin: {
    user: 'users',
    // No requests to gravatar.com: the portal runs on closed networks too.
    avatar: 'default',
    // Dutch dates with a 24-hour clock, everywhere in the admin (each date field: collections/fields/dutchDate).
    dateFormat: DATE_TIME_FORMAT,
    components: {
      beforeDashboard: ['/components/SettingsWarning#SettingsWarning', '/components/CaseDashboard#CaseDashboard'],
      // Working Progression's name and mark on the login page and in the nav, not Payload's.
      graphics: { Logo: '/components/Brand#Logo', Icon: '/components/Brand#Icon' },
      // Payload's notice that someone else is editing, in Dutch (components/DutchLockNotice.tsx); the
      // month names of every date input in the admin's language (components/DatePickerLocale.tsx).
      providers: ['/components/DatePickerLocale#DatePickerLocale', '/components/DutchLockNotice#DutchLockNotice'],
      // Art. 9: the accountability report for managers (the view checks the role itself).
      // AVG art. 30: the records of processing for managers and admins (the view checks the role itself).
      afterNavLinks: [
        '/components/report/ReportNavLink#ReportNavLink',
        '/components/records/RecordsNavLink#RecordsNavLink',
      ],
      views: {
        verantwoording: { Component: '/components/report/ReportView#ReportView', path: '/verantwoording', exact: true },
        verwerkingsregister: {
          Component: '/components/records/RecordsView#RecordsView',
          path: '/verwerkingsregister',
          exact: true,
        },
        // Decision 19: the retention preview for managers (the view checks the role itself).
        bewaartermijn: {
          Component: '/components/retention/RetentionView#RetentionView',
          path: '/bewaartermijn',
          exact: true,
        },
      },
    },
    meta: {
      titleSuffix: ' – Klachtenportaal Working Progression',
      // The browser tab shows Working Progression's mark, not Payload's (the file is in cms/public).
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }],
    },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
    },
  },
  // Every e-mail, Payload's own included, is stored in the outbox and delivered by a job.
  email: outboxEmailAdapter(env.MAIL_FROM),
  jobs: {
    tasks: [
      deliverEmailTask(env),
      issueIntakeLettersTask,
      issueCaseLetterTask,
      deadlineRemindersTask(env),
      freezeQuarterlyReportTask(env),
      applyRetentionTask,
      sendComplainantLinkTask(env),
    ].map((task) => withLease(task, env.JOB_LEASE_MS)),
    // The queues run in the one job worker (`npm run worker`, CMS_JOBS=on); a CMS web process
    // (CMS_JOBS=off, as `npm start` runs it) runs none and schedules none.
    autoRun:
      env.CMS_JOBS === 'on'
        ? [
            { cron: '*/5 * * * * *', queue: OUTBOX_QUEUE, limit: 10, silent: { info: true } },
            { cron: '30 * * * * *', queue: DEADLINES_QUEUE, limit: 1, silent: { info: true } },
            // Art. 9: the quarterly report's daily job (its schedule enqueues it, this runs it).
            { cron: '45 */10 * * * *', queue: REPORTS_QUEUE, limit: 1, silent: { info: true } },
            // Decision 19: the retention job's daily run (its schedule enqueues it, this runs it).
            { cron: '15 */10 * * * *', queue: RETENTION_QUEUE, limit: 1, silent: { info: true } },
          ]
        : undefined,
    // Before every run of a queue: jobs whose worker died are released once their lease ran out.
    shouldAutoRun: async (payload) => {
      await releaseExpiredLeases(payload, env.JOB_LEASE_MS)
      return true
    },
    access: {
      run: ({ req }) => hasRole(req.user, 'admin'),
      queue: ({ req }) => hasRole(req.user, 'admin'),
      cancel: ({ req }) => hasRole(req.user, 'admin'),
    },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
      fields: withoutJobContents(defaultJobsCollection.fields),
    }),
  },
  i18n: {
    // Dutch is the default; English stays selectable per user.
    supportedLanguages: { nl, en },
    fallbackLanguage: 'nl',
    translations: { nl: dutchOverrides },
  },
  // A refused save names its fields by their Dutch labels, not their API paths.
  hooks: { afterError: [nameFieldsByLabel] },
  // DOMAIN.md, People: the REST API and the admin carry every access rule; GraphQL is switched off.
  graphQL: { disable: true },
  // The upload folders on disk, or one S3 bucket for every process (cms/lib/fileStorage.ts);
  // `custom` stays on the server (Payload leaves it out of the admin's client configuration).
  plugins: fileStoragePlugins(env),
  custom: { fileStore: fileStorageConfig(env) },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // Types are generated explicitly (`npm run generate`), never as a side effect of booting.
    autoGenerate: false,
  },
  telemetry: false,
})

/**
 * Payload's own collections, which it adds while it builds the configuration (there is no option
 * for their access, so it is set on the built configuration).
 * - `payload-locked-documents`: Payload lets any logged-in user read, change and delete every
 *   editing lock. Here a person reaches their own locks and those on documents they could edit
 *   themselves (collections/access/lockAccess.ts), and a lock is always in the caller's own name.
 * - `payload-preferences`: Payload's own rule already limits reads, changes and deletes to the
 *   user's own preferences, and puts every new one in the caller's name; it stays as it is
 *   (test/int/locks-and-preferences.int.spec.ts holds it to that).
 * - `payload-jobs-stats`: the scheduler's record of when each schedule last ran, which Payload
 *   leaves open to every logged-in user; a changed date could hold back the deadline reminders
 *   (Art. 5, 7). The scheduler writes it through the adapter, so nobody needs the API for it.
 */
export function restrictPayloadCollections(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === 'payload-locked-documents')
  if (locks) {
    locks.access = {
      ...locks.access,
      read: canReachLock,
      update: canReachLock,
      delete: canReachLock,
      create: canLockDocument,
    }
    locks.hooks.beforeChange = [lockInOwnName, ...(locks.hooks.beforeChange ?? [])]
  }
  // Payload's own date fields (timestamps, sessions, jobs) read Dutch too.
  giveDatesDutchFormat(config.collections)
  giveDatesDutchFormat(config.globals)
  const jobStats = config.globals.find((global) => global.slug === 'payload-jobs-stats')
  if (jobStats) jobStats.access = { ...jobStats.access, read: isAdmin, readVersions: nobody, update: nobody }
  return config
}
