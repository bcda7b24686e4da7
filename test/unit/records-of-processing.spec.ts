import { buildConfig, type SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { configFor, restrictPayloadCollections } from '../../cms/config'
import { parseEnv } from '../../cms/env'
import { type RecordOfProcessing, recordsOfProcessing } from '../../hooks/privacy/recordsOfProcessing'
import { PERSONAL_DATA_STORES } from '../../hooks/privacy/registry'
import { TEST_SECRET } from '../helpers/payload'

/**
 * AVG art. 30, Decision 19: the records of processing are generated from the configuration (the
 * registry's stores, each field's label and access rules) and the settings, never kept by hand.
 */
let config: SanitizedConfig
let records: RecordOfProcessing[]
const SETTINGS = { retentionYears: 2, accessLogYears: 1 }
const byId = (id: string) => records.find((r) => r.id === id)

beforeAll(async () => {
  config = restrictPayloadCollections(await buildConfig(configFor(parseEnv({ PAYLOAD_SECRET: TEST_SECRET }))))
  records = await recordsOfProcessing(config, SETTINGS)
}, 60_000)

/** The configuration with one collection changed. */
const withCollection = (
  slug: string,
  change: (c: SanitizedConfig['collections'][number]) => SanitizedConfig['collections'][number],
) => ({ ...config, collections: config.collections.map((c) => (c.slug === slug ? change(c) : c)) })

describe('AVG art. 30: the records of processing, from the configuration', () => {
  it('one entry per store of the registry, with the collection’s Dutch name and each field’s Dutch label', () => {
    expect(records.map((r) => r.id)).toEqual(PERSONAL_DATA_STORES.map((s) => s.id))
    expect(byId('outbox.message')?.collectionName).toBe('Uitgaande e-mail')
    expect(byId('outbox.message')?.fields.map((f) => f.label)).toEqual([
      'Aan',
      'Cc',
      'Antwoord naar',
      'Onderwerp',
      'Tekst',
      'HTML',
      'Bijlagen',
    ])
    expect(byId('complaint.complainant')?.fields.map((f) => f.label)).toEqual([
      'Klager',
      'Naam van de cliënt',
      'Toestemming privacyverklaring',
    ])
    expect(byId('attachments.files')?.files).toBe(true)
  })

  it('fails when a store names a field the configuration does not have (the control: the real one passes)', async () => {
    const withoutHtml = withCollection('outbox', (c) => ({
      ...c,
      fields: c.fields.filter((f) => !('name' in f) || f.name !== 'html'),
    }))
    await expect(recordsOfProcessing(withoutHtml, SETTINGS)).rejects.toThrow(
      'store "outbox.message" names "html", not a field of "outbox"',
    )
    const typo = PERSONAL_DATA_STORES.map((s) =>
      s.id === 'complaint.uwvLabourExpert' ? { ...s, fields: ['uwvLabourExpert.naam'] } : s,
    )
    await expect(recordsOfProcessing(config, SETTINGS, typo)).rejects.toThrow('names "uwvLabourExpert.naam"')
    const nested = PERSONAL_DATA_STORES.map((s) =>
      s.id === 'complaint.uwvLabourExpert' ? { ...s, fields: ['uwvLabourExpert.email'] } : s,
    )
    const found = (await recordsOfProcessing(config, SETTINGS, nested)).find(
      (r) => r.id === 'complaint.uwvLabourExpert',
    )
    expect(found?.fields.map((f) => f.label)).toEqual(['Arbeidsdeskundige UWV voor deze zaak › E-mailadres'])
  })

  it('Decision 15: who reads it comes from the access rules — the assigned handler and managers, never the admin', () => {
    for (const id of ['complaint.complainant', 'complaint.content', 'outbox.message', 'attachments.files']) {
      expect(byId(id)?.readersFrom, id).toBe('access')
      expect(byId(id)?.readers, id).toEqual([
        'Manager',
        'Klachtbehandelaar (alleen de zaken die aan hem of haar zijn toegewezen)',
      ])
    }
    expect(byId('accessLog.entry')?.readers).toEqual(['Manager'])
    expect(byId('jobs.input')?.readers).toEqual(['Niemand via het portaal: alleen het systeem zelf'])
    expect(byId('users.account')?.readers).toEqual([
      'Beheerder',
      'Manager',
      'Klachtbehandelaar',
      'Redacteur (alleen het eigen account)',
    ])
  })

  it('a changed access rule changes the records: they are computed, not kept by hand', async () => {
    const adminsToo = withCollection('access-log', (c) => ({ ...c, access: { ...c.access, read: () => true } }))
    const changed = (await recordsOfProcessing(adminsToo, SETTINGS)).find((r) => r.id === 'accessLog.entry')
    expect(changed?.readers).toEqual(['Beheerder', 'Manager', 'Klachtbehandelaar', 'Redacteur'])
  })

  it('Decision 19: the terms in words, with the current settings ("1 jaar", "2 jaar", 30 days after delivery)', async () => {
    expect(byId('complaint.complainant')?.term).toMatch(/^2 jaar na het afsluiten van de klacht/)
    expect(byId('accessLog.entry')?.term).toBe('1 jaar na de raadpleging.')
    expect(byId('outbox.message')?.term).toMatch(/^De tekst, HTML en bijlagen: 30 dagen na bezorging;/)
    expect(byId('outbox.message')?.term).toContain('De rest (zoals de ontvangers): 2 jaar na het afsluiten')
    const longer = await recordsOfProcessing(config, { retentionYears: 7, accessLogYears: 3 })
    expect(longer.find((r) => r.id === 'letters.files')?.term).toMatch(/^7 jaar na het afsluiten/)
    expect(longer.find((r) => r.id === 'accessLog.entry')?.term).toBe('3 jaar na de raadpleging.')
  })
})
