import path from 'node:path'

import type { CollectionSlug, Field, Payload, PayloadRequest } from 'payload'

import { fileStore, type UploadSlug } from '../../cms/lib/fileStore'
import { recordEvent } from '../caseEvents/recordEvent'
import { once } from '../effects/once'
import { PERSONAL_DATA_STORES, type PersonalDataStore } from './registry'

/** Who anonymises: the daily retention run, or a manager on an erasure request (AVG art. 17; Decision 19). */
export type AnonymiseBy = { kind: 'retention'; runId: string } | { kind: 'erasure'; userId: string; reason: string }

export type AnonymiseResult =
  | { anonymised: true; files: number; messages: number; jobs: number }
  | { anonymised: false; why: 'already' | 'claimed' }

/** What a required text field holds once its content is gone (Decision 19). */
export const ANONYMISED = 'Geanonimiseerd'
/** A required e-mail field cannot hold the word: an address that can never be delivered (RFC 2606). */
const ANONYMISED_EMAIL = 'geanonimiseerd@example.invalid'

const TEXT_LIKE = new Set(['text', 'textarea', 'richText', 'email', 'json', 'code'])
/** A claim not finished after this long belongs to a run that died: the next run does the case again. */
const STALE_CLAIM_MS = 15 * 60_000

/** The collections whose rows belong to one case, by the field that names it. */
const CASE_ROWS: Partial<Record<CollectionSlug, string>> = {
  'complaint-attachments': 'complaint',
  letters: 'complaint',
  outbox: 'complaint',
}

type Doc = Record<string, unknown> & { id: string }

/**
 * Blanks, in one document, every text-like field a store names (by its own path or a parent's):
 * empty, or a fixed placeholder where the field is required. Groups, tabs and array rows are
 * walked, so the rows stay (a correction's date, an attendee's role) and only their text goes
 * (with `dropRows`, an array a store names is emptied instead: an e-mail's attachments);
 * dates, codes, numbers and relationships stay: the classification, the outcome, the clocks.
 */
export function blankFields(
  fields: readonly Field[],
  doc: Record<string, unknown>,
  paths: readonly string[],
  options: { dropRows?: boolean } = {},
) {
  const inScope = (p: string) => paths.some((s) => p === s || p.startsWith(`${s}.`))
  const touches = (p: string) => paths.some((s) => s === p || s.startsWith(`${p}.`) || p.startsWith(`${s}.`))

  const walk = (list: readonly Field[], value: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const field of list) {
      if (field.type === 'tabs') {
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) {
            const p = `${prefix}${tab.name}`
            if (touches(p)) out[tab.name] = whole(tab.fields, asObject(value[tab.name]), `${p}.`)
          } else Object.assign(out, walk(tab.fields, value, prefix))
        }
        continue
      }
      if (field.type === 'row' || field.type === 'collapsible') {
        Object.assign(out, walk(field.fields, value, prefix))
        continue
      }
      if (!('name' in field)) continue
      const p = `${prefix}${field.name}`
      if (!touches(p)) continue
      const current = value[field.name]
      if (field.type === 'group') out[field.name] = whole(field.fields, asObject(current), `${p}.`)
      else if (field.type === 'array' && options.dropRows && inScope(p)) out[field.name] = []
      else if (field.type === 'array')
        out[field.name] = Array.isArray(current)
          ? current.map((row) => whole(field.fields, asObject(row), `${p}.*.`))
          : current
      else if (TEXT_LIKE.has(field.type) && inScope(p)) {
        const required = 'required' in field && field.required === true
        const many = 'hasMany' in field && field.hasMany === true
        const blank = field.type === 'email' ? ANONYMISED_EMAIL : ANONYMISED
        if (many) out[field.name] = required ? [blank] : []
        else if (current === null || current === undefined || current === '') out[field.name] = current ?? null
        else out[field.name] = required && field.type !== 'json' && field.type !== 'richText' ? blank : null
      }
    }
    return out
  }
  // A group, tab or row is written whole: what was not blanked (codes, dates, a row's id) stays.
  const whole = (list: readonly Field[], value: Record<string, unknown>, prefix: string) => ({
    ...value,
    ...walk(list, value, prefix),
  })
  return walk(fields, doc, '')
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

const storesOf = (collection: string, match: (s: PersonalDataStore) => boolean) =>
  PERSONAL_DATA_STORES.filter((s) => s.collection === collection && match(s))

/**
 * Decision 19: anonymises one case in every store of the registry that retention erases with the
 * case (`term: 'case'`), and the case's own outbox messages (recipients, bodies, attachments) and
 * queued jobs: the complaint's names, contact details, addresses and free text (required ones get
 * "Geanonimiseerd"), the files of its attachments and letters (removed from disk, their documents
 * renamed to their id), its messages and jobs. Kept: reference, dates, classification, outcome,
 * clock results, and the letters' kind, channel and dates (the timeline and the Art. 9 report).
 *
 * Once per case, also when two runs meet: a claim `case:<id>` in `retention-runs` with a unique
 * key (hooks/effects/once.ts); an anonymised case is skipped. Trusted server code: access control
 * is off (the callers, the job and the managers' endpoint, decide who may cause it); the case is
 * written as the named system operation `anonymise`, which the workflow lets through after
 * `closed` (Decision 16).
 */
