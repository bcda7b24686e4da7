import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createHeadlessEditor } from '@lexical/headless'
import { ListItemNode, ListNode } from '@lexical/list'
import { $getRoot, $isElementNode, type LexicalNode, type SerializedEditorState as LexicalEditorState } from 'lexical'
import { describe, expect, it } from 'vitest'

import { parseRegulation } from '../../cms/seed/regulation/parseRegulation'
import { blocksToLexical, lexicalToPlainText } from '../../cms/seed/regulation/toLexical'
import type { Block, SerializedListItemNode } from '../../cms/seed/regulation/types'

// The repository's own copy of shared/seed/klachtenreglement.txt: the text the first start seeds.
const seedPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../cms/seed/regulation/klachtenreglement.txt',
)
const seedText = readFileSync(seedPath, 'utf8')
const seed = parseRegulation(seedText)

type ListCase = {
  part: 'text' | 'note'
  says: string
  ordered: boolean
  items: number
  /** 1-based item number → how many items are nested under it. */
  nested?: Record<number, number>
}

type ArticleCase = {
  number: number
  title: string
  /** The label exactly as in the seed; it must not end up in the parsed note. */
  noteLabel: string | null
  textStart: string
  noteStart: string | null
  lists: ListCase[]
}

const ARTICLES: ArticleCase[] = [
  {
    number: 1,
    title: 'Klachtrecht',
    noteLabel: 'Toelichting Klachtrecht:',
    textStart: 'Ieder heeft het recht om over de wijze',
    noteStart: 'Bij de opstelling van het klachtenreglement',
    lists: [],
  },
  {
    number: 2,
    title: 'Definitie klacht',
    noteLabel: 'Toelichting “Definitie klacht”',
    textStart: 'Onder een klacht wordt verstaan:',
    noteStart: 'De klachtenprocedure is voor de klager een middel',
    lists: [{ part: 'note', says: 'the note gives five kinds of complaint', ordered: false, items: 5 }],
  },
  {
    number: 3,
    title: 'Op schrift stellen klacht',
    noteLabel: 'Toelichting “Op schrift stellen klacht”:',
    textStart: 'Een klacht dient bij voorkeur schriftelijk',
    noteStart: 'Het is wenselijk de klacht schriftelijk te verwoorden',
    lists: [],
  },
  {
    number: 4,
    title: 'Toedeling verantwoordelijkheid',
    noteLabel: null,
    textStart: 'Klachten worden afgehandeld onder verantwoordelijkheid',
    noteStart: null,
    lists: [],
  },
  {
    number: 5,
    title: 'Administratieve intake',
    noteLabel: 'Toelichting “Administratieve intake”:',
    textStart: 'Uiterlijk binnen vijf dagen na het indienen',
    noteStart: 'Direct na het indienen van een schriftelijke klacht',
    lists: [{ part: 'text', says: 'the acknowledgement lists six parts', ordered: false, items: 6 }],
  },
  {
    number: 6,
    title: 'Begeleiding (inzien stukken / horen partijen)',
    noteLabel: 'Toelichting “Begeleiding (inzien stukken / horen partijen)”:',
    textStart: 'Klager en WORKING PROGRESSION nemen gezamenlijk',
    noteStart: 'Volledigheidshalve wordt benadrukt',
    lists: [
      { part: 'text', says: 'the handling has four numbered paragraphs', ordered: true, items: 4 },
      { part: 'note', says: 'a request to hear the parties serves three ends', ordered: false, items: 3 },
    ],
  },
  {
    number: 7,
    title: 'Termijnen',
    noteLabel: 'Toelichting “Termijnen”:',
    textStart: 'Voor de beantwoording van een in behandeling genomen klacht',
    noteStart: 'WORKING PROGRESSION heeft zichzelf een termijn van vier weken',
    lists: [],
  },
  {
    number: 8,
    title: 'Afhandeling',
    noteLabel: 'Toelichting “Afhandeling”',
    textStart: 'De beslissing op de klacht zal schriftelijk',
    noteStart: 'In het algemeen zal een klachtbegeleiding',
    lists: [
      {
        part: 'text',
        says: 'five numbered paragraphs, the four parts of a decision under 2 and the two grounds for non-admission under 5',
        ordered: true,
        items: 5,
        nested: { 2: 4, 5: 2 },
      },
      { part: 'note', says: 'the note lists two parts of behoorlijk bestuur', ordered: false, items: 2 },
    ],
  },
  {
    number: 9,
    title: 'Verantwoordingsinformatie',
    noteLabel: 'Toelichting “Verantwoordingsinformatie”:',
    textStart: 'Periodiek rapporteren de verantwoordelijke',
    noteStart: 'Periodieke managementrapportages',
    lists: [{ part: 'note', says: 'the report covers six items', ordered: false, items: 6 }],
  },
]

