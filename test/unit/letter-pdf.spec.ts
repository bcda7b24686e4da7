import { execFile } from 'node:child_process'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'

import { type LetterInput, renderLetterPdf, toWinAnsi } from '../../hooks/letters/renderLetterPdf'
import { pdfPages, pdfToText, pdfWordBoxes, squash } from '../helpers/pdfText'

const lettersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/letters')

/** 14 March 2026, 09:30 in Amsterdam. */
const date = new Date('2026-03-14T08:30:00Z')

const parts = [
  {
    heading: 'Uw klacht',
    text: 'U schreef ons op 11 maart 2026 dat uw coach twee afspraken niet is nagekomen en u daarover niet is geïnformeerd. U vindt dat u daardoor een maand vertraging hebt opgelopen bij het zoeken naar werk.',
  },
  {
    heading: 'Wie behandelt uw klacht?',
    text: 'Uw klacht wordt behandeld door mevrouw A. de Wit. Zij heeft niets met uw klacht te maken gehad (artikel 4 van ons klachtenreglement).\n\nU mag het dossier van uw klacht altijd inzien. Vraag daar gerust naar.',
  },
  {
    heading: 'Wanneer hoort u van ons?',
    text: 'U krijgt ons besluit uiterlijk op 8 april 2026. De klacht kan gegrond of ongegrond worden verklaard.\n- Lukt het niet om op tijd te beslissen, dan laten wij u dat vóór die datum weten, met de reden.\n- Ons besluit komt nooit later dan 22 april 2026.',
  },
]

const base: LetterInput = {
  sender: { organisationName: 'Working Progression' },
  addressee: { name: 'De heer J. Jansen', street: 'Kerkstraat 12', postalCode: '1017 GB', city: 'Amsterdam' },
  date,
  reference: 'WP-2026-0007',
  subject: 'Ontvangstbevestiging van uw klacht',
  salutation: 'Geachte heer Jansen,',
  parts,
  closing: 'Met vriendelijke groet,',
  signatory: 'A. de Wit\nKlachtbehandelaar',
}

const filledSender = {
  organisationName: 'Working Progression',
  street: 'Stationsplein 45',
  postalCode: '3511 ED',
  city: 'Utrecht',
  phone: '030 123 45 67',
  email: 'klachten@workingprogression.nl',
}

const longParagraph =
  'Wij hebben alle stukken van uw dossier opnieuw gelezen en met de betrokken medewerkers gesproken. ' +
  'Daarbij hebben wij gekeken naar wat er is afgesproken, wat er is gebeurd en hoe daarover met u is gecommuniceerd. ' +
  'Wij beoordelen dat aan de hand van de normen van behoorlijk bestuur.'
const longLetter: LetterInput = {
  ...base,
  subject: 'Besluit op uw klacht over de begeleiding door uw coach in de periode januari tot en met maart 2026',
  parts: Array.from({ length: 6 }, (_, i) => ({
    heading: `Onderdeel ${i + 1}`,
    text: Array.from({ length: 5 }, (_, j) => `Alinea ${i + 1}.${j + 1}. ${longParagraph}`).join('\n\n'),
  })),
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount()
}

