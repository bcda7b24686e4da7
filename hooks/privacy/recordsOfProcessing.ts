import type { Field, PayloadRequest } from 'payload'

import { ROLE_LABELS, ROLES, type Role } from '../../collections/access/roles'
import { type DataSubject, type Erasure, PERSONAL_DATA_STORES, type PersonalDataStore, type Term } from './registry'
import { DELIVERED_MESSAGE_DAYS, PURGED_MESSAGE_FIELDS } from './purgeDeliveredMessages'
import { PAYLOAD_OWN_LABELS } from './payloadOwnLabels'

/**
 * The records of processing (AVG art. 30; Decision 19), generated from what the portal does rather
 * than kept by hand: the stores of the registry, with each field's Dutch label and access rules
 * read from the configuration, and the terms from the current settings. A store that names a field
 * the configuration does not have is an error, not a line that quietly lies.
 */

/** The part of a (built) configuration this reads: collections with their fields, labels and access. */
export type ConfigForRecords = {
  collections: readonly {
    slug: string
    labels?: { singular?: unknown; plural?: unknown }
    fields: readonly Field[]
    access?: { read?: unknown }
    upload?: unknown
  }[]
  /** Globals (the settings) hold stores too; a global's Dutch name is its label. */
  globals?: readonly { slug: string; label?: unknown; fields: readonly Field[]; access?: { read?: unknown } }[]
}

export type RecordsSettings = { retentionYears: number; accessLogYears: number }

/** Whether a role reads every document of a store, or only its own (the cases assigned to a handler). */
export type ReaderScope = 'all' | 'own'
export type Reader = { role: Role; scope: ReaderScope }

export type RecordField = { path: string; label: string; readers: Reader[] }

export type RecordOfProcessing = {
  id: string
  label: string
  collection: string
  /** The collection's Dutch name, from its configuration. */
  collectionName: string
  subject: string
  fields: RecordField[]
  /** The collection's uploaded files are part of the store. */
  files: boolean
  purpose: string
  /** Who may read it, in Dutch: computed from the access rules, or the registry's own list (`readersFrom`). */
  readers: string[]
  readersFrom: 'access' | 'registry'
  /** Why the access rules could not be evaluated, when `readersFrom` is the registry. */
  readersError?: string
  recipients: string[]
  term: string
  erasure: string
}

const SUBJECTS: Record<DataSubject, string> = {
  complainant: 'De klager (en de cliënt om wie het gaat)',
  thirdParty: 'Anderen dan de klager',
  staff: 'Medewerkers',
}

const ERASURES: Record<Erasure, string> = {
  blank: 'Daarna onherkenbaar gemaakt: de tekst wordt gewist.',
  removeFile: 'Daarna wordt het bestand verwijderd.',
  remove: 'Daarna verwijderd.',
  keep: 'Niet automatisch gewist.',
}

/** The readers of a store no role may read through the portal. */
export const NOBODY = 'Niemand via het portaal: alleen het systeem zelf'

/** "1 jaar", "2 jaar": Dutch counts years in the singular. */
export const yearsInWords = (years: number): string => `${years} jaar`

const dutch = (label: unknown): string | undefined => {
  if (label && typeof label === 'object' && 'nl' in label && typeof label.nl === 'string') return label.nl
  return undefined
}

type Found = { label: unknown; read: unknown; fields?: readonly Field[] }

/** The named field `name` at this level, looking through rows, collapsibles and unnamed tabs (a named tab is a field). */
function findField(fields: readonly Field[], name: string): Found | undefined {
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          if (tab.name === name) return { label: tab.label, read: tab.access?.read, fields: tab.fields }
        } else {
          const inner = findField(tab.fields, name)
          if (inner) return inner
        }
      }
    } else if ('name' in field && field.name) {
      if (field.name === name)
        return {
          label: 'label' in field ? field.label : undefined,
          read: 'access' in field ? field.access?.read : undefined,
          fields: 'fields' in field ? field.fields : undefined,
        }
    } else if ('fields' in field) {
      const inner = findField(field.fields, name)
      if (inner) return inner
    }
  }
  return undefined
}

