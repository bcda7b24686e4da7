import type { Article, Block, Definition, ListItem, RegulationSeed } from './types'

export const EXPECTED_ARTICLE_COUNT = 9

const TITLE_LINE = /^Klachtenreglement\b/
const DEFINITIONS_LINE = /^Definities\s*:$/
const DEFINITION = /^([^:]{1,60}):\s+(.+)$/
const ARTICLE_HEADER = /^Artikel\s+(\d+)\s*:\s*(.+)$/
// "Toelichting Klachtrecht: …", "Toelichting “Definitie klacht”" (alone), "Toelichting “Afhandeling” In het …" (no colon).
const NOTE_LABEL = /^Toelichting\s+(?:["“][^"”]+["”]\s*:?|[^:"“”]+:)\s*(.*)$/
const BULLET_ITEM = /^[•◦▪‣·]\s*(.*)$/
const NUMBERED_ITEM = /^(\d+)\.\s+(.+)$/

/** Parses the regulation seed text; throws an Error naming what is missing when the structure is not as expected. */
export function parseRegulation(text: string): RegulationSeed {
  const lines = text.split(/\r\n|\r|\n/).map(normaliseLine)

  const definitionsAt = lines.findIndex((line) => DEFINITIONS_LINE.test(line))
  if (definitionsAt === -1) {
    throw new Error('Klachtenreglement seed: the line "Definities:" was not found.')
  }
  const firstArticleAt = lines.findIndex((line) => ARTICLE_HEADER.test(line))
  if (firstArticleAt === -1 || firstArticleAt < definitionsAt) {
    throw new Error('Klachtenreglement seed: no "Artikel N: …" header after "Definities:".')
  }

  const { title, introductionHeading, introduction } = parsePreamble(lines.slice(0, definitionsAt))
  const { definitions, articlesHeading } = parseDefinitions(lines.slice(definitionsAt + 1, firstArticleAt))
  const articles = parseArticles(lines, firstArticleAt)

  return { title, introductionHeading, introduction, definitions, articlesHeading, articles }
}

// Word exports scatter non-breaking and doubled spaces through the text; one plain space is what is meant.
function normaliseLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim()
}

function parsePreamble(lines: string[]): Pick<RegulationSeed, 'title' | 'introductionHeading' | 'introduction'> {
  const nonBlankAt = lines.flatMap((line, at) => (line === '' ? [] : [at]))
  const lineAt = (position: number): string | undefined => {
    const at = nonBlankAt[position]
    return at === undefined ? undefined : lines[at]
  }
  const titlePosition = nonBlankAt.findIndex((at) => TITLE_LINE.test(lines[at] ?? ''))
  const title = lineAt(titlePosition)
  if (title === undefined) {
    throw new Error('Klachtenreglement seed: no title line starting with "Klachtenreglement" before "Definities:".')
  }
  // Lines above the title are letterhead ("Working Progression"); only drop them when they repeat part of the title,
  // so that no real content can disappear silently.
  for (let position = 0; position < titlePosition; position++) {
    const line = lineAt(position) ?? ''
    if (!title.includes(line)) {
      throw new Error(`Klachtenreglement seed: unexpected line before the title: "${line}".`)
    }
  }
  let headingPosition = titlePosition + 1
  while (lineAt(headingPosition) === title) headingPosition++
  const introductionHeading = lineAt(headingPosition)
  const headingAt = nonBlankAt[headingPosition]
  if (introductionHeading === undefined || headingAt === undefined) {
    throw new Error('Klachtenreglement seed: no introduction heading after the title.')
  }
  const introduction = parseBlocks(lines.slice(headingAt + 1), 'the introduction')
  if (introduction.length === 0) {
    throw new Error('Klachtenreglement seed: the introduction before "Definities:" is empty.')
  }
  return { title, introductionHeading, introduction }
}

function parseDefinitions(lines: string[]): { definitions: Definition[]; articlesHeading: string } {
  const nonBlank = lines.filter((line) => line !== '')
  const definitions: Definition[] = []
  let at = 0
  for (; at < nonBlank.length; at++) {
    const match = DEFINITION.exec(nonBlank[at] ?? '')
    if (!match?.[1] || !match[2]) break
    definitions.push({ term: match[1].trim(), meaning: match[2].trim() })
  }
  if (definitions.length === 0) {
    throw new Error('Klachtenreglement seed: no "Term: meaning" lines after "Definities:".')
  }
  const rest = nonBlank.slice(at)
  const articlesHeading = rest[0]
  if (articlesHeading === undefined || rest.length !== 1) {
    throw new Error(
      `Klachtenreglement seed: expected one heading line between the definitions and "Artikel 1", found ${rest.length}.`,
    )
  }
  return { definitions, articlesHeading }
}