describe('renderLetterPdf: a short letter (Art. 5 acknowledgement)', () => {
  let bytes: Uint8Array
  let text: string
  beforeAll(async () => {
    bytes = await renderLetterPdf(base)
    text = await pdfToText(bytes)
  })

  it('is a one-page A4 PDF', async () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    const { width, height } = doc.getPage(0).getSize()
    expect([Math.round(width * 100) / 100, Math.round(height * 100) / 100]).toEqual([595.28, 841.89])
    expect(pdfPages(text)).toHaveLength(1)
    expect(text).not.toMatch(/Pagina \d/)
  })

  it('carries the date in Dutch (Europe/Amsterdam), the reference and the subject', () => {
    expect(text).toContain('Datum: 14 maart 2026')
    expect(text).toContain('Kenmerk: WP-2026-0007')
    expect(text).toContain('Onderwerp: Ontvangstbevestiging van uw klacht')
  })

  it('uses the Amsterdam calendar day, not the UTC one', async () => {
    const lateEvening = await pdfToText(await renderLetterPdf({ ...base, date: new Date('2026-03-14T23:30:00Z') }))
    expect(lateEvening).toContain('Datum: 15 maart 2026')
  })

  it('addresses the complainant with name, street and postcode plus place', () => {
    expect(text).toContain('De heer J. Jansen')
    expect(text).toContain('Kerkstraat 12')
    expect(text).toMatch(/1017 GB\s+Amsterdam/)
  })

  it('prints salutation, each part’s heading and text in order, closing and signatory', () => {
    const flat = squash(text)
    const expected = [
      'Geachte heer Jansen,',
      ...parts.flatMap((p) => [p.heading, ...p.text.split(/\n+/).map(squash)]),
      'Met vriendelijke groet,',
      'Working Progression',
      'A. de Wit',
      'Klachtbehandelaar',
    ]
    let from = 0
    for (const piece of expected) {
      const at = flat.indexOf(piece, from)
      expect(at, `"${piece}" after position ${from}`).toBeGreaterThanOrEqual(0)
      from = at + piece.length
    }
    expect(flat).toContain('geïnformeerd')
    expect(flat).toContain('vóór die datum')
  })

  it('Decision 14: shows only the organisation’s name while its address, phone and e-mail are not filled in', () => {
    expect(text).toContain('Working Progression')
    expect(text).not.toMatch(/Telefoon|E-mail|Stationsplein|Utrecht/)
  })

  it('sets the metadata: title = subject, Dutch language, author and creator = organisation, creation date = letter date', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false })
    expect(doc.getTitle()).toBe('Ontvangstbevestiging van uw klacht')
    expect(doc.getAuthor()).toBe('Working Progression')
    expect(doc.getCreator()).toBe('Working Progression')
    expect(doc.getCreationDate()?.toISOString()).toBe(date.toISOString())
    const lang = doc.catalog.lookup(PDFName.of('Lang'))
    expect(lang instanceof PDFString ? lang.decodeText() : lang?.toString()).toBe('nl-NL')
  })

  it('gives the same bytes for the same letter', async () => {
    expect(Buffer.from(await renderLetterPdf(base)).equals(Buffer.from(bytes))).toBe(true)
  })
})

describe('renderLetterPdf: the sender block (Decision 14)', () => {
  it('shows address, phone and e-mail once they are filled in', async () => {
    const text = await pdfToText(await renderLetterPdf({ ...base, sender: filledSender }))
    expect(text).toContain('Stationsplein 45')
    expect(text).toMatch(/3511 ED\s+Utrecht/)
    expect(text).toContain('Telefoon 030 123 45 67')
    expect(text).toContain('E-mail klachten@workingprogression.nl')
  })

  it('leaves out each line that is empty or blank', async () => {
    const text = await pdfToText(
      await renderLetterPdf({ ...base, sender: { ...filledSender, street: '  ', postalCode: null, phone: '' } }),
    )
    expect(text).toContain('Utrecht')
    expect(text).toContain('E-mail klachten@workingprogression.nl')
    expect(text).not.toMatch(/Stationsplein|3511 ED|Telefoon/)
  })
})

describe('renderLetterPdf: the addressee', () => {
  it('prints the e-mail address only when there is no postal address', async () => {
    const withPost = await pdfToText(await renderLetterPdf({ ...base, addressee: { ...base.addressee, email: 'j.jansen@example.nl' } }))
    expect(withPost).not.toContain('j.jansen@example.nl')
    const mailOnly = await pdfToText(await renderLetterPdf({ ...base, addressee: { name: 'J. Jansen', email: 'j.jansen@example.nl' } }))
    expect(mailOnly).toContain('j.jansen@example.nl')
  })
})