/** A store's dotted path in its collection: the Dutch label (parts joined) and the read rules on the way. */
function resolvePath(store: PersonalDataStore, fields: readonly Field[], path: string) {
  let level: readonly Field[] | undefined = fields
  const labels: string[] = []
  const reads: unknown[] = []
  for (const part of path.split('.')) {
    if (part === '*') continue
    const found: Found | undefined = level ? findField(level, part) : undefined
    if (!found)
      throw new Error(
        `Records of processing: store "${store.id}" names "${path}", not a field of "${store.collection}"`,
      )
    const label =
      dutch(found.label) ?? PAYLOAD_OWN_LABELS[`${store.collection}.${part}`] ?? PAYLOAD_OWN_LABELS[`*.${part}`]
    if (!label)
      throw new Error(`Records of processing: "${store.collection}.${path}" has no Dutch label in the configuration`)
    labels.push(label)
    if (found.read) reads.push(found.read)
    level = found.fields
  }
  return { label: labels.join(' › '), reads }
}

type AccessFn = (args: Record<string, unknown>) => unknown

/**
 * What a role may read, by evaluating the access rules themselves with a made-up user of that role:
 * the collection's `read` (true: everything; a query: some documents) and each field's `read` on
 * a document of the user's own (assigned to them) and on someone else's.
 */
async function readersOf(collectionRead: unknown, fieldReads: unknown[]): Promise<Reader[]> {
  const readers: Reader[] = []
  for (const role of ROLES) {
    const user = { id: `records-${role}`, collection: 'users', roles: [role], email: `${role}@records.invalid` }
    const req = { user, context: {}, headers: new Headers() } as unknown as PayloadRequest
    const docOf = (assignedHandler: string, id: string) => ({
      id,
      assignedHandler,
      actor: assignedHandler,
      complaint: 'records-case',
      purpose: 'acknowledgement',
    })
    const own = docOf(user.id, user.id)
    const other = docOf('records-someone-else', 'records-other')
    // Without a rule of its own, a collection is open to anyone logged in (Payload's default).
    const collection =
      typeof collectionRead === 'function' ? await (collectionRead as AccessFn)({ req }) : Boolean(req.user)
    if (!collection) continue
    const allowed = async (doc: Record<string, unknown>) => {
      for (const read of fieldReads)
        if (!(await (read as AccessFn)({ req, doc, siblingData: doc, data: doc, id: doc.id }))) return false
      return true
    }
    if (!(await allowed(own))) continue
    readers.push({ role, scope: collection === true && (await allowed(other)) ? 'all' : 'own' })
  }
  return readers
}

const union = (lists: Reader[][]): Reader[] =>
  ROLES.flatMap((role) => {
    const scopes = lists.flatMap((list) => list.filter((r) => r.role === role).map((r) => r.scope))
    if (scopes.length === 0) return []
    return [{ role, scope: scopes.includes('all') ? 'all' : 'own' } satisfies Reader]
  })

