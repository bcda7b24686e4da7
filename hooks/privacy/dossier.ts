import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { zipSync } from 'fflate'
import type { CollectionSlug, FlattenedField, Payload, PayloadRequest } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { MESSAGE_PURPOSE_LABELS } from '../../cms/email/statuses'
import { describeEvent, type StoredEvent } from '../caseEvents/describeEvent'
import { fieldLabelsOf } from '../caseEvents/fieldLabels'
import { recordEvent } from '../caseEvents/recordEvent'
import { civilDateIn, formatDutchDate } from '../dates/amsterdam'
import { CATEGORY_LABELS, CHANNEL_LABELS } from '../complaints/vocabulary'
import { STATUS_LABELS } from '../complaints/workflow/statuses'
import { relId } from '../relations'
import {
  type DossierLine,
  dutchMoment,
  type DossierOverview,
  type DossierSection,
  renderDossierOverview,
} from './dossierOverview'
import { markInspectionProvided } from './inspection'
import { logAccess, type Reader } from './logAccess'
import { PERSONAL_DATA_STORES, type PersonalDataStore, type Term } from './registry'

export type Dossier = { fileName: string; zip: Uint8Array }

/** The case does not exist (the endpoint answers 404). */
export class DossierNotFoundError extends Error {
  constructor(id: string) {
    super(`No complaint ${id}`)
    this.name = 'DossierNotFoundError'
  }
}

/**
 * The dossier for inspection of one case (AVG art. 15; Art. 6 note; DOMAIN.md "Contracts added"):
 * a ZIP with `overzicht.pdf` (every personal datum the registry's stores hold about the
 * complainant in this case, the timeline, who processed it, why, who received it, how long it is
 * kept, the right to complain to the Autoriteit Persoonsgegevens), every letter PDF of the case
 * under `brieven/` and every attachment under `bijlagen/`, as stored on disk. Only this case's
 * documents: every read names the case.
 *
 * Each call is a delivery: it writes the timeline entry `inspection_provided` and an access-log
 * entry of kind `dossier` for `reader` (a staff member, or the complainant on their own page,
 * Decision 20). Trusted server code: the caller has checked that `reader` may have this case; the
 * reads below bypass access control for that reason (the complainant has no Payload user).
 */
