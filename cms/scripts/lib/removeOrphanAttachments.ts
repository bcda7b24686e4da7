import type { Payload } from 'payload'

import { fileStore } from '../../lib/fileStore'

/** Younger records and files may belong to an intake still under way (e.g. in another CMS process on MongoDB). */
export const ORPHAN_MIN_AGE_MS = 10 * 60 * 1000

export type OrphanReport = { records: number; files: number; relinked: number; warning?: string }

type AttachmentRow = { id: string; complaint?: string | { id: string } | null; filename?: string | null }

const idOf = (value: AttachmentRow['complaint']): string | undefined =>
  value && typeof value === 'object' ? value.id : (value ?? undefined)

/**
 * The intake stores the attachments first, then the complaint, then links each attachment to it
 * (hooks/complaints/registerComplaint.ts), and undoes all of it when a step fails. A crash of the
 * CMS in between leaves what it had stored. Run at start-up, before the CMS, this removes
 * - attachment records that no complaint lists and that link to no existing complaint, with their files;
 * - files in the attachments folder that no record knows (written just before a crash);
 * and links an attachment that its complaint lists but that lacks the link back (a crash after the
 * complaint was stored), so that those who may read the complaint may read it.
 * Reads at adapter level (no hooks, no access log: no person reads anything here).
 */
export async function removeOrphanAttachments(
  payload: Payload,
  now: Date,
  minAgeMs = ORPHAN_MIN_AGE_MS,
): Promise<OrphanReport> {
  const report: OrphanReport = { records: 0, files: 0, relinked: 0 }
  const cutoff = new Date(now.getTime() - minAgeMs)

  const old = await payload.db.find<AttachmentRow>({
    collection: 'complaint-attachments',
    where: { createdAt: { less_than: cutoff.toISOString() } },
    pagination: false,
    limit: 0,
    select: { complaint: true },
  })
  if (old.docs.length > 0) {
    const ids = old.docs.map((doc) => doc.id)
    const linkedTo = [...new Set(old.docs.map((doc) => idOf(doc.complaint)).filter((id): id is string => Boolean(id)))]
    const existing = linkedTo.length
      ? new Set(
          (
            await payload.db.find<{ id: string }>({
              collection: 'complaints',
              where: { id: { in: linkedTo } },
              pagination: false,
              limit: 0,
              select: {},
            })
          ).docs.map((c) => c.id),
        )
      : new Set<string>()
    const listing = await payload.db.find<{ id: string; attachments?: (string | { id: string })[] | null }>({
      collection: 'complaints',
      where: { attachments: { in: ids } },
      pagination: false,
      limit: 0,
      select: { attachments: true },
    })
    const listedBy = new Map<string, string>()
    for (const complaint of listing.docs) {
      for (const attachment of complaint.attachments ?? [])
        listedBy.set(typeof attachment === 'object' ? attachment.id : attachment, complaint.id)
    }

    for (const doc of old.docs) {
      const linked = idOf(doc.complaint)
      if (linked && existing.has(linked)) continue
      const listed = listedBy.get(doc.id)
      if (listed) {
        // Trusted: start-up recovery, no user; the attachment belongs to the complaint that lists it.
        await payload.update({
          collection: 'complaint-attachments',
          id: doc.id,
          data: { complaint: listed },
          overrideAccess: true,
          depth: 0,
        })
        report.relinked += 1
        continue
      }
      // Trusted: start-up recovery, no user. Deleting through Payload removes the file as well.
      await payload.delete({ collection: 'complaint-attachments', id: doc.id, overrideAccess: true, depth: 0 })
      report.records += 1
    }
  }

  const records = await payload.db.find<AttachmentRow>({
    collection: 'complaint-attachments',
    pagination: false,
    limit: 0,
    select: { filename: true },
  })
  const known = new Set(records.docs.map((doc) => doc.filename).filter((name): name is string => Boolean(name)))
  const swept = await removeStrayFiles(payload, known, cutoff)
  report.files = swept.files
  report.warning = swept.warning
  return report
}

/** Names the database a folder of attachments belongs to; written into the folder on first use. */
const MARKER = '.database-id'
const ATTACHMENTS = 'complaint-attachments'

/**
 * Removes files that no record knows, older than the cutoff, but only from a folder (or bucket
 * prefix) that belongs to this database: pointed at another database (a switch to MongoDB, a
 * second installation) every file would look stray, and those files are other complaints'
 * evidence. The database is known by the id of the site's service account, which the seed creates
 * once per database.
 */
async function removeStrayFiles(
  payload: Payload,
  known: Set<string>,
  cutoff: Date,
): Promise<{ files: number; warning?: string }> {
  const store = fileStore(payload)
  const where = store.describe(ATTACHMENTS)
  const site = await payload.db.findOne<{ id: string }>({
    collection: 'service-accounts',
    where: { name: { equals: 'site' } },
    select: {},
  })
  if (!site)
    return { files: 0, warning: `no site service account: files in ${where} that no record knows were left alone` }
  const files = await store.list(ATTACHMENTS)
  const stray = files.filter((file) => !known.has(file.name) && file.modifiedMs < cutoff.getTime()).map((f) => f.name)
  const owner = (await store.readMarker(ATTACHMENTS, MARKER))?.trim()
  if (owner !== undefined) {
    if (owner !== String(site.id)) {
      return {
        files: 0,
        warning: `${where} belongs to another database (${MARKER}): its ${stray.length} file(s) that no record knows were left alone`,
      }
    }
  } else {
    // First use by this database (before the first attachment arrives, so that even the first
    // intake's leftovers go): it may claim the folder when nothing in it speaks against that.
    const claimable = stray.length === 0 || files.some((file) => known.has(file.name))
    if (!claimable)
      return { files: 0, warning: `${where} holds ${stray.length} file(s) this database does not know: left alone` }
    await store.writeMarker(ATTACHMENTS, MARKER, `${site.id}\n`)
  }
  for (const name of stray) await store.remove(ATTACHMENTS, name)
  return { files: stray.length }
}
