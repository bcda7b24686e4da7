import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Complaint, User } from '../../cms/payload-types'
import { seedRegulation } from '../../cms/seed/regulation/seedRegulation'
import { hashServiceKey } from '../../hooks/complaints/serviceKey'
import { LETTER_KIND_DEFINITIONS } from '../../hooks/letters/kinds'
import { minimalPdf } from '../helpers/files'
import { intakeForm, recordedComplaint, validIntake } from '../helpers/intake'
import { at, type Caller, type Doc, idOf, type Outcome, perform, query, type Way, WAYS } from '../helpers/matrix'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, STAFF_PASSWORD, type StaffUser, staffUserToken } from '../helpers/staff'

/*
 * The access matrix, written by hand. Every expectation below comes from the roles of DOMAIN.md
 * (People; Art. 4; Decision 15) — never from the access code it tests. Where those are silent, the row
 * carries a `// decision:` comment with what a careful Dutch public-service product would do.
 *
 * Each cell runs twice: through the Local API (`overrideAccess: false`, the caller as `user`) and
 * through the REST API (the caller's JWT or API key). Cell values:
 *   OK  allowed                       F   refused outright: 403, the role has no access at all
 *   NF  hidden: 404, the role has access to some documents, not this one (its existence stays secret)
 *   NO  a refused write: 403 or 404, and nothing stored changed
 *   L([seen], [hidden])  a list: these fixtures are in it, those are not (200)
 *   QB  the handler's view of the unassigned queue: see the separate describe block at the end
 *   --  not applicable (e.g. "own account" for a caller without one)
 */

const ACTORS = ['anonymous', 'site', 'admin', 'manager', 'handlerA', 'handlerB', 'editor', 'editorHandler'] as const
/** Plus one outside the table: roles add up, and Decision 15 takes nothing from a manager who is also an admin (its own block, below). */
type Actor = (typeof ACTORS)[number] | 'adminManager' | 'adminHandler'
type Cols<T> = readonly [T, T, T, T, T, T, T, T]

type ReadCell = 'OK' | 'F' | 'NF' | 'QB' | '--'
type WriteCell = 'OK' | 'NO' | 'QB' | '--'
type ListCell = 'F' | { sees: readonly Fixture[]; hides: readonly Fixture[] }
const OK = 'OK'
const F = 'F'
const NF = 'NF'
const NO = 'NO'
const QB = 'QB'
const __ = '--'
const L = (sees: readonly Fixture[], hides: readonly Fixture[] = []): ListCell => ({ sees, hides })

/** Fixture documents by name; `self` is the caller's own account. */
type Fixture =
  | 'A' // complaint assigned to handler A
  | 'Q' // complaint in the queue: new, unassigned
  | 'attA'
  | 'attQ' // their attachments
  | 'evA'
  | 'evQ' // their first timeline entries
  | 'msgA'
  | 'msgQ' // messages about them in the outbox
  | 'msgSys' // a message about no case (e.g. a password reset)
  | 'admin'
  | 'manager'
  | 'handlerA'
  | 'handlerB'
  | 'editor'
  | 'editorHandler'
  | 'adminManager'
  | 'adminHandler'
  | 'victim'
  | 'self'
  | 'site'
  | 'spare' // service accounts
  | 'seq' // a counter
  | 'facts' // a case's Art. 9 facts (the report's projection)
  | 'job' // a queued delivery job
  | 'letA'
  | 'letQ' // the PDF copies of their first letters, in the dossier
  | 'tpl' // the text of a letter, as editors maintain it
  | 'rep' // a frozen Art. 9 report
  | 'pf' // a year's published figures (Decision 18)
  | 'log' // an access-log entry (DOMAIN.md Contracts added)
  | 'svy' // a satisfaction survey's scores (ISO 10002), linked to nobody
  | 'svyKey' // the key that lets one survey per case through

type Slug =
  | 'complaints'
  | 'complaint-attachments'
  | 'case-events'
  | 'outbox'
  | 'users'
  | 'service-accounts'
  | 'sequences'
  | 'case-facts'
  | 'payload-jobs'
  | 'letters'
  | 'letter-templates'
  | 'reports'
  | 'published-figures'
  | 'access-log'
  | 'survey-responses'
  | 'survey-receipts'

type Line =
  | { collection: Slug; op: 'find'; cells: Cols<ListCell> }
  | { collection: Slug; op: 'findByID'; target: Fixture; cells: Cols<ReadCell> }
  | { collection: Slug; op: 'create'; cells: Cols<WriteCell> }
  | { collection: Slug; op: 'update'; target: Fixture; cells: Cols<WriteCell> }
  | { collection: Slug; op: 'delete'; target: 'fresh' | 'self'; cells: Cols<WriteCell> }

const ALL_USERS: Fixture[] = ['admin', 'manager', 'handlerA', 'handlerB', 'editor', 'editorHandler', 'victim']

