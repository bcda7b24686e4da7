import type { PayloadRequest } from 'payload'

import { enqueueEmail } from '../../cms/email/enqueue'
import type { MessagePurpose } from '../../cms/email/statuses'
import { senderOf } from '../../cms/email/sender'
import type { Complaint, Letter, Setting } from '../../cms/payload-types'
import type { Message } from '../complaints/intakeMessages'
import { renderLetterPdf } from '../complaints/letters/renderLetterPdf'

/**
 * Issues a letter of the regulation: its PDF copy goes into the case dossier, and it is sent by
 * e-mail with that PDF attached — or, without an e-mail address, marked for post (Decision 12).
 * Letters carry Working Progression's details from the settings, once filled in (Decision 14).
 */
export async function issueLetter(
  complaint: Complaint,
  letter: { purpose: MessagePurpose; content: Message },
  settings: Setting,
  req: Partial<PayloadRequest> & { payload: PayloadRequest['payload'] },
): Promise<{ letter: Letter; messageId: string | null }> {
  const { payload } = req
  const c = complaint.complainant
  const now = new Date()
  const pdf = await renderLetterPdf({
    sender: {
      organisationName: settings.organisationName,
      street: settings.address?.street,
      postalCode: settings.address?.postalCode,
      city: settings.address?.city,
      phone: settings.phone,
      email: settings.contactEmail,
    },
    addressee: { name: c.name, street: c.street, postalCode: c.postalCode, city: c.city, email: c.email },
    date: now,
    reference: complaint.reference ?? '',
    subject: letter.content.subject,
    salutation: letter.content.letter.salutation,
    parts: letter.content.letter.paragraphs.map((text) => ({ text })),
    closing: letter.content.letter.closing,
  })
  const filename = `${complaint.reference ?? 'klacht'}-${letter.purpose.replace(/_/g, '-')}-${now.toISOString().slice(0, 10)}.pdf`
  const channel = c.email ? 'email' : 'post'
  // Trusted: letters have no create access for any role; the workflow issues them.
  const stored = await payload.create({
    collection: 'letters',
    overrideAccess: true,
    req,
    data: { complaint: complaint.id, purpose: letter.purpose, channel },
    file: { data: Buffer.from(pdf), mimetype: 'application/pdf', name: filename, size: pdf.byteLength },
  })
  if (!c.email) return { letter: stored, messageId: null }

  const defaultFrom = senderOf(settings)
  const message = await enqueueEmail(
    payload,
    {
      to: [c.email],
      subject: letter.content.subject,
      text: letter.content.text,
      html: letter.content.html,
      purpose: letter.purpose,
      complaint: complaint.id,
      // The name the dossier holds (Payload makes it unique if it had to).
      attachments: [{ filename: stored.filename ?? filename, contentType: 'application/pdf', content: Buffer.from(pdf) }],
    },
    { req, defaultFrom },
  )
  await payload.update({ collection: 'letters', id: stored.id, data: { message: message.id }, overrideAccess: true, depth: 0, req })
  return { letter: stored, messageId: message.id }
}
