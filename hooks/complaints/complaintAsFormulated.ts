import type { Complaint } from '../../cms/payload-types'

/**
 * The complaint as the complainant formulated it (Art. 8.2): the latest written version sent to the
 * complainant to correct (Art. 3, Decision 8), else the text as registered.
 */
export function complaintAsFormulated(complaint: Pick<Complaint, 'complaintText' | 'writtenVersion'>): string {
  return complaint.writtenVersion?.versions?.at(-1)?.text ?? complaint.complaintText
}
