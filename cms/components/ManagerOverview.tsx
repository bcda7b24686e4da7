import type { Payload, TypedUser, Where } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { OPEN_CASES } from '../../hooks/complaints/queries'
import { UNPOSTED_LETTERS } from '../../hooks/letters/unposted'

type Props = { payload: Payload; user?: TypedUser | null }

export type OverviewRow = { label: string; hint?: string; count: number; href: string }

/** A list view of the admin filtered by `where`, in the qs notation its URL reads: where[and][0][channel][equals]=post. */
export function listHref(collection: string, where: Where, sort?: string): string {
  const params = new URLSearchParams(sort ? { sort } : {})
  const add = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((v, i) => add(`${prefix}[${i}]`, v))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${prefix}[${k}]`, v)
    else params.append(prefix, String(value))
  }
  for (const [k, v] of Object.entries(where)) add(`where[${k}]`, v)
  return `/admin/collections/${collection}?${params.toString()}`
}

/**
 * What a manager keeps moving: letters for post that nobody has posted yet (they count as sent only
 * by their posting date, Decision 12) and the open cases of each handler (Art. 7's clocks run for
 * them), each a count with the manager's own access rights and a link to the filtered list.
 */
export async function managerOverview(payload: Payload, user: TypedUser): Promise<OverviewRow[]> {
  const unposted = await payload.count({ collection: 'letters', where: UNPOSTED_LETTERS, overrideAccess: false, user })
  const rows: OverviewRow[] = [
    {
      label: 'Brieven nog op de post doen',
      hint: 'Brieven per post zonder verzenddatum (besluit 12)',
      count: unposted.totalDocs,
      href: listHref('letters', UNPOSTED_LETTERS, 'createdAt'),
    },
  ]
  const { docs: handlers } = await payload.find({
    collection: 'users',
    where: { roles: { in: ['handler', 'manager'] } },
    sort: 'name',
    depth: 0,
    pagination: false,
    select: { name: true, roles: true },
    overrideAccess: false,
    user,
  })
  const perHandler = await Promise.all(
    handlers.map(async (handler) => {
      const where: Where = { and: [OPEN_CASES, { assignedHandler: { equals: handler.id } }] }
      const { totalDocs } = await payload.count({ collection: 'complaints', where, overrideAccess: false, user })
      const row = { label: handler.name, count: totalDocs, href: listHref('complaints', where, 'nextDeadline.due') }
      // Every handler, none at all included (whom to give the next case); a manager only with cases of their own.
      return totalDocs > 0 || handler.roles?.includes('handler') ? [row] : []
    }),
  )
  return [...rows, ...perHandler.flat()]
}

/** The manager's part of the dashboard (CaseDashboard shows it to managers only). */
export async function ManagerOverview({ payload, user }: Props) {
  if (!user || user.collection !== 'users' || !hasRole(user, 'manager')) return null
  return <OverviewList rows={await managerOverview(payload, user)} />
}

export function OverviewList({ rows }: { rows: OverviewRow[] }) {
  const [letters, ...handlers] = rows
  return (
    <section aria-labelledby="manager-overview-title" style={{ marginTop: 'calc(var(--base) * 1.5)' }}>
      <h3 id="manager-overview-title" style={{ marginBottom: 'var(--base)' }}>
        Overzicht voor managers
      </h3>
      {letters ? (
        <p>
          <a href={letters.href}>
            <strong>{letters.count}</strong> {letters.label}
          </a>{' '}
          <span style={{ opacity: 0.75 }}>— {letters.hint}</span>
        </p>
      ) : null}
      <h4 style={{ margin: 'var(--base) 0 calc(var(--base) / 2)' }}>Open klachten per behandelaar</h4>
      {handlers.length === 0 ? (
        <p>Geen behandelaar heeft open klachten.</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 'var(--base)' }}>
          {handlers.map((row) => (
            <li key={row.href}>
              <a href={row.href}>
                {row.label}: <strong>{row.count}</strong>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
