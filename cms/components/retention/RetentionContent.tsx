import type { Payload, TypedUser } from 'payload'

import { hasRole } from '../../../collections/access/roles'
import { STATUS_LABELS } from '../../../hooks/complaints/workflow/statuses'
import { formatDutchDate } from '../../../hooks/dates/amsterdam'
import { nextRetentionRun } from '../../../hooks/privacy/nextRun'
import { retentionSchedule, type ScheduledCase } from '../../../hooks/privacy/schedule'
import { RECORDS_CSS } from '../records/recordsStyles'

export const RETENTION_PATH = '/bewaartermijn'

/** Upcoming cases shown: those anonymised within this many days (the rest follow later). */
export const UPCOMING_DAYS = 90

/** Who sees the preview: managers (Decision 19: they decide on legal holds and erasure). */
export const mayPreviewRetention = (user: TypedUser | null | undefined): boolean => hasRole(user, 'manager')

export type RetentionContentProps = {
  payload: Payload
  /** The full principal (`req.user`): the role is checked here, not by whoever renders this. */
  user?: TypedUser | null
  adminRoute?: string
  now?: Date
}

/**
 * Decision 19: before the daily run anonymises anything, managers see which cases it will
 * anonymise and when, which ended but were never closed, and which are on legal hold
 * (/admin/bewaartermijn). References and dates only, nothing personal. A custom view is public
 * until it checks the user (PITFALLS.md): this checks the role before it reads anything.
 */
export async function RetentionContent({
  payload,
  user,
  adminRoute = '/admin',
  now = new Date(),
}: RetentionContentProps) {
  if (!mayPreviewRetention(user))
    return (
      <section className="records records--refused" aria-labelledby="retention-refused-title">
        <h1 id="retention-refused-title">Alleen voor managers</h1>
        <p>Het overzicht van de bewaartermijn is alleen voor managers.</p>
        <p>
          {user ? (
            <a href={adminRoute}>Terug naar het overzicht</a>
          ) : (
            <a href={`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${RETENTION_PATH}`)}`}>
              Inloggen
            </a>
          )}
        </p>
      </section>
    )
  // Trusted: references and dates of ended cases, for a manager.
  const schedule = await retentionSchedule(payload, now)
  const nextRun = nextRetentionRun(now)
  const horizon = now.getTime() + UPCOMING_DAYS * 86_400_000
  const soon = schedule.upcoming.filter((c) => Date.parse(c.anonymiseOn) <= horizon)
  const link = (c: ScheduledCase) => `${adminRoute}/collections/complaints/${c.id}`
  return (
    <div className="records">
      <style dangerouslySetInnerHTML={{ __html: RECORDS_CSS }} />
      <header>
        <h1>Bewaartermijn: wat wordt geanonimiseerd</h1>
        <p className="records__lead">
          Elke nacht anonimiseert het portaal de klachten waarvan de bewaartermijn voorbij is (besluit 19). De volgende
          keer is op <strong data-slot="next-run">{formatDutchDate(nextRun)}</strong>, 's nachts. Een klacht met
          "Vernietiging opgeschort" blijft bewaard zolang de opschorting geldt.
        </p>
      </header>
      <CaseTable
        id="due"
        title={`Bij de volgende keer (${schedule.due.length})`}
        empty="Geen klachten: bij de volgende keer wordt niets geanonimiseerd."
        cases={schedule.due}
        link={link}
        when={() => `${formatDutchDate(nextRun)}`}
      />
      <CaseTable
        id="upcoming"
        title={`In de komende ${UPCOMING_DAYS} dagen (${soon.length})`}
        empty={`Geen klachten in de komende ${UPCOMING_DAYS} dagen.`}
        cases={soon}
        link={link}
        when={(c) => formatDutchDate(c.anonymiseOn)}
      />
      <CaseTable
        id="ended-not-closed"
        title={`Afgehandeld, maar nooit afgesloten (${schedule.endedNotClosed.length})`}
        lead="De termijn telt bij deze klachten vanaf de afhandeling. Sluit ze af als er niets meer te doen is."
        empty="Geen klachten."
        cases={schedule.endedNotClosed}
        link={link}
        when={(c) => formatDutchDate(c.anonymiseOn)}
      />
      <CaseTable
        id="on-hold"
        title={`Vernietiging opgeschort (${schedule.onHold.length})`}
        empty="Geen klachten."
        cases={schedule.onHold}
        link={link}
        when={() => 'Niet zolang de opschorting geldt'}
      />
    </div>
  )
}

function CaseTable(props: {
  id: string
  title: string
  lead?: string
  empty: string
  cases: ScheduledCase[]
  link: (c: ScheduledCase) => string
  when: (c: ScheduledCase) => string
}) {
  const { id, title, lead, empty, cases, link, when } = props
  return (
    <section className="records__store" aria-labelledby={`retention-${id}`} data-list={id}>
      <h2 id={`retention-${id}`}>{title}</h2>
      {lead ? <p>{lead}</p> : null}
      {cases.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Kenmerk</th>
              <th scope="col">Status</th>
              <th scope="col">Afgehandeld</th>
              <th scope="col">Afgesloten</th>
              <th scope="col">Geanonimiseerd op</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} data-case={c.reference}>
                <td>
                  <a href={link(c)}>{c.reference}</a>
                </td>
                <td>{STATUS_LABELS[c.status as keyof typeof STATUS_LABELS]?.nl ?? c.status}</td>
                <td>{c.endedAt ? formatDutchDate(c.endedAt) : '–'}</td>
                <td>{c.closedAt ? formatDutchDate(c.closedAt) : 'Nooit afgesloten'}</td>
                <td>{when(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
