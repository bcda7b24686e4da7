import type { PayloadRequest } from 'payload'

import { enqueueEmail, enqueueEmailOnce } from '../../cms/email/enqueue'
import { senderOf } from '../../cms/email/sender'
import type { Complaint, Letter, Setting } from '../../cms/payload-types'
import { inTurn } from '../effects/inTurn'
import { once } from '../effects/once'
import { relId } from '../relations'
import { renderLetterPdf } from './pdf/renderLetterPdf'
import type { Message } from './compose'
import { letterFileName } from './fileName'
import { LETTER_KIND_DEFINITIONS, type LetterKind } from './kinds'

export type Addressee = {
  name: string
  email?: string | null
  street?: string | null
  postalCode?: string | null
  city?: string | null
}

/** A composed letter, ready to issue. */
export type PreparedLetter = {
  kind: LetterKind
  message: Message
  to: Addressee
  /** Who signs under the organisation's name (the handler), if anyone. */
  signatory?: string | null
  /** Files sent with the e-mail besides the PDF (the hearing invitation's calendar file). */
  extraAttachments?: { filename: string; contentType: string; content: Buffer }[]
  /** A corrected version of a letter already issued (Decision 16). */
  correction?: boolean
  /**
   * The letter's key as one side effect (`intake:<case>:<kind>`, `case:<case>:<kind>:<uuid>`): with
   * it, issuing again — a job run twice — finds the letter and its message and makes neither again.
   */
  effectKey?: string
}

type Req = Partial<PayloadRequest> & { payload: PayloadRequest['payload'] }

/**
 * Issues a letter of the regulation: its PDF copy goes into the case dossier, and it is sent by
 * e-mail with that PDF attached — or, without an e-mail address, marked for post (Decision 12).
 * Letters carry Working Progression's details from the settings, once filled in (Decision 14).
 */
export function issueLetter(
  complaint: Pick<Complaint, 'id' | 'reference'>,
  letter: PreparedLetter,
  settings: Setting,
  req: Req,
  now = new Date(),
): Promise<Issued> {
  // A keyed letter is issued one attempt at a time in this process: the second finds the first's
  // letter before it renders or writes anything (Payload writes the file before the row, so two
  // attempts at once would write the same file). Across processes the unique key decides.
  return letter.effectKey
    ? inTurn(keyedIssues, letter.effectKey, () => issue(complaint, letter, settings, req, now))
    : issue(complaint, letter, settings, req, now)
}

type Issued = { letter: Letter; messageId: string | null; created: boolean }
const keyedIssues = new Map<string, Promise<unknown>>()

async function issue(
  complaint: Pick<Complaint, 'id' | 'reference'>,
  letter: PreparedLetter,
  settings: Setting,
  req: Req,
  now: Date,
): Promise<Issued> {
  const { payload } = req
  const to = letter.to
  const pdf = await renderLetterPdf({
    sender: {
      organisationName: settings.organisationName,
      street: settings.address?.street,
      postalCode: settings.address?.postalCode,
      city: settings.address?.city,
      phone: settings.phone,
      email: settings.contactEmail,
    },
    addressee: { name: to.name, street: to.street, postalCode: to.postalCode, city: to.city, email: to.email },
    date: now,
    reference: complaint.reference ?? '',
    subject: letter.message.subject,
    salutation: letter.message.letter.salutation,
    parts: letter.message.letter.paragraphs.map((text) => ({ text })),
    closing: letter.message.letter.closing,
    signatory: letter.signatory,
  })
  const filename = letterFileName(complaint.reference, letter.kind, now)
  const email = to.email?.trim()
  const making = {
    data: { complaint: complaint.id, purpose: letter.kind, channel: email ? ('email' as const) : ('post' as const) },
    file: { data: Buffer.from(pdf), mimetype: 'application/pdf', name: filename, size: pdf.byteLength },
  }
  // Trusted: letters have no create access for any role; the workflow issues them.
  const { doc: stored, created } = letter.effectKey
    ? await once(payload, { collection: 'letters', field: 'effectKey', key: letter.effectKey, make: () => making, req })
    : { doc: await payload.create({ collection: 'letters', overrideAccess: true, req, ...making }), created: true }
  if (!email) return { letter: stored, messageId: null, created }

  let message: Awaited<ReturnType<typeof enqueueEmail>>
  try {
    const input = {
      to: [email],
      subject: letter.message.subject,
      text: letter.message.text,
      html: letter.message.html,
      purpose: letter.kind,
      complaint: complaint.id,
      // The name the dossier holds (Payload makes it unique if it had to).
      attachments: [
        ...(LETTER_KIND_DEFINITIONS[letter.kind].emailWithoutPdf
          ? []
          : [{ filename: stored.filename ?? filename, contentType: 'application/pdf', content: Buffer.from(pdf) }]),
        ...(letter.extraAttachments ?? []),
      ],
    }
    const options = { req, defaultFrom: senderOf(settings) }
    message = letter.effectKey
      ? (await enqueueEmailOnce(payload, { ...input, idempotencyKey: `letter-${letter.effectKey}` }, options)).message
      : await enqueueEmail(payload, input, options)
  } catch (error) {
    // Not issued: no copy in the dossier of a letter that was never sent (the caller tries again).
    if (created)
      await payload.delete({ collection: 'letters', id: stored.id, overrideAccess: true, req }).catch(() => undefined)
    throw error
  }
  // Issued before (the same key): its message is the one linked already.
  if (!created && relId(stored.message) === message.id) return { letter: stored, messageId: message.id, created }
  // From here the letter is issued (its message is queued): a failure below must not make anyone send it again.
  await payload
    .update({
      collection: 'letters',
      id: stored.id,
      data: { message: message.id },
      overrideAccess: true,
      depth: 0,
      req,
    })
    .catch((error: unknown) =>
      payload.logger.error({ err: error, msg: `Letter ${stored.id}: could not link its e-mail ${message.id}` }),
    )
  return { letter: stored, messageId: message.id, created }
}
