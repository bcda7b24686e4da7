import type { Payload, TypedUser, Where } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { OPEN_CASES } from '../../hooks/complaints/queries'
import { UNPOSTED_LETTERS } from '../../hooks/letters/unposted'

type Props = { payload: Payload; user?: TypedUser | null }

/** A task row (a count of what is waiting, with its hint) or a handler's open cases. */
export type OverviewRow = { label: string; hint?: string; count: number; href: string; kind: 'task' | 'handler' }

/** AVG art. 15: cases with a request for inspection not yet answered (inspectionDueAt: its earliest due date). */
export const OPEN_INSPECTION: Where = { inspectionDueAt: { exists: true } }
/** …and those whose answer is past its due date (one calendar month after receipt). */
export const LATE_INSPECTION = (now: Date): Where => ({ inspectionDueAt: { less_than: now.toISOString() } })

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
 * by their posting date, Decision 12), requests for inspection open and past their month (AVG
 * art. 15; also on a closed case) and the open cases of each handler (Art. 7's clocks run for
 * them), each a count with the manager's own access rights and a link to the filtered list.
 */
export async function managerOverview(
  payload: Payload,
  user: TypedUser,
  now: Date = new Date(),
): Promise<OverviewRow[]> {
  const lateInspection = LATE_INSPECTION(now)
  const [unposted, openInspections, lateInspections] = await Promise.all([
    payload.count({ collection: 'letters', where: UNPOSTED_LETTERS, overrideAccess: false, user }),
    payload.count({ collection: 'complaints', where: OPEN_INSPECTION, overrideAccess: false, user }),
    payload.count({ collection: 'complaints', where: lateInspection, overrideAccess: false, user }),
  ])
  const rows: OverviewRow[] = [
    {
      label: 'Brieven nog op de post doen',
      hint: 'Brieven per post zonder verzenddatum (besluit 12)',
      count: unposted.totalDocs,
      href: listHref('letters', UNPOSTED_LETTERS, 'createdAt'),
      kind: 'task',
    },
    {
      label: 'Inzageverzoeken nog te beantwoorden',
      hint: 'Klachten met een verzoek om inzage zonder antwoord; antwoord binnen een maand (AVG art. 15)',
      count: openInspections.totalDocs,
      href: listHref('complaints', OPEN_INSPECTION, 'inspectionDueAt'),
      kind: 'task',
    },
    {
      label: 'Inzageverzoeken over de termijn',
      hint: 'De maand na ontvangst is voorbij en het dossier is nog niet verstrekt (AVG art. 15)',
      count: lateInspections.totalDocs,
      href: listHref('complaints', lateInspection, 'inspectionDueAt'),
      kind: 'task',
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
      const row: OverviewRow = {
        label: handler.name,
        count: totalDocs,
        href: listHref('complaints', where, 'nextDeadline.due'),
        kind: 'handler',
      }
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
  const tasks = rows.filter((row) => row.kind === 'task')
  const handlers = rows.filter((row) => row.kind === 'handler')
  return (
    <section aria-labelledby="manager-overview-title" style={{ marginTop: 'calc(var(--base) * 1.5)' }}>
      <h3 id="manager-overview-title" style={{ marginBottom: 'var(--base)' }}>
        Overzicht voor managers
      </h3>
      {tasks.map((task) => (
        <p key={task.href}>
          <a href={task.href}>
            <strong>{task.count}</strong> {task.label}
          </a>{' '}
          <span style={{ opacity: 0.75 }}>— {task.hint}</span>
        </p>
      ))}
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
