import { isValid, parse } from 'date-fns'
import { nl } from 'date-fns/locale/nl'
import { buildConfig, type DateField, type Field } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { dateFields, DATE_FORMAT, DATE_TIME_FORMAT, dutchDate } from '../../collections/fields/dutchDate'
import { configFor, restrictPayloadCollections } from '../../cms/config'
import { parseEnv } from '../../cms/env'
import { dutchOverrides } from '../../cms/translations'
import { TEST_SECRET } from '../helpers/payload'

/**
 * Dates a Dutch handler reads correctly (Art. 5, 7: the deadlines are dates the handler acts on):
 * "1 december 2026, 14:30", never "12/01/2026" (read as 12 January) or "7:48 PM". Payload's picker
 * falls back to an English format per field, so each date field must carry the portal's own.
 */

type Entity = { slug: string; fields: Field[] }
const env = parseEnv({ PAYLOAD_SECRET: TEST_SECRET })
const ownConfig = configFor(env)
let built: { collections: Entity[]; globals: Entity[] }

beforeAll(async () => {
  built = restrictPayloadCollections(await buildConfig(configFor(env)))
}, 60_000)

const everyDateField = (entities: readonly Entity[]): [string, DateField][] =>
  entities.flatMap((entity) =>
    [...dateFields(entity.fields)].map((field): [string, DateField] => [`${entity.slug}.${field.name}`, field]),
  )

const appearanceOf = (field: DateField) =>
  field.admin?.date?.pickerAppearance === 'dayAndTime' ? 'dayAndTime' : 'dayOnly'

/** What react-datepicker 7 does with a list of formats: tries each, keeps the last valid date after 1800. */
const typed = (value: string, formats: string[]): Date | null => {
  let parsed: Date | null = null
  for (const format of formats) {
    const date = parse(value, format, new Date(2026, 0, 1), { locale: nl })
    if (isValid(date) && date.getFullYear() >= 1800) parsed = date
  }
  return parsed
}

describe('every date in the admin reads Dutch', () => {
  it('every date field of every collection and global of the built configuration uses the Dutch format, Payload’s own included', () => {
    const fields = everyDateField([...built.collections, ...built.globals])
    // The walk reaches nested fields: a group (deadlines), a row in a tab (the hearing), an array
    // (a correction's date), Payload's timestamps, a session's expiry and a job's times.
    expect(fields.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        'complaints.acknowledgeBy',
        'complaints.at',
        'complaints.receivedAt',
        'complaints.createdAt',
        'users.expiresAt',
        'payload-jobs.waitUntil',
        'regulation.validFrom',
      ]),
    )
    const wrong = fields.filter(([, field]) => {
      const date = field.admin?.date
      return JSON.stringify(date) !== JSON.stringify(dutchDate(appearanceOf(field)))
    })
    expect(wrong.map(([path, field]) => [path, field.admin?.date?.displayFormat])).toEqual([])
  })

  it('our own date fields carry the helper themselves, not only through the pass over the built configuration', () => {
    const own = everyDateField([...(ownConfig.collections ?? []), ...(ownConfig.globals ?? [])] as Entity[])
    expect(own.length).toBeGreaterThan(30)
    const without = own.filter(
      ([, field]) => JSON.stringify(field.admin?.date) !== JSON.stringify(dutchDate(appearanceOf(field))),
    )
    expect(without.map(([path]) => path)).toEqual([])
  })

  it('the admin’s own dates (lists, the sidebar’s "last changed") use the Dutch format, and Dutch is the fallback language', () => {
    expect(ownConfig.admin?.dateFormat).toBe('d MMMM yyyy, HH:mm')
    expect(ownConfig.i18n?.fallbackLanguage).toBe('nl')
    expect(ownConfig.i18n?.supportedLanguages?.nl?.dateFNSKey).toBe('nl')
    expect(ownConfig.i18n?.translations).toEqual({ nl: dutchOverrides })
  })

  it('a date shows as "1 december 2026", a date and time as "1 december 2026, 14:30", with the time picker headed "Tijd"', () => {
    expect(dutchDate()).toMatchObject({ pickerAppearance: 'dayOnly', displayFormat: DATE_FORMAT })
    expect(dutchDate('dayAndTime')).toMatchObject({
      pickerAppearance: 'dayAndTime',
      displayFormat: DATE_TIME_FORMAT,
      timeFormat: 'HH:mm',
      overrides: { timeCaption: 'Tijd' },
    })
    // The first format of the list is the one the picker shows.
    expect((dutchDate('dayAndTime').overrides?.dateFormat as string[])[0]).toBe(DATE_TIME_FORMAT)
  })

  it.each([
    ['1 december 2026', 'dayOnly', new Date(2026, 11, 1)],
    ['1 dec. 2026', 'dayOnly', new Date(2026, 11, 1)],
    ['1-12-2026', 'dayOnly', new Date(2026, 11, 1)],
    ['01-12-2026', 'dayOnly', new Date(2026, 11, 1)],
    ['1 december 2026, 14:30', 'dayAndTime', new Date(2026, 11, 1, 14, 30)],
    ['1 december 2026 14:30', 'dayAndTime', new Date(2026, 11, 1, 14, 30)],
    ['1-12-2026 09:05', 'dayAndTime', new Date(2026, 11, 1, 9, 5)],
    ['1 december 2026', 'dayAndTime', new Date(2026, 11, 1)],
  ] as const)('typed "%s" into a %s picker is that day, never 12 January', (value, appearance, expected) => {
    const formats = dutchDate(appearance).overrides?.dateFormat as string[]
    expect(typed(value, formats)?.toISOString()).toBe(expected.toISOString())
  })

  it('an American date is not read as a Dutch one', () => {
    expect(typed('12/01/2026', dutchDate().overrides?.dateFormat as string[])).toBeNull()
  })
})
