/** Structured content of the regulation seed text (`shared/seed/klachtenreglement.txt`). */

export type Block = { type: 'paragraph'; text: string } | { type: 'list'; ordered: boolean; items: ListItem[] }

/** `children` holds what is nested under the item, e.g. the bullet list under Art. 8 paragraph 2. */
export type ListItem = { text: string; children?: Block[] }

export type Definition = { term: string; meaning: string }

export type Article = {
  number: number
  title: string
  text: Block[]
  /** The article's "Toelichting" without its label; null when the article has none (Art. 4). */
  note: Block[] | null
}

export type RegulationSeed = {
  title: string
  introductionHeading: string
  introduction: Block[]
  definitions: Definition[]
  articlesHeading: string
  articles: Article[]
}

/*
 * The serialized Lexical JSON that Payload's richText field stores, written out structurally so that the seed
 * code needs no runtime Lexical. Field names, order and defaults follow `exportJSON()` of lexical 0.50.0 and
 * @lexical/list 0.50.0 (the versions @payloadcms/richtext-lexical 3.90.1 pins); the unit test checks them by
 * re-exporting through a real headless editor.
 */

export type ElementDirection = 'ltr' | 'rtl' | null

export type ElementFormat = '' | 'left' | 'start' | 'center' | 'right' | 'end' | 'justify'

export type SerializedTextNode = {
  detail: number
  format: number
  mode: 'normal' | 'token' | 'segmented'
  style: string
  text: string
  type: 'text'
  version: 1
}

export type SerializedParagraphNode = {
  children: SerializedTextNode[]
  direction: ElementDirection
  format: ElementFormat
  indent: number
  type: 'paragraph'
  version: 1
  textFormat: number
  textStyle: string
}

export type SerializedListItemNode = {
  children: (SerializedTextNode | SerializedListNode)[]
  direction: ElementDirection
  format: ElementFormat
  indent: number
  type: 'listitem'
  version: 1
  value: number
}

export type SerializedListNode = {
  children: SerializedListItemNode[]
  direction: ElementDirection
  format: ElementFormat
  indent: number
  type: 'list'
  version: 1
  listType: 'bullet' | 'number'
  start: number
  tag: 'ul' | 'ol'
}

export type SerializedRootNode = {
  children: (SerializedParagraphNode | SerializedListNode)[]
  direction: ElementDirection
  format: ElementFormat
  indent: number
  type: 'root'
  version: 1
}

export type SerializedEditorState = { root: SerializedRootNode }
