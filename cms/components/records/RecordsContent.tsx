import type { Payload, TypedUser } from 'payload'

import { hasRole } from '../../../collections/access/roles'
import {
  NOBODY,
  type RecordOfProcessing,
  readerInWords,
  recordsOfProcessing,
} from '../../../hooks/privacy/recordsOfProcessing'
import { readSettings } from '../../../hooks/settings/cachedSettings'
import { RECORDS_CSS } from './recordsStyles'

export const RECORDS_PATH = '/verwerkingsregister'

/** Who may open the records of processing: managers and admins (AVG art. 30; it holds no case data). */
export const mayReadRecords = (user: TypedUser | null | undefined): boolean => hasRole(user, 'manager', 'admin')

/** Where the nav's link to the records points, for a manager or admin; `null` hides it for everyone else. */
export function recordsNavHref(user: TypedUser | null | undefined, adminRoute = '/admin'): string | null {
  return mayReadRecords(user) ? `${adminRoute}${RECORDS_PATH}` : null
}

/** What the view shows anyone else: nothing of the records, only where to go. */
export function RecordsRefused({ loggedIn, adminRoute = '/admin' }: { loggedIn: boolean; adminRoute?: string }) {
  return (
    <section className="records records--refused" aria-labelledby="records-refused-title">
      <h1 id="records-refused-title">Alleen voor managers en beheerders</h1>
      <p>Het verwerkingsregister is alleen voor managers en beheerders.</p>
      <p>
        {loggedIn ? (
          <a href={adminRoute}>Terug naar het overzicht</a>
        ) : (
          <a href={`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${RECORDS_PATH}`)}`}>Inloggen</a>
        )}
      </p>
    </section>
  )
}

export type RecordsContentProps = {
  payload: Payload
  /** The full principal (`req.user`): the role is checked here, not by whoever renders this. */
  user?: TypedUser | null
  adminRoute?: string
}

/**
 * AVG art. 30, Decision 19: the records of processing (/admin/verwerkingsregister), generated from
 * the configuration and the settings (hooks/privacy/recordsOfProcessing). A custom view is public
 * until it checks the user (PITFALLS.md): this checks the role before it reads anything.
 */
export async function RecordsContent({ payload, user, adminRoute = '/admin' }: RecordsContentProps) {
  if (!mayReadRecords(user)) return <RecordsRefused loggedIn={Boolean(user)} adminRoute={adminRoute} />
  // Trusted: two numbers of the settings, for a manager or admin.
  const settings = await readSettings(payload)
  const records = await recordsOfProcessing(payload.config, {
    retentionYears: settings.retentionYears,
    accessLogYears: settings.accessLogYears,
  })
  return (
    <div className="records">
      <style dangerouslySetInnerHTML={{ __html: RECORDS_CSS }} />
      <header>
        <h1>Verwerkingsregister (AVG artikel 30)</h1>
        <p className="records__lead">
          Welke persoonsgegevens het klachtenportaal bewaart, waarom, wie ze mag inzien, wie ze krijgt en hoe lang ze
          blijven. Dit overzicht maakt het portaal zelf, uit zijn instellingen en toegangsregels. Het klopt dus altijd
          met wat het portaal doet.
        </p>
        <p className="records__lead">
          Bewaartermijnen nu: klachtdossier <strong>{yearsText(settings.retentionYears)}</strong> na afsluiten,
          raadpleeglog <strong>{yearsText(settings.accessLogYears)}</strong>, e-mails{' '}
          <strong>30 dagen na bezorging</strong>.{' '}
          {hasRole(user, 'admin') ? (
            <a href={`${adminRoute}/globals/settings`}>Bewaartermijnen wijzigen in Instellingen</a>
          ) : (
            'Een beheerder wijzigt ze in Instellingen.'
          )}
        </p>
      </header>
      <nav aria-labelledby="records-toc-title" className="records__toc">
        <h2 id="records-toc-title">Inhoud</h2>
        <ol>
          {records.map((record) => (
            <li key={record.id}>
              <a href={`#${anchor(record.id)}`}>{record.label}</a>
            </li>
          ))}
        </ol>
      </nav>
      {records.map((record) => (
        <Store key={record.id} record={record} />
      ))}
      <p className="records__note">
        Wie meer rollen heeft, mag wat elk van die rollen mag. Een beheerder ziet geen gegevens van klagers (Besluit
        15).
      </p>
    </div>
  )
}

const yearsText = (years: number) => `${years} jaar`
const anchor = (id: string) => `store-${id.replace(/[^a-zA-Z0-9]+/g, '-')}`

function Store({ record }: { record: RecordOfProcessing }) {
  const id = anchor(record.id)
  const storeReaders = record.readers.join('|')
  return (
    <section className="records__store" aria-labelledby={`${id}-title`} id={id} data-store={record.id}>
      <h2 id={`${id}-title`}>{record.label}</h2>
      <dl className="records__facts">
        <dt>Van wie</dt>
        <dd>{record.subject}</dd>
        <dt>Waar</dt>
        <dd>{record.collectionName}</dd>
        <dt>Welke gegevens</dt>
        <dd>
          <ul>
            {record.fields.map((field) => {
              const own = field.readers.map((r) => readerInWords(r, record.collection))
              const words = own.length ? own : [NOBODY]
              const differs = record.readersFrom === 'access' && words.join('|') !== storeReaders
              return (
                <li key={field.path} data-field={field.path}>
                  {field.label}
                  {differs ? ` (in te zien door: ${own.length ? own.join(', ') : 'niemand'})` : ''}
                </li>
              )
            })}
            {record.files ? <li>Het bestand zelf</li> : null}
          </ul>
        </dd>
        <dt>Waarom</dt>
        <dd>{record.purpose}</dd>
        <dt>Wie mag het inzien</dt>
        <dd data-slot="readers">
          <ul>
            {record.readers.map((reader) => (
              <li key={reader}>{reader}</li>
            ))}
          </ul>
          {record.readersFrom === 'registry' ? (
            <p className="records__warning">
              Let op: dit komt uit het register van het portaal. De toegangsregels konden hier niet worden nagerekend.
            </p>
          ) : null}
        </dd>
        <dt>Wie krijgt het</dt>
        <dd>
          <ul>
            {record.recipients.map((recipient) => (
              <li key={recipient}>{recipient}</li>
            ))}
          </ul>
        </dd>
        <dt>Hoe lang</dt>
        <dd data-slot="term">
          {record.term} {record.erasure}
        </dd>
      </dl>
    </section>
  )
}
