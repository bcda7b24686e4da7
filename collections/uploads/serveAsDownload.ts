/**
 * The answer headers of a stored file (an attachment a complainant sent, a letter PDF), as
 * `upload.modifyResponseHeaders`: Payload calls it for every answer of `/api/<slug>/file/<name>`
 * (whole file, range, refused range), after its read access check.
 *
 * A file is always a download, never a page: what a complainant uploads is untrusted, and a
 * polyglot (a PDF or image that is also HTML or script) must never render on the CMS's origin,
 * where the staff's session lives. `nosniff` stops the browser from guessing another type than
 * the one Payload read from the bytes; the sandboxing CSP refuses script and plug-ins even if a
 * browser were to display the file after all. Inline `<img>` thumbnails in the admin still show:
 * an image element ignores Content-Disposition.
 */
export const FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"

export function serveAsDownload({ headers }: { headers: Headers }): Headers {
  headers.set('Content-Disposition', 'attachment')
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Content-Security-Policy', FILE_CONTENT_SECURITY_POLICY)
  return headers
}
