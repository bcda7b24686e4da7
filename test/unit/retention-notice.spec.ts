import { describe, expect, it } from 'vitest'

import { retentionSentences, yearsInWords } from '../../site/lib/retention'

/** Decisions 13, 19: the privacy notice on the site states the retention term of the settings, not a fixed text. */
describe('Decision 19: the privacy notice says how long, from the setting retentionYears', () => {
  it.each([
    [1, 'Eén jaar daarna maken wij uw persoonsgegevens onherkenbaar.'],
    [2, 'Twee jaar daarna maken wij uw persoonsgegevens onherkenbaar.'],
    [7, 'Zeven jaar daarna maken wij uw persoonsgegevens onherkenbaar.'],
    [20, 'Twintig jaar daarna maken wij uw persoonsgegevens onherkenbaar.'],
  ])('%i year(s): "%s"', (years, sentence) => {
    const text = retentionSentences(years)
    expect(text).toBe(
      `Als uw klacht is afgehandeld, sluiten wij het dossier. ${sentence} Wat overblijft zijn alleen cijfers zonder namen, voor ons verslag over klachten.`,
    )
  })

  it('"jaar" in the singular after every number, in words up to twenty', () => {
    expect([1, 2, 12, 25].map(yearsInWords)).toEqual(['één jaar', 'twee jaar', 'twaalf jaar', '25 jaar'])
  })

  it('without the setting (the CMS never reached) it names no number rather than a wrong one', () => {
    for (const missing of [undefined, null]) {
      const text = retentionSentences(missing)
      expect(text).toContain('Na een vaste bewaartermijn maken wij uw persoonsgegevens onherkenbaar.')
      expect(text).not.toMatch(/jaar/)
    }
  })
})
