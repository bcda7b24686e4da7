import type { MessagePurpose } from '../../cms/email/statuses'

/** Which case field records the sending of which letter: a deadline is met by the sending (DOMAIN.md). */
export const SENT_FIELD: Partial<Record<MessagePurpose, 'acknowledgementAt' | 'nonAdmissionNoticeAt' | 'decisionAt' | 'delayNoticeAt'>> = {
  acknowledgement: 'acknowledgementAt',
  non_admission_notice: 'nonAdmissionNoticeAt',
  decision: 'decisionAt',
  delay_notice: 'delayNoticeAt',
}
