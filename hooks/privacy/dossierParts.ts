import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import { fileStore } from '../../cms/lib/fileStore'
import type { Complaint } from '../../cms/payload-types'
import { fieldLabelsOf } from '../caseEvents/fieldLabels'
import { formatDutchDate } from '../dates/amsterdam'
import { relId } from '../relations'
import { type DossierLine, dutchMoment } from './dossierOverview'
import { type PersonalDataStore, type Term } from './registry'

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

export type ValueLookups = {
  fieldLabels: ReadonlyMap<string, string>
  /** Display names of related documents by collection and id. */
  names: Partial<Record<CollectionSlug, ReadonlyMap<string, string>>>
}

type Doc = Record<string, unknown>

const isDoc = (value: unknown): value is Doc => !!value && typeof value === 'object' && !Array.isArray(value)

/** The ids a document's relationship fields name, by collection (to look their names up once). */
export function collectRelations(
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
export function storeLines(
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
export function retentionSentences(term: Term, retentionYears: number, complaint: Complaint): string[] {
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
    case 'rateLimit':
      return [
        'Als u een formulier verstuurt, tellen wij een uur lang een versleutelde code van uw IP-adres en e-mailadres. Zo gaan wij misbruik tegen. Daarna verwijderen wij die code.',
      ]
    default:
      return []
  }
}

/** The stored file of an upload collection, from its folder on disk or its bucket (cms/lib/fileStore.ts). */
export async function readUpload(
  payload: Payload,
  collection: 'letters' | 'complaint-attachments',
  filename: string,
): Promise<Buffer> {
  return fileStore(payload).read(collection, filename)
}

/** The case does not exist (the endpoint answers 404). */
export class DossierNotFoundError extends Error {
  constructor(id: string) {
    super(`No complaint ${id}`)
    this.name = 'DossierNotFoundError'
  }
}