const TITLE_LINES = [
  'Working Progression',
  'Klachtenreglement Working Progression',
  'Klachtenreglement Working Progression',
]
// The only line in the seed that wraps: Art. 6 paragraph 2 continues on the next line.
const CONTINUATION_LINES = ['waarbij “hoor en wederhoor” zal worden toegepast.']

function normalise(line: string): string {
  return line.replace(/\s+/g, ' ').trim()
}

/** Paragraphs and list items as lines, nested items right after their parent item. */
function linesOf(blocks: Block[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'paragraph'
      ? [block.text]
      : block.items.flatMap((item) => [item.text, ...linesOf(item.children ?? [])]),
  )
}

function article(number: number) {
  const found = seed.articles.find((candidate) => candidate.number === number)
  if (!found) throw new Error(`Art. ${number} not parsed`)
  return found
}

function listsOf(blocks: Block[] | null): Extract<Block, { type: 'list' }>[] {
  return (blocks ?? []).flatMap((block) => (block.type === 'list' ? [block] : []))
}

function shapeOf(list: Extract<Block, { type: 'list' }>): Omit<ListCase, 'part' | 'says'> {
  const nested: Record<number, number> = {}
  list.items.forEach((item, index) => {
    const children = listsOf(item.children ?? [])
    if (children.length > 0) nested[index + 1] = children.reduce((sum, child) => sum + child.items.length, 0)
  })
  return { ordered: list.ordered, items: list.items.length, ...(Object.keys(nested).length > 0 ? { nested } : {}) }
}

