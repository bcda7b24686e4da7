import type { DateField, Field } from 'payload'

/**
 * Dates as a Dutch handler reads them: "1 december 2026", "1 december 2026, 14:30" — never
 * "12/01/2026" (which a Dutch reader takes for 12 January) and never AM/PM. Month names come from
 * the admin's date-fns locale (`nl`, the Dutch translation's `dateFNSKey`).
 */
export const DATE_FORMAT = 'd MMMM yyyy'
export const TIME_FORMAT = 'HH:mm'
export const DATE_TIME_FORMAT = `${DATE_FORMAT}, ${TIME_FORMAT}`

/**
 * What a picker also accepts when typed (react-datepicker tries each; the first is what it shows):
 * "1 december 2026", "1 dec. 2026" and "1-12-2026", with or without a time for a date-and-time field.
 */
const typedFormats = (withTime: boolean): string[] => {
  const dates = [DATE_FORMAT, 'd MMM yyyy', 'd-M-yyyy']
  return withTime
    ? [...dates.map((date) => `${date}, ${TIME_FORMAT}`), ...dates.map((date) => `${date} ${TIME_FORMAT}`), ...dates]
    : dates
}

type DateAdmin = NonNullable<NonNullable<DateField['admin']>['date']>

/**
 * The `admin.date` of every date field (tested over the whole built configuration,
 * test/unit/dutch-dates.spec.ts): Payload's picker falls back to an English format per field, so
 * each field must carry this one.
 */
export function dutchDate(appearance: 'dayOnly' | 'dayAndTime' = 'dayOnly'): DateAdmin {
  const withTime = appearance === 'dayAndTime'
  const displayFormat = withTime ? DATE_TIME_FORMAT : DATE_FORMAT
  return {
    pickerAppearance: appearance,
    displayFormat,
    timeFormat: TIME_FORMAT,
    timeIntervals: 15,
    overrides: {
      timeCaption: 'Tijd',
      dateFormat: [displayFormat, ...typedFormats(withTime).filter((format) => format !== displayFormat)],
    },
  }
}

/** Every date field in a list of fields, also inside groups, rows, collapsibles, arrays, blocks and tabs. */
export function* dateFields(fields: readonly Field[]): Generator<DateField> {
  for (const field of fields) {
    if (field.type === 'date') yield field
    if ('fields' in field && Array.isArray(field.fields)) yield* dateFields(field.fields)
    if (field.type === 'tabs') for (const tab of field.tabs) yield* dateFields(tab.fields)
    if (field.type === 'blocks')
      for (const block of field.blocks) if (typeof block !== 'string') yield* dateFields(block.fields)
  }
}

/**
 * Payload's own date fields (`createdAt`, `updatedAt`, a session's expiry, a job's times) come without
 * a display format of their own: they get the Dutch one too, once the configuration is built.
 */
export function giveDatesDutchFormat(entities: readonly { fields: Field[] }[]): void {
  for (const entity of entities)
    for (const field of dateFields(entity.fields))
      if (!field.admin?.date?.displayFormat)
        field.admin = {
          ...field.admin,
          date: dutchDate(field.admin?.date?.pickerAppearance === 'dayOnly' ? 'dayOnly' : 'dayAndTime'),
        }
}
