import * as migration_20261126_074743_initial from './20261126_074743_initial';
import * as migration_20261126_080020_regulation from './20261126_080020_regulation';
import * as migration_20261126_080246_outbox from './20261126_080246_outbox';
import * as migration_20261126_081652_complaints from './20261126_081652_complaints';
import * as migration_20261126_082649_workflow from './20261126_082649_workflow';
import * as migration_20261126_083127_deadlines_hearing from './20261126_083127_deadlines_hearing';
import * as migration_20261126_083937_deadline_job from './20261126_083937_deadline_job';
import * as migration_20261126_084733_service_keys_and_queue from './20261126_084733_service_keys_and_queue';
import * as migration_20261126_090125_letters from './20261126_090125_letters';
import * as migration_20261126_102353_letter_templates from './20261126_102353_letter_templates';
import * as migration_20261126_114227_hearing_attendee_email from './20261126_114227_hearing_attendee_email';
import * as migration_20261126_131921_hearing_cancellation_withdrawal_letters from './20261126_131921_hearing_cancellation_withdrawal_letters';
import * as migration_20261201_212104_trustworthy_record from './20261201_212104_trustworthy_record';
import * as migration_20261202_003236_handler_admin from './20261202_003236_handler_admin';
import * as migration_20261202_015742_reports from './20261202_015742_reports';
import * as migration_20261202_034414_art9_report from './20261202_034414_art9_report';
import * as migration_20261202_065300_privacy from './20261202_065300_privacy';
import * as migration_20261202_133631_letter_effect_key from './20261202_133631_letter_effect_key';
import * as migration_20261202_170837_rate_limit_slots from './20261202_170837_rate_limit_slots';
import * as migration_20261202_210556_storage_fields from './20261202_210556_storage_fields';

export const migrations = [
  {
    up: migration_20261126_074743_initial.up,
    down: migration_20261126_074743_initial.down,
    name: '20261126_074743_initial',
  },
  {
    up: migration_20261126_080020_regulation.up,
    down: migration_20261126_080020_regulation.down,
    name: '20261126_080020_regulation',
  },
  {
    up: migration_20261126_080246_outbox.up,
    down: migration_20261126_080246_outbox.down,
    name: '20261126_080246_outbox',
  },
  {
    up: migration_20261126_081652_complaints.up,
    down: migration_20261126_081652_complaints.down,
    name: '20261126_081652_complaints',
  },
  {
    up: migration_20261126_082649_workflow.up,
    down: migration_20261126_082649_workflow.down,
    name: '20261126_082649_workflow',
  },
  {
    up: migration_20261126_083127_deadlines_hearing.up,
    down: migration_20261126_083127_deadlines_hearing.down,
    name: '20261126_083127_deadlines_hearing',
  },
  {
    up: migration_20261126_083937_deadline_job.up,
    down: migration_20261126_083937_deadline_job.down,
    name: '20261126_083937_deadline_job',
  },
  {
    up: migration_20261126_084733_service_keys_and_queue.up,
    down: migration_20261126_084733_service_keys_and_queue.down,
    name: '20261126_084733_service_keys_and_queue',
  },
  {
    up: migration_20261126_090125_letters.up,
    down: migration_20261126_090125_letters.down,
    name: '20261126_090125_letters',
  },
  {
    up: migration_20261126_102353_letter_templates.up,
    down: migration_20261126_102353_letter_templates.down,
    name: '20261126_102353_letter_templates',
  },
  {
    up: migration_20261126_114227_hearing_attendee_email.up,
    down: migration_20261126_114227_hearing_attendee_email.down,
    name: '20261126_114227_hearing_attendee_email',
  },
  {
    up: migration_20261126_131921_hearing_cancellation_withdrawal_letters.up,
    down: migration_20261126_131921_hearing_cancellation_withdrawal_letters.down,
    name: '20261126_131921_hearing_cancellation_withdrawal_letters',
  },
  {
    up: migration_20261201_212104_trustworthy_record.up,
    down: migration_20261201_212104_trustworthy_record.down,
    name: '20261201_212104_trustworthy_record',
  },
  {
    up: migration_20261202_003236_handler_admin.up,
    down: migration_20261202_003236_handler_admin.down,
    name: '20261202_003236_handler_admin',
  },
  {
    up: migration_20261202_015742_reports.up,
    down: migration_20261202_015742_reports.down,
    name: '20261202_015742_reports',
  },
  {
    up: migration_20261202_034414_art9_report.up,
    down: migration_20261202_034414_art9_report.down,
    name: '20261202_034414_art9_report',
  },
  {
    up: migration_20261202_065300_privacy.up,
    down: migration_20261202_065300_privacy.down,
    name: '20261202_065300_privacy',
  },
  {
    up: migration_20261202_133631_letter_effect_key.up,
    down: migration_20261202_133631_letter_effect_key.down,
    name: '20261202_133631_letter_effect_key',
  },
  {
    up: migration_20261202_170837_rate_limit_slots.up,
    down: migration_20261202_170837_rate_limit_slots.down,
    name: '20261202_170837_rate_limit_slots',
  },
  {
    up: migration_20261202_210556_storage_fields.up,
    down: migration_20261202_210556_storage_fields.down,
    name: '20261202_210556_storage_fields'
  },
];
