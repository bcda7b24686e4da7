import { buildConfig, type Config, type Field } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { configFor, restrictPayloadCollections } from '../../cms/config'
import { parseEnv } from '../../cms/env'
import { NOT_PERSONAL, PERSONAL_DATA_STORES } from '../../hooks/privacy/registry'
import { TEST_SECRET } from '../helpers/payload'

/**
 * AVG art. 30, Decision 19: every store of personal data is in the registry that retention, the
 * dossier and the records of processing read. Every field that can hold free text or a file, of
 * every collection and global of the built configuration (Payload's own included: a queued job
 * carries a composed letter), is either covered by a store or listed as not personal, with why.
 */
type Entity = { slug: string; fields: Field[]; upload?: unknown }

const TEXT_LIKE = new Set(['text', 'textarea', 'richText', 'email', 'json', 'code'])

/** Dotted paths from the document's root: groups and named tabs add their name, arrays and blocks `name.*`. */
export function textLikePaths(fields: readonly Field[], prefix = ''): string[] {
  return fields.flatMap((field): string[] => {
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name
          ? textLikePaths(tab.fields, `${prefix}${tab.name}.`)
          : textLikePaths(tab.fields, prefix),
      )
    if (field.type === 'row' || field.type === 'collapsible') return textLikePaths(field.fields, prefix)
    if (!('name' in field)) return []
    const path = `${prefix}${field.name}`
    if (field.type === 'group') return textLikePaths(field.fields, `${path}.`)
    if (field.type === 'array') return textLikePaths(field.fields, `${path}.*.`)
    if (field.type === 'blocks') return field.blocks.flatMap((block) => textLikePaths(block.fields ?? [], `${path}.*.`))
    return TEXT_LIKE.has(field.type) ? [path] : []
  })
}

/** What the registry must account for: `slug.path` per text-like field, `slug (files)` per upload collection. */
export function storesToAccountFor(built: { collections: Entity[]; globals: Entity[] }): string[] {
  return [
    ...built.collections.flatMap((c) => [
      ...textLikePaths(c.fields).map((p) => `${c.slug}.${p}`),
      ...(c.upload ? [`${c.slug} (files)`] : []),
    ]),
    ...built.globals.flatMap((g) => textLikePaths(g.fields).map((p) => `${g.slug}.${p}`)),
  ]
}

/** A store covers a field by its own path or a parent's (`complainant` covers `complainant.email`). */
export function isCovered(entry: string): boolean {
  const notPersonal = Object.keys(NOT_PERSONAL).some(
    (key) => entry === key || entry.startsWith(`${key}.`) || entry === `${key} (files)`,
  )
  if (notPersonal) return true
  const files = /^(.+) \(files\)$/.exec(entry)
  if (files) return PERSONAL_DATA_STORES.some((s) => s.collection === files[1] && s.files === true)
  return PERSONAL_DATA_STORES.some((store) =>
    (store.fields ?? []).some((path) => {
      const full = `${store.collection}.${path}`
      return entry === full || entry.startsWith(`${full}.`)
    }),
  )
}

const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
let built: { collections: Entity[]; globals: Entity[] }

const build = async (config: Config) => restrictPayloadCollections(await buildConfig(config))

beforeAll(async () => {
  built = await build(configFor(env))
}, 60_000)

describe('Decision 19, AVG art. 30: the registry of personal data is complete', () => {
  it('every text, textarea, rich-text, e-mail and json field and every upload of the built configuration is in a store or not personal with a reason', () => {
    const entries = storesToAccountFor(built)
    // The walk reaches groups, named tabs, arrays, Payload's own collections and the globals.
    expect(entries).toEqual(
      expect.arrayContaining([
        'complaints.complainant.email',
        'complaints.hearing.attendees.*.name',
        'complaints.correction.log.*.reason',
        'payload-jobs.input',
        'users.email',
        'letters (files)',
        'complaint-attachments (files)',
        'settings.uwvLabourExpert.email',
      ]),
    )
    expect(entries.filter((entry) => !isCovered(entry))).toEqual([])
  })

  it('every reason for "not personal" is a sentence, and names fields that exist', () => {
    const entries = storesToAccountFor(built)
    for (const [key, reason] of Object.entries(NOT_PERSONAL)) {
      const names = entries.some((e) => e === key || e.startsWith(`${key}.`) || e === `${key} (files)`)
      expect(names, key).toBe(true)
      expect(reason.length, key).toBeGreaterThan(15)
    }
  })

  it('every store of the case term is erased by retention: blank, remove or its files removed', () => {
    const kept = PERSONAL_DATA_STORES.filter((s) => s.term === 'case' && s.erasure === 'keep')
    expect(kept.map((s) => s.id)).toEqual([])
    expect(new Set(PERSONAL_DATA_STORES.map((s) => s.id)).size).toBe(PERSONAL_DATA_STORES.length)
  })

  it('control: a new text field on a complaint, or a new upload collection, is reported as missing', async () => {
    const base = configFor(env)
    const shoeSize: Field = { name: 'shoeSize', type: 'text' }
    const tweaked = await build({
      ...base,
      collections: [
        ...(base.collections ?? []).map((c) =>
          c.slug === 'complaints' ? { ...c, fields: [...c.fields, shoeSize] } : c,
        ),
        { slug: 'scans', upload: { staticDir: '/tmp/scans-never-written' }, fields: [] },
      ],
    })
    const missing = storesToAccountFor(tweaked).filter((entry) => !isCovered(entry))
    expect(missing).toEqual([
      'complaints.shoeSize',
      'scans.url',
      'scans.thumbnailURL',
      'scans.filename',
      'scans.mimeType',
      'scans (files)',
    ])
  }, 60_000)
})
