import type { Payload, TypedUser, Where } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { OPEN_CASES, UNASSIGNED } from '../../hooks/complaints/queries'
import { ManagerOverview } from './ManagerOverview'

type Props = { payload: Payload; user?: TypedUser | null; i18n?: { language: string } }
type Text = { nl: string; en: string }

const list = (where: Where, sort = 'nextDeadline.due') => {
  const params = new URLSearchParams({ sort })
  // The list reads its filter from the query string in qs notation: where[and][0][status][in]=…
  const add = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((v, i) => add(`${prefix}[${i}]`, v))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${prefix}[${k}]`, v)
    else params.append(prefix, String(value))
  }
  for (const [k, v] of Object.entries(where)) add(`where[${k}]`, v)
  return `/admin/collections/complaints?${params.toString()}`
}

/**
 * The start of a handler's or manager's day: their own cases, the queue of new complaints, and
 * what is overdue (Art. 5, 7), each counted with the user's own access rights and linking to the list.
 */
export async function CaseDashboard({ payload, user, i18n }: Props) {
  if (!user || user.collection !== 'users' || !hasRole(user, 'handler', 'manager')) return null
  // Dutch unless the user chose English for the admin.
  const t = (text: Text) => (i18n?.language === 'en' ? text.en : text.nl)
  const tiles: { title: Text; hint: Text; where: Where }[] = [
    {
      title: { nl: 'Mijn zaken', en: 'My cases' },
      hint: { nl: 'Open klachten die u behandelt', en: 'Open complaints you handle' },
      where: { and: [OPEN_CASES, { assignedHandler: { equals: user.id } }] },
    },
    {
      title: { nl: 'Nieuwe klachten', en: 'New complaints' },
      hint: { nl: 'Nog zonder behandelaar: neem er een over', en: 'No handler yet: take one over' },
      where: { and: [OPEN_CASES, UNASSIGNED] },
    },
    {
      title: { nl: 'Termijn verstreken', en: 'Deadline passed' },
      hint: { nl: 'Bevestiging of beslissing te laat', en: 'Acknowledgement or decision late' },
      where: { and: [OPEN_CASES, { 'nextDeadline.state': { equals: 'overdue' } }] },
    },
    {
      title: { nl: 'Termijn bijna verstreken', en: 'Deadline soon' },
      hint: { nl: '2 of 7 dagen voor de termijn', en: '2 or 7 days before the deadline' },
      where: { and: [OPEN_CASES, { 'nextDeadline.state': { equals: 'due_soon' } }] },
    },
    {
      // Art. 3: the complainant asked for help writing the complaint down.
      title: { nl: 'Terugbelverzoek: nog bellen', en: 'Call-back request: still to call' },
      hint: { nl: 'Klager wil hulp bij het opschrijven', en: 'The complainant wants help writing it down' },
      where: { and: [OPEN_CASES, { 'callback.state': { equals: 'pending' } }] },
    },
  ]
  const counts = await Promise.all(
    tiles.map((tile) =>
      payload
        .count({ collection: 'complaints', where: tile.where, overrideAccess: false, user })
        .then((r) => r.totalDocs),
    ),
  )
  return (
    <section aria-labelledby="case-dashboard-title" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 id="case-dashboard-title" style={{ marginBottom: 'var(--base)' }}>
        {t({ nl: 'Klachten', en: 'Complaints' })}
      </h2>
      <ul
        style={{
          display: 'grid',
          gap: 'var(--base)',
          gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
          listStyle: 'none',
          margin: 0,
          padding: 0,
        }}
      >
        {tiles.map((tile, i) => (
          <li key={tile.title.nl} className="card" style={{ padding: 'var(--base)' }}>
            <a href={list(tile.where)} style={{ display: 'block', textDecoration: 'none' }}>
              <strong style={{ display: 'block', fontSize: '2rem', lineHeight: 1.2 }}>{counts[i]}</strong>
              <span style={{ display: 'block', fontWeight: 600 }}>{t(tile.title)}</span>
              <span style={{ display: 'block', opacity: 0.75 }}>{t(tile.hint)}</span>
            </a>
          </li>
        ))}
      </ul>
      <p style={{ marginTop: 'var(--base)' }}>
        <a href={list(OPEN_CASES)}>
          {t({
            nl: 'Termijnen: alle open klachten op volgorde van de eerstvolgende termijn',
            en: 'Deadlines: all open complaints in order of their next deadline',
          })}
        </a>
      </p>
      <ManagerOverview payload={payload} user={user} />
    </section>
  )
}