/** A reader in Dutch: "Manager", "Klachtbehandelaar (alleen de zaken die aan hem of haar zijn toegewezen)". */
export function readerInWords(reader: Reader, collection: string): string {
  const role = ROLE_LABELS[reader.role].nl
  if (reader.scope === 'all') return role
  return collection === 'users'
    ? `${role} (alleen het eigen account)`
    : `${role} (alleen de zaken die aan hem of haar zijn toegewezen)`
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text)
const list = (parts: string[]) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`

function termInWords(term: Term, settings: RecordsSettings, purgedFields: string): string {
  const caseTerm = `${yearsInWords(settings.retentionYears)} na het afsluiten van de klacht (of na het einde, als de klacht nooit is afgesloten)`
  switch (term) {
    case 'case':
      return `${caseTerm.charAt(0).toUpperCase()}${caseTerm.slice(1)}. Een manager kan dit opschorten (vernietiging opgeschort), of de gegevens eerder laten wissen op verzoek van de klager (AVG art. 17).`
    case 'deliveredMessage':
      return `De ${purgedFields}: ${DELIVERED_MESSAGE_DAYS} dagen na bezorging; de brief zelf staat als PDF in het dossier. De rest (zoals de ontvangers): ${caseTerm}.`
    case 'accessLog':
      return `${yearsInWords(settings.accessLogYears)} na de raadpleging.`
    case 'account':
      return 'Zolang het account bestaat.'
    case 'setting':
      return 'Tot een beheerder het in de instellingen wijzigt.'
    case 'erasureRecord':
      return 'Zo lang als de geanonimiseerde klacht zelf: het is de verantwoording waarom die eerder is gewist.'
    case 'rateLimit':
      return 'Een uur na het versturen van het formulier; daarna verwijderd.'
  }
}

/**
 * The records of processing of the portal, one entry per store of personal data (`stores`, by
 * default the registry), as the configuration and the settings make them now. Throws when a store
 * names a collection or field the configuration does not have, or a field without a Dutch label.
 */
export async function recordsOfProcessing(
  config: ConfigForRecords,
  settings: RecordsSettings,
  stores: readonly PersonalDataStore[] = PERSONAL_DATA_STORES,
): Promise<RecordOfProcessing[]> {
  const records: RecordOfProcessing[] = []
  for (const store of stores) {
    const global = config.globals?.find((g) => g.slug === store.collection)
    const collection =
      config.collections.find((c) => c.slug === store.collection) ??
      (global ? { ...global, labels: { plural: global.label } } : undefined)
    if (!collection)
      throw new Error(
        `Records of processing: store "${store.id}" names collection "${store.collection}", which does not exist`,
      )
    if (store.files && !collection.upload)
      throw new Error(
        `Records of processing: store "${store.id}" has files, but "${store.collection}" is no upload collection`,
      )
    const collectionName =
      dutch(collection.labels?.plural) ?? dutch(collection.labels?.singular) ?? PAYLOAD_OWN_LABELS[store.collection]
    if (!collectionName) throw new Error(`Records of processing: collection "${store.collection}" has no Dutch name`)
    const resolved = (store.fields ?? []).map((path) => ({ path, ...resolvePath(store, collection.fields, path) }))

    let readersFrom: RecordOfProcessing['readersFrom'] = 'access'
    let fields: RecordField[]
    let readers: string[]
    let readersError: string | undefined
    try {
      fields = await Promise.all(
        resolved.map(async ({ path, label, reads }) => ({
          path,
          label,
          readers: await readersOf(collection.access?.read, reads),
        })),
      )
      const fileReaders = store.files ? [await readersOf(collection.access?.read, [])] : []
      const all = union([...fields.map((f) => f.readers), ...fileReaders])
      readers = all.length ? all.map((r) => readerInWords(r, store.collection)) : [NOBODY]
    } catch (error) {
      // An access rule that needs more than a user and a document (e.g. a database read): the
      // registry's own list, and the view says so.
      readersFrom = 'registry'
      readersError = (error as Error).message
      fields = resolved.map(({ path, label }) => ({ path, label, readers: [] }))
      readers = [...store.readers]
    }

    const outbox = config.collections.find((c) => c.slug === 'outbox')
    const purgedFields =
      store.term === 'deliveredMessage' && outbox
        ? list(PURGED_MESSAGE_FIELDS.map((name) => lowerFirst(resolvePath(store, outbox.fields, name).label)))
        : ''

    records.push({
      id: store.id,
      label: store.label,
      collection: store.collection,
      collectionName,
      subject: SUBJECTS[store.subject],
      fields,
      files: Boolean(store.files),
      purpose: store.purpose,
      readers,
      readersFrom,
      ...(readersError ? { readersError } : {}),
      recipients: store.recipients.length ? [...store.recipients] : ['Niemand buiten Working Progression'],
      term: termInWords(store.term, settings, purgedFields),
      erasure: ERASURES[store.erasure],
    })
  }
  return records
}
