/**
 * How long the complainant's data is kept, in the words of the privacy notice (Decisions 13, 19):
 * the term is the setting `retentionYears` of the CMS (public read), never a fixed text.
 */
const NUMBER_WORDS = [
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
  'twintig',
] as const

/** "twee jaar", "één jaar", "25 jaar": a number up to twenty in words (easier to read, B1); Dutch counts years in the singular. */
export function yearsInWords(years: number): string {
  const word = Number.isInteger(years) && years >= 1 ? NUMBER_WORDS[years - 1] : undefined
  return `${word ?? String(years)} jaar`
}

// "Eén" at the start of a sentence (Taalunie), not "Één".
const capitalised = (text: string) =>
  text.startsWith('één') ? `Eén${text.slice(3)}` : text.charAt(0).toUpperCase() + text.slice(1)

/**
 * The notice's answer to "Hoe lang?". Without the setting (the CMS was never reached) it names no
 * number rather than a wrong one; such a page is not kept in the page cache.
 */
export function retentionSentences(retentionYears: number | null | undefined): string {
  const after =
    typeof retentionYears === 'number' && retentionYears >= 1
      ? `${capitalised(yearsInWords(retentionYears))} daarna maken wij uw persoonsgegevens onherkenbaar.`
      : 'Na een vaste bewaartermijn maken wij uw persoonsgegevens onherkenbaar.'
  return `Als uw klacht is afgehandeld, sluiten wij het dossier. ${after} Wat overblijft zijn alleen cijfers zonder namen, voor ons verslag over klachten.`
}
