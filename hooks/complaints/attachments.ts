/**
 * Attachments to a complaint: PDF, JPEG, PNG or DOCX, at most 5 files of 10 MB. The type is
 * read from the file's content (its first bytes), never from its name or the browser's claim.
 */
export const MAX_ATTACHMENTS = 5
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const ATTACHMENT_MIME_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number]

const EXTENSION: Record<AttachmentMimeType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b)

/** The real type of a file from its content, or null when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentMimeType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf' // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  // DOCX is a ZIP whose entries include word/document.xml; a plain ZIP or another Office file is refused.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && Buffer.from(bytes).includes('word/document.xml')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  }
  return null
}

export type IncomingFile = { name: string; size: number; bytes: Uint8Array }
export type CheckedFile = { name: string; size: number; bytes: Uint8Array; mimeType: AttachmentMimeType }

/** Checks count, size and real type; the message names the file and what to do (Dutch). */
export function checkAttachments(
  files: IncomingFile[],
): { ok: true; files: CheckedFile[] } | { ok: false; message: string } {
  const present = files.filter((f) => f.size > 0)
  if (present.length > MAX_ATTACHMENTS)
    return {
      ok: false,
      message: `U kunt hoogstens ${MAX_ATTACHMENTS} bijlagen meesturen. U koos er ${present.length}.`,
    }
  const checked: CheckedFile[] = []
  for (const file of present) {
    if (file.size > MAX_ATTACHMENT_BYTES)
      return { ok: false, message: `${file.name} is groter dan 10 MB. Kies een kleiner bestand.` }
    const mimeType = sniffAttachmentType(file.bytes)
    if (!mimeType)
      return {
        ok: false,
        message: `${file.name} is geen PDF, JPEG, PNG of Word-bestand (.docx). Kies een ander bestand.`,
      }
    checked.push({ ...file, name: safeFileName(file.name, mimeType), mimeType })
  }
  return { ok: true, files: checked }
}

/** A file name without paths or odd characters, with the extension of its real type. */
export function safeFileName(name: string, mimeType: AttachmentMimeType): string {
  const base = (name.split(/[\\/]/).pop() ?? 'bijlage')
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${base || 'bijlage'}.${EXTENSION[mimeType]}`
}