describe('parseRegulation: the seed text of the Klachtenreglement', () => {
  it('every content line of the seed appears exactly once in the result, and nothing else does', () => {
    const seedLines = seedText
      .split(/\r?\n/)
      .map(normalise)
      .filter((line) => line !== '')
    expect(seedLines.slice(0, TITLE_LINES.length)).toEqual(TITLE_LINES)

    const headers = ARTICLES.map((entry) => `Artikel ${entry.number}: ${entry.title}`)
    const labels = ARTICLES.flatMap((entry) => (entry.noteLabel ? [entry.noteLabel] : []))
    const seenHeaders: string[] = []
    const seenLabels: string[] = []
    const expected: string[] = []
    for (const line of seedLines.slice(TITLE_LINES.length)) {
      // "Definities:" is a label like the note labels: the result holds it as the definitions' structure.
      if (line === 'Definities:') continue
      if (headers.includes(line)) {
        seenHeaders.push(line)
        continue
      }
      const label = labels.find((candidate) => line.startsWith(candidate))
      if (label) seenLabels.push(label)
      const content = (label ? line.slice(label.length).trim() : line).replace(/^(•|\d+\.) /, '')
      if (content === '') continue
      const previous = expected.pop()
      if (CONTINUATION_LINES.includes(content) && previous !== undefined) {
        expected.push(`${previous} ${content}`)
      } else {
        if (previous !== undefined) expected.push(previous)
        expected.push(content)
      }
    }
    expect(seenHeaders).toEqual(headers)
    expect(seenLabels).toEqual(labels)

    const actual = [
      seed.introductionHeading,
      ...linesOf(seed.introduction),
      ...seed.definitions.map(({ term, meaning }) => `${term}: ${meaning}`),
      seed.articlesHeading,
      ...seed.articles.flatMap((entry) => [...linesOf(entry.text), ...linesOf(entry.note ?? [])]),
    ]
    expect(expected.length).toBeGreaterThan(60)
    expect([...actual].sort()).toEqual([...expected].sort())
    // Stronger than the multiset: the order of the document is kept as well.
    expect(actual).toEqual(expected)
  })

  it('takes the title once from the duplicated title lines, then the introduction and its heading', () => {
    expect(seed.title).toBe('Klachtenreglement Working Progression')
    expect(seed.introductionHeading).toBe('Klachtenprocedure')
    expect(seed.introduction.map((block) => block.type)).toEqual(['paragraph', 'paragraph'])
    expect(linesOf(seed.introduction)[0]).toMatch(/^In de situatie dat een opdrachtgever, een cliënt van/)
    expect(linesOf(seed.introduction)[1]).toMatch(/^Het onderhavige klachtenreglement is specifiek/)
    expect(seed.articlesHeading).toBe('Het Klachtenreglement met de artikelsgewijze toelichting.')
  })

  it('Definitions: exactly the four terms with their meanings', () => {
    expect(seed.definitions).toEqual([
      {
        term: 'Opdrachtgever',
        meaning:
          'diegene die de opdracht(en) verstrekt aan WORKING PROGRESSION met betrekking tot de coaching van cliënten naar arbeid.',
      },
      {
        term: 'Cliënt',
        meaning: 'de cliënt die door opdrachtgever aan WORKING PROGRESSION ter begeleiding is gegeven.',
      },
      { term: 'Werkgever van cliënt', meaning: 'de werkgever waar cliënt een dienstverband mee aangaat.' },
      {
        term: 'Derden',
        meaning: 'diegenen die in opdracht van WORKING PROGRESSION werkzaamheden voor cliënten hebben verricht.',
      },
    ])
  })

  it('finds the nine articles in order', () => {
    expect(seed.articles.map(({ number, title }) => ({ number, title }))).toEqual(
      ARTICLES.map(({ number, title }) => ({ number, title })),
    )
  })

  describe.each(ARTICLES)('Art. $number: $title', (entry) => {
    it(`Art. ${entry.number}: the text starts with "${entry.textStart}"`, () => {
      expect(article(entry.number).title).toBe(entry.title)
      expect(linesOf(article(entry.number).text)[0]).toMatch(new RegExp(`^${escapeRegExp(entry.textStart)}`))
    })

    it(
      entry.noteStart === null
        ? `Art. ${entry.number}: has no note`
        : `Art. ${entry.number}: the note, without its label, starts with "${entry.noteStart}"`,
      () => {
        const note = article(entry.number).note
        if (entry.noteStart === null) {
          expect(note).toBeNull()
        } else {
          expect(linesOf(note ?? [])[0]).toMatch(new RegExp(`^${escapeRegExp(entry.noteStart)}`))
          expect(linesOf(note ?? []).some((line) => line.startsWith('Toelichting'))).toBe(false)
        }
      },
    )

    it(`Art. ${entry.number}: has ${entry.lists.length} list(s) at the top level of text and note`, () => {
      const { text, note } = article(entry.number)
      expect(listsOf(text).length).toBe(entry.lists.filter((list) => list.part === 'text').length)
      expect(listsOf(note).length).toBe(entry.lists.filter((list) => list.part === 'note').length)
    })
  })

  it.each(
    ARTICLES.flatMap((entry) =>
      entry.lists.map((list) => ({ ...list, number: entry.number, name: `Art. ${entry.number}: ${list.says}` })),
    ),
  )('$name', ({ number, part, ordered, items, nested }) => {
    const { text, note } = article(number)
    const lists = listsOf(part === 'text' ? text : note)
    expect(lists).toHaveLength(1)
    const [list] = lists
    if (!list) return
    expect(shapeOf(list)).toEqual({ ordered, items, ...(nested ? { nested } : {}) })
  })

  it('Art. 6: paragraph 2 continues on the next line and is joined with a space', () => {
    const [list] = listsOf(article(6).text)
    expect(list?.items.map((item) => item.text)[1]).toBe(
      'Op eigen verzoek van klager of op verzoek van WORKING PROGRESSION kan de klager zijn klacht mondeling ' +
        'toelichten, waarbij “hoor en wederhoor” zal worden toegepast.',
    )
  })

  it('Art. 8: the paragraph "In de schriftelijke beslissing …" after the list belongs to the article text', () => {
    const { text } = article(8)
    expect(text.map((block) => block.type)).toEqual(['list', 'paragraph'])
    expect(linesOf(text.slice(1))).toEqual([
      'In de schriftelijke beslissing zal klager er op worden gewezen dat hij zich kan wenden tot de Arbeidsdeskundige ' +
        'van het UWV indien naar het oordeel van de klager de klacht niet naar behoren is behandeld. De klager zal ' +
        'worden gewezen op de klachtregeling van het UWV.',
    ])
  })

  it('Art. 9: the note ends with the list, its last bullet "Tevens zal een klacht …" stays a list item', () => {
    const note = article(9).note ?? []
    const last = note[note.length - 1]
    expect(last?.type).toBe('list')
    if (last?.type !== 'list') return
    expect(last.items[last.items.length - 1]?.text).toBe(
      'Tevens zal een klacht te allen tijde worden gemeld aan de arbeidsdeskundige van het UWV en zal de klacht ' +
        'worden opgenomen in het dossier.',
    )
  })

  it.each([
    { number: 6, fragment: 'de stukken door die op op de zaak betrekking hebben' },
    { number: 8, fragment: 'draagt de in artikel 5.1. aangegeven contactpersoon' },
    { number: 6, fragment: 'waarbij “hoor en wederhoor” zal' },
    { number: 2, fragment: 'Overige manco’s in de dienstverlening over het algemeen' },
    { number: 7, fragment: 'niet in behandeling worden genomen op één van de gronden als bedoeld in artikel 8.5' },
    { number: 1, fragment: 'd.d. 12 maart 1999. (M 99. 022) en is bestemd' },
  ])('Art. $number: keeps the wording verbatim: "$fragment"', ({ number, fragment }) => {
    const { text, note } = article(number)
    expect([...linesOf(text), ...linesOf(note ?? [])].join('\n')).toContain(fragment)
  })
})

