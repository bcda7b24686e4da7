import type { PayloadRequest, TypeWithID } from 'payload'

import type { AccessKind } from '../../collections/AccessLog'
import { relId } from '../relations'
import { logAccess } from './logAccess'

type FileHandler = (
  req: PayloadRequest,
  args: { doc: TypeWithID | undefined; params: { collection: string; filename: string } },
) => Promise<void>

/**
 * DOMAIN.md Contracts added (access log): a staff member's download of a case's file (an
 * attachment, a letter PDF) is logged once access was granted. Payload 3.90 serves
 * `/api/<slug>/file/<name>` in uploads/endpoints/getFile.js: it checks read access
 * (checkFileAccess), then runs `upload.handlers` — this one answers nothing, so Payload goes on
 * to stream the file. `doc` is the document access found; for a reader with access to every
 * document (a manager) Payload finds none, and the file's document is looked up by its name.
 */
export function logFileDownload(kind: Extract<AccessKind, 'attachment_downloaded' | 'letter_downloaded'>): FileHandler {
  return async (req, { doc, params }) => {
    if (!req.user || req.user.collection !== 'users') return
    const slug = params.collection as 'complaint-attachments' | 'letters'
    const found =
      doc ??
      // Trusted: access was granted above; only to name the case the file belongs to.
      (
        await req.payload.find({
          collection: slug,
          where: { filename: { equals: params.filename } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          select: { complaint: true },
        })
      ).docs[0]
    const complaint = relId((found as { complaint?: unknown } | undefined)?.complaint)
    if (!complaint) return
    await logAccess(req.payload, { reader: { kind: 'staff', userId: String(req.user.id) }, complaint, kind })
  }
}
