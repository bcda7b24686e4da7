import type { Complaint } from '../../../cms/payload-types'
import { relId } from '../../relations'
import type { CaseSnapshot } from './requirements'

const str = (v: string | null | undefined) => v ?? null

/** The workflow's view of a complaint document (old or about to be saved). */
export function toSnapshot(doc: Partial<Complaint>, uwvNotified: boolean): CaseSnapshot {
  return {
    status: doc.status ?? 'received',
    assignedHandler: relId(doc.assignedHandler),
    involvedStaff: (doc.involvedStaff ?? []).map((u) => relId(u)).filter((id): id is string => id !== null),
    complaintText: str(doc.complaintText),
    conduct: {
      when: doc.conduct?.when ?? null,
      date: str(doc.conduct?.date),
      from: str(doc.conduct?.from),
      to: str(doc.conduct?.to),
    },
    acknowledgement: {
      factsSummary: str(doc.acknowledgement?.factsSummary),
      statedTermWeeks: doc.acknowledgement?.statedTermWeeks ?? null,
    },
    nonAdmission: {
      ground: doc.nonAdmission?.ground ?? null,
      earlierComplaint: relId(doc.nonAdmission?.earlierComplaint),
      earlierReference: str(doc.nonAdmission?.earlierReference),
      reasons: str(doc.nonAdmission?.reasons),
    },
    decision: {
      factsAsSeen: str(doc.decision?.factsAsSeen),
      reasonedPosition: str(doc.decision?.reasonedPosition),
      outcome: doc.decision?.outcome ?? null,
      remedy: doc.decision?.remedy ?? null,
      remedyExplanation: str(doc.decision?.remedyExplanation),
      followUpAction: str(doc.decision?.followUpAction),
      complainantContactedAt: str(doc.decision?.complainantContactedAt),
    },
    informal: {
      oralAnswer: str(doc.informal?.oralAnswer),
      agreements: str(doc.informal?.agreements),
      satisfactionConfirmedAt: str(doc.informal?.satisfactionConfirmedAt),
    },
    withdrawal: { withdrawnAt: str(doc.withdrawal?.withdrawnAt), note: str(doc.withdrawal?.note) },
    uwvNotified,
  }
}