// decision: several roles add up: the editorHandler column (roles editor + handler) gets what either role gets.
// prettier-ignore
const MATRIX: Line[] = [
  //                                                           anonymous site admin              manager            handlerA                 handlerB              editor  editorHandler
  // complaints — managers all cases; a handler the cases assigned to them; admins (Decision 15), editors and the site never.
  // (Whether a handler's list also holds the queue's Q, in its limited form, is the queue block's business.)
  { collection: 'complaints', op: 'find',                 cells: [F,   F,   F,                  L(['A', 'Q']),      L(['A']),                L([], ['A']),          F,   L([], ['A'])] },
  { collection: 'complaints', op: 'findByID', target: 'A', cells: [F,  F,   F,                  OK,                 OK,                      NF,                    F,   NF] },
  { collection: 'complaints', op: 'findByID', target: 'Q', cells: [F,  F,   F,                  OK,                 QB,                      QB,                    F,   QB] },
  // Staff record a complaint received by phone, letter or e-mail (Art. 3, Decision 8): managers and handlers; not the admin (Decision 15), never an editor, never the site (it has the intake endpoint).
  { collection: 'complaints', op: 'create',               cells: [NO,  NO,  NO,                 OK,                 OK,                      OK,                    NO,  OK] },
  // Decision 15: the admin moves no case; a manager any, a handler only their own.
  { collection: 'complaints', op: 'update', target: 'A',   cells: [NO,  NO,  NO,                 OK,                 OK,                      NO,                    NO,  NO] },
  { collection: 'complaints', op: 'update', target: 'Q',   cells: [NO,  NO,  NO,                 OK,                 QB,                      QB,                    NO,  QB] },
  // decision: no one deletes a complaint through the API; personal data is anonymised after retention (Decision 13).
  { collection: 'complaints', op: 'delete', target: 'fresh', cells: [NO, NO, NO,                 NO,                 NO,                      NO,                    NO,  NO] },

  // complaint-attachments — readers are those who may read the case, with its personal data (the queue's files stay hidden); not the admin (Decision 15).
  { collection: 'complaint-attachments', op: 'find',                    cells: [F, F, F, L(['attA', 'attQ']), L(['attA'], ['attQ']), L([], ['attA', 'attQ']), F, L([], ['attA', 'attQ'])] },
  { collection: 'complaint-attachments', op: 'findByID', target: 'attA', cells: [F, F, F, OK, OK, NF, F, NF] },
  { collection: 'complaint-attachments', op: 'findByID', target: 'attQ', cells: [F, F, F, OK, NF, NF, F, NF] },
  // decision: attachments are evidence, kept as sent: they enter only through intake (trusted code); no one adds, changes or removes one through the API.
  { collection: 'complaint-attachments', op: 'create',                  cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'complaint-attachments', op: 'update', target: 'attA',  cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'complaint-attachments', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // letters — the PDF copies in the dossier: readers are those who may read the case, not the admin (Decision 15). Letters are issued by the workflow only;
  // decision: the handler of the case or a manager records the posting date of a letter by post (Decision 12); admins do not handle cases.
  { collection: 'letters', op: 'find',                    cells: [F, F, F, L(['letA', 'letQ']), L(['letA'], ['letQ']), L([], ['letA', 'letQ']), F, L([], ['letA', 'letQ'])] },
  { collection: 'letters', op: 'findByID', target: 'letA', cells: [F, F, F, OK, OK, NF, F, NF] },
  { collection: 'letters', op: 'findByID', target: 'letQ', cells: [F, F, F, OK, NF, NF, F, NF] },
  { collection: 'letters', op: 'create',                  cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'letters', op: 'update', target: 'letA',  cells: [NO, NO, NO, OK, OK, NO, NO, NO] },
  { collection: 'letters', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // letter-templates — the letter texts: editors maintain them (DOMAIN.md), admins too (as the regulation); managers read them;
  // decision: handlers do not need them (letters are composed by the workflow); the set of letters is fixed, so nobody creates or deletes one.
  { collection: 'letter-templates', op: 'find',                   cells: [F, F, L(['tpl']), L(['tpl']), F, F, L(['tpl']), L(['tpl'])] },
  { collection: 'letter-templates', op: 'findByID', target: 'tpl', cells: [F, F, OK, OK, F, F, OK, OK] },
  { collection: 'letter-templates', op: 'create',                 cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'letter-templates', op: 'update', target: 'tpl',  cells: [NO, NO, OK, NO, NO, NO, OK, OK] },
  { collection: 'letter-templates', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // published-figures — "Klachten in cijfers" (Decision 18): everyone reads the published, already suppressed copy; it is written only by
  // the managers' publish step (POST /api/published-figures/publish, its own test), never by an ordinary create or update; nobody deletes one.
  { collection: 'published-figures', op: 'find',                   cells: [L(['pf']), L(['pf']), L(['pf']), L(['pf']), L(['pf']), L(['pf']), L(['pf']), L(['pf'])] },
  { collection: 'published-figures', op: 'findByID', target: 'pf', cells: [OK, OK, OK, OK, OK, OK, OK, OK] },
  { collection: 'published-figures', op: 'create',                 cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'published-figures', op: 'update', target: 'pf',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'published-figures', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // case-events — the timeline: readers are those who may read the case, not the admin (Decision 15); nobody creates, edits or deletes through the API.
  // decision: the timeline is part of the case file, not of the queue's limited view: a handler does not read the queue's timelines.
  { collection: 'case-events', op: 'find',                   cells: [F, F, F, L(['evA', 'evQ']), L(['evA'], ['evQ']), L([], ['evA', 'evQ']), F, L([], ['evA', 'evQ'])] },
  { collection: 'case-events', op: 'findByID', target: 'evA', cells: [F, F, F, OK, OK, NF, F, NF] },
  { collection: 'case-events', op: 'findByID', target: 'evQ', cells: [F, F, F, OK, NF, NF, F, NF] },
  { collection: 'case-events', op: 'create',                 cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'case-events', op: 'update', target: 'evA',  cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'case-events', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // outbox — admins (its delivery state, Decision 15) and managers all; a handler the messages of their own cases; nobody creates, edits or deletes through the API.
  { collection: 'outbox', op: 'find',                      cells: [F, F, L(['msgA', 'msgQ', 'msgSys']), L(['msgA', 'msgQ', 'msgSys']), L(['msgA'], ['msgQ', 'msgSys']), L([], ['msgA', 'msgQ', 'msgSys']), F, L([], ['msgA', 'msgQ', 'msgSys'])] },
  { collection: 'outbox', op: 'findByID', target: 'msgA',   cells: [F, F, OK, OK, OK, NF, F, NF] },
  { collection: 'outbox', op: 'findByID', target: 'msgSys', cells: [F, F, OK, OK, NF, NF, F, NF] },
  { collection: 'outbox', op: 'create',                    cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'outbox', op: 'update', target: 'msgA',     cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'outbox', op: 'delete', target: 'fresh',    cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // users — the admin manages users.
  // decision: managers (they assign handlers) and handlers (Art. 4: who is involved, who has the case) read colleagues' names and roles;
  //           an editor reads only their own account (editors never see personal data); anonymous and the site nothing.
  { collection: 'users', op: 'find',                      cells: [F, F, L(ALL_USERS), L(ALL_USERS), L(ALL_USERS), L(ALL_USERS), L(['editor'], ['admin', 'manager', 'handlerA', 'handlerB', 'editorHandler', 'victim']), L(ALL_USERS)] },
  { collection: 'users', op: 'findByID', target: 'victim', cells: [F, F, OK, OK, OK, OK, NF, OK] },
  { collection: 'users', op: 'findByID', target: 'self',   cells: [__, __, OK, OK, OK, OK, OK, OK] },
  { collection: 'users', op: 'create',                    cells: [NO, NO, OK, NO, NO, NO, NO, NO] },
  // decision: everyone keeps their own name (and password) up to date; roles stay the admin's (see the field rows).
  { collection: 'users', op: 'update', target: 'self',     cells: [__, __, OK, OK, OK, OK, OK, OK] },
  { collection: 'users', op: 'update', target: 'victim',   cells: [NO, NO, OK, NO, NO, NO, NO, NO] },
  { collection: 'users', op: 'delete', target: 'fresh',    cells: [NO, NO, OK, NO, NO, NO, NO, NO] },
  // decision: no one removes their own account; the admin does (offboarding keeps the case history consistent).
  { collection: 'users', op: 'delete', target: 'self',     cells: [__, __, __, NO, NO, NO, NO, NO] },

  // service-accounts — machine identities. decision: administered like users, by the admin only; the site cannot even read itself.
  { collection: 'service-accounts', op: 'find',                    cells: [F, F, L(['site', 'spare']), F, F, F, F, F] },
  { collection: 'service-accounts', op: 'findByID', target: 'site', cells: [F, F, OK, F, F, F, F, F] },
  { collection: 'service-accounts', op: 'create',                  cells: [NO, NO, OK, NO, NO, NO, NO, NO] },
  { collection: 'service-accounts', op: 'update', target: 'spare',  cells: [NO, NO, OK, NO, NO, NO, NO, NO] },
  { collection: 'service-accounts', op: 'delete', target: 'fresh',  cells: [NO, NO, OK, NO, NO, NO, NO, NO] },

  // sequences — nobody, not even the admin: a reference number is never reused or reset.
  { collection: 'sequences', op: 'find',                   cells: [F, F, F, F, F, F, F, F] },
  { collection: 'sequences', op: 'findByID', target: 'seq', cells: [F, F, F, F, F, F, F, F] },
  { collection: 'sequences', op: 'create',                 cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'sequences', op: 'update', target: 'seq',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'sequences', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // case-facts — the Art. 9 report's projection: nobody through the API, not even a manager (the report is their view of it).
  { collection: 'case-facts', op: 'find',                     cells: [F, F, F, F, F, F, F, F] },
  { collection: 'case-facts', op: 'findByID', target: 'facts', cells: [F, F, F, F, F, F, F, F] },
  { collection: 'case-facts', op: 'create',                   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'case-facts', op: 'update', target: 'facts',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'case-facts', op: 'delete', target: 'fresh',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // survey-responses, survey-receipts — the satisfaction survey (ISO 10002): nobody through the API, not even a
  // manager (the Art. 9 report's "Tevredenheid" table is their aggregated view of it).
  { collection: 'survey-responses', op: 'find',                   cells: [F, F, F, F, F, F, F, F] },
  { collection: 'survey-responses', op: 'findByID', target: 'svy', cells: [F, F, F, F, F, F, F, F] },
  { collection: 'survey-responses', op: 'create',                 cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'survey-responses', op: 'update', target: 'svy',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'survey-responses', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'survey-receipts', op: 'find',                      cells: [F, F, F, F, F, F, F, F] },
  { collection: 'survey-receipts', op: 'findByID', target: 'svyKey', cells: [F, F, F, F, F, F, F, F] },
  { collection: 'survey-receipts', op: 'create',                    cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'survey-receipts', op: 'update', target: 'svyKey',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'survey-receipts', op: 'delete', target: 'fresh',    cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // payload-jobs — the admin reads; nobody creates, edits or deletes through the API.
  { collection: 'payload-jobs', op: 'find',                   cells: [F, F, L(['job']), F, F, F, F, F] },
  { collection: 'payload-jobs', op: 'findByID', target: 'job', cells: [F, F, OK, F, F, F, F, F] },
  { collection: 'payload-jobs', op: 'create',                 cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'payload-jobs', op: 'update', target: 'job',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'payload-jobs', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // reports — the frozen Art. 9 reports: reporting is the managers' duty (Art. 9); only trusted code (the quarterly job, the freeze endpoint) writes one.
  // decision: counts only, but for managers: the admin manages the portal, not its accountability (Decision 15); a frozen report is never changed or removed.
  { collection: 'reports', op: 'find',                   cells: [F, F, F, L(['rep']), F, F, F, F] },
  { collection: 'reports', op: 'findByID', target: 'rep', cells: [F, F, F, OK, F, F, F, F] },
  { collection: 'reports', op: 'create',                 cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'reports', op: 'update', target: 'rep',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'reports', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },

  // access-log — who read which case's personal data (DOMAIN.md Contracts added): managers read it; append-only for everyone, written by trusted code only.
  // decision: not the admin (Decision 15: the log would tell what cases hold), not handlers or editors (a colleague's reads are not theirs to watch).
  { collection: 'access-log', op: 'find',                   cells: [F, F, F, L(['log']), F, F, F, F] },
  { collection: 'access-log', op: 'findByID', target: 'log', cells: [F, F, F, OK, F, F, F, F] },
  { collection: 'access-log', op: 'create',                 cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'access-log', op: 'update', target: 'log',   cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
  { collection: 'access-log', op: 'delete', target: 'fresh', cells: [NO, NO, NO, NO, NO, NO, NO, NO] },
]

/** The complaint's sensitive fields: only the assigned handler and managers read them (Decision 15: not admins). */
const SENSITIVE = [
  'complainant.name',
  'complainant.nameLatin',
  'complainant.email',
  'complainant.phone',
  'complainant.street',
  'complainant.postalCode',
  'complainant.city',
  'complaintText',
  'desiredOutcome',
  'attachments',
  'conduct',
  'involved',
] as const

type FieldCell = 'visible' | 'hidden' | 'QB' | '--'
// prettier-ignore
const SENSITIVE_READS: { target: 'A' | 'Q'; cells: Cols<FieldCell> }[] = [
  //                       anonymous site  admin      manager    handlerA   handlerB   editor editorHandler   (-- : the document itself is refused, above; the admin: Decision 15)
  { target: 'A', cells: [  __,       __,   __,        'visible', 'visible', __,        __,    __] },
  { target: 'Q', cells: [  __,       __,   __,        'visible', QB,        QB,        __,    QB] },
]

/** Writes of single fields: Payload drops a denied field silently, so the stored value is what counts. */
type FieldWrite = {
  actor: Actor
  collection: 'complaints' | 'users'
  target: Fixture
  data: (way: Way) => Record<string, unknown>
  path: string
  expect: 'unchanged' | 'changed'
  why: string
}
const longAgo = '2020-01-06T09:00:00.000Z'
const farAway = '2099-12-31T22:59:59.999Z'
// prettier-ignore
const FIELD_WRITES: FieldWrite[] = [
  { actor: 'handlerA', collection: 'complaints', target: 'A', path: 'complaintText', data: () => ({ complaintText: 'Herschreven door de behandelaar.' }), expect: 'unchanged', why: 'Art. 8.2: the complaint as the complainant formulated it' },
  { actor: 'manager', collection: 'complaints', target: 'A', path: 'complaintText', data: () => ({ complaintText: 'Herschreven door de manager.' }), expect: 'unchanged', why: 'Art. 8.2: the complaint as the complainant formulated it' },
  { actor: 'handlerA', collection: 'complaints', target: 'A', path: 'reference', data: () => ({ reference: 'WP-1999-0001' }), expect: 'unchanged', why: 'the reference is assigned at registration' },
  { actor: 'manager', collection: 'complaints', target: 'A', path: 'deadlines.decisionLimitBy', data: () => ({ deadlines: { decisionLimitBy: farAway } }), expect: 'unchanged', why: 'Art. 7: the six-week limit can never be extended' },
  { actor: 'handlerA', collection: 'complaints', target: 'A', path: 'deadlines.acknowledgeBy', data: () => ({ deadlines: { acknowledgeBy: farAway } }), expect: 'unchanged', why: 'Art. 5: the clocks are computed from the date of receipt' },
  // decision: the date of receipt starts every clock; once registered it is not edited (a wrong date is a new, corrected registration).
  { actor: 'manager', collection: 'complaints', target: 'A', path: 'receivedAt', data: () => ({ receivedAt: longAgo }), expect: 'unchanged', why: 'decision: the date of receipt is fixed at registration' },
  // decision: attachments are evidence, kept as sent.
  { actor: 'admin', collection: 'complaints', target: 'A', path: 'attachments', data: () => ({ attachments: [] }), expect: 'unchanged', why: 'decision: attachments stay as sent' },
  { actor: 'manager', collection: 'complaints', target: 'A', path: 'lettersSent.acknowledgementAt', data: () => ({ lettersSent: { acknowledgementAt: longAgo } }), expect: 'unchanged', why: 'DOMAIN.md: a letter counts as sent when the outbox delivered it' },
  // Managers assign handlers (DOMAIN.md, People); a handler may only take a new complaint from the queue (queue block).
  { actor: 'handlerA', collection: 'complaints', target: 'A', path: 'assignedHandler', data: () => ({ assignedHandler: ids.handlerB }), expect: 'unchanged', why: 'DOMAIN.md, People: managers assign handlers' },
  // Roles: only the admin grants them; nobody raises their own.
  { actor: 'handlerA', collection: 'users', target: 'self', path: 'roles', data: () => ({ roles: ['admin', 'handler'] }), expect: 'unchanged', why: 'Decision 15: admins manage users' },
  { actor: 'manager', collection: 'users', target: 'self', path: 'roles', data: () => ({ roles: ['admin', 'manager'] }), expect: 'unchanged', why: 'Decision 15: admins manage users' },
  { actor: 'editor', collection: 'users', target: 'self', path: 'roles', data: () => ({ roles: ['editor', 'handler'] }), expect: 'unchanged', why: 'Decision 15: admins manage users' },
  { actor: 'admin', collection: 'users', target: 'victim', path: 'roles', data: (way) => ({ roles: way === 'local' ? ['handler', 'manager'] : ['handler', 'editor'] }), expect: 'changed', why: 'Decision 15: admins manage users' },
]

/** What no API caller ever reads back of an account (not even the admin): secrets of the login itself. */
const ACCOUNT_SECRETS = ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'password'] as const

// Globals. settings: the public reads the organisation's contact details; the rest is for staff; admins update.
type SettingsCell = 'public' | 'staff'
type RegulationCell = 'published' | 'draft'
type VersionsCell = 'all' | 'noDrafts'
// prettier-ignore
const GLOBALS = {
  //                                    anonymous   site        admin    manager      handlerA     handlerB     editor   editorHandler
  // decision: the site's identity reads no more than any visitor; an editor counts as staff (the UWV labour expert is a business contact named in every letter).
  settingsRead:   ['public',   'public',   'staff', 'staff',     'staff',     'staff',     'staff', 'staff'] as Cols<SettingsCell>,
  settingsUpdate: [NO,         NO,         OK,      NO,          NO,          NO,          NO,      NO] as Cols<WriteCell>,
  // regulation: the public reads what is published; editors and admins also their drafts and update.
  // decision: managers and handlers read the regulation as the public does (a draft is the editors' work in progress).
  regulationReadDraft: ['published', 'published', 'draft', 'published', 'published', 'published', 'draft', 'draft'] as Cols<RegulationCell>,
  // decision: the version history may be refused or shown, but never with a draft in it, to anyone who may not read drafts.
  regulationVersions:  ['noDrafts', 'noDrafts', 'all', 'noDrafts', 'noDrafts', 'noDrafts', 'all', 'all'] as Cols<VersionsCell>,
  regulationUpdate:    [NO,         NO,         OK,    NO,         NO,          NO,          OK,    OK] as Cols<WriteCell>,
}
const PUBLIC_SETTINGS = [
  'organisationName',
  'address.street',
  'address.postalCode',
  'address.city',
  'phone',
  'contactEmail',
  // Art. 8: printed in every decision; public like the contact details.
  'uwvComplaintProcedure',
] as const
const STAFF_SETTINGS = ['senderAddress', 'uwvLabourExpert', 'dayMode'] as const

// Endpoints (REST only: they exist only as HTTP routes).
// prettier-ignore
const ENDPOINTS = {
  //                       anonymous site  admin manager handlerA handlerB editor editorHandler
  // The site's identity may only hand in complaints. decision: staff record complaints with an ordinary create (channel and real date of receipt), not through the web intake.
  intake:      [NO,        OK,   NO,   NO,     NO,      NO,      NO,    NO] as Cols<WriteCell>,
  unlock:      [NO,        NO,   OK,   NO,     NO,      NO,      NO,    NO] as Cols<WriteCell>,
  // decision: only the admin may start the job runner by hand (the server's own runner needs no call).
  runJobs:     [NO,        NO,   OK,   NO,     NO,      NO,      NO,    NO] as Cols<WriteCell>,
  // Downloading an attachment's file follows the attachment's readers (Decision 15: not the admin).
  fileOfAttA:  [F,         F,    F,    OK,     OK,      F,       F,     F] as Cols<ReadCell>,
  // A frozen report's PDF follows the report's readers: managers only.
  fileOfRep:   [F,         F,    F,    OK,     F,       F,       F,     F] as Cols<ReadCell>,
}

// ---------------------------------------------------------------------------------------------
// Fixtures (trusted: built with the Local API, access control bypassed on purpose)

const PASSWORD = STAFF_PASSWORD
const SITE_KEY = 'site-api-key-for-the-access-matrix-0123456789'
const PUBLISHED_TITLE = 'Klachtenreglement Working Progression'
const pdf = minimalPdf()

let ctx: TestPayload
let payload: Payload
let uploadDir: string
const ids = {} as Record<Exclude<Fixture, 'self'>, string>
const callers = {} as Record<Actor, Caller>

type Staff = StaffUser

async function staffAccount(
  key: Exclude<Actor, 'anonymous' | 'site'> | 'victim',
  roles: User['roles'],
): Promise<Staff> {
  const user = await createStaffUser(payload, `${key.toLowerCase()}@example.nl`, `Medewerker ${key}`, roles)
  ids[key] = user.id
  return user
}

/** Every personal field filled with the marker, so that a leak of any of them shows. */
function complaintData(marker: string, overrides: Partial<Complaint> = {}): Complaint {
  return recordedComplaint({
    channel: 'email',
    receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    complainant: {
      role: 'client',
      clientOrganisation: 'uwv',
      name: `Klager ${marker}`,
      nameLatin: `Klager ${marker} (Latijns)`,
      email: `klager-${marker.toLowerCase()}@example.nl`,
      phone: '06 12345678',
      street: `Klagerstraat ${marker.length}`,
      postalCode: '3511 AB',
      city: 'Utrecht',
    },
    conduct: { when: 'date', date: '2026-01-05' },
    involved: { kind: 'employee', description: `Coach bij ${marker}` },
    complaintText: `De klacht ${marker}, zoals de klager die formuleerde.`,
    desiredOutcome: `Gewenste uitkomst ${marker}`,
    ...overrides,
  })
}

/** A complaint registered by trusted code, with its attachment; assigned when `handler` is given. */
async function registerComplaint(
  marker: string,
  handler?: string,
): Promise<{ complaint: Complaint; attachment: string }> {
  const attachment = await payload.create({
    collection: 'complaint-attachments',
    data: {},
    file: { data: pdf, mimetype: 'application/pdf', name: `bijlage-${marker}.pdf`, size: pdf.byteLength },
  })
  const complaint = await payload.create({
    collection: 'complaints',
    data: complaintData(marker, { attachments: [attachment.id], ...(handler ? { assignedHandler: handler } : {}) }),
  })
  await payload.update({ collection: 'complaint-attachments', id: attachment.id, data: { complaint: complaint.id } })
  return { complaint, attachment: attachment.id }
}

/** The Local API without its per-slug generics, for trusted fixture code over any collection. */
const trusted = (p: Payload) =>
  p as unknown as {
    findByID(args: Record<string, unknown>): Promise<Doc | null>
    count(args: Record<string, unknown>): Promise<{ totalDocs: number }>
    create(args: Record<string, unknown>): Promise<Doc>
    update(args: Record<string, unknown>): Promise<Doc>
  }

/** `{ a: { b: value } }` for the path `a.b`. */
function nested(path: string, value: unknown): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>
}

/** The stored document, read by trusted code (no access control), or null when it is gone. */
const stored = (collection: string, id: string) =>
  trusted(payload).findByID({
    collection,
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
  })
const countOf = async (collection: string) =>
  (await trusted(payload).count({ collection, overrideAccess: true })).totalDocs

beforeAll(async () => {
  uploadDir = path.join(os.tmpdir(), `portal-matrix-uploads-${randomUUID().slice(0, 8)}`)
  mkdirSync(uploadDir, { recursive: true })
  ctx = await createTestPayload({
    UPLOAD_DIR: uploadDir,
    // No e-mail service: queued messages stay in the outbox; nothing leaves the machine.
    RESEND_API_KEY: '',
    // A site that is not running: the settings' cache signal goes nowhere.
    SITE_INTERNAL_URL: 'http://127.0.0.1:9',
  })
  payload = ctx.payload

  const staff = {
    admin: await staffAccount('admin', ['admin']),
    manager: await staffAccount('manager', ['manager']),
    handlerA: await staffAccount('handlerA', ['handler']),
    handlerB: await staffAccount('handlerB', ['handler']),
    editor: await staffAccount('editor', ['editor']),
    editorHandler: await staffAccount('editorHandler', ['editor', 'handler']),
    adminManager: await staffAccount('adminManager', ['admin', 'manager']),
    adminHandler: await staffAccount('adminHandler', ['admin', 'handler']),
  }
  await staffAccount('victim', ['handler'])
  // A colleague who is logged in somewhere: their session must not show to others.
  await staffUserToken(payload, 'victim@example.nl')

  // The site's identity, created as cms/seed does it: its key is no Payload login, only the intake's.
  const site = await payload.create({
    collection: 'service-accounts',
    data: { name: 'site', scopes: ['complaint-intake'], keyHash: hashServiceKey(payload, SITE_KEY) },
  })
  const spare = await payload.create({
    collection: 'service-accounts',
    data: { name: 'reserve', scopes: ['complaint-intake'] },
  })
  ids.site = site.id
  ids.spare = spare.id

  await payload.updateGlobal({
    slug: 'settings',
    context: { skipSiteCacheInvalidation: true },
    data: {
      organisationName: 'Working Progression',
      address: { street: 'Voorbeeldlaan 1', postalCode: '3511 AB', city: 'Utrecht' },
      phone: '030 123 45 67',
      contactEmail: 'klachten@wp.example',
      senderAddress: 'brieven@wp.example',
      uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example', phone: '088 898 92 95' },
      uwvComplaintProcedure: 'https://www.uwv.example/klacht',
      dayMode: 'calendar',
    },
  })
  expect(await seedRegulation.run(payload, {} as never)).toMatch(/gepubliceerd/)
  await payload.updateGlobal({
    slug: 'regulation',
    draft: true,
    context: { skipSiteCacheInvalidation: true },
    data: { title: 'Concept: nog niet gepubliceerd' },
  })

  const a = await registerComplaint('Anna', staff.handlerA.id)
  const q = await registerComplaint('Quinten')
  ids.A = a.complaint.id
  ids.attA = a.attachment
  ids.Q = q.complaint.id
  ids.attQ = q.attachment
  const firstEvent = async (complaint: string) =>
    (
      await payload.find({
        collection: 'case-events',
        where: { complaint: { equals: complaint } },
        sort: 'createdAt',
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]?.id
  const firstMessage = async (complaint: string) =>
    (
      await payload.find({
        collection: 'outbox',
        where: { complaint: { equals: complaint } },
        sort: 'createdAt',
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]?.id
  // The letters of registration come from one job after the answer.
  await payload.jobs.run({ queue: 'outbox' })
  const firstLetter = async (complaint: string) =>
    (
      await payload.find({
        collection: 'letters',
        where: { complaint: { equals: complaint } },
        sort: 'createdAt',
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]?.id
  ids.letA = (await firstLetter(ids.A)) ?? ''
  ids.letQ = (await firstLetter(ids.Q)) ?? ''
  ids.tpl = (
    await trusted(payload).create({
      collection: 'letter-templates',
      data: { kind: 'acknowledgement', ...LETTER_KIND_DEFINITIONS.acknowledgement.defaults },
      overrideAccess: true,
    })
  ).id
  ids.pf = (
    await trusted(payload).create({
      collection: 'published-figures',
      data: publishedFiguresData(),
      overrideAccess: true,
    })
  ).id
  ids.evA = (await firstEvent(ids.A)) ?? ''
  ids.evQ = (await firstEvent(ids.Q)) ?? ''
  ids.msgA = (await firstMessage(ids.A)) ?? ''
  ids.msgQ = (await firstMessage(ids.Q)) ?? ''
  ids.msgSys = (
    await trusted(payload).create({ collection: 'outbox', data: outboxData('systeem'), overrideAccess: true })
  ).id
  ids.seq = (
    await trusted(payload).create({
      collection: 'sequences',
      data: { key: 'matrix-fixture', value: 1 },
      overrideAccess: true,
    })
  ).id
  ids.facts = (
    await trusted(payload).create({ collection: 'case-facts', data: factsData('matrix-fixture'), overrideAccess: true })
  ).id
  ids.svy = (
    await trusted(payload).create({ collection: 'survey-responses', data: surveyData(), overrideAccess: true })
  ).id
  ids.svyKey = (
    await trusted(payload).create({
      collection: 'survey-receipts',
      data: { key: 'survey:matrix-fixture' },
      overrideAccess: true,
    })
  ).id
  // A frozen report with its PDF, as the quarterly job stores it.
  ids.rep = (
    await payload.create({
      collection: 'reports',
      data: reportData('rep'),
      file: { data: pdf, mimetype: 'application/pdf', name: 'verantwoording-rep.pdf', size: pdf.byteLength },
    })
  ).id
  ids.log = (
    await trusted(payload).create({ collection: 'access-log', data: accessLogData('log'), overrideAccess: true })
  ).id
  // Its own queue: the server's runner (started by the first REST call) works only the outbox queue.
  ids.job = String(
    (await payload.jobs.queue({ task: 'deliverEmail', queue: 'matrix-fixture', input: { messageId: ids.msgSys } })).id,
  )
  for (const [key, id] of Object.entries(ids)) if (!id) throw new Error(`fixture ${key} missing`)

  callers.anonymous = { user: null, authorization: null }
  // Through the Local API the site is nobody: its key means something only to the intake endpoint.
  callers.site = { user: null, authorization: `service-accounts API-Key ${SITE_KEY}` }
  for (const [actor, user] of Object.entries(staff) as [Actor, Staff][]) {
    callers[actor] = { user, authorization: `JWT ${await staffUserToken(payload, user.email)}` }
  }
})

afterAll(async () => {
  await ctx?.cleanup()
  if (uploadDir) rmSync(uploadDir, { recursive: true, force: true })
})

function outboxData(marker: string) {
  return {
    subject: `Bericht ${marker}`,
    to: ['medewerker@example.nl'],
    from: 'Working Progression <brieven@wp.example>',
    text: `Tekst ${marker}`,
    html: `<p>Tekst ${marker}</p>`,
    status: 'queued',
    purpose: 'system',
    attempts: 0,
    idempotencyKey: `matrix-${marker}-${randomUUID()}`,
  }
}

/** A year's published figures as the publish step stores them; each its own year (the year is unique). */
let nextYear = 2000
function publishedFiguresData() {
  nextYear += 1
  return {
    year: nextYear,
    figures: { period: { from: `${nextYear}-01-01`, to: `${nextYear}-12-31` }, tables: [] },
    changes: 'Wat we hebben veranderd.',
    publishedAt: new Date().toISOString(),
  }
}

/** The document id a fixture name stands for, for this caller. */
function idFor(fixture: Fixture, actor: Actor): string {
  if (fixture === 'self') {
    if (actor === 'anonymous' || actor === 'site') throw new Error(`${actor} has no own account`)
    return ids[actor]
  }
  return ids[fixture]
}

/** Fixture names of every document of a collection, to ask a list for exactly those. */
function fixturesOf(collection: Slug): Exclude<Fixture, 'self'>[] {
  const byCollection: Record<Slug, Exclude<Fixture, 'self'>[]> = {
    complaints: ['A', 'Q'],
    'complaint-attachments': ['attA', 'attQ'],
    'case-events': ['evA', 'evQ'],
    outbox: ['msgA', 'msgQ', 'msgSys'],
    users: ['admin', 'manager', 'handlerA', 'handlerB', 'editor', 'editorHandler', 'victim'],
    'service-accounts': ['site', 'spare'],
    sequences: ['seq'],
    'case-facts': ['facts'],
    'payload-jobs': ['job'],
    letters: ['letA', 'letQ'],
    'letter-templates': ['tpl'],
    reports: ['rep'],
    'published-figures': ['pf'],
    'access-log': ['log'],
    'survey-responses': ['svy'],
    'survey-receipts': ['svyKey'],
  }
  return byCollection[collection]
}

/** Valid data for a new document (so that a refusal is about access, never about validation). */
function newDocument(
  collection: Slug,
  marker: string,
): { data: Record<string, unknown>; file?: { name: string; type: string; bytes: Buffer } } {
  switch (collection) {
    case 'complaints':
      return { data: complaintData(marker) as unknown as Record<string, unknown> }
    case 'complaint-attachments':
      return { data: { complaint: ids.A }, file: { name: `nieuw-${marker}.pdf`, type: 'application/pdf', bytes: pdf } }
    case 'case-events':
      return {
        data: {
          complaint: ids.A,
          type: 'received',
          at: new Date().toISOString(),
          actorKind: 'system',
          data: { marker },
        },
      }
    case 'outbox':
      return { data: outboxData(marker) }
    case 'users':
      return {
        data: {
          email: `nieuw-${marker.toLowerCase()}@example.nl`,
          password: PASSWORD,
          name: `Nieuw ${marker}`,
          roles: ['handler'],
        },
      }
    case 'service-accounts':
      return { data: { name: `nieuw-${marker}`, scopes: ['complaint-intake'] } }
    case 'sequences':
      return { data: { key: `nieuw-${marker}`, value: 1 } }
    case 'case-facts':
      return { data: factsData(`nieuw-${marker}`) }
    case 'payload-jobs':
      return { data: { taskSlug: 'deliverEmail', input: { messageId: ids.msgSys }, queue: `matrix-${marker}` } }
    case 'letters':
      return {
        data: { complaint: ids.A, purpose: 'decision', channel: 'post' },
        file: { name: `brief-${marker}.pdf`, type: 'application/pdf', bytes: pdf },
      }
    case 'letter-templates':
      return { data: { kind: 'decision', ...LETTER_KIND_DEFINITIONS.decision.defaults } }
    case 'reports':
      return {
        data: reportData(marker),
        file: { name: `verantwoording-${marker}.pdf`, type: 'application/pdf', bytes: pdf },
      }
    case 'published-figures':
      return { data: publishedFiguresData() }
    case 'access-log':
      return { data: accessLogData(marker) }
    case 'survey-responses':
      return { data: surveyData() }
    case 'survey-receipts':
      return { data: { key: `survey:nieuw-${marker}` } }
  }
}

/** An access-log entry as logAccess writes it (hooks/privacy/logAccess.ts). */
function accessLogData(marker: string) {
  return {
    at: new Date().toISOString(),
    actorKind: 'staff',
    actor: ids.manager,
    complaint: ids.A,
    kind: 'case_read',
    windowKey: `matrix-${marker}`,
  }
}

function surveyData() {
  return { careful: 4, quick: 3, clear: 5, receivedQuarter: '2026-Q4', endedQuarter: '2026-Q4' }
}

function reportData(marker: string) {
  return {
    key: `matrix:${marker}`,
    title: `Verantwoording ${marker}`,
    kind: 'manual' as const,
    periodFrom: '2026-01-01',
    periodTo: '2026-03-31',
    asOf: new Date().toISOString(),
    numbers: { total: 0 },
    madeByKind: 'system' as const,
  }
}

/** A row of the Art. 9 projection (hooks/reports/facts/): codes and dates only. */
function factsData(caseId: string): Record<string, unknown> {
  const at = new Date().toISOString()
  return {
    caseId,
    receivedOn: at.slice(0, 10),
    receivedAt: at,
    channel: 'web',
    role: 'client',
    categories: ['negligence'],
    acknowledgeDue: at,
    nonAdmissionNoticeDue: at,
    statedTermDue: at,
    decisionLimitDue: at,
    currentTargetDue: at,
    foldedThrough: at,
  }
}

/** A harmless change to one field, to see whether an update went through. */
function change(collection: Slug, marker: string): { data: Record<string, unknown>; path: string; value: unknown } {
  switch (collection) {
    case 'complaints':
      return {
        data: { acknowledgement: { factsSummary: `Feiten ${marker}` } },
        path: 'acknowledgement.factsSummary',
        value: `Feiten ${marker}`,
      }
    case 'complaint-attachments':
      return { data: { complaint: ids.Q }, path: 'complaint', value: ids.Q }
    case 'case-events':
      return { data: { data: { marker } }, path: 'data.marker', value: marker }
    case 'outbox':
      return { data: { subject: `Onderwerp ${marker}` }, path: 'subject', value: `Onderwerp ${marker}` }
    case 'users':
    case 'service-accounts':
      return { data: { name: `Naam ${marker}` }, path: 'name', value: `Naam ${marker}` }
    case 'sequences': {
      const value = 9000 + Math.floor(Math.random() * 999)
      return { data: { value }, path: 'value', value }
    }
    case 'case-facts':
      return { data: { hearings: 7 }, path: 'hearings', value: 7 }
    case 'survey-responses':
      return { data: { careful: 1 }, path: 'careful', value: 1 }
    case 'survey-receipts':
      return { data: { key: `survey:${marker}` }, path: 'key', value: `survey:${marker}` }
    case 'payload-jobs':
      return { data: { queue: `matrix-${marker}` }, path: 'queue', value: `matrix-${marker}` }
    case 'letters': {
      // A note on the letter: whether a posting date itself may be set is Decision 17's test (record.int).
      const value = `Notitie ${marker}`
      return { data: { postedAtChangeReason: value }, path: 'postedAtChangeReason', value }
    }
    case 'letter-templates':
      return { data: { closing: `Groet ${marker}` }, path: 'closing', value: `Groet ${marker}` }
    case 'reports':
      return { data: { title: `Titel ${marker}` }, path: 'title', value: `Titel ${marker}` }
    case 'published-figures':
      return { data: { changes: `Veranderd ${marker}` }, path: 'changes', value: `Veranderd ${marker}` }
    case 'access-log':
      return { data: { kind: 'export' }, path: 'kind', value: 'export' }
  }
}

/** A fresh document to delete, made by trusted code, so that an allowed delete costs no fixture. */
async function freshToDelete(collection: Slug, marker: string): Promise<string> {
  switch (collection) {
    case 'complaints':
      return (await registerComplaint(`Weg${marker}`, ids.handlerA)).complaint.id
    case 'complaint-attachments': {
      const doc = await payload.create({
        collection: 'complaint-attachments',
        data: { complaint: ids.A },
        file: { data: pdf, mimetype: 'application/pdf', name: `weg-${marker}.pdf`, size: pdf.byteLength },
      })
      return doc.id
    }
    case 'payload-jobs': {
      const job = await payload.jobs.queue({
        task: 'deliverEmail',
        queue: `matrix-${marker}`,
        input: { messageId: ids.msgSys },
      })
      return String(job.id)
    }
    case 'letters': {
      const doc = await payload.create({
        collection: 'letters',
        data: { complaint: ids.A, purpose: 'decision', channel: 'post' },
        file: { data: pdf, mimetype: 'application/pdf', name: `weg-${marker}.pdf`, size: pdf.byteLength },
      })
      return doc.id
    }
    case 'letter-templates': {
      // One kind per letter: a refused delete leaves it for the next caller to try.
      const existing = await payload.find({
        collection: 'letter-templates',
        where: { kind: { equals: 'receipt' } },
        limit: 1,
        overrideAccess: true,
      })
      if (existing.docs[0]) return existing.docs[0].id
      return (
        await payload.create({
          collection: 'letter-templates',
          data: { kind: 'receipt', ...LETTER_KIND_DEFINITIONS.receipt.defaults },
        })
      ).id
    }
    case 'reports': {
      const doc = await payload.create({
        collection: 'reports',
        data: reportData(`weg-${marker}`),
        file: { data: pdf, mimetype: 'application/pdf', name: `weg-${marker}.pdf`, size: pdf.byteLength },
      })
      return doc.id
    }
    default: {
      const { data } = newDocument(collection, `weg-${marker}`)
      return (await trusted(payload).create({ collection, data, overrideAccess: true })).id
    }
  }
}

const REFUSED = [403, 404]
const marker = () => randomUUID().slice(0, 8)

function expectStatus(outcome: Outcome, allowed: number[], what: string) {
  expect(allowed, `${what}: got ${outcome.status} ${outcome.error ?? ''}`).toContain(outcome.status)
}

function cellsOf<T>(cells: Cols<T>): [Actor, T][] {
  return ACTORS.map((actor, i) => [actor, cells[i] as T])
}

// ---------------------------------------------------------------------------------------------
// The matrix: role × collection × operation

describe.each(WAYS)('access matrix through the %s API', (way) => {
  for (const line of MATRIX) {
    const label = 'target' in line ? `${line.collection} ${line.op} ${line.target}` : `${line.collection} ${line.op}`
    describe(label, () => {
      for (const [actor, cell] of cellsOf<ListCell | ReadCell | WriteCell>(line.cells)) {
        if (cell === __ || cell === QB) continue
        const shown =
          typeof cell === 'string'
            ? cell
            : `sees [${cell.sees.join(', ')}]${cell.hides.length ? `, not [${cell.hides.join(', ')}]` : ''}`
        it(`${actor}: ${shown}`, async () => {
          await runCell(way, actor, line, cell)
        })
      }
    })
  }
})

async function runCell(way: Way, actor: Actor, line: Line, cell: ListCell | ReadCell | WriteCell) {
  const caller = callers[actor]
  const { collection } = line
  switch (line.op) {
    case 'find': {
      const fixtures = fixturesOf(collection).map((f) => ids[f])
      const outcome = await perform(ctx, way, caller, { kind: 'find', collection, where: { id: { in: fixtures } } })
      if (cell === F) return expectStatus(outcome, [403], 'a role without any access is refused')
      const list = cell as { sees: readonly Fixture[]; hides: readonly Fixture[] }
      expectStatus(outcome, [200], 'the list is answered')
      const got = new Set((outcome.docs ?? []).map((d) => d.id))
      for (const f of list.sees) expect(got.has(idFor(f, actor)), `${f} in the list`).toBe(true)
      for (const f of list.hides) expect(got.has(idFor(f, actor)), `${f} not in the list`).toBe(false)
      return
    }
    case 'findByID': {
      const outcome = await perform(ctx, way, caller, { kind: 'findByID', collection, id: idFor(line.target, actor) })
      if (cell === OK) {
        expectStatus(outcome, [200], 'allowed')
        return expect(outcome.doc?.id).toBe(idFor(line.target, actor))
      }
      return expectStatus(outcome, cell === F ? [403] : [404], cell === F ? 'refused outright' : 'hidden')
    }
    case 'create': {
      const m = marker()
      const { data, file } = newDocument(collection, m)
      const before = await countOf(collection)
      const outcome = await perform(ctx, way, caller, { kind: 'create', collection, data, file })
      if (cell === OK) {
        // Soft: when the answer is wrong, whether something was stored anyway is part of the finding.
        expect.soft(await countOf(collection), 'stored').toBe(before + 1)
        expectStatus(outcome, [201], 'allowed')
        return expect(await stored(collection, outcome.doc?.id ?? '')).not.toBeNull()
      }
      expect.soft(await countOf(collection), 'nothing stored').toBe(before)
      return expectStatus(outcome, REFUSED, 'refused')
    }
    case 'update': {
      const id = idFor(line.target, actor)
      const { data, path: field, value } = change(collection, marker())
      const before = at(await stored(collection, id), field)
      const outcome = await perform(ctx, way, caller, { kind: 'update', collection, id, data })
      const after = at(await stored(collection, id), field)
      if (cell === OK) {
        expectStatus(outcome, [200], 'allowed')
        return expect(idOf(after) ?? after).toEqual(value)
      }
      expectStatus(outcome, REFUSED, 'refused')
      return expect(after).toEqual(before)
    }
    case 'delete': {
      const id = line.target === 'self' ? idFor('self', actor) : await freshToDelete(collection, marker())
      const outcome = await perform(ctx, way, caller, { kind: 'delete', collection, id })
      if (cell === OK) {
        expectStatus(outcome, [200], 'allowed')
        return expect(await stored(collection, id)).toBeNull()
      }
      expectStatus(outcome, REFUSED, 'refused')
      return expect(await stored(collection, id)).not.toBeNull()
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Decision 15: the admin reads no personal data of complainants and moves no case — the rows above.
// A person who must also oversee cases holds the manager role as well, and keeps all of it.

const CASE_SIDE: readonly Slug[] = ['complaints', 'complaint-attachments', 'letters', 'case-events', 'outbox']
const MANAGER = ACTORS.indexOf('manager')

describe.each(WAYS)('Decision 15 through the %s API: an admin who is also a manager has what a manager has', (way) => {
  for (const line of MATRIX.filter((l) => CASE_SIDE.includes(l.collection))) {
    const cell = line.cells[MANAGER] as ListCell | ReadCell | WriteCell
    if (cell === __ || cell === QB) continue
    const label = 'target' in line ? `${line.collection} ${line.op} ${line.target}` : `${line.collection} ${line.op}`
    it(`${label}: as the manager`, async () => {
      await runCell(way, 'adminManager', line, cell)
    })
  }

  it('an admin who is also a handler gets no more than a handler: a new case only to take it themselves, never handed to a colleague', async () => {
    const { complaint } = await registerComplaint(`AH${marker()}`)
    const handed = await perform(ctx, way, callers.adminHandler, {
      kind: 'update',
      collection: 'complaints',
      id: complaint.id,
      data: { assignedHandler: ids.handlerA },
    })
    expectStatus(handed, [400, 403, 404], 'refused')
    expect(idOf(at(await stored('complaints', complaint.id), 'assignedHandler'))).toBeNull()
    const taken = await perform(ctx, way, callers.adminHandler, {
      kind: 'update',
      collection: 'complaints',
      id: complaint.id,
      data: { assignedHandler: ids.adminHandler },
    })
    expectStatus(taken, [200], 'taken')
    const reassigned = await perform(ctx, way, callers.adminHandler, {
      kind: 'update',
      collection: 'complaints',
      id: complaint.id,
      data: { assignedHandler: ids.handlerB },
    })
    expectStatus(reassigned, [400, 403, 404], 'refused')
    expect(idOf(at(await stored('complaints', complaint.id), 'assignedHandler'))).toBe(ids.adminHandler)
  })

  it(`complaint Q as adminManager: ${SENSITIVE.join(', ')} visible`, async () => {
    const full = await stored('complaints', ids.Q)
    const outcome = await perform(ctx, way, callers.adminManager, {
      kind: 'findByID',
      collection: 'complaints',
      id: ids.Q,
    })
    expectStatus(outcome, [200], 'readable')
    for (const field of SENSITIVE) expect(at(outcome.doc, field), field).toEqual(at(full, field))
  })
})

describe('Decision 15: what the admin keeps of the jobs', () => {
  it('the admin reads a job’s state, never what it carries (a composed letter, Decision 19), and cannot query on it', async () => {
    const job = await payload.jobs.queue({
      task: 'issueCaseLetter',
      queue: 'matrix-letter',
      input: { complaintId: ids.A, letter: { body: 'Geheime brieftekst voor de klager' } },
    })
    const stored = (await trusted(payload).findByID({
      collection: 'payload-jobs',
      id: String(job.id),
      overrideAccess: true,
    })) as Doc
    expect(JSON.stringify(stored.input), 'the fixture carries the letter').toContain('Geheime brieftekst')
    for (const way of WAYS) {
      const outcome = await perform(ctx, way, callers.admin, {
        kind: 'findByID',
        collection: 'payload-jobs',
        id: String(job.id),
      })
      expectStatus(outcome, [200], 'the job is readable')
      expect(at(outcome.doc, 'taskSlug')).toBe('issueCaseLetter')
      expect(at(outcome.doc, 'queue')).toBe('matrix-letter')
      expect(JSON.stringify(outcome.doc)).not.toContain('Geheime')
      // Removed, or left empty by Payload's own afterRead of jobs.
      const shown = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))
      for (const field of ['input', 'log', 'taskStatus'])
        expect([null, '{}', '[]'], field).toContain(shown(at(outcome.doc, field)))
      const asked = await perform(ctx, way, callers.admin, {
        kind: 'find',
        collection: 'payload-jobs',
        where: { 'input.letter.body': { like: 'Geheime' } },
      })
      expectStatus(asked, [400, 403], 'a query on what a job carries is refused')
    }
  })
})

describe('Decision 15: what the admin keeps of the outbox', () => {
  it('the admin lists a case’s messages with their delivery state; the case itself stays an id, even when asked to open it (depth 1)', async () => {
    const admin = callers.admin.user ?? undefined
    const { docs } = await payload.find({
      collection: 'outbox',
      where: { id: { equals: ids.msgA } },
      depth: 1,
      overrideAccess: false,
      user: admin,
    })
    expect(docs.map((d) => d.id)).toEqual([ids.msgA])
    expect(docs[0]?.status).toBe('queued')
    expect(docs[0]?.complaint).toBe(ids.A)
    const response = await ctx.rest(`/outbox/${ids.msgA}?depth=1`, {
      headers: { authorization: callers.admin.authorization ?? '' },
    })
    expect(((await response.json()) as { complaint?: unknown }).complaint).toBe(ids.A)
  })
})

// ---------------------------------------------------------------------------------------------
// Sensitive fields of a complaint, and of an account

describe.each(WAYS)('sensitive fields through the %s API', (way) => {
  for (const row of SENSITIVE_READS) {
    for (const [actor, cell] of cellsOf(row.cells)) {
      if (cell !== 'visible' && cell !== 'hidden') continue
      it(`complaint ${row.target} as ${actor}: ${SENSITIVE.join(', ')} ${cell}`, async () => {
        const full = await stored('complaints', ids[row.target])
        const outcome = await perform(ctx, way, callers[actor], {
          kind: 'findByID',
          collection: 'complaints',
          id: ids[row.target],
        })
        expectStatus(outcome, [200], 'the complaint itself is readable')
        for (const field of SENSITIVE) {
          expect(at(full, field) ?? null, `the fixture has ${field}`).not.toBeNull()
          if (cell === 'visible') expect(at(outcome.doc, field), field).toEqual(at(full, field))
          else expect(at(outcome.doc, field), field).toBeUndefined()
        }
      })
    }
  }

  // decision: the secrets of a login are never returned by the API, to anyone; nor are a colleague's sessions (when they logged in is theirs).
  it.each(['admin', 'manager', 'handlerA', 'editor'] as const)(
    'an account read by %s holds no login secrets, and no one else’s sessions',
    async (actor) => {
      const target = actor === 'editor' ? ids.editor : ids.victim
      const outcome = await perform(ctx, way, callers[actor], { kind: 'findByID', collection: 'users', id: target })
      expectStatus(outcome, [200], 'the account is readable')
      for (const secret of ACCOUNT_SECRETS) expect(at(outcome.doc, secret), secret).toBeUndefined()
      if (target === ids.victim) {
        expect(((await stored('users', ids.victim)) as Doc).sessions, 'the fixture has a session').not.toEqual([])
        expect(at(outcome.doc, 'sessions') ?? [], 'sessions').toEqual([])
      }
    },
  )

  it('no one but the admin reads a service account, let alone its API key', async () => {
    for (const actor of ['manager', 'handlerA', 'editor', 'site'] as const) {
      const outcome = await perform(ctx, way, callers[actor], {
        kind: 'findByID',
        collection: 'service-accounts',
        id: ids.site,
      })
      expect(outcome.doc?.apiKey, actor).toBeUndefined()
    }
  })
})

describe.each(WAYS)('writes of single fields through the %s API', (way) => {
  for (const row of FIELD_WRITES) {
    it(`${row.actor} writes ${row.collection}.${row.path} of ${row.target}: ${row.expect} (${row.why})`, async () => {
      const id = idFor(row.target, row.actor)
      const before = at(await stored(row.collection, id), row.path)
      const data = row.data(way)
      const outcome = await perform(ctx, way, callers[row.actor], {
        kind: 'update',
        collection: row.collection,
        id,
        data,
      })
      const after = at(await stored(row.collection, id), row.path)
      if (row.expect === 'changed') {
        expectStatus(outcome, [200], 'allowed')
        expect(after).toEqual(at(data, row.path))
        return
      }
      try {
        // Refused outright, refused with a message, or the field silently dropped: the stored value is what counts.
        expectStatus(outcome, [200, 400, 403, 404], 'answered')
        expect(idOf(after) ?? after).toEqual(idOf(before) ?? before)
      } finally {
        // Trusted repair of a write that went through, so one finding does not spill into other rows.
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          await trusted(payload).update({
            collection: row.collection,
            id,
            data: nested(row.path, before),
            overrideAccess: true,
          })
        }
      }
    })
  }

  it('DOMAIN.md, People: the manager assigns a new complaint to a handler', async () => {
    const { complaint } = await registerComplaint(`Toe${marker()}`)
    const outcome = await perform(ctx, way, callers.manager, {
      kind: 'update',
      collection: 'complaints',
      id: complaint.id,
      data: { assignedHandler: ids.handlerB },
    })
    expectStatus(outcome, [200], 'assigned')
    expect(idOf(at(await stored('complaints', complaint.id), 'assignedHandler'))).toBe(ids.handlerB)
  })

  it('a complaint is registered as received, with its own reference and clocks, whatever the creator sends', async () => {
    const m = marker()
    const data = {
      ...(complaintData(m) as unknown as Record<string, unknown>),
      status: 'decided',
      reference: `WP-1999-${m.slice(0, 4)}`,
      deadlines: { decisionLimitBy: farAway },
      lettersSent: { decisionAt: longAgo },
      endedAt: longAgo,
    }
    const outcome = await perform(ctx, way, callers.manager, { kind: 'create', collection: 'complaints', data })
    expectStatus(outcome, [201], 'registered')
    const saved = await stored('complaints', outcome.doc?.id ?? '')
    expect(at(saved, 'status')).toBe('received')
    expect(at(saved, 'reference')).toMatch(/^WP-\d{4}-\d{4}$/)
    expect(at(saved, 'reference')).not.toBe(data.reference)
    expect(at(saved, 'deadlines.decisionLimitBy')).not.toBe(farAway)
    expect(at(saved, 'lettersSent.decisionAt') ?? null).toBeNull()
    expect(at(saved, 'endedAt') ?? null).toBeNull()
  })
})

// ---------------------------------------------------------------------------------------------
// Globals

describe.each(WAYS)('globals through the %s API', (way) => {
  for (const [actor, cell] of cellsOf(GLOBALS.settingsRead)) {
    it(`settings read by ${actor}: ${cell === 'public' ? 'contact details only' : 'everything'}`, async () => {
      const full = await payload.findGlobal({ slug: 'settings', overrideAccess: true, depth: 0 })
      const outcome = await perform(ctx, way, callers[actor], { kind: 'findGlobal', slug: 'settings' })
      expectStatus(outcome, [200], 'read')
      for (const field of PUBLIC_SETTINGS) {
        expect([null, undefined, ''], `fixture ${field} is filled in`).not.toContain(at(full, field))
        expect(at(outcome.doc, field), field).toEqual(at(full, field))
      }
      for (const field of STAFF_SETTINGS) {
        expect([null, undefined, ''], `fixture ${field} is filled in`).not.toContain(at(full, field))
        if (cell === 'staff') expect(at(outcome.doc, field), field).toEqual(at(full, field))
        else expect(at(outcome.doc, field), field).toBeUndefined()
      }
    })
  }

  for (const [actor, cell] of cellsOf(GLOBALS.settingsUpdate)) {
    it(`settings update by ${actor}: ${cell}`, async () => {
      const phone = `030 ${Math.floor(100_0000 + Math.random() * 899_9999)}`
      const before = (await payload.findGlobal({ slug: 'settings', overrideAccess: true })).phone
      const outcome = await perform(ctx, way, callers[actor], {
        kind: 'updateGlobal',
        slug: 'settings',
        data: { phone },
      })
      const after = (await payload.findGlobal({ slug: 'settings', overrideAccess: true })).phone
      if (cell === OK) {
        expectStatus(outcome, [200], 'allowed')
        expect(after).toBe(phone)
      } else {
        expectStatus(outcome, REFUSED, 'refused')
        expect(after).toBe(before)
      }
    })
  }

  for (const [actor, cell] of cellsOf(GLOBALS.regulationReadDraft)) {
    it(`regulation read by ${actor}: the published text without asking for a draft; with ?draft: the ${cell} text`, async () => {
      const plain = await perform(ctx, way, callers[actor], { kind: 'findGlobal', slug: 'regulation' })
      expectStatus(plain, [200], 'read')
      expect(plain.doc?.title).toBe(PUBLISHED_TITLE)
      const draft = await payload.findGlobal({ slug: 'regulation', draft: true, overrideAccess: true })
      expect(draft.title, 'the fixture has a draft').not.toBe(PUBLISHED_TITLE)
      const asked = await perform(ctx, way, callers[actor], { kind: 'findGlobal', slug: 'regulation', draft: true })
      expectStatus(asked, [200], 'read')
      expect(asked.doc?.title).toBe(cell === 'draft' ? draft.title : PUBLISHED_TITLE)
    })
  }

  for (const [actor, cell] of cellsOf(GLOBALS.regulationVersions)) {
    it(`regulation version history read by ${actor}: ${cell === 'all' ? 'with the drafts' : 'no draft in it (or refused)'}`, async () => {
      const outcome = await perform(ctx, way, callers[actor], { kind: 'findGlobalVersions', slug: 'regulation' })
      const statuses = (outcome.docs ?? []).map((v) => at(v, 'version._status'))
      if (cell === 'all') {
        expectStatus(outcome, [200], 'allowed')
        expect(statuses).toContain('draft')
        expect(statuses).toContain('published')
      } else if (outcome.status === 200) expect(statuses).not.toContain('draft')
      else expectStatus(outcome, [403, 404], 'refused')
    })
  }

  for (const [actor, cell] of cellsOf(GLOBALS.regulationUpdate)) {
    it(`regulation update (a draft) by ${actor}: ${cell}`, async () => {
      const title = `Concept ${marker()}`
      const before = (await payload.findGlobal({ slug: 'regulation', draft: true, overrideAccess: true })).title
      const outcome = await perform(ctx, way, callers[actor], {
        kind: 'updateGlobal',
        slug: 'regulation',
        data: { title },
        draft: true,
      })
      const after = (await payload.findGlobal({ slug: 'regulation', draft: true, overrideAccess: true })).title
      const published = (await payload.findGlobal({ slug: 'regulation', overrideAccess: true })).title
      expect(published, 'a draft never changes what the public reads').toBe(PUBLISHED_TITLE)
      if (cell === OK) {
        expectStatus(outcome, [200], 'allowed')
        expect(after).toBe(title)
      } else {
        expectStatus(outcome, REFUSED, 'refused')
        expect(after).toBe(before)
      }
    })
  }
})

// ---------------------------------------------------------------------------------------------
// Endpoints (REST only: they exist only as HTTP routes)

function headersOf(actor: Actor): Record<string, string> {
  const authorization = callers[actor].authorization
  return authorization ? { authorization } : {}
}

const webComplaint = (m: string): FormData =>
  intakeForm(
    validIntake({
      name: `Webklager ${m}`,
      email: `web-${m}@example.nl`,
      conductDate: '2026-01-05',
      categories: ['negligence'],
      description: `Klacht via de website ${m}.`,
    }),
  )

describe('endpoints through REST', () => {
  for (const [actor, cell] of cellsOf(ENDPOINTS.intake)) {
    it(`POST /api/complaints/intake as ${actor}: ${cell}`, async () => {
      const before = await countOf('complaints')
      const response = await ctx.rest('/complaints/intake', {
        method: 'POST',
        body: webComplaint(marker()),
        headers: headersOf(actor),
      })
      if (cell === OK) {
        expect(response.status).toBe(201)
        // It cannot read back: the answer is the confirmation only, no personal data, no case.
        expect(Object.keys((await response.json()) as object).sort()).toEqual([
          'callbackRequested',
          'deadlines',
          'emailed',
          'receivedAt',
          'reference',
        ])
        expect(await countOf('complaints')).toBe(before + 1)
      } else {
        expect(REFUSED).toContain(response.status)
        expect(await countOf('complaints')).toBe(before)
      }
    })
  }

  it('the site cannot read its own account back through /me', async () => {
    const response = await ctx.rest('/service-accounts/me', { headers: headersOf('site') })
    const text = await response.text()
    expect(text).not.toContain(SITE_KEY)
    if (response.ok) expect((JSON.parse(text) as { user: unknown }).user ?? null).toBeNull()
    else expect(REFUSED).toContain(response.status)
  })

  it('the site is nobody in the users collection (/users/me)', async () => {
    const response = await ctx.rest('/users/me', { headers: headersOf('site') })
    expect(((await response.json()) as { user: unknown }).user ?? null).toBeNull()
  })

  it.each(['anonymous', 'site'] as const)(
    "%s reads no editing locks (Payload's payload-locked-documents): the site may only hand in complaints",
    async (actor) => {
      const response = await ctx.rest('/payload-locked-documents?depth=1', { headers: headersOf(actor) })
      expect(REFUSED).toContain(response.status)
    },
  )

  it.each(['anonymous', 'site'] as const)(
    '%s cannot lock a complaint for editing (payload-locked-documents)',
    async (actor) => {
      const before = await countOf('payload-locked-documents')
      const response = await ctx.rest('/payload-locked-documents', {
        method: 'POST',
        headers: { ...headersOf(actor), 'content-type': 'application/json' },
        body: JSON.stringify({
          document: { relationTo: 'complaints', value: ids.A },
          globalSlug: null,
          user: { relationTo: 'service-accounts', value: ids.site },
        }),
      })
      expect(REFUSED).toContain(response.status)
      expect(await countOf('payload-locked-documents')).toBe(before)
    },
  )

  // The REST API carries every access rule; with GraphQL off there is no second API beside it.
  it.each(['anonymous', 'site', 'handlerB'] as const)('GraphQL is switched off (%s)', async (actor) => {
    const response = await ctx.rest('/graphql', {
      method: 'POST',
      headers: { ...headersOf(actor), 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Complaints { docs { id complaintText } } }' }),
    })
    expect(response.status).toBe(404)
  })

  it('no one registers a "first" user once users exist', async () => {
    const before = await countOf('users')
    const response = await ctx.rest('/users/first-register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'indringer@example.nl',
        password: PASSWORD,
        'confirm-password': PASSWORD,
        name: 'Indringer',
        roles: ['admin'],
      }),
    })
    expect(response.ok).toBe(false)
    expect(await countOf('users')).toBe(before)
  })

  for (const [actor, cell] of cellsOf(ENDPOINTS.unlock)) {
    it(`POST /api/users/unlock as ${actor}: ${cell}`, async () => {
      await payload.update({
        collection: 'users',
        id: ids.victim,
        data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 600_000).toISOString() },
      })
      const response = await ctx.rest('/users/unlock', {
        method: 'POST',
        headers: { ...headersOf(actor), 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'victim@example.nl' }),
      })
      const after = (await stored('users', ids.victim)) as Doc
      if (cell === OK) {
        expect(response.status).toBe(200)
        expect(after.lockUntil ?? null).toBeNull()
      } else {
        expect(REFUSED).toContain(response.status)
        expect(new Date(String(after.lockUntil)).getTime()).toBeGreaterThan(Date.now())
      }
      await payload.update({
        collection: 'users',
        id: ids.victim,
        data: { loginAttempts: 0, lockUntil: null },
      })
    })
  }

  for (const [actor, cell] of cellsOf(ENDPOINTS.runJobs)) {
    it(`GET /api/payload-jobs/run as ${actor}: ${cell}`, async () => {
      // An empty queue: the call is about who may start the runner, not about what it runs.
      const response = await ctx.rest(`/payload-jobs/run?${query({ queue: 'matrix-empty' })}`, {
        headers: headersOf(actor),
      })
      if (cell === OK) expect(response.status).toBe(200)
      else expect([401, 403]).toContain(response.status)
    })
  }

  for (const [actor, cell] of cellsOf(ENDPOINTS.fileOfRep)) {
    it(`the PDF of report rep, downloaded by ${actor}: ${cell}`, async () => {
      const filename = String(at(await stored('reports', ids.rep), 'filename'))
      const response = await ctx.rest(`/reports/file/${encodeURIComponent(filename)}`, { headers: headersOf(actor) })
      if (cell === OK) {
        expect(response.status).toBe(200)
        expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true)
      } else expect(REFUSED).toContain(response.status)
    })
  }

  for (const [actor, cell] of cellsOf(ENDPOINTS.fileOfAttA)) {
    if (cell === __ || cell === QB) continue
    it(`the file of attachment attA, downloaded by ${actor}: ${cell}`, async () => {
      const filename = String(at(await stored('complaint-attachments', ids.attA), 'filename'))
      const response = await ctx.rest(`/complaint-attachments/file/${encodeURIComponent(filename)}`, {
        headers: headersOf(actor),
      })
      if (cell === OK) {
        expect(response.status).toBe(200)
        expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true)
      } else expect(REFUSED).toContain(response.status)
    })
  }
})

// ---------------------------------------------------------------------------------------------
// The handler's view of the queue: of new, unassigned complaints a handler sees only reference,
// date of receipt, categories and deadlines, until they take one (and Art. 4 lets them take only
// a complaint they are not involved in).

const QUEUE_HANDLERS = ['handlerA', 'handlerB', 'editorHandler'] as const
/** What the queue shows. */
const QUEUE_VISIBLE = ['reference', 'receivedAt', 'categories', 'deadlines'] as const
// decision: plus the technical id and timestamps, the status (always "received"), the (empty) handler and the
// derived deadline state (nextDeadline, deadlineOutcomes) — none of it personal, all of it about the deadlines.
const QUEUE_ALLOWED_KEYS = new Set<string>([
  ...QUEUE_VISIBLE,
  'id',
  'createdAt',
  'updatedAt',
  'status',
  'assignedHandler',
  'nextDeadline',
  'deadlineOutcomes',
  // Art. 3: the call-back request is a task in the queue, not personal data.
  'wantsHelpWriting',
  'callback',
])

describe.each(WAYS)('the handler’s view of the unassigned queue through the %s API', (way) => {
  for (const actor of QUEUE_HANDLERS) {
    it(`${actor} finds the new, unassigned complaint Q in the list`, async () => {
      const outcome = await perform(ctx, way, callers[actor], {
        kind: 'find',
        collection: 'complaints',
        where: { id: { in: [ids.A, ids.Q] } },
      })
      expectStatus(outcome, [200], 'listed')
      expect((outcome.docs ?? []).map((d) => d.id)).toContain(ids.Q)
    })

    it(`${actor} reads Q's reference, date of receipt, categories and deadlines`, async () => {
      const full = await stored('complaints', ids.Q)
      const outcome = await perform(ctx, way, callers[actor], { kind: 'findByID', collection: 'complaints', id: ids.Q })
      expectStatus(outcome, [200], 'readable')
      for (const field of QUEUE_VISIBLE) {
        expect(at(full, field) ?? null, `the fixture has ${field}`).not.toBeNull()
        expect(at(outcome.doc, field), field).toEqual(at(full, field))
      }
    })

    it(`${actor} does not read Q's sensitive fields: ${SENSITIVE.join(', ')}`, async () => {
      const outcome = await perform(ctx, way, callers[actor], { kind: 'findByID', collection: 'complaints', id: ids.Q })
      expectStatus(outcome, [200], 'readable')
      for (const field of SENSITIVE) expect(at(outcome.doc, field), field).toBeUndefined()
      const listed = await perform(ctx, way, callers[actor], {
        kind: 'find',
        collection: 'complaints',
        where: { id: { equals: ids.Q } },
      })
      for (const field of SENSITIVE) expect(at(listed.docs?.[0], field), `${field} in the list`).toBeUndefined()
    })

    it(`${actor} reads nothing of Q beyond the queue's fields`, async () => {
      const outcome = await perform(ctx, way, callers[actor], { kind: 'findByID', collection: 'complaints', id: ids.Q })
      expectStatus(outcome, [200], 'readable')
      const extra = Object.keys(outcome.doc ?? {}).filter((k) => !QUEUE_ALLOWED_KEYS.has(k))
      expect(extra).toEqual([])
    })

    it(`${actor} cannot learn a hidden field of Q by querying on it`, async () => {
      const full = await stored('complaints', ids.Q)
      const ask = (name: unknown) =>
        perform(ctx, way, callers[actor], {
          kind: 'find',
          collection: 'complaints',
          where: { and: [{ id: { equals: ids.Q } }, { 'complainant.name': { equals: name } }] },
        })
      const [right, wrong] = [await ask(at(full, 'complainant.name')), await ask('Iemand Anders')]
      // Either the query is refused, or the right and the wrong guess get the same answer.
      if (right.status === 200)
        expect((right.docs ?? []).length, 'right guess vs wrong guess').toBe((wrong.docs ?? []).length)
      else expectStatus(right, [400, 403], 'refused')
    })

    it(`${actor} cannot change Q without taking it (and the stored case stays as it was)`, async () => {
      const before = await stored('complaints', ids.Q)
      const outcome = await perform(ctx, way, callers[actor], {
        kind: 'update',
        collection: 'complaints',
        id: ids.Q,
        data: {
          acknowledgement: { factsSummary: 'Gewijzigd zonder de zaak te nemen.' },
          complainant: { name: 'Overschreven' },
        },
      })
      expectStatus(outcome, [400, 403, 404], 'refused')
      const after = await stored('complaints', ids.Q)
      expect(at(after, 'acknowledgement.factsSummary')).toEqual(at(before, 'acknowledgement.factsSummary'))
      expect(at(after, 'complainant.name')).toEqual(at(before, 'complainant.name'))
    })
  }

  it('handlerB cannot hand the queue complaint to someone else: managers assign handlers', async () => {
    const outcome = await perform(ctx, way, callers.handlerB, {
      kind: 'update',
      collection: 'complaints',
      id: ids.Q,
      data: { assignedHandler: ids.handlerA },
    })
    expectStatus(outcome, [400, 403, 404], 'refused')
    expect(idOf(at(await stored('complaints', ids.Q), 'assignedHandler'))).toBeNull()
  })

  it('handlerB takes a new complaint from the queue, and then reads the whole case', async () => {
    const { complaint } = await registerComplaint(`Neem${marker()}`)
    const outcome = await perform(ctx, way, callers.handlerB, {
      kind: 'update',
      collection: 'complaints',
      id: complaint.id,
      data: { assignedHandler: ids.handlerB },
    })
    expectStatus(outcome, [200], 'taken')
    expect(idOf(at(await stored('complaints', complaint.id), 'assignedHandler'))).toBe(ids.handlerB)
    const read = await perform(ctx, way, callers.handlerB, {
      kind: 'findByID',
      collection: 'complaints',
      id: complaint.id,
    })
    expectStatus(read, [200], 'readable')
    expect(at(read.doc, 'complainant.name')).toBe(complaint.complainant.name)
    expect(at(read.doc, 'complaintText')).toBe(complaint.complaintText)
  })

  it('once taken, the case leaves the other handlers’ queue', async () => {
    const { complaint } = await registerComplaint(`Weg${marker()}`)
    // Control: while nobody has taken it, handlerA finds it in the queue.
    expectStatus(
      await perform(ctx, way, callers.handlerA, { kind: 'findByID', collection: 'complaints', id: complaint.id }),
      [200],
      'in the queue',
    )
    await payload.update({ collection: 'complaints', id: complaint.id, data: { assignedHandler: ids.handlerB } })
    const outcome = await perform(ctx, way, callers.handlerA, {
      kind: 'findByID',
      collection: 'complaints',
      id: complaint.id,
    })
    expectStatus(outcome, [404], 'hidden')
  })
})
