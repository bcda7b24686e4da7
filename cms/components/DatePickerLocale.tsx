'use client'

import { useTranslation } from '@payloadcms/ui'
import { enUS } from 'date-fns/locale/en-US'
import { nl } from 'date-fns/locale/nl'
import type { ReactNode } from 'react'
import { registerLocale, setDefaultLocale } from 'react-datepicker'

/**
 * The month names in every date input of the admin ("2 december 2026, 05:15", not "2 December").
 * Payload 3.90's DatePicker hands react-datepicker no `locale`: react-datepicker formats the input's
 * value while it renders, with its global default locale, and Payload sets that default in an
 * effect — after the render. A picker that renders last on its page (a read-only date, or a picker
 * whose code arrives after the form, as on a frozen report's page) is not rendered again, and
 * keeps the English month of its first render. So the locales are registered when this module
 * loads, under the names Payload's picker uses (`getFormattedLocale`: nl → "nl", en → "enUS"),
 * and the admin's language is the default before any picker below this provider renders.
 */
registerLocale('nl', nl)
registerLocale('enUS', enUS)

const PICKER_LOCALE: Record<string, string> = { nl: 'nl', en: 'enUS' }

export function DatePickerLocale({ children }: { children?: ReactNode }): ReactNode {
  const { i18n } = useTranslation()
  // During render on purpose: the children's pickers format their value in this same render pass.
  setDefaultLocale(PICKER_LOCALE[i18n.language] ?? 'nl')
  return children
}