function parseArticles(lines: string[], firstArticleAt: number): Article[] {
  const headers: { at: number; number: number; title: string }[] = []
  lines.forEach((line, at) => {
    if (at < firstArticleAt) return
    const match = ARTICLE_HEADER.exec(line)
    if (match?.[1] && match[2]) headers.push({ at, number: Number(match[1]), title: match[2] })
  })
  if (headers.length !== EXPECTED_ARTICLE_COUNT) {
    throw new Error(
      `Klachtenreglement seed: expected ${EXPECTED_ARTICLE_COUNT} articles ("Artikel N: …"), found ${headers.length}.`,
    )
  }

  return headers.map((header, index) => {
    if (header.number !== index + 1) {
      throw new Error(`Klachtenreglement seed: article ${index + 1} expected, found "Artikel ${header.number}".`)
    }
    const where = `Art. ${header.number}`
    const end = headers[index + 1]?.at ?? lines.length
    const body = lines.slice(header.at + 1, end)

    const labelAt = body.findIndex((line) => NOTE_LABEL.test(line))
    const textLines = labelAt === -1 ? body : body.slice(0, labelAt)
    const text = parseBlocks(textLines, `${where} text`)
    if (text.length === 0) {
      throw new Error(`Klachtenreglement seed: ${where} has no text.`)
    }

    let note: Block[] | null = null
    if (labelAt !== -1) {
      // The words after the label on the same line are the note's first paragraph.
      const afterLabel = NOTE_LABEL.exec(body[labelAt] ?? '')?.[1] ?? ''
      note = parseBlocks([afterLabel, ...body.slice(labelAt + 1)], `${where} note`)
      if (note.length === 0) {
        throw new Error(`Klachtenreglement seed: the "Toelichting" of ${where} is empty.`)
      }
    }
    return { number: header.number, title: header.title, text, note }
  })
}

/**
 * Outside lists every line is a paragraph. A line right below a list item (no blank line between) continues that
 * item. Numbered lines form an ordered list that runs on across blank lines; bullets that follow one of its items
 * are nested under that item (Art. 8.2 and 8.5).
 */
function parseBlocks(lines: string[], where: string): Block[] {
  const blocks: Block[] = []
  let at = 0
  while (at < lines.length) {
    const line = lines[at] ?? ''
    if (line === '') {
      at++
    } else if (NUMBERED_ITEM.test(line)) {
      const read = readOrderedList(lines, at, where)
      blocks.push(read.block)
      at = read.next
    } else if (BULLET_ITEM.test(line)) {
      const read = readBulletList(lines, at, where)
      blocks.push(read.block)
      at = read.next
    } else {
      blocks.push({ type: 'paragraph', text: line })
      at++
    }
  }
  return blocks
}

type Read = { block: Block; next: number }

function readBulletList(lines: string[], start: number, where: string): Read {
  const items: ListItem[] = []
  let at = start
  for (;;) {
    const itemAt = nextNonBlank(lines, at)
    const match = BULLET_ITEM.exec(lines[itemAt] ?? '')
    if (!match) break
    const read = readItemText(lines, itemAt, match[1] ?? '', where)
    items.push({ text: read.text })
    at = read.next
  }
  return { block: { type: 'list', ordered: false, items }, next: at }
}

function readOrderedList(lines: string[], start: number, where: string): Read {
  const items: ListItem[] = []
  let at = start
  for (;;) {
    const itemAt = nextNonBlank(lines, at)
    const line = lines[itemAt] ?? ''
    const numbered = NUMBERED_ITEM.exec(line)
    const previous = items[items.length - 1]
    if (numbered) {
      const expected = items.length + 1
      if (Number(numbered[1]) !== expected) {
        throw new Error(`Klachtenreglement seed: ${where}: item ${expected} expected, found "${line}".`)
      }
      const read = readItemText(lines, itemAt, numbered[2] ?? '', where)
      items.push({ text: read.text })
      at = read.next
    } else if (previous && BULLET_ITEM.test(line)) {
      const nested = readBulletList(lines, itemAt, where)
      previous.children = [...(previous.children ?? []), nested.block]
      at = nested.next
    } else {
      break
    }
  }
  return { block: { type: 'list', ordered: true, items }, next: at }
}

function readItemText(lines: string[], itemAt: number, first: string, where: string): { text: string; next: number } {
  const parts = [first]
  let at = itemAt + 1
  for (; at < lines.length; at++) {
    const line = lines[at] ?? ''
    if (line === '' || BULLET_ITEM.test(line) || NUMBERED_ITEM.test(line)) break
    parts.push(line)
  }
  const text = parts.join(' ').trim()
  if (text === '') {
    throw new Error(`Klachtenreglement seed: ${where}: empty list item "${lines[itemAt] ?? ''}".`)
  }
  return { text, next: at }
}

function nextNonBlank(lines: string[], from: number): number {
  let at = from
  while (at < lines.length && lines[at] === '') at++
  return at
}