export async function buildDossier(
  payload: Payload,
  caseId: string,
  options: { reader: Reader; req?: Partial<PayloadRequest>; at?: Date },
): Promise<Dossier> {
  const at = options.at ?? new Date()
  const { req } = options
  const complaint = await payload
    .findByID({ collection: 'complaints', id: caseId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!complaint) throw new DossierNotFoundError(caseId)
  const reference = complaint.reference ?? 'klacht'

  const [letters, attachments, events, accessLog, settings] = await Promise.all([
    payload.find({
      collection: 'letters',
      where: { complaint: { equals: caseId } },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    payload.find({
      collection: 'complaint-attachments',
      // The attachments the case names, and those stored for it: both belong to this case only.
      where: {
        or: [
          { complaint: { equals: caseId } },
          { id: { in: (complaint.attachments ?? []).map(relId).filter((id): id is string => id !== null) } },
        ],
      },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    payload.find({
      collection: 'case-events',
      where: { complaint: { equals: caseId } },
      sort: ['at', 'createdAt'],
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    payload.find({
      collection: 'access-log',
      where: { and: [{ complaint: { equals: caseId } }, { actorKind: { equals: 'staff' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    payload.findGlobal({ slug: 'settings', depth: 0, overrideAccess: true, req }),
  ])

  // Files first: their names in the ZIP are what the overview refers to.
  const names = new EntryNames()
  const letterFiles = await Promise.all(
    letters.docs
      .filter((letter) => letter.filename)
      .map(async (letter) => ({
        letter,
        bytes: await readUpload(payload, 'letters', letter.filename ?? ''),
      })),
  )
  const letterEntries = letterFiles.map(({ letter, bytes }) => ({
    letter,
    bytes,
    name: names.add(
      'brieven',
      `${civilDateIn(letter.createdAt)} ${MESSAGE_PURPOSE_LABELS[letter.purpose].nl}.pdf`.toLowerCase(),
    ),
  }))
  const attachmentEntries = await Promise.all(
    attachments.docs
      .filter((attachment) => attachment.filename)
      .map(async (attachment) => ({
        attachment,
        bytes: await readUpload(payload, 'complaint-attachments', attachment.filename ?? ''),
      })),
  ).then((files) =>
    files.map((file) => ({ ...file, name: names.add('bijlagen', file.attachment.filename ?? 'bijlage') })),
  )

  // Everyone whose name the overview prints: who acted on the timeline, the handlers it names,
  // the handler now, staff recorded on the case, and staff who read it (the access log).
  const staffIds = new Set<string>()
  const addStaff = (value: unknown) => {
    const id = relId(value)
    if (id) staffIds.add(id)
  }
  const stored = events.docs as unknown as StoredEvent[]
  for (const event of stored) {
    addStaff(event.actor)
    if (event.type === 'handler_assigned' && event.data && typeof event.data === 'object')
      for (const value of Object.values(event.data)) addStaff(value)
  }
  addStaff(complaint.assignedHandler)
  for (const entry of accessLog.docs) addStaff(entry.actor)
  const complaintFields = payload.collections.complaints.config.flattenedFields
  const references = collectRelations(complaintFields, complaint)
  for (const id of references.users) staffIds.add(id)
  const [users, earlier] = await Promise.all([
    staffIds.size === 0
      ? []
      : payload
          .find({
            collection: 'users',
            where: { id: { in: [...staffIds] } },
            pagination: false,
            depth: 0,
            select: { name: true, email: true },
            overrideAccess: true,
            req,
          })
          .then((r) => r.docs),
    // Another case is named by its reference only (a non-admission on ground a, Art. 8.5): nothing of it.
    references.complaints.size === 0
      ? []
      : payload
          .find({
            collection: 'complaints',
            where: { id: { in: [...references.complaints] } },
            pagination: false,
            depth: 0,
            select: { reference: true },
            overrideAccess: true,
            req,
          })
          .then((r) => r.docs),
  ])
  const staffNames = new Map(users.map((u) => [String(u.id), u.name || u.email]))
  const fieldLabels = fieldLabelsOf(complaintFields)
  const lookups: ValueLookups = {
    fieldLabels,
    names: {
      users: staffNames,
      complaints: new Map(earlier.map((c) => [String(c.id), c.reference ?? 'een eerdere klacht'])),
      'complaint-attachments': new Map(
        attachmentEntries.map((a) => [String(a.attachment.id), `${a.name} (in deze map)`]),
      ),
    },
  }

  const complainantStores = PERSONAL_DATA_STORES.filter((store) => store.subject === 'complainant')
  const data: DossierSection[] = PERSONAL_DATA_STORES.filter(
    (store) => store.collection === 'complaints' && store.subject === 'complainant',
  )
    .map((store) => ({ title: store.label, lines: storeLines(store, complaintFields, complaint, lookups) }))
    .filter((section) => section.lines.length > 0)

  const letterLabels = fieldLabelsOf(payload.collections.letters.config.flattenedFields)
  const letterSections: DossierSection[] = letterEntries.map(({ letter, name }) => ({
    title: MESSAGE_PURPOSE_LABELS[letter.purpose].nl,
    lines: [
      { label: 'Bestand', value: name },
      { label: 'Gemaakt op', value: formatDutchDate(letter.createdAt) },
      { label: 'Verstuurd', value: letter.channel === 'email' ? 'per e-mail' : 'per post' },
      ...(letter.postedAt ? [{ label: 'Per post verstuurd op', value: formatDutchDate(letter.postedAt) }] : []),
      ...(letter.postedAtChangeReason
        ? [
            {
              label: letterLabels.get('postedAtChangeReason') ?? 'Reden',
              value: letter.postedAtChangeReason,
            },
          ]
        : []),
    ],
  }))
  const attachmentSections: DossierSection[] = attachmentEntries.map(({ attachment, name }) => ({
    title: name.replace(/^bijlagen\//, ''),
    lines: [
      { label: 'Bestand', value: name },
      { label: 'Bewaard op', value: formatDutchDate(attachment.createdAt) },
    ],
  }))

  const timeline = stored.map((event) => describeEvent(event, { staffNames, fieldLabels }))
  const staff = [...new Set([...staffIds].map((id) => staffNames.get(id)).filter((n): n is string => !!n))].sort(
    (a, b) => a.localeCompare(b, 'nl'),
  )

  // Decision 11: the labour expert of this case, or the default one from the settings.
  const expert = complaint.uwvLabourExpert?.name || settings.uwvLabourExpert?.name
  const recipients = [
    ...new Set([
      ...complainantStores.flatMap((store) => store.recipients),
      ...(expert ? [`Arbeidsdeskundige van UWV bij uw klacht: ${expert}`] : []),
    ]),
  ]
  const terms = [...new Set(complainantStores.map((store) => store.term))]
  const overview: DossierOverview = {
    reference,
    at,
    summary: [
      { label: fieldLabels.get('reference') ?? 'Kenmerk', value: reference },
      { label: fieldLabels.get('receivedAt') ?? 'Datum van ontvangst', value: dutchMoment(complaint.receivedAt) },
      { label: fieldLabels.get('status') ?? 'Status', value: STATUS_LABELS[complaint.status].nl },
      ...(complaint.categories.length > 0
        ? [
            {
              label: fieldLabels.get('categories') ?? 'Soort klacht',
              value: complaint.categories.map((c) => CATEGORY_LABELS[c].nl).join(', '),
            },
          ]
        : []),
      ...(complaint.channel
        ? [{ label: fieldLabels.get('channel') ?? 'Ontvangen via', value: CHANNEL_LABELS[complaint.channel].nl }]
        : []),
      ...(relId(complaint.assignedHandler)
        ? [
            {
              label: 'Behandelaar',
              value: staffNames.get(relId(complaint.assignedHandler) ?? '') ?? 'Medewerker',
            },
          ]
        : []),
    ],
    data,
    letters: letterSections,
    attachments: attachmentSections,
    timeline,
    staff,
    purposes: complainantStores.map((store) => ({ label: store.label, value: store.purpose })),
    recipients,
    retention: terms.flatMap((term) => retentionSentences(term, settings.retentionYears, complaint)),
  }

  const overviewPdf = await renderDossierOverview(overview)
  const zip = zipSync(
    {
      'overzicht.pdf': overviewPdf,
      ...Object.fromEntries(letterEntries.map((entry) => [entry.name, new Uint8Array(entry.bytes)])),
      ...Object.fromEntries(attachmentEntries.map((entry) => [entry.name, new Uint8Array(entry.bytes)])),
    },
    { mtime: at },
  )

  // The delivery: on the timeline (no personal data) and in the access log.
  await recordEvent(
    payload,
    {
      complaint: caseId,
      type: 'inspection_provided',
      actor: options.reader.kind === 'staff' ? options.reader.userId : null,
      actorKind: options.reader.kind === 'staff' ? 'staff' : 'public',
      data: { via: options.reader.kind, letters: letterEntries.length, attachments: attachmentEntries.length },
      at,
    },
    req,
  )
  await logAccess(payload, { reader: options.reader, complaint: caseId, kind: 'dossier', at })
  // AVG art. 15: every open request for inspection received by now is answered by this dossier.
  await markInspectionProvided(payload, caseId, at, req)

  return { fileName: `${reference}-inzage.zip`, zip }
}

/** The stored file of an upload collection, from its folder on disk. */
async function readUpload(
  payload: Payload,
  collection: 'letters' | 'complaint-attachments',
  filename: string,
): Promise<Buffer> {
  const dir = payload.collections[collection].config.upload.staticDir
  if (!dir) throw new Error(`The ${collection} collection has no upload folder`)
  // A stored name is a plain file name; never follow one out of its folder.
  return readFile(path.join(dir, path.basename(filename)))
}

/**
 * Names inside the ZIP: `folder/name`, each once. Two files of the same name (a letter of the same
 * kind on the same day, attachments sent under one name) become "naam.pdf" and "naam (2).pdf";
 * compared without case, as Windows and macOS unzip them into one folder.
 */
export class EntryNames {
  private readonly taken = new Set<string>()

  add(folder: string, name: string): string {
    const clean =
      name
        .normalize('NFC')
        .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
        .replace(/^\.+/, '')
        .trim() || 'bestand'
    const dot = clean.lastIndexOf('.')
    const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, '']
    for (let n = 1; ; n++) {
      const candidate = `${folder}/${n === 1 ? clean : `${stem} (${n})${ext}`}`
      if (!this.taken.has(candidate.toLowerCase())) {
        this.taken.add(candidate.toLowerCase())
        return candidate
      }
    }
  }
}

type ValueLookups = {
  fieldLabels: ReadonlyMap<string, string>
  /** Display names of related documents by collection and id. */
  names: Partial<Record<CollectionSlug, ReadonlyMap<string, string>>>
}

type Doc = Record<string, unknown>

const isDoc = (value: unknown): value is Doc => !!value && typeof value === 'object' && !Array.isArray(value)

/** The ids a document's relationship fields name, by collection (to look their names up once). */
function collectRelations(
  fields: readonly FlattenedField[],
  doc: unknown,
): { users: Set<string>; complaints: Set<string> } {
  const found = { users: new Set<string>(), complaints: new Set<string>() }
  const walk = (list: readonly FlattenedField[], value: unknown) => {
    if (!isDoc(value)) return
    for (const field of list) {
      const own = value[field.name]
      if (field.type === 'group' || field.type === 'tab') walk(field.flattenedFields, own)
      else if (field.type === 'array' && Array.isArray(own)) for (const row of own) walk(field.flattenedFields, row)
      else if (field.type === 'relationship' && typeof field.relationTo === 'string') {
        const target =
          field.relationTo === 'users' ? found.users : field.relationTo === 'complaints' ? found.complaints : null
        for (const item of Array.isArray(own) ? own : [own]) {
          const id = relId(item)
          if (id && target) target.add(id)
        }
      }
    }
  }
  walk(fields, doc)
  return found
}

/** The label of a select or radio option ("Cliënt (ik word begeleid …)"), Dutch. */
function optionLabel(field: FlattenedField, value: unknown): string {
  if (field.type !== 'select' && field.type !== 'radio') return String(value)
  for (const option of field.options) {
    if (typeof option === 'string') {
      if (option === value) return option
    } else if (option.value === value) return dutchText(option.label, String(value))
  }
  return String(value)
}

function dutchText(label: unknown, fallback: string): string {
  if (typeof label === 'string' && label) return label
  if (isDoc(label) && typeof label.nl === 'string') return label.nl
  return fallback
}

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A stored value as a person reads it, or null when the field holds nothing to show. */
function displayValue(field: FlattenedField, value: unknown, lookups: ValueLookups): string | null {
  if (value === null || value === undefined || value === '') return null
  if (Array.isArray(value) && value.length === 0) return null
  switch (field.type) {
    case 'checkbox':
      // An unticked box (most are actions: "send on save") holds nothing about the complainant.
      return value === true ? 'Ja' : null
    case 'select':
    case 'radio':
      return (Array.isArray(value) ? value : [value]).map((v) => optionLabel(field, v)).join(', ')
    case 'date': {
      if (typeof value !== 'string') return null
      return field.admin?.date?.pickerAppearance === 'dayAndTime' ? dutchMoment(value) : formatDutchDate(value)
    }
    case 'relationship':
    case 'upload': {
      const slug = typeof field.relationTo === 'string' ? field.relationTo : null
      const names = slug ? lookups.names[slug] : undefined
      const items = (Array.isArray(value) ? value : [value]).map(relId).filter((id): id is string => id !== null)
      if (items.length === 0) return null
      return items.map((id) => names?.get(id) ?? 'Onbekend').join(', ')
    }
    case 'json':
      // The only JSON among the stores: the field paths a correction changed, named by their labels.
      if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value.map((v: string) => lookups.fieldLabels.get(v) ?? v).join(', ')
      return JSON.stringify(value)
    case 'number':
      return typeof value === 'number' ? String(value) : null
    default:
      if (typeof value !== 'string') return null
      // A civil date typed as text (the conduct's dates, Art. 5) reads as a Dutch date.
      return CIVIL_DATE.test(value) ? formatDutchDate(new Date(`${value}T12:00:00Z`)) : value
  }
}

/**
 * Every field of a store that holds a value, with its Dutch label as the timeline names it
 * (fieldLabels.ts): "Klager: Naam". Groups and tabs are walked; an array's rows are numbered
 * ("Aanwezigen 2: Naam").
 */
function storeLines(
  store: PersonalDataStore,
  fields: readonly FlattenedField[],
  doc: Complaint,
  lookups: ValueLookups,
): DossierLine[] {
  const out: DossierLine[] = []
  const walk = (
    field: FlattenedField,
    value: unknown,
    label: string,
    labels: ReadonlyMap<string, string>,
    path: string,
  ) => {
    if (field.type === 'join') return
    if (field.type === 'group' || field.type === 'tab') {
      if (!isDoc(value)) return
      const start = out.length
      let ownValue = false
      for (const child of field.flattenedFields) {
        const before = out.length
        walk(
          child,
          value[child.name],
          labels.get(`${path}.${child.name}`) ?? child.name,
          labels,
          `${path}.${child.name}`,
        )
        const isDefault = 'defaultValue' in child && child.defaultValue === value[child.name]
        if (out.length > before && !isDefault) ownValue = true
      }
      // A step nobody filled in holds only its defaults (a hearing's 60 minutes): nothing about the complainant.
      if (!ownValue) out.splice(start)
      return
    }
    if (field.type === 'array') {
      if (!Array.isArray(value)) return
      const rowLabels = fieldLabelsOf(field.flattenedFields)
      const singular = dutchText(field.labels?.singular, label)
      value.forEach((row: unknown, index) => {
        if (!isDoc(row)) return
        for (const child of field.flattenedFields) {
          const own = rowLabels.get(child.name) ?? child.name
          walk(child, row[child.name], `${label}: ${singular} ${index + 1}: ${own}`, rowLabels, child.name)
        }
      })
      return
    }
    const shown = displayValue(field, value, lookups)
    if (shown !== null) out.push({ label, value: shown })
  }
  const record = doc as unknown as Doc
  for (const name of store.fields ?? []) {
    const field = fields.find((f) => f.name === name)
    if (!field) continue
    walk(field, record[name], lookups.fieldLabels.get(name) ?? name, lookups.fieldLabels, name)
  }
  return out
}

/** What the registry's term means for this case, in plain Dutch (Decision 19). */
function retentionSentences(term: Term, retentionYears: number, complaint: Complaint): string[] {
  switch (term) {
    case 'case': {
      const closed = complaint.privacy?.closedAt
        ? `Uw klacht is afgesloten op ${formatDutchDate(complaint.privacy.closedAt)}.`
        : 'Uw klacht is nog niet afgesloten.'
      return [
        `Wij bewaren uw gegevens tot ${retentionYears} jaar nadat uw klacht is afgesloten. Daarna maken wij uw gegevens onherkenbaar: wij wissen uw naam, uw contactgegevens, alle teksten, de brieven en de bijlagen. Wat overblijft (het kenmerk, de datums, de soort klacht en de uitkomst) zegt niets meer over u. ${closed}`,
      ]
    }
    case 'deliveredMessage':
      return [
        'Een e-mail die bij u is aangekomen, wissen wij na 30 dagen uit ons e-mailsysteem. De brief zelf blijft in uw dossier.',
      ]
    default:
      return []
  }
}
