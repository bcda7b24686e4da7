import type { MessagePurpose } from '../../cms/email/statuses'
import type { Complaint } from '../../cms/payload-types'

type SentField = keyof NonNullable<Complaint['lettersSent']>

/** Which case field records the sending of which letter: a deadline is met by the sending (DOMAIN.md). */
export const SENT_FIELD: Partial<Record<MessagePurpose, SentField>> = {
  acknowledgement: 'acknowledgementAt',
  non_admission_notice: 'nonAdmissionNoticeAt',
  decision: 'decisionAt',
  delay_notice: 'delayNoticeAt',
  written_version: 'writtenVersionAt',
  hearing_invitation: 'hearingInvitationAt',
  hearing_report: 'hearingReportAt',
  agreements_confirmation: 'agreementsConfirmationAt',
  hearing_cancellation: 'hearingCancellationAt',
  withdrawal_confirmation: 'withdrawalConfirmationAt',
}
