import { z } from 'zod'

import { CATEGORIES, CHANNELS, CLIENT_ORGANISATIONS, COMPLAINANT_ROLES } from '../complaints/vocabulary'
import { CLOCKS } from '../complaints/workflow/clocks'
import { STATUSES } from '../complaints/workflow/statuses'
import { MESSAGE_PURPOSES } from '../../cms/email/statuses'
import { LETTER_KINDS } from '../letters/kinds'
import { COMPLAINANT_ACTIONS, type CaseEventType } from './eventTypes'

/**
 * The payload of each kind of timeline entry, checked on every write. Only codes, ids, dates,
 * numbers and booleans: no free text, so no personal data (an anonymised case keeps its timeline,
 * and the Art. 9 counts built on it). Field paths are the collection's own names, never values.
 */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/)
/** An ISO instant (`toISOString()` and Payload's stored dates), nothing else: no room for text. */
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a date')
const status = z.enum(STATUSES)
const purpose = z.enum(MESSAGE_PURPOSES)
const channel = z.enum(['email', 'post'])
const fieldPath = z
  .string()
  .regex(/^[a-zA-Z][\w.]*$/)
  .max(80)
const letterRef = z.object({ letter: id, message: id.nullable(), channel }).strict()
const categories = z.array(z.enum(CATEGORIES))

/**
 * What the Art. 9 report reads of a registration (hooks/reports/caseFacts.ts): the moment of receipt
 * (the date staff were given for a complaint by phone or letter, not the moment it was recorded), the
 * classification, and the Art. 5 and 7 due moments as computed at intake.
 */
const registration = z
  .object({
    receivedAt: instant,
    channel: z.enum(CHANNELS),
    role: z.enum(COMPLAINANT_ROLES),
    clientOrganisation: z.enum(CLIENT_ORGANISATIONS).nullable(),
    categories,
    wantsHearing: z.boolean(),
    wantsHelpWriting: z.boolean(),
    due: z
      .object({ acknowledge: instant, nonAdmissionNotice: instant, decisionTarget: instant, decisionLimit: instant })
      .strict(),
  })
  .strict()

export const EVENT_DATA = {
  received: registration,
  // For a case registered before `received` carried the moment and the due dates: the same payload,
  // dated at the receipt, written once by hooks/reports/deriveEvents.ts; the report reads it as `received`.
  received_backfilled: registration,
  // Staff changed the classification the report counts by: only the parts that changed, as codes.
  classified: z
    .object({
      channel: z.enum(CHANNELS).optional(),
      role: z.enum(COMPLAINANT_ROLES).optional(),
      clientOrganisation: z.enum(CLIENT_ORGANISATIONS).nullable().optional(),
      categories: categories.optional(),
    })
    .strict(),
  // Art. 6.4: the complainant asked for travel costs (the decision and its amount stay on the case).
  travel_costs_requested: z.object({}).strict(),
  receipt_queued: letterRef,
  uwv_notification_queued: letterRef,
  written_version_queued: letterRef,
  status_changed: z.object({ from: status, to: status }).strict(),
  handler_assigned: z.object({ handler: id.nullable(), previous: id.nullable() }).strict(),
  deadline_changed: z
    .object({ clock: z.enum(['decisionTarget']), from: instant.nullable(), to: instant.nullable() })
    .strict(),
  decision_recorded: z
    .object({
      outcome: z.enum(['upheld', 'not_upheld']).nullable(),
      remedy: z.enum(['full', 'partial', 'not_possible']).nullable(),
    })
    .strict(),
  letter_issued: z
    .object({
      purpose,
      channel,
      letter: id,
      message: id.nullable(),
      retried: z.boolean().optional(),
      correction: z.boolean().optional(),
    })
    .strict(),
  letter_sent: z
    .object({ purpose, message: id.optional(), letter: id.optional(), channel: channel.optional() })
    .strict(),
  // Written when the letter was sent (hooks/caseEvents/letterMilestones.ts), once per letter: a
  // correction of it, or a corrected posting date, is no new notice and no new hearing.
  delay_notice_sent: z.object({ letter: id }).strict(),
  hearing_recorded: z.object({ letter: id }).strict(),
  deadline_reminder_sent: z.object({ clock: z.enum(CLOCKS), due: instant }).strict(),
  deadline_escalated: z.object({ clock: z.enum(CLOCKS), due: instant }).strict(),
  fields_changed: z.object({ fields: z.array(fieldPath).min(1) }).strict(),
  // Decision 16: which letters and fields were corrected; the reason stays on the case (Decision 19).
  correction_recorded: z
    .object({ kinds: z.array(z.enum(LETTER_KINDS)).min(1), fields: z.array(fieldPath).min(1) })
    .strict(),
  posting_date_corrected: z.object({ letter: id, purpose, from: instant, to: instant }).strict(),
  // A failed message sent again by a manager or an admin, with a new idempotency key or not.
  message_resent: z.object({ message: id, purpose, newKey: z.boolean() }).strict(),
  // AVG art. 15, Art. 6 note: the dossier for inspection was handed out as a ZIP, to a staff
  // member (who passes it on) or to the complainant on their own page (Decision 20). What it held
  // stays out of the entry: the counts of letters and attachments only.
  inspection_provided: z
    .object({
      via: z.enum(['staff', 'complainant']),
      letters: z.number().int().min(0),
      attachments: z.number().int().min(0),
    })
    .strict(),
  // Decision 19: that a manager set or lifted a legal hold; the reason stays on the case.
  legal_hold_set: z.object({}).strict(),
  legal_hold_lifted: z.object({}).strict(),
  // AVG art. 15: a request for inspection was recorded; only the date by which it is answered.
  inspection_requested: z.object({ due: instant }).strict(),
  // Decision 19: retention's run (its id), or a manager's erasure request; the reason stays on the case.
  anonymised: z.object({ by: z.enum(['retention', 'erasure']), run: id.optional() }).strict(),
  // Decision 20: what the complainant did on their own page (the text and files stay on the case).
  complainant_action: z
    .object({
      action: z.enum(COMPLAINANT_ACTIONS),
      files: z.number().int().min(0).optional(),
      version: z.number().int().min(1).optional(),
    })
    .strict(),
} as const satisfies Record<CaseEventType, z.ZodType>

export type EventDataOf<T extends CaseEventType> = z.infer<(typeof EVENT_DATA)[T]>
