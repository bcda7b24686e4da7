import type { CollectionConfig } from 'payload'

import { canReadCaseFile } from './access/complaintAccess'
import { nobody } from './access/nobody'
import { serveAsDownload } from './uploads/serveAsDownload'
import { logFileDownload } from '../hooks/privacy/logFileDownload'
import { ATTACHMENT_MIME_TYPES } from '../hooks/complaints/attachments'

/**
 * Files a complainant sent with the complaint. Stored under data/ (never a public folder) and
 * served only through the API, to those who may read the complaint they belong to.
 * The files are stored in `complaints/` under UPLOAD_DIR (cms/config.ts, withUploadDir).
 */
export const ComplaintAttachments: CollectionConfig = {
  slug: 'complaint-attachments',
  labels: {
    singular: { nl: 'Bijlage', en: 'Attachment' },
    plural: { nl: 'Bijlagen bij klachten', en: 'Complaint attachments' },
  },
  admin: { group: { nl: 'Klachten', en: 'Complaints' }, hidden: ({ user }) => !user },
  upload: {
    staticDir: 'complaints',
    mimeTypes: [...ATTACHMENT_MIME_TYPES],
    // No image derivatives: these are evidence, kept exactly as sent.
    disableLocalStorage: false,
    // Served as a download only, never rendered in the browser (collections/uploads/serveAsDownload).
    modifyResponseHeaders: serveAsDownload,
    // Each staff download is logged after the access check (hooks/privacy/logFileDownload.ts).
    handlers: [logFileDownload('attachment_downloaded')],
  },
  access: {
    read: canReadCaseFile,
    // Only the intake endpoint and staff intake (trusted server code) store attachments.
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'complaint',
      type: 'relationship',
      relationTo: 'complaints',
      index: true,
      label: { nl: 'Klacht', en: 'Complaint' },
    },
  ],
}
