import type {
  Block,
  ListItem,
  SerializedEditorState,
  SerializedListItemNode,
  SerializedListNode,
  SerializedParagraphNode,
  SerializedTextNode,
} from './types'

/** Converts parsed blocks to the Lexical JSON a Payload 3.90.1 richText field stores. */
export function blocksToLexical(blocks: Block[]): SerializedEditorState {
  return {
    root: {
      children: blocks.map((block) => (block.type === 'paragraph' ? paragraphNode(block.text) : listNode(block, 0))),
      // Lexical 0.50 no longer derives a direction from the text; nodes typed in the admin are stored with null.
      direction: null,
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  }
}

/** Paragraphs and list items, one per line, nested list items after their parent item. */
export function lexicalToPlainText(state: SerializedEditorState): string {
  return state.root.children
    .flatMap((node) => (node.type === 'paragraph' ? [textOf(node.children)] : listLines(node)))
    .join('\n')
}

function textNode(text: string): SerializedTextNode {
  return { detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }
}

function paragraphNode(text: string): SerializedParagraphNode {
  return {
    children: [textNode(text)],
    direction: null,
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
    textFormat: 0,
    textStyle: '',
  }
}

function listNode(block: Extract<Block, { type: 'list' }>, depth: number): SerializedListNode {
  const children: SerializedListItemNode[] = []
  // Lexical numbers the items itself: an item that only wraps a nested list takes the value of the item after it.
  let value = 1
  for (const item of block.items) {
    children.push(listItemNode([textNode(item.text)], value, depth))
    value++
    for (const nested of nestedLists(item)) {
      children.push(listItemNode([listNode(nested, depth + 1)], value, depth))
    }
  }
  const ordered = block.ordered
  return {
    children,
    direction: null,
    format: '',
    indent: 0,
    type: 'list',
    version: 1,
    listType: ordered ? 'number' : 'bullet',
    start: 1,
    tag: ordered ? 'ol' : 'ul',
  }
}

function listItemNode(
  children: SerializedListItemNode['children'],
  value: number,
  depth: number,
): SerializedListItemNode {
  // Lexical derives a list item's indent from how deeply its list is nested and exports that number.
  return { children, direction: null, format: '', indent: depth, type: 'listitem', version: 1, value }
}

function nestedLists(item: ListItem): Extract<Block, { type: 'list' }>[] {
  return (item.children ?? []).map((child) => {
    // Lexical has no paragraph inside a list item; the parser only ever nests lists.
    if (child.type !== 'list') {
      throw new Error(`blocksToLexical: a list item can only contain lists, found a paragraph under "${item.text}".`)
    }
    return child
  })
}

function textOf(children: SerializedTextNode[]): string {
  return children.map((child) => child.text).join('')
}

function listLines(list: SerializedListNode): string[] {
  return list.children.flatMap((item) => {
    const texts = item.children.filter((child): child is SerializedTextNode => child.type === 'text')
    const lists = item.children.filter((child): child is SerializedListNode => child.type === 'list')
    return [...(texts.length > 0 ? [textOf(texts)] : []), ...lists.flatMap(listLines)]
  })
}