describe('parseRegulation: robustness', () => {
  it('gives the same result for CRLF line endings and trailing whitespace', () => {
    expect(parseRegulation(seedText.replace(/\r?\n/g, ' \t\r\n'))).toEqual(seed)
  })

  it('throws a clear error when the "Definities:" line is missing', () => {
    expect(() => parseRegulation(seedText.replace('Definities:', ''))).toThrow(/"Definities:" was not found/)
  })

  it('throws a clear error when an article is missing', () => {
    expect(() => parseRegulation(seedText.replace('Artikel 9: Verantwoordingsinformatie', ''))).toThrow(
      /expected 9 articles .*found 8/,
    )
  })

  it('throws a clear error when the articles are not numbered 1 to 9', () => {
    expect(() => parseRegulation(seedText.replace('Artikel 5:', 'Artikel 10:'))).toThrow(
      /article 5 expected, found "Artikel 10"/,
    )
  })

  it('throws a clear error when a numbered paragraph is skipped', () => {
    expect(() => parseRegulation(seedText.replace('3. De beslissing houdt in', '7. De beslissing houdt in'))).toThrow(
      /Art\. 8 text: item 3 expected/,
    )
  })

  it('throws instead of dropping an unknown line above the title', () => {
    expect(() => parseRegulation(`Concept\n${seedText}`)).toThrow(/unexpected line before the title: "Concept"/)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Loads the JSON into a real Lexical editor with the list nodes Payload registers, lets Lexical's own node transforms
 * normalise every node (list item numbering, merging of adjacent lists), and exports the result.
 */
function throughLexical(state: LexicalEditorState): unknown {
  const editor = createHeadlessEditor({
    nodes: [ListNode, ListItemNode],
    onError: (error) => {
      throw error
    },
  })
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)))
  editor.update(
    () => {
      const markAll = (node: LexicalNode): void => {
        node.markDirty()
        if ($isElementNode(node)) node.getChildren().forEach(markAll)
      }
      $getRoot().getChildren().forEach(markAll)
    },
    { discrete: true },
  )
  return editor.getEditorState().toJSON()
}

const PARTS: { name: string; blocks: Block[] }[] = [
  { name: 'the introduction', blocks: seed.introduction },
  ...seed.articles.flatMap((entry) => [
    { name: `Art. ${entry.number} text`, blocks: entry.text },
    ...(entry.note ? [{ name: `Art. ${entry.number} note`, blocks: entry.note }] : []),
  ]),
]

describe('blocksToLexical', () => {
  it('writes paragraphs and lists as Lexical paragraph, list and listitem nodes', () => {
    const state = blocksToLexical([
      { type: 'paragraph', text: 'Eerst dit:' },
      { type: 'list', ordered: false, items: [{ text: 'a' }, { text: 'b' }] },
      {
        type: 'list',
        ordered: true,
        items: [
          { text: 'een', children: [{ type: 'list', ordered: false, items: [{ text: 'sub' }] }] },
          { text: 'twee' },
        ],
      },
    ])
    expect(state).toEqual({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              { type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: 'Eerst dit:' },
            ],
          },
          {
            type: 'list',
            version: 1,
            listType: 'bullet',
            tag: 'ul',
            start: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [item('a', 1, 0), item('b', 2, 0)],
          },
          {
            type: 'list',
            version: 1,
            listType: 'number',
            tag: 'ol',
            start: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [
              item('een', 1, 0),
              {
                type: 'listitem',
                version: 1,
                value: 2,
                direction: null,
                format: '',
                indent: 0,
                children: [
                  {
                    type: 'list',
                    version: 1,
                    listType: 'bullet',
                    tag: 'ul',
                    start: 1,
                    direction: null,
                    format: '',
                    indent: 0,
                    children: [item('sub', 1, 1)],
                  },
                ],
              },
              item('twee', 2, 0),
            ],
          },
        ],
      },
    })
    expect(throughLexical(state)).toEqual(state)
  })

  it.each(PARTS)(
    '$name: Lexical accepts the JSON and, after normalising it, exports exactly the same JSON',
    ({ blocks }) => {
      const state = blocksToLexical(blocks)
      expect(throughLexical(state)).toEqual(state)
    },
  )

  it.each(PARTS)('$name: round-trips through lexicalToPlainText to the same text', ({ blocks }) => {
    expect(lexicalToPlainText(blocksToLexical(blocks))).toBe(linesOf(blocks).join('\n'))
  })

  it('Art. 5: the acknowledgement becomes a bullet list (ul) with items valued 1 to 6', () => {
    const list = blocksToLexical(article(5).text).root.children[1]
    expect(list?.type).toBe('list')
    if (list?.type !== 'list') return
    expect({ listType: list.listType, tag: list.tag }).toEqual({ listType: 'bullet', tag: 'ul' })
    expect(list.children.map((child) => child.type)).toEqual(Array(6).fill('listitem'))
    expect(list.children.map((child) => child.value)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('Art. 6: the numbered paragraphs become a number list (ol) with items valued 1 to 4', () => {
    const list = blocksToLexical(article(6).text).root.children[0]
    expect(list?.type).toBe('list')
    if (list?.type !== 'list') return
    expect({ listType: list.listType, tag: list.tag }).toEqual({ listType: 'number', tag: 'ol' })
    expect(list.children.map((child) => child.value)).toEqual([1, 2, 3, 4])
  })

  it('Art. 8: the nested lists sit in a listitem of their own after items 2 and 5, as Lexical nests lists', () => {
    const list = blocksToLexical(article(8).text).root.children[0]
    expect(list?.type).toBe('list')
    if (list?.type !== 'list') return
    const textItems = list.children.filter((child) => child.children.some((node) => node.type === 'text'))
    expect(textItems.map((child) => child.value)).toEqual([1, 2, 3, 4, 5])
    const wrappers = list.children.flatMap((child, index) => {
      const [only] = child.children
      return child.children.length === 1 && only?.type === 'list' ? [{ index, child, nested: only }] : []
    })
    // Right after item 2 (index 1) and item 5 (index 5, one further along because of the first wrapper).
    expect(wrappers.map(({ index }) => index)).toEqual([2, 6])
    expect(wrappers.map(({ nested }) => [nested.listType, nested.children.length])).toEqual([
      ['bullet', 4],
      ['bullet', 2],
    ])
    expect(wrappers.flatMap(({ nested }) => nested.children.map((child) => child.indent))).toEqual(Array(6).fill(1))
  })

  it('refuses a paragraph nested in a list item, which Lexical cannot hold', () => {
    expect(() =>
      blocksToLexical([
        { type: 'list', ordered: false, items: [{ text: 'a', children: [{ type: 'paragraph', text: 'b' }] }] },
      ]),
    ).toThrow(/a list item can only contain lists/)
  })
})

function item(text: string, value: number, indent: number): SerializedListItemNode {
  return {
    type: 'listitem',
    version: 1,
    value,
    direction: null,
    format: '',
    indent,
    children: [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }],
  }
}
