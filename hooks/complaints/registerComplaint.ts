import { type Payload, type PayloadRequest, ValidationError } from 'payload'

import { inTransaction } from '../../cms/lib/transactions'
import type { Complaint } from '../../cms/payload-types'
import type { IncomingFile } from './attachments'
import { checkWebComplaint } from './checkWebComplaint'
import {
  type Confirmation,
  type ConfirmationSource,
  confirmationOf,
  findByToken,
  isFormToken,
} from './intakeConfirmation'
import { fromComplaintData, toComplaintData } from './mapping'
import { civilDateIn } from '../dates/amsterdam'
import { type ComplaintContext, complaintSchema } from './schema'
import { undoIntake } from './undoIntake'

export type RegisterResult =
  /**
   * `changed`: the form token was stored before with other content ("back, edit, send again").
   * The first version stands and the edit is not stored; the site tells the person so.
   */
  | { kind: 'stored'; repeated: false; confirmation: Confirmation }
  | { kind: 'stored'; repeated: true; changed: boolean; confirmation: Confirmation }
  | { kind: 'invalid'; errors: Record<string, string> }

/**
 * Whether a repeated form token came with other content than the complaint stored for it. Compared
 * with the stored complaint as the schema reads it, so spaces and unticked boxes do not count; new
 * attachments count when their sizes differ from those stored. A complaint a handler has edited
 * since counts as different: the person is then told their first version stands, which is true.
 */
async function differsFromStored(
  payload: Payload,
  id: string,
  raw: Record<string, unknown>,
  files: IncomingFile[],
  ctx: ComplaintContext,
): Promise<boolean> {
  const schema = complaintSchema(ctx)
  const sent = schema.safeParse(raw)
  if (!sent.success) return true
  // Trusted, as findByToken: read only to compare, never returned.
  const stored = await payload.db.findOne<Complaint>({ collection: 'complaints', where: { id: { equals: id } } })
  if (!stored) return true
  const before = schema.safeParse(fromComplaintData(stored))
  if (!before.success || canonical(before.data) !== canonical(sent.data)) return true
  if (files.length === 0) return false
  const attachments = await payload.db.find<{ filesize?: number | null }>({
    collection: 'complaint-attachments',
    where: { complaint: { equals: id } },
    select: { filesize: true },
    pagination: false,
  })
  const sizes = (list: (number | null | undefined)[]) => JSON.stringify(list.map((n) => n ?? 0).sort((a, b) => a - b))
  return sizes(attachments.docs.map((a) => a.filesize)) !== sizes(files.map((f) => f.size))
}

const canonical = (value: Record<string, unknown>) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  )

/**
 * Registers a complaint from the public form: the shared schema, the attachments checked by
 * content, then complaint and attachments stored together — or, when anything fails on the way,
 * nothing at all: one transaction on MongoDB (cms/lib/transactions.ts), and compensating deletes
 * (SQLite runs without transactions here, see cms/db.ts; on MongoDB after a failed operation).
 * A repeated form token returns the first submission's confirmation and stores nothing.
 */
export async function registerWebComplaint(
  payload: Payload,
  raw: Record<string, unknown>,
  files: IncomingFile[],
  req: Partial<PayloadRequest>,
  now: Date = new Date(),
): Promise<RegisterResult> {
  const formToken = isFormToken(raw.formToken) ? raw.formToken : null
  if (!formToken)
    return {
      kind: 'invalid',
      errors: { form: 'Het formulier is verlopen. Laad de pagina opnieuw en verstuur uw klacht nog een keer.' },
    }

  // A second post of one form while the first is still being stored (a double click) waits for it:
  // otherwise both would draw a reference number, and the loser's would be a gap in the register.
  for (let running = storing.get(formToken); running; running = storing.get(formToken)) {
    const first = await running.catch(() => undefined)
    if (first?.kind === 'stored')
      return { ...first, repeated: true, changed: 'changed' in first ? first.changed : false }
  }
  // One transaction on MongoDB (retried when MongoDB calls a failure transient); on SQLite, which
  // runs without transactions here, the compensating deletes below keep it whole.
  const work = inTransaction(payload, req, () => storeWebComplaint(payload, formToken, raw, files, req, now)).finally(
    () => storing.delete(formToken),
  )
  storing.set(formToken, work)
  return work
}

