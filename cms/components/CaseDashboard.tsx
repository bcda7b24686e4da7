import type { Payload, TypedUser, Where } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { OPEN_CASES, UNASSIGNED } from '../../hooks/complaints/queries'

type Props = { payload: Payload; user?: TypedUser | null }

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
export async function CaseDashboard({ payload, user }: Props) {
  if (!user || user.collection !== 'users' || !hasRole(user, 'handler', 'manager')) return null
  const tiles: { title: string; hint: string; where: Where }[] = [
    {
      title: 'Mijn zaken',
      hint: 'Open klachten die u behandelt',
      where: { and: [OPEN_CASES, { assignedHandler: { equals: user.id } }] },
    },
    {
      title: 'Nieuwe klachten',
      hint: 'Nog zonder behandelaar: neem er een over',
      where: { and: [OPEN_CASES, UNASSIGNED] },
    },
    {
      title: 'Termijn verstreken',
      hint: 'Bevestiging of beslissing te laat',
      where: { and: [OPEN_CASES, { 'nextDeadline.state': { equals: 'overdue' } }] },
    },
    {
      title: 'Termijn bijna verstreken',
      hint: '2 of 7 dagen voor de termijn',
      where: { and: [OPEN_CASES, { 'nextDeadline.state': { equals: 'due_soon' } }] },
    },
    {
      // Art. 3: the complainant asked for help writing the complaint down.
      title: 'Terugbelverzoek: nog bellen',
      hint: 'Klager wil hulp bij het opschrijven',
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
        Klachten
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
          <li key={tile.title} className="card" style={{ padding: 'var(--base)' }}>
            <a href={list(tile.where)} style={{ display: 'block', textDecoration: 'none' }}>
              <strong style={{ display: 'block', fontSize: '2rem', lineHeight: 1.2 }}>{counts[i]}</strong>
              <span style={{ display: 'block', fontWeight: 600 }}>{tile.title}</span>
              <span style={{ display: 'block', opacity: 0.75 }}>{tile.hint}</span>
            </a>
          </li>
        ))}
      </ul>
      <p style={{ marginTop: 'var(--base)' }}>
        <a href={list(OPEN_CASES)}>Termijnen: alle open klachten op volgorde van de eerstvolgende termijn</a>
      </p>
    </section>
  )
}
