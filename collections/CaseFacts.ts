import type { CollectionConfig, Field } from 'payload'

import { FLAG_FIELDS } from '../hooks/reports/facts/rows'
import { nobody } from './access/nobody'

const text = (name: string, extra: Partial<Field> = {}): Field => ({ name, type: 'text', ...extra }) as Field
const count = (name: string): Field => ({ name, type: 'number', required: true, defaultValue: 0 })
/** A yes/no of the report as 0 or 1, so that the database sums it. */
const flag = (name: string): Field => ({ name, type: 'number', required: true, defaultValue: 0 })

/**
 * The Art. 9 report's projection (hooks/reports/facts/): one row per case with its facts as folded
 * from the timeline (hooks/reports/caseFacts.ts), kept up to date in the same write as every event
 * (hooks/caseEvents/recordEvent.ts). Codes, dates and counts only: no personal data, so retention
 * (Decision 19) leaves it alone. The case is named by a text id, not a relationship: a complaint
 * row that is removed later would set a relationship to NULL, and the case would lose its place
 * in every report. Instants are ISO strings (as the events hold them). Nobody reads or writes it
 * through the API: only trusted server code (the report loader, the event writer).
 */
export const CaseFacts: CollectionConfig = {
  slug: 'case-facts',
  labels: {
    singular: { nl: 'Rapportagefeit', en: 'Case facts' },
    plural: { nl: 'Rapportagefeiten', en: 'Case facts' },
  },
  admin: { hidden: true, useAsTitle: 'caseId' },
  // Written by the adapter alone (no editing in the admin, no timestamps to keep up).
  lockDocuments: false,
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    text('caseId', { required: true, unique: true, index: true }),
    // Art. 9 counts by date of receipt (Amsterdam, YYYY-MM-DD): the report's range query.
    text('receivedOn', { required: true, index: true }),
    text('receivedAt', { required: true }),
    text('channel', { required: true }),
    text('role', { required: true }),
    text('clientOrganisation'),
    { name: 'categories', type: 'json', required: true },
    text('acknowledgeDue', { required: true }),
    text('nonAdmissionNoticeDue', { required: true }),
    text('statedTermDue', { required: true }),
    text('decisionLimitDue', { required: true }),
    text('currentTargetDue', { required: true }),
    text('acknowledgementSentAt'),
    text('ending'),
    text('endedAt'),
    text('nonAdmissionNoticeSentAt'),
    text('outcome'),
    count('delayNotices'),
    count('hearings'),
    count('travelCostRequests'),
    // The `at` of the last event folded: a report as of an earlier moment refolds the case
    // (indexed: that query names only the rows folded after the report's moment).
    text('foldedThrough', { required: true, index: true }),
    // The case's contribution to the report (hooks/reports/computeReport.ts `classifyCase`) as of
    // `foldedThrough`, for the database to count (hooks/reports/facts/aggregate.ts).
    ...FLAG_FIELDS.map((name) => flag(name)),
    { name: 'leadTimeDays', type: 'number' },
    text('outcomeKey'),
    // Epoch ms (a number, so that the database compares moments, not strings).
    { name: 'overdueFrom', type: 'number' },
  ],
}
