import { describe, expect, it } from 'vitest'

import { LETTER_FILE_NAMES, letterFileName } from '../../hooks/letters/fileName'
import { LETTER_KINDS } from '../../hooks/letters/kinds'

/** The complainant and staff see a letter's file name in the e-mail and the dossier: it is Dutch, as the letter is. */
describe('letter file names', () => {
  it('Art. 8: the decision of WP-2026-0007 sent on 1 December is WP-2026-0007-2026-12-01-beslissing.pdf', () => {
    expect(letterFileName('WP-2026-0007', 'decision', new Date('2026-12-01T10:00:00Z'))).toBe(
      'WP-2026-0007-2026-12-01-beslissing.pdf',
    )
  })

  it('the day is the day in Amsterdam: a letter made at 00:30 on 1 December (23:30 UTC the day before) is of 1 December', () => {
    expect(letterFileName('WP-2026-0007', 'receipt', new Date('2026-11-30T23:30:00Z'))).toBe(
      'WP-2026-0007-2026-12-01-ontvangst.pdf',
    )
  })

  it.each(LETTER_KINDS)('%s has a Dutch file name without the English API name', (kind) => {
    const name = letterFileName('WP-2026-0007', kind, new Date('2026-12-01T10:00:00Z'))
    expect(name).toMatch(/^WP-2026-0007-2026-12-01-[a-z-]+\.pdf$/)
    expect(name).not.toContain(kind.replace(/_/g, '-'))
    expect(name).not.toMatch(
      /receipt|acknowledg|decision|notice|hearing|withdrawal|written|report|confirmation|agreements/,
    )
    expect(LETTER_FILE_NAMES[kind]).toMatch(/^[a-z]+(-[a-z]+)*$/)
  })
})
