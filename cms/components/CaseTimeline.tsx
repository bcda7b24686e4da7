import type { Payload, TypedUser } from 'payload'

import { describeEvent, type EventDescription, type StoredEvent } from '../../hooks/caseEvents/describeEvent'
import { fieldLabelsOf } from '../../hooks/caseEvents/fieldLabels'
import { relId } from '../../hooks/relations'

type Props = { id?: number | string; payload: Payload; user?: TypedUser | null; i18n?: { language: string } }
type Text = { nl: string; en: string }

/**
 * The whole timeline of a case, oldest first, each entry described in plain Dutch. Read with the
 * user's own access rights: what the timeline shows is what they may read through the API.
 */
export async function loadTimeline(
  payload: Payload,
  complaint: string,
  user: TypedUser | null | undefined,
): Promise<EventDescription[]> {
  const { docs } = await payload.find({
    collection: 'case-events',
    where: { complaint: { equals: complaint } },
    sort: ['at', 'createdAt'],
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user,
  })
  const events = docs as unknown as StoredEvent[]
  // Everyone the entries name: who acted, and the handlers an assignment names.
  const staffIds = new Set<string>()
  for (const event of events) {
    const actor = relId(event.actor)
    if (actor) staffIds.add(actor)
    if (event.type === 'handler_assigned' && event.data && typeof event.data === 'object')
      for (const value of Object.values(event.data)) if (typeof value === 'string') staffIds.add(value)
  }
  const staff =
    staffIds.size === 0
      ? []
      : (
          await payload.find({
            collection: 'users',
            where: { id: { in: [...staffIds] } },
            pagination: false,
            depth: 0,
            select: { name: true, email: true },
            overrideAccess: false,
            user,
          })
        ).docs
  const lookups = {
    staffNames: new Map(staff.map((u) => [String(u.id), u.name || u.email])),
    fieldLabels: fieldLabelsOf(payload.collections.complaints.config.flattenedFields),
  }
  return events.map((event) => describeEvent(event, lookups))
}

const cell = { padding: 'calc(var(--base) * 0.4) calc(var(--base) * 0.6)', verticalAlign: 'top' } as const

/** The case's timeline on the complaint (the `timeline` join field): who, what and when, every entry. */
export async function CaseTimeline({ id, payload, user, i18n }: Props) {
  // The frame follows the admin's language; what happened is told in Dutch, the case's language.
  const t = (text: Text) => (i18n?.language === 'en' ? text.en : text.nl)
  const title = t({ nl: 'Tijdlijn', en: 'Timeline' })
  if (!id)
    return (
      <div className="field-type">
        <h3>{title}</h3>
        <p>
          {t({
            nl: 'De tijdlijn begint zodra de klacht is opgeslagen.',
            en: 'The timeline starts once the complaint is saved.',
          })}
        </p>
      </div>
    )
  const rows = await loadTimeline(payload, String(id), user)
  const count =
    rows.length === 0
      ? t({ nl: 'Nog geen gebeurtenissen.', en: 'No events yet.' })
      : rows.length === 1
        ? t({ nl: '1 gebeurtenis.', en: '1 event.' })
        : t({
            nl: `${rows.length} gebeurtenissen, de oudste eerst.`,
            en: `${rows.length} events, oldest first.`,
          })
  return (
    <div className="field-type case-timeline" style={{ marginBottom: 'var(--base)' }}>
      <h3 id="case-timeline-title">{title}</h3>
      <p>{count}</p>
      {rows.length > 0 && (
        <table aria-labelledby="case-timeline-title" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th scope="col" style={{ ...cell, textAlign: 'left', whiteSpace: 'nowrap' }}>
                {t({ nl: 'Wanneer', en: 'When' })}
              </th>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                {t({ nl: 'Wie', en: 'Who' })}
              </th>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                {t({ nl: 'Wat', en: 'What' })}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} style={{ borderTop: '1px solid var(--theme-elevation-150)' }}>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{row.when}</td>
                <td style={cell}>{row.who}</td>
                <td style={cell}>{row.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
