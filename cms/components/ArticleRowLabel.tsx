'use client'

import { useRowLabel, useTranslation } from '@payloadcms/ui'

type ArticleRow = { number?: number | null; title?: string | null }

/** Shows "Artikel 5: Administratieve intake" on a collapsed article row instead of "Artikel 05". */
export function ArticleRowLabel() {
  const { data, rowNumber } = useRowLabel<ArticleRow>()
  const { i18n } = useTranslation()
  const number = data?.number ?? (rowNumber ?? 0) + 1
  const article = `${i18n.language === 'en' ? 'Article' : 'Artikel'} ${number}`
  return <span>{data?.title ? `${article}: ${data.title}` : article}</span>
}