/** Submissions being stored in this process (the only writer), by form token. */
const storing = new Map<string, Promise<RegisterResult>>()

async function storeWebComplaint(
  payload: Payload,
  formToken: string,
  raw: Record<string, unknown>,
  files: IncomingFile[],
  req: Partial<PayloadRequest>,
  now: Date,
): Promise<RegisterResult> {
  const schemaContext: ComplaintContext = { today: civilDateIn(now), emailRequired: true }
  // A repeated token never makes a second complaint (double click; back and send again; the site
  // retrying after a timeout). An edit sent with the same form is not stored either, but is not
  // dropped silently: the answer says so and the site tells the person what to do instead. Not a
  // new complaint: an edited copy of the same complaint would count twice in the Art. 9 report,
  // start a second case and a second UWV notification, and the receipt of the first is on its way.
  const repeatOf = async (earlier: ConfirmationSource & { id: string }): Promise<RegisterResult> => ({
    kind: 'stored',
    repeated: true,
    changed: await differsFromStored(payload, earlier.id, raw, files, schemaContext),
    confirmation: confirmationOf(earlier),
  })
  const earlier = await findByToken(payload, formToken)
  if (earlier) return repeatOf(earlier)

  const checked = checkWebComplaint(raw, files, schemaContext)
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors }

  const stored: { attachments: string[]; complaint?: string } = { attachments: [] }
  // Filled by the rememberCreatedId hook, also when a later hook of the same create fails.
  const context: { createdComplaintId?: string } = {}
  try {
    for (const file of checked.files) {
      try {
        // Trusted: attachments have no create access for any user; this endpoint checked its caller.
        const doc = await payload.create({
          collection: 'complaint-attachments',
          overrideAccess: true,
          req,
          data: {},
          file: { data: Buffer.from(file.bytes), mimetype: file.mimeType, name: file.name, size: file.size },
        })
        stored.attachments.push(doc.id)
      } catch (error) {
        // Payload's own check of the file (e.g. a PDF without its cross-reference table) refused it.
        if (!(error instanceof ValidationError)) throw error
        await undoIntake(payload, stored, req)
        return {
          kind: 'invalid',
          errors: { attachments: `${file.name} is beschadigd of kan niet worden geopend. Kies een ander bestand.` },
        }
      }
    }
    const complaint = await payload.create({
      collection: 'complaints',
      overrideAccess: true,
      // The answer makes the confirmation only: nothing populated (depth 0).
      depth: 0,
      req,
      context,
      data: {
        ...toComplaintData(checked.data),
        channel: 'web',
        receivedAt: now.toISOString(),
        consentAt: now.toISOString(),
        formToken,
        attachments: stored.attachments,
      } as Complaint,
    })
    stored.complaint = complaint.id
    for (const id of stored.attachments) {
      await payload.update({
        collection: 'complaint-attachments',
        id,
        data: { complaint: complaint.id },
        overrideAccess: true,
        depth: 0,
        req,
      })
    }
    return { kind: 'stored', repeated: false, confirmation: confirmationOf(complaint) }
  } catch (error) {
    // Payload may copy the context onto the request it runs the hooks with: look in both.
    stored.complaint ??= context.createdComplaintId ?? (req.context?.createdComplaintId as string | undefined)
    await undoIntake(payload, stored, req)
    // Two submissions of one form at the same moment: the other one won; answer with its result.
    const winner = await findByToken(payload, formToken).catch(() => undefined)
    if (winner) return repeatOf(winner)
    throw error
  }
}
