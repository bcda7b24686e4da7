import type { CollectionConfig, Config, Field, GlobalConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { configFor } from '../../cms/config'
import { parseEnv } from '../../cms/env'

/** One text of the admin a person reads: where it sits, the field's name or option's value (if any), and its value as configured. */
type AdminText = { where: string; name?: string; value: unknown }

type Labelled = { label?: unknown; labels?: { singular?: unknown; plural?: unknown } }
type Described = { admin?: { description?: unknown; group?: unknown } }

type Option = string | { value: string; label?: unknown }

const optionTexts = (where: string, options: readonly Option[]): AdminText[] =>
  options.map((option) =>
    typeof option === 'object'
      ? { where: `${where} option ${option.value}`, name: option.value, value: option.label }
      : { where: `${where} option ${option}`, value: option },
  )

/**
 * Every label, description and option label of the fields, recursively through groups, rows,
 * collapsibles, tabs, arrays and blocks. A field with a name and no label of its own is listed too
 * (value undefined): Payload would show its bare name in both languages.
 */
function fieldTexts(fields: Field[], path: string): AdminText[] {
  return fields.flatMap((field): AdminText[] => {
    const name = 'name' in field ? field.name : undefined
    const where = `${path}.${name ?? field.type}`
    const texts: AdminText[] = []
    const hidden = 'hidden' in field && field.hidden === true
    const admin = (field as Described).admin
    const adminHidden = typeof admin === 'object' && admin !== null && 'hidden' in admin && admin.hidden === true
    const labelled = field as Labelled
    if (name && !hidden && !adminHidden) texts.push({ where: `${where} label`, name, value: labelled.label })
    else if (labelled.label !== undefined) texts.push({ where: `${where} label`, name, value: labelled.label })
    if (admin?.description !== undefined) texts.push({ where: `${where} description`, value: admin.description })
    if (labelled.labels?.singular !== undefined)
      texts.push({ where: `${where} labels.singular`, value: labelled.labels.singular })
    if (labelled.labels?.plural !== undefined)
      texts.push({ where: `${where} labels.plural`, value: labelled.labels.plural })
    if ('options' in field) texts.push(...optionTexts(where, field.options))
    if ('fields' in field && Array.isArray(field.fields)) texts.push(...fieldTexts(field.fields, where))
    if (field.type === 'tabs')
      field.tabs.forEach((tab, i) => {
        const tabWhere = `${where}[${'name' in tab && tab.name ? tab.name : i}]`
        texts.push({ where: `${tabWhere} label`, value: tab.label })
        if (tab.description !== undefined) texts.push({ where: `${tabWhere} description`, value: tab.description })
        texts.push(...fieldTexts(tab.fields, tabWhere))
      })
    if (field.type === 'blocks')
      for (const block of field.blocks) {
        texts.push({ where: `${where}.${block.slug} labels`, value: block.labels?.singular })
        texts.push(...fieldTexts(block.fields, `${where}.${block.slug}`))
      }
    return texts
  })
}

const collectionTexts = (collection: CollectionConfig): AdminText[] => [
  { where: `${collection.slug} labels.singular`, value: collection.labels?.singular },
  { where: `${collection.slug} labels.plural`, value: collection.labels?.plural },
  ...(collection.admin?.group !== undefined && collection.admin.group !== false
    ? [{ where: `${collection.slug} admin.group`, value: collection.admin.group }]
    : []),
  ...(collection.admin?.description !== undefined
    ? [{ where: `${collection.slug} admin.description`, value: collection.admin.description }]
    : []),
  ...fieldTexts(collection.fields, collection.slug),
]

const globalTexts = (global: GlobalConfig): AdminText[] => [
  { where: `${global.slug} label`, value: global.label },
  ...(global.admin?.group !== undefined && global.admin.group !== false
    ? [{ where: `${global.slug} admin.group`, value: global.admin.group }]
    : []),
  ...(global.admin?.description !== undefined
    ? [{ where: `${global.slug} admin.description`, value: global.admin.description }]
    : []),
  ...fieldTexts(global.fields, global.slug),
]

/** Every admin text of the portal's own collections and globals (Payload's own fields translate themselves). */
const adminTexts = (config: Config): AdminText[] => [
  // A collection hidden from the admin (a projection only server code reads, such as case-facts)
  // shows no label to anyone.
  ...(config.collections ?? []).filter((c) => c.admin?.hidden !== true).flatMap(collectionTexts),
  ...(config.globals ?? []).flatMap(globalTexts),
]

/** Why a text is not a complete Dutch–English pair, or null when it is. */
function incompleteTranslation(text: AdminText): string | null {
  const { value, name } = text
  // A function label is Payload's own (translated through its i18n); `false` shows nothing.
  if (typeof value === 'function' || value === false) return null
  if (value === undefined) return 'no label: the bare field name would show'
  if (typeof value === 'string') return `one language only: ${JSON.stringify(value)}`
  if (typeof value !== 'object' || value === null) return `not a text: ${JSON.stringify(value)}`
  const { nl, en } = value as { nl?: unknown; en?: unknown }
  if (typeof nl !== 'string' || nl.trim() === '') return 'no Dutch text'
  if (typeof en !== 'string' || en.trim() === '') return 'no English text'
  if (/^\(?(Art\.|Article|Decision|Besluit)\s*[\d.]+\)?\.?$/i.test(en.trim()))
    return `English is a bare reference: ${en}`
  // A stub copied from the code: the field's name or the option's value ("written_version").
  if (name && en.trim() === name) return `English is the field name: ${en}`
  return null
}

const config = configFor(parseEnv({ PAYLOAD_SECRET: 'test-secret-that-is-long-enough-for-payload-0123456789' }))

describe('the admin in both languages: every label and description a complete Dutch–English pair', () => {
  it('the check refuses a stub, a bare reference, a missing language and a missing label, and accepts a full pair', () => {
    const verdict = (value: unknown, name?: string) => incompleteTranslation({ where: 'x', name, value })
    expect(verdict({ nl: 'Kenmerk', en: 'Reference' }, 'reference')).toBeNull()
    expect(verdict({ nl: 'Art. 3: ook mondeling.', en: 'Art. 3: orally too.' })).toBeNull()
    expect(verdict({ nl: 'Art. 6: horen.', en: 'Art. 6.' })).toMatch(/bare reference/)
    expect(verdict({ nl: 'Besluit 6: geheel.', en: 'Decision 6.' })).toMatch(/bare reference/)
    expect(verdict({ nl: 'Brieven', en: 'written_version' }, 'written_version')).toMatch(/field name/)
    expect(verdict({ nl: 'Kenmerk', en: '' })).toMatch(/no English/)
    expect(verdict({ nl: 'Kenmerk' })).toMatch(/no English/)
    expect(verdict('Bevestiging van ontvangst')).toMatch(/one language/)
    expect(verdict(undefined, 'key')).toMatch(/no label/)
  })

  it('walks every collection and global of the configuration', () => {
    const texts = adminTexts(config)
    // The walk reaches into tabs, groups, rows, arrays and select options.
    expect(texts.map((t) => t.where)).toEqual(
      expect.arrayContaining([
        'complaints.tabs[hearing] description',
        'complaints.correction.log.row.kinds option written_version',
        'letter-templates.kind option receipt',
        'case-events.type option status_changed',
        'settings label',
      ]),
    )
    const incomplete = texts.flatMap((text) => {
      const why = incompleteTranslation(text)
      return why ? [`${text.where}: ${why}`] : []
    })
    expect(incomplete).toEqual([])
  })
})
