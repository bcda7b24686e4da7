import type { ReportEvent } from '../../hooks/reports/caseFacts'

/**
 * Generated Art. 9 cases for the report's bench (bench/report.ts) and its SQL-versus-JS test
 * (test/int/report-sql.int.spec.ts): timelines in the shapes hooks/reports/caseFacts.ts reads,
 * cut at `now`, from a seeded generator (the same seed gives the same cases). With `odd`, also
 * the rarer branches: codes outside today's vocabulary, a category twice, an ending whose letter
 * is issued but not yet sent, an ending without a letter, a late notice, no opdrachtgever.
 */
export type GeneratedCase = {
  id: string
  events: ReportEvent[]
  status: string
  receivedAt: number
  categories: string[]
  channel: string
  role: string
  clientOrganisation: string | null
  due: { acknowledge: string; nonAdmissionNotice: string; decisionTarget: string; decisionLimit: string }
}

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()
const CHANNELS = ['web', 'web', 'web', 'phone', 'letter', 'email', 'in_person'] as const
const ROLES = ['client', 'client', 'client', 'client_organisation', 'employer', 'other'] as const
const ORGANISATIONS = ['uwv', 'uwv', 'municipality', 'other', 'unknown', null] as const
const CATEGORIES = ['inadequate_action', 'negligence', 'privacy_breach', 'incorrect_information', 'other_shortcoming']

export function caseGenerator(options: { seed: number; now: number; spanDays: number; odd?: boolean }) {
  let seed = options.seed
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T
  // A uuid from the seeded generator, so that the same seed gives the same ids.
  const uuid = (): string => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  }
  const { now, odd = false } = options

  return function generate(): GeneratedCase {
    const id = uuid()
    const received = now - Math.floor(random() * options.spanDays * DAY)
    const due = {
      acknowledge: iso(received + 5 * DAY),
      nonAdmissionNotice: iso(received + 28 * DAY),
      decisionTarget: iso(received + 28 * DAY),
      decisionLimit: iso(received + 42 * DAY),
    }
    const categories = random() < 0.2 ? [pick(CATEGORIES), pick(CATEGORIES)] : [pick(CATEGORIES)]
    const unique = odd && random() < 0.02 ? [...categories, ...categories] : [...new Set(categories)]
    const channel = odd && random() < 0.02 ? 'fax' : pick(CHANNELS)
    const role = pick(ROLES)
    const clientOrganisation = pick(ORGANISATIONS)
    const events: ReportEvent[] = [
      {
        type: 'received',
        at: iso(received),
        data: {
          receivedAt: iso(received),
          channel,
          role,
          clientOrganisation,
          categories: unique,
          wantsHearing: random() < 0.3,
          wantsHelpWriting: false,
          due,
        },
      },
    ]
    let status = 'received'
    const at = (offsetDays: number) => received + Math.floor(offsetDays * DAY)
    const push = (type: string, when: number, data: Record<string, unknown>) => {
      if (when <= now) events.push({ type, at: iso(when), data })
      return when <= now
    }
    const letter = (purpose: string, when: number, sent = true) => {
      const ref = uuid()
      push('letter_issued', when, { purpose, channel: 'email', letter: ref, message: ref })
      return sent ? push('letter_sent', when + 60_000, { purpose, letter: ref, channel: 'email' }) : false
    }
    const end = (to: string, purpose: string, offsetDays: number) => {
      const when = at(offsetDays)
      if (!push('status_changed', when, { from: status, to })) return
      status = to
      const mode = odd ? random() : 1
      // An ending without a letter ends at its status change; one whose letter waits is not ended yet.
      if (mode < 0.05) return
      letter(purpose, when, mode >= 0.1)
    }
    const r = random()
    if (r < 0.08) end('not_admitted', 'non_admission_notice', 2 + random() * 35)
    else if (r < 0.12) end('withdrawn', 'withdrawal_confirmation', 1 + random() * 30)
    else if (odd && r < 0.15) {
      // Never acknowledged: overdue after 5 days.
    } else {
      const acknowledged = at(0.5 + random() * 6)
      if (push('status_changed', acknowledged, { from: 'received', to: 'acknowledged' })) {
        status = 'acknowledged'
        push('deadline_changed', acknowledged, { clock: 'decisionTarget', from: null, to: due.decisionTarget })
        letter('acknowledgement', acknowledged)
        if (random() < 0.1 && push('delay_notice_sent', at(24), {})) {
          push('deadline_changed', at(24), { clock: 'decisionTarget', from: due.decisionTarget, to: due.decisionLimit })
          letter('delay_notice', at(24))
        }
        if (random() < 0.15) letter('hearing_report', at(14 + random() * 10))
        if (random() < 0.05) push('travel_costs_requested', at(15), {})
        if (odd && random() < 0.05)
          push('classified', at(3), { role: pick(ROLES), categories: [pick(CATEGORIES)], clientOrganisation: null })
        if (random() < 0.1) end('resolved_informally', 'informal_confirmation', 8 + random() * 20)
        else {
          const decided = at(10 + random() * 40)
          if (push('decision_recorded', decided, { outcome: pick(['upheld', 'not_upheld', null]), remedy: null }))
            end('decided', 'decision', (decided - received) / DAY)
        }
      }
    }
    if (status !== 'received' && status !== 'acknowledged' && received < now - 60 * DAY) status = 'closed'
    return { id, events, status, receivedAt: received, categories: unique, channel, role, clientOrganisation, due }
  }
}

/** The complaint columns the bench and the test write (the rest take their defaults). */
export const COMPLAINT_COLUMNS = [
  'id',
  'reference',
  'status',
  'channel',
  'received_at',
  'complainant_role',
  'complainant_client_organisation',
  'complainant_name',
  'complainant_email',
  'conduct_when',
  'involved_kind',
  'complaint_text',
  'discussed_before',
  'deadlines_acknowledge_by',
  'deadlines_non_admission_notice_by',
  'deadlines_decision_target_by',
  'deadlines_decision_limit_by',
  'next_deadline_clock',
  'next_deadline_due',
  'next_deadline_state',
] as const

const OPEN = new Set(['received', 'acknowledged'])

/** A generated case's complaint row, in the order of COMPLAINT_COLUMNS. */
export function complaintRow(c: GeneratedCase, n: number, now: number): unknown[] {
  const open = OPEN.has(c.status)
  const nextDue = open ? (c.status === 'received' ? c.due.acknowledge : c.due.decisionTarget) : null
  return [
    c.id,
    `WP-${new Date(c.receivedAt).getUTCFullYear()}-${String(n + 1).padStart(6, '0')}`,
    c.status,
    c.channel,
    iso(c.receivedAt),
    c.role,
    c.clientOrganisation,
    `Klager ${n}`,
    `klager${n}@example.nl`,
    'date',
    'employee',
    'Een gemiste afspraak.',
    'no',
    c.due.acknowledge,
    c.due.nonAdmissionNotice,
    c.due.decisionTarget,
    c.due.decisionLimit,
    open ? (c.status === 'received' ? 'acknowledge' : 'decisionTarget') : null,
    nextDue,
    open ? (nextDue && Date.parse(nextDue) < now ? 'overdue' : 'on_time') : null,
  ]
}
