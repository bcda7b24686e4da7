'use client'

import { useRowLabel } from '@payloadcms/ui'

type ArticleRow = { number?: number | null; title?: string | null }

/** Shows "Artikel 5: Administratieve intake" on a collapsed article row instead of "Artikel 05". */
export function ArticleRowLabel() {
  const { data, rowNumber } = useRowLabel<ArticleRow>()
  const number = data?.number ?? (rowNumber ?? 0) + 1
  return <span>{data?.title ? `Artikel ${number}: ${data.title}` : `Artikel ${number}`}</span>
}
