import type { Payload, TypedUser } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { missingSettings } from '../../hooks/settings/missingSettings'

type Props = { payload: Payload; user?: TypedUser | null }

/**
 * On the dashboard of managers and admins: which settings a letter or notification still needs
 * (hooks/settings/missingSettings.ts), with a link to the settings. Without the UWV labour expert,
 * registrations cannot be reported (Art. 5); they are, as soon as the settings name one.
 */
export async function SettingsWarning({ payload, user }: Props) {
  if (!user || user.collection !== 'users' || !hasRole(user, 'admin', 'manager')) return null
  // Trusted read: only which fields are empty is shown, never a value.
  const settings = await payload.findGlobal({ slug: 'settings', overrideAccess: true, depth: 0 })
  const missing = missingSettings(settings)
  if (missing.length === 0) return null
  const expertMissing = missing.some((m) => m.path === 'uwvLabourExpert.email')
  return (
    <section
      role="alert"
      aria-labelledby="settings-warning-title"
      className="card"
      style={{
        marginBottom: 'calc(var(--base) * 2)',
        padding: 'var(--base)',
        borderLeft: '4px solid var(--theme-warning-500)',
      }}
    >
      <h2 id="settings-warning-title" style={{ marginBottom: 'calc(var(--base) / 2)' }}>
        Instellingen niet compleet
      </h2>
      <p style={{ marginBottom: 'calc(var(--base) / 2)' }}>
        {expertMissing
          ? 'Nieuwe klachten worden nog niet gemeld aan de arbeidsdeskundige van UWV. Zodra de instellingen compleet zijn, gaan de meldingen alsnog uit. Dit ontbreekt:'
          : 'Brieven missen nog gegevens. Dit ontbreekt:'}
      </p>
      <ul style={{ marginBottom: 'calc(var(--base) / 2)' }}>
        {missing.map((m) => (
          <li key={m.path}>
            <strong>{m.label}</strong> — nodig voor {m.neededFor}
          </li>
        ))}
      </ul>
      {hasRole(user, 'admin') ? (
        <a href="/admin/globals/settings">Instellingen aanvullen</a>
      ) : (
        <span>
          <a href="/admin/globals/settings">Bekijk de instellingen</a>; een beheerder vult ze aan.
        </span>
      )}
    </section>
  )
}
