import { describe, expect, it } from 'vitest'

import { EntryNames } from '../../hooks/privacy/dossierParts'

describe('AVG art. 15: names inside the dossier ZIP', () => {
  it('two files of the same name (also differing only in case) both stay, numbered', () => {
    const names = new EntryNames()
    expect(names.add('bijlagen', 'foto.png')).toBe('bijlagen/foto.png')
    expect(names.add('bijlagen', 'foto.png')).toBe('bijlagen/foto (2).png')
    expect(names.add('bijlagen', 'FOTO.png')).toBe('bijlagen/FOTO (3).png')
    // The same name in another folder is another file.
    expect(names.add('brieven', 'foto.png')).toBe('brieven/foto.png')
  })

  it('a name never leaves its folder and keeps its letters (Łukasz)', () => {
    const names = new EntryNames()
    expect(names.add('bijlagen', '../../etc/passwd')).toBe('bijlagen/-..-etc-passwd')
    expect(names.add('bijlagen', 'verslag Łukasz.pdf')).toBe('bijlagen/verslag Łukasz.pdf')
    expect(names.add('bijlagen', '')).toBe('bijlagen/bestand')
  })
})