describe('renderLetterPdf: a long letter', () => {
  let bytes: Uint8Array
  let pages: string[]
  beforeAll(async () => {
    bytes = await renderLetterPdf(longLetter)
    pages = pdfPages(await pdfToText(bytes))
  })

  it('flows onto further pages, numbered "Pagina i van N"', async () => {
    const n = await pageCount(bytes)
    expect(n).toBeGreaterThanOrEqual(2)
    expect(pages).toHaveLength(n)
    pages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} van ${n}`))
  })

  it('repeats the reference at the top of the following pages', () => {
    for (const page of pages.slice(1)) expect(page.trimStart().startsWith('Kenmerk: WP-2026-0007')).toBe(true)
  })

  it('loses no paragraph and keeps their order across page breaks', () => {
    const flat = squash(pages.join(' ').replace(/Pagina \d+ van \d+|Kenmerk: WP-2026-0007/g, ' '))
    let from = 0
    for (const part of longLetter.parts) {
      for (const paragraph of part.text.split('\n\n')) {
        const at = flat.indexOf(paragraph, from)
        expect(at, paragraph.slice(0, 20)).toBeGreaterThanOrEqual(0)
        from = at + paragraph.length
      }
    }
    expect(flat.indexOf('A. de Wit', from)).toBeGreaterThan(0)
  })

  it('wraps the long subject within the text width', () => {
    expect(squash(pages[0] ?? '')).toContain(`Onderwerp: ${longLetter.subject}`)
  })
})

describe('renderLetterPdf: text outside Helvetica’s WinAnsi range', () => {
  it('does not crash on Turkish, Polish and emoji; keeps Dutch letters as they are', async () => {
    const bytes = await renderLetterPdf({
      ...base,
      addressee: { ...base.addressee, name: 'Ğüñtér Łukasz 😀' },
      subject: 'Klacht van Łukasz 😀',
      salutation: 'Beste Ğüñtér,',
      parts: [{ text: 'Zoë en Chloë: “één” ’s avonds. Ĳsselmeer — ﬁets 👍🏽 done.' }],
    })
    const text = await pdfToText(bytes)
    expect(text).toContain('Güñtér Lukasz ?')
    expect(text).toContain('Beste Güñtér,')
    expect(squash(text)).toContain('Zoë en Chloë: “één” ’s avonds. IJsselmeer — fiets ? done.')
    // The metadata is UTF-16 and keeps the original.
    expect((await PDFDocument.load(bytes, { updateMetadata: false })).getTitle()).toBe('Klacht van Łukasz 😀')
  })

  it.each([
    ['ğ ş ı', 'g s i'],
    ['Łódź', 'Lódz'],
    ['😀', '?'],
    ['👨‍👩‍👧', '?'],
    ['a\tb\u200bc', 'a bc'],
    ['ĳ', 'ij'],
    ['e\u0301', 'é'],
    ['ë é ï € ’ “ ” …', 'ë é ï € ’ “ ” …'],
  ])('%s → %s', async (input, output) => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    expect(toWinAnsi(input, new Set(font.getCharacterSet()))).toBe(output)
  })
})

describe('renderLetterPdf: word wrapping', () => {
  it('breaks a word longer than a line instead of running off the page', async () => {
    const long = `https://www.workingprogression.nl/${'klachtenreglement-'.repeat(8)}einde`
    const text = await pdfToText(await renderLetterPdf({ ...base, parts: [{ text: `Zie ${long} voor meer.` }] }))
    expect(text.replace(/\s+/g, '')).toContain(long)
    const longest = Math.max(...text.split('\n').map((line) => line.trim().length))
    expect(longest).toBeLessThan(long.length)
  })
})

describe('renderLetterPdf: margins', () => {
  it('keeps every word of a long letter with a long URL within the 2.5 cm margins of A4', async () => {
    const margin = (25 * 72) / 25.4
    const url = `https://www.workingprogression.nl/${'klachtenreglement-'.repeat(8)}einde`
    const boxes = await pdfWordBoxes(
      await renderLetterPdf({ ...longLetter, sender: filledSender, parts: [{ heading: 'Zie ook', text: `Lees ${url} eerst.` }, ...longLetter.parts] }),
    )
    expect(boxes.length).toBeGreaterThan(500)
    const outside = boxes.filter((b) => b.xMin < margin - 0.5 || b.xMax > 595.28 - margin + 0.5)
    expect(outside).toEqual([])
    // Only the page numbers sit in the bottom margin; only the repeated reference in the top one.
    const bottom = boxes.filter((b) => b.yMax > 841.89 - margin + 3).map((b) => b.word)
    expect(new Set(bottom)).toEqual(new Set(['Pagina', 'van', ...bottom.filter((w) => /^\d+$/.test(w))]))
    const top = boxes.filter((b) => b.page > 1 && b.yMin < margin - 3).map((b) => b.word)
    expect(new Set(top)).toEqual(new Set(['Kenmerk:', 'WP-2026-0007']))
  })
})

describe('renderLetterPdf: a sample for the eye', () => {
  it('renders as one PNG per page with pdftoppm (written to test-results/letters/)', async () => {
    await rm(lettersDir, { recursive: true, force: true })
    await mkdir(lettersDir, { recursive: true })
    for (const [name, letter] of [
      ['short', { ...base, sender: filledSender }],
      ['long', { ...longLetter, sender: filledSender }],
    ] as const) {
      const bytes = await renderLetterPdf(letter)
      const file = path.join(lettersDir, `${name}.pdf`)
      await writeFile(file, bytes)
      await promisify(execFile)('pdftoppm', ['-png', '-r', '80', file, path.join(lettersDir, name)])
      const pngs = (await readdir(lettersDir)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      expect(pngs).toHaveLength(await pageCount(bytes))
    }
  })
})
