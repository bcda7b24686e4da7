import { type Payload, type PayloadRequest, ValidationError } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { checkAttachments, type IncomingFile } from './attachments'
import { fromComplaintData, toComplaintData } from './mapping'
import { civilDateIn } from '../dates/amsterdam'
import { type ComplaintContext, complaintSchema, fieldErrors } from './schema'

/** What the confirmation page shows: it comes from the write itself, never from reading back. */
export type Confirmation = {
  reference: string
  receivedAt: string
  deadlines: { acknowledgeBy: string; nonAdmissionNoticeBy: string; decisionTargetBy: string; decisionLimitBy: string }
  emailed: boolean
  /** Art. 3: the complainant asked for help writing the complaint down; staff will call back. */
  callbackRequested: boolean
}

export type RegisterResult =
  /**
   * `changed`: the form token was stored before with other content ("back, edit, send again").
   * The first version stands and the edit is not stored; the site tells the person so.
   */
  | { kind: 'stored'; repeated: false; confirmation: Confirmation }
  | { kind: 'stored'; repeated: true; changed: boolean; confirmation: Confirmation }
  | { kind: 'invalid'; errors: Record<string, string> }

const FORM_TOKEN = /^[A-Za-z0-9-]{16,64}$/

function confirmationOf(complaint: ConfirmationSource): Confirmation {
  const d = complaint.deadlines
  if (
    !complaint.reference ||
    !d?.acknowledgeBy ||
    !d.nonAdmissionNoticeBy ||
    !d.decisionTargetBy ||
    !d.decisionLimitBy
  ) {
    throw new Error('A stored complaint lacks its reference or deadlines')
  }
  return {
    reference: complaint.reference,
    receivedAt: complaint.receivedAt,
    deadlines: {
      acknowledgeBy: d.acknowledgeBy,
      nonAdmissionNoticeBy: d.nonAdmissionNoticeBy,
      decisionTargetBy: d.decisionTargetBy,
      decisionLimitBy: d.decisionLimitBy,
    },
    emailed: Boolean(complaint.complainant.email),
    callbackRequested: Boolean(complaint.wantsHelpWriting),
  }
}

/** What a confirmation is made of: the rest of a complaint is never read or returned here. */
const CONFIRMATION_SELECT = {
  reference: true,
  receivedAt: true,
  deadlines: true,
  complainant: { email: true },
  wantsHelpWriting: true,
} as const
type ConfirmationSource = Pick<Complaint, 'reference' | 'receivedAt' | 'deadlines' | 'wantsHelpWriting'> & {
  complainant: Pick<Complaint['complainant'], 'email'>
}

async function findByToken(
  payload: Payload,
  formToken: string,
): Promise<(ConfirmationSource & { id: string }) | undefined> {
  // Trusted: the intake endpoint answers a repeated submission with the first one's confirmation
  // only. One indexed read at adapter level (no count, no joins, no hooks): every submission asks.
  const doc = await payload.db.findOne<ConfirmationSource & { id: string }>({
    collection: 'complaints',
    where: { formToken: { equals: formToken } },
    select: CONFIRMATION_SELECT,
  })
  return doc ?? undefined
}

export const isFormToken = (value: unknown): value is string => typeof value === 'string' && FORM_TOKEN.test(value)

/**
 * "Was the complaint with this form token stored?" — for the site after its own request timed
 * out. Answers the same confirmation the intake would have given, and nothing else: whoever holds
 * a form token sent that form (the token is random and never shown anywhere).
 */
export async function confirmationForToken(payload: Payload, formToken: string): Promise<Confirmation | null> {
  const earlier = await findByToken(payload, formToken)
  return earlier ? confirmationOf(earlier) : null
}

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
 * nothing at all (compensating deletes: SQLite runs without transactions here, see cms/db.ts).
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
  const work = storeWebComplaint(payload, formToken, raw, files, req, now).finally(() => storing.delete(formToken))
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

  const errors: Record<string, string> = {}
  const parsed = complaintSchema(schemaContext).safeParse(raw)
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error))
  if (raw.consent !== true && raw.consent !== 'on' && raw.consent !== 'true') {
    errors.consent = 'Geef toestemming om uw gegevens te gebruiken voor de behandeling van uw klacht.'
  }
  const attachments = checkAttachments(files)
  if (!attachments.ok) errors.attachments = attachments.message
  if (!parsed.success || !attachments.ok || Object.keys(errors).length > 0) return { kind: 'invalid', errors }

  const stored: { attachments: string[]; complaint?: string } = { attachments: [] }
  // Filled by the rememberCreatedId hook, also when a later hook of the same create fails.
  const context: { createdComplaintId?: string } = {}
  try {
    for (const file of attachments.files) {
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
        ...toComplaintData(parsed.data),
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

/** Removes every trace of an intake that did not complete, so that no half complaint remains. */
export async function undoIntake(
  payload: Payload,
  stored: { attachments: string[]; complaint?: string },
  req: Partial<PayloadRequest>,
): Promise<void> {
  const attempt = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work()
    } catch (error) {
      payload.logger.error({ err: error, msg: `Undoing an incomplete intake: could not remove ${what}` })
    }
  }
  const context = { undoIntake: true }
  if (stored.complaint) {
    const where = { complaint: { equals: stored.complaint } }
    await attempt('its timeline', () =>
      payload.delete({ collection: 'case-events', where, overrideAccess: true, req, context }),
    )
    await attempt('its letters job', () =>
      payload.delete({
        collection: 'payload-jobs',
        where: { 'input.complaintId': { equals: stored.complaint } },
        overrideAccess: true,
        req,
      }),
    )
    const messages = await payload
      .find({ collection: 'outbox', where, overrideAccess: true, pagination: false, depth: 0, select: {} })
      .catch(() => ({ docs: [] }))
    for (const message of messages.docs) {
      await attempt('a queued delivery', () =>
        payload.delete({
          collection: 'payload-jobs',
          where: { 'input.messageId': { equals: message.id } },
          overrideAccess: true,
          req,
        }),
      )
    }
    await attempt('its messages', () => payload.delete({ collection: 'outbox', where, overrideAccess: true, req }))
    await attempt('the complaint', () =>
      payload.delete({ collection: 'complaints', id: stored.complaint as string, overrideAccess: true, req, context }),
    )
  }
  for (const id of stored.attachments) {
    await attempt(`attachment ${id}`, () =>
      payload.delete({ collection: 'complaint-attachments', id, overrideAccess: true, req }),
    )
  }
}
