import { checkAttachments, type CheckedFile, type IncomingFile } from './attachments'
import { type ComplaintContext, type ComplaintInput, complaintSchema, fieldErrors } from './schema'

/**
 * A complaint from the public form as the regulation and the form require it: the shared schema
 * (the same one the site checks with), the consent, and the attachments checked by their bytes.
 * Every problem at once, each with a Dutch message at its field.
 */
export function checkWebComplaint(
  raw: Record<string, unknown>,
  files: IncomingFile[],
  schemaContext: ComplaintContext,
): { ok: true; data: ComplaintInput; files: CheckedFile[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const parsed = complaintSchema(schemaContext).safeParse(raw)
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error))
  if (raw.consent !== true && raw.consent !== 'on' && raw.consent !== 'true') {
    errors.consent = 'Geef toestemming om uw gegevens te gebruiken voor de behandeling van uw klacht.'
  }
  const attachments = checkAttachments(files)
  if (!attachments.ok) errors.attachments = attachments.message
  if (!parsed.success || !attachments.ok || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: parsed.data, files: attachments.files }
}
