import type { CollectionConfig } from 'payload'

import { checkIntakeStatus } from '../../cms/endpoints/checkIntakeStatus'
import { dossierEndpoint } from '../../cms/endpoints/dossier'
import { submitComplaint } from '../../cms/endpoints/submitComplaint'
import { assignReferenceAndDeadlines } from '../../hooks/complaints/assignReferenceAndDeadlines'
import { enforceWorkflow } from '../../hooks/complaints/enforceWorkflow'
import { guardPersonalDataQueries } from '../../hooks/complaints/guardPersonalDataQueries'
import { keepUpdatedAtOnBookkeeping } from '../../hooks/complaints/keepUpdatedAtOnBookkeeping'
import { listNextSteps } from '../../cms/endpoints/nextSteps'
import { notifyOnIntake } from '../../hooks/complaints/notifyOnIntake'
import { logCaseRead } from '../../hooks/privacy/logCaseRead'
import { omitEmptyAdditions } from '../../hooks/complaints/omitEmptyAdditions'
import { recordCaseChanges } from '../../hooks/complaints/recordCaseChanges'
import { refreshDeadlineState } from '../../hooks/complaints/refreshDeadlineState'
import { recordCallback } from '../../hooks/complaints/recordCallback'
import { recordWrittenVersion } from '../../hooks/complaints/recordWrittenVersion'
import { rememberCreatedId } from '../../hooks/complaints/rememberCreatedId'
import { validateComplaint } from '../../hooks/complaints/validateComplaint'
import { recordPrivacyEvents, recordPrivacyRequests } from '../../hooks/privacy/recordPrivacyRequests'
import { canReadComplaint, canRecordComplaint, canUpdateComplaint } from '../access/complaintAccess'
import { nobody } from '../access/nobody'
import { callback, callbackNotice } from './fields/callback'
import { caseFile } from './fields/caseFile'
import { clientName } from './fields/clientName'
import { complainant } from './fields/complainant'
import { conduct } from './fields/conduct'
import { consentAt } from './fields/consentAt'
import { content } from './fields/content'
import { correction } from './fields/correction'
import { deadlineOutcomes } from './fields/deadlineOutcomes'
import { deadlines } from './fields/deadlines'
import { ending } from './fields/ending'
import { formToken } from './fields/formToken'
import { complainantAdditions, survey } from './fields/fromComplainant'
import { handlers } from './fields/handlers'
import { involved } from './fields/involved'
import { joins } from './fields/joins'
import { lettersSent } from './fields/lettersSent'
import { nextStep } from './fields/nextStep'
import { nextDeadline } from './fields/nextDeadline'
import { inspectionDueAt, inspectionRequests } from './fields/inspectionRequests'
import { privacy } from './fields/privacy'
import { registration } from './fields/registration'
import { uwvLabourExpert } from './fields/uwvLabourExpert'
import { writtenVersion } from './fields/writtenVersion'

/**
 * A complaint and its case (DOMAIN.md: collection `complaints`). Rules live in hooks/complaints;
 * this folder is configuration only: the fields are in ./fields, one file per group or tab.
 */
export const Complaints: CollectionConfig = {
  slug: 'complaints',
  labels: { singular: { nl: 'Klacht', en: 'Complaint' }, plural: { nl: 'Klachten', en: 'Complaints' } },
  admin: {
    useAsTitle: 'reference',
    defaultColumns: [
      'reference',
      'receivedAt',
      'status',
      'assignedHandler',
      'nextDeadline.due',
      'nextDeadline.state',
      'callback.state',
    ],
    group: { nl: 'Klachten', en: 'Complaints' },
    listSearchableFields: ['reference'],
    // The list asks only for its columns, not 100+ fields and the case's joins (bench/report.ts).
    enableListViewSelectAPI: true,
    description: {
      nl: 'Elke klacht, van ontvangst tot afsluiting. Een klacht per telefoon, brief of e-mail legt u hier vast met "Nieuw aanmaken" (art. 3).',
      en: 'Every complaint from receipt to closure. Record a complaint received by phone, letter or e-mail with "Create new" (Art. 3).',
    },
  },
  // The field access on personal data reads the handler assigned: in every query that selects.
  forceSelect: { assignedHandler: true },
  access: {
    read: canReadComplaint,
    create: canRecordComplaint,
    update: canUpdateComplaint,
    // A complaint is never deleted through the API; personal data is anonymised after retention (Decision 13).
    delete: nobody,
  },
  endpoints: [submitComplaint, checkIntakeStatus, listNextSteps, dossierEndpoint],
  hooks: {
    beforeOperation: [guardPersonalDataQueries],
    beforeValidate: [validateComplaint],
    // The workflow first: a refused registration uses no reference number. The call-back and the
    // written version (Art. 3) are settled before it, so that the workflow judges them too (Decision 16).
    beforeChange: [
      recordCallback,
      recordWrittenVersion,
      recordPrivacyRequests,
      enforceWorkflow,
      assignReferenceAndDeadlines,
      refreshDeadlineState,
    ],
    // Last: the system's bookkeeping keeps the case's `updatedAt`, so an open form stays current.
    afterChange: [
      rememberCreatedId,
      notifyOnIntake,
      recordCaseChanges,
      recordPrivacyEvents,
      keepUpdatedAtOnBookkeeping,
    ],
    afterRead: [omitEmptyAdditions],
    // The access log: every staff read of personal data, after it succeeded.
    afterOperation: [logCaseRead],
  },
  fields: [
    ...registration,
    callbackNotice,
    complainant,
    clientName,
    conduct,
    involved,
    ...content,
    writtenVersion,
    deadlines,
    // First in the sidebar: what the handler can do next; the call-back task (Art. 3) below it.
    nextStep,
    callback,
    ...handlers,
    correction,
    caseFile,
    lettersSent,
    nextDeadline,
    deadlineOutcomes,
    ...ending,
    uwvLabourExpert,
    consentAt,
    privacy,
    // Decision 20: what the complainant added on their own page, and the survey afterwards (ISO 10002).
    complainantAdditions,
    survey,
    // AVG art. 15, Art. 6 note: the dossier for inspection as a ZIP (cms/endpoints/dossier.ts).
    {
      name: 'dossierDownload',
      type: 'ui',
      label: { nl: 'Inzagedossier', en: 'Dossier for inspection' },
      admin: { position: 'sidebar', components: { Field: '/components/DossierDownloadLink#DossierDownloadLink' } },
    },
    // Decision 19, AVG art. 17: a manager erases an ended case early, after a confirmation.
    {
      name: 'eraseCase',
      type: 'ui',
      label: { nl: 'Vroegtijdig wissen', en: 'Early erasure' },
      admin: { position: 'sidebar', components: { Field: '/components/EraseCaseButton#EraseCaseButton' } },
    },
    inspectionRequests,
    inspectionDueAt,
    ...joins,
    // The public form's token: a repeated submission returns the first one's result.
    formToken,
  ],
}
