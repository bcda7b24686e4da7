import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import type { CollectionConfig, Config, GlobalConfig } from 'payload'

import { isAdmin } from '../collections/access/isAdmin'
import { nobody } from '../collections/access/nobody'
import { hasRole } from '../collections/access/roles'
import { CaseEvents } from '../collections/CaseEvents'
import { complaintAttachments } from '../collections/ComplaintAttachments'
import { Complaints } from '../collections/Complaints'
import { letters } from '../collections/Letters'
import { LetterTemplates } from '../collections/LetterTemplates'
import { Outbox } from '../collections/Outbox'
import { Sequences } from '../collections/Sequences'
import { ServiceAccounts } from '../collections/ServiceAccounts'
import { Regulation } from '../collections/Regulation'
import { Settings } from '../collections/Settings'
import { Users } from '../collections/Users'
import { databaseAdapter } from './db'
import { refuseMalformedData, refuseMalformedGlobalData } from './lib/guardMalformedInput'
import { OUTBOX_QUEUE } from './email/enqueue'
import { outboxEmailAdapter } from './email/outboxAdapter'
import { DEADLINES_QUEUE, deadlineRemindersTask } from './jobs/deadlineReminders'
import { deliverEmailTask } from './jobs/deliverEmail'
import { issueCaseLetterTask } from './jobs/issueCaseLetter'
import { issueIntakeLettersTask } from './jobs/issueIntakeLetters'
import type { Env } from './env'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Before any collection's own hooks: a date that is no date is a 400 at its field (cms/lib/guardMalformedInput). */
const guarded = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeOperation: [refuseMalformedData, ...(collection.hooks?.beforeOperation ?? [])] },
})
const guardedGlobal = (global: GlobalConfig): GlobalConfig => ({
  ...global,
  hooks: { ...global.hooks, beforeOperation: [refuseMalformedGlobalData, ...(global.hooks?.beforeOperation ?? [])] },
})

/** The whole configuration for an environment; tests build variants of it (e.g. the offline Mongo schema). */
export const configFor = (env: Env): Config => ({
  serverURL: env.CMS_URL,
  secret: env.PAYLOAD_SECRET,
  db: databaseAdapter(env.DATABASE_URL),
  editor: lexicalEditor(),
  collections: [Complaints, complaintAttachments(env.UPLOAD_DIR), letters(env.UPLOAD_DIR), CaseEvents, LetterTemplates, Outbox, Users, ServiceAccounts, Sequences].map(guarded),
  globals: [Regulation, Settings].map(guardedGlobal),
  admin: {
    user: Users.slug,
    // No requests to gravatar.com: the portal runs on closed networks too.
    avatar: 'default',
    // Dutch dates with a 24-hour clock, everywhere in the admin.
    dateFormat: 'd MMMM yyyy, HH:mm',
    components: { beforeDashboard: ['/components/CaseDashboard#CaseDashboard'] },
    meta: { titleSuffix: ' – Klachtenportaal Working Progression' },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
    },
  },
  // Every e-mail, Payload's own included, is stored in the outbox and delivered by a job.
  email: outboxEmailAdapter(env.MAIL_FROM),
  jobs: {
    tasks: [deliverEmailTask(env), issueIntakeLettersTask, issueCaseLetterTask, deadlineRemindersTask(env)],
    // Runs only in the process that starts Payload with cron enabled: the CMS (Next) server.
    autoRun: [
      { cron: '*/5 * * * * *', queue: OUTBOX_QUEUE, limit: 10, silent: { info: true } },
      { cron: '30 * * * * *', queue: DEADLINES_QUEUE, limit: 1, silent: { info: true } },
    ],
    access: {
      run: ({ req }) => hasRole(req.user, 'admin'),
      queue: ({ req }) => hasRole(req.user, 'admin'),
      cancel: ({ req }) => hasRole(req.user, 'admin'),
    },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
    }),
  },
  i18n: {
    // Dutch is the default; English stays selectable per user.
    supportedLanguages: { nl, en },
    fallbackLanguage: 'nl',
  },
  // Issue 8: the REST API and the admin carry every access rule; GraphQL is switched off.
  graphQL: { disable: true },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // Types are generated explicitly (`npm run generate`), never as a side effect of booting.
    autoGenerate: false,
  },
  telemetry: false,
})
