import type { Clock } from './deadlineState'

/** The four clocks of Art. 5 and 7, in the order a case meets them. */
export const CLOCKS = [
  'acknowledge',
  'nonAdmissionNotice',
  'decisionTarget',
  'decisionLimit',
] as const satisfies readonly Clock[]

export const CLOCK_LABELS: Record<Clock, { nl: string; en: string }> = {
  acknowledge: { nl: 'Ontvangstbevestiging (5 dagen)', en: 'Acknowledgement (5 days)' },
  nonAdmissionNotice: { nl: 'Bericht niet in behandeling (4 weken)', en: 'Non-admission notice (4 weeks)' },
  decisionTarget: { nl: 'Beslissing, gestelde termijn', en: 'Decision, stated term' },
  decisionLimit: { nl: 'Beslissing, uiterlijk 6 weken', en: 'Decision, 6-week limit' },
}