export async function anonymiseCase(
  payload: Payload,
  caseId: string,
  by: AnonymiseBy,
  options: { now?: Date; req?: Partial<PayloadRequest> } = {},
): Promise<AnonymiseResult> {
  const { req } = options
  const now = options.now ?? new Date()
  const complaint = (await payload.findByID({
    collection: 'complaints',
    id: caseId,
    overrideAccess: true,
    depth: 0,
    req,
  })) as unknown as Doc & { privacy?: { anonymisedAt?: string | null } | null }
  if (complaint.privacy?.anonymisedAt) return { anonymised: false, why: 'already' }

  const claim = await once(payload, {
    collection: 'retention-runs',
    field: 'key',
    key: `case:${caseId}`,
    make: () => ({
      data: {
        key: `case:${caseId}`,
        kind: 'claim' as const,
        at: now.toISOString(),
        complaint: caseId,
        by: by.kind,
        run: by.kind === 'retention' ? by.runId : null,
      },
    }),
    req,
  })
  if (!claim.created) {
    const stale = !claim.doc.doneAt && Date.parse(claim.doc.at) < now.getTime() - STALE_CLAIM_MS
    if (!stale) return { anonymised: false, why: 'claimed' }
  }

  // The case's satellites first: a run that dies halfway leaves the case itself to do again.
  const files = await anonymiseRows(payload, caseId, req)
  const { messages, jobs } = await removeJobsAndCount(payload, caseId, req)
  // Decision 19, 20: the complainant's links and sessions to their own page go with the case.
  // Sessions first: each points at its link. A bulk delete reports failures instead of throwing.
  for (const collection of ['complainant-sessions', 'complainant-links'] as const) {
    const { errors } = await payload.delete({
      collection,
      where: { complaint: { equals: caseId } },
      overrideAccess: true,
      req,
    })
    if (errors.length > 0)
      throw new Error(`Anonymising ${caseId}: ${collection} not removed: ${errors[0]?.message ?? ''}`)
  }

  const paths = storesOf('complaints', (s) => s.term === 'case' && s.erasure !== 'keep').flatMap((s) => s.fields ?? [])
  const blanked = blankFields(payload.collections.complaints.config.fields, complaint, paths)
  const privacy = {
    ...asObject(complaint.privacy),
    ...asObject(blanked.privacy),
    anonymisedAt: now.toISOString(),
    ...(by.kind === 'erasure' ? { erasureReason: by.reason } : {}),
  }
  await payload.update({
    collection: 'complaints',
    id: caseId,
    data: { ...blanked, privacy },
    overrideAccess: true,
    depth: 0,
    context: { systemOperation: 'anonymise' },
    req,
  })
  await recordEvent(
    payload,
    {
      complaint: caseId,
      type: 'anonymised',
      actor: by.kind === 'erasure' ? by.userId : null,
      actorKind: by.kind === 'erasure' ? 'staff' : 'system',
      data: by.kind === 'retention' ? { by: 'retention', run: by.runId } : { by: 'erasure' },
      at: now,
    },
    req,
  )
  await payload.update({
    collection: 'retention-runs',
    id: claim.doc.id,
    data: { doneAt: now.toISOString() },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return { anonymised: true, files, messages, jobs }
}

/**
 * The case's attachments, letters and outbox messages: text blanked as their stores name it, files
 * removed from disk and the document renamed to its id. Written through the adapter: these rows
 * have their own hooks (a posting date's guard, a sent letter's timeline entry) that do not apply
 * to erasing them. Returns how many files were removed.
 */
async function anonymiseRows(payload: Payload, caseId: string, req?: Partial<PayloadRequest>): Promise<number> {
  let files = 0
  for (const [collection, field] of Object.entries(CASE_ROWS) as [CollectionSlug, string][]) {
    const stores = storesOf(collection, () => true)
    const paths = stores.flatMap((s) => s.fields ?? [])
    const config = payload.collections[collection].config
    const { docs } = await payload.find({
      collection,
      where: { [field]: { equals: caseId } },
      pagination: false,
      overrideAccess: true,
      depth: 0,
      req,
    })
    for (const doc of docs as unknown as Doc[]) {
      // A message's attachments go as a whole: the rows are nothing but the files.
      const data = blankFields(config.fields, doc, paths, { dropRows: true })
      if (stores.some((s) => s.files) && typeof config.upload === 'object') {
        const filename = typeof doc.filename === 'string' ? doc.filename : null
        if (filename) {
          await fileStore(payload).remove(collection as UploadSlug, filename)
          files += 1
        }
        data.filename = `${doc.id}${filename ? path.extname(filename) : ''}`
        data.url = null
        data.thumbnailURL = null
      }
      // The adapter writes the whole row (its upsert needs every required column).
      await payload.db.updateOne({ collection, id: doc.id, data: { ...doc, ...data }, req, returning: false })
    }
  }
  return files
}

/**
 * The case's queued jobs carry what its letters said (Decision 19: "job inputs that carry a
 * composed letter"): removed, with the deliveries of its messages. Two years after closing any
 * still there failed for good; nothing of the case is to be sent any more.
 */
async function removeJobsAndCount(payload: Payload, caseId: string, req?: Partial<PayloadRequest>) {
  const { docs: messages } = await payload.find({
    collection: 'outbox',
    where: { complaint: { equals: caseId } },
    pagination: false,
    overrideAccess: true,
    depth: 0,
    select: {},
    req,
  })
  const ids = messages.map((m) => String(m.id))
  const { docs } = await payload.delete({
    collection: 'payload-jobs',
    where: {
      or: [
        { 'input.complaintId': { equals: caseId } },
        ...(ids.length > 0 ? [{ 'input.messageId': { in: ids } }] : []),
      ],
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return { messages: ids.length, jobs: docs.length }
}
