/**
 * Server-side HTML for the regulation's rich text (the Lexical JSON Payload stores), rendered with
 * Payload's own `convertLexicalToHTML`. Its default converters are kept for the tree walk, line
 * breaks, tabs, tables and rules; the converters below replace the ones whose output does not suit
 * a public page: NL Design System (Utrecht) classes, no inline styles, a nested list inside the item
 * it belongs to, and editor headings moved below the page's own heading levels.
 */
import type {
  SerializedAutoLinkNode,
  SerializedHeadingNode,
  SerializedLinkNode,
  SerializedListItemNode,
  SerializedListNode,
  SerializedParagraphNode,
  SerializedQuoteNode,
  SerializedTextNode,
} from '@payloadcms/richtext-lexical'
import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToHTML, type HTMLConverter, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import { sanitizeUrl } from 'payload/shared'

import type { Regulation } from '../../cms/payload-types'
import { escapeHtml } from '../../hooks/html'

/** A richText field's value as Payload's REST API returns it (the regulation's text, note or introduction). */
export type RichTextState = NonNullable<Regulation['introduction']>

export type RichTextOptions = {
  /**
   * The level an editor's highest heading becomes, so that headings in the text follow the page's
   * own (WCAG 1.3.1: no level skipped). Default 3.
   */
  headingLevel?: number
}

// Lexical's text format bits (lexical/LexicalConstants: IS_BOLD … IS_SUPERSCRIPT).
const FORMAT_TAGS: readonly (readonly [bit: number, tag: string])[] = [
  [1, 'strong'],
  [1 << 1, 'em'],
  [1 << 2, 's'],
  [1 << 3, 'u'],
  [1 << 4, 'code'],
  [1 << 5, 'sub'],
  [1 << 6, 'sup'],
]

// Published content is fetched once and then served from memory as the same objects until the next
// publication (lib/cache), so each value is converted once, not on every request.
const rendered = new WeakMap<RichTextState, Map<number, string>>()

/**
 * HTML for a richText value; '' when it holds no text (an emptied field keeps an empty paragraph).
 * The value is treated as immutable: the HTML is remembered per value object and heading level.
 */
export function richTextToHtml(state: RichTextState | null | undefined, options: RichTextOptions = {}): string {
  if (!state?.root) return ''
  const headingLevel = clampHeading(options.headingLevel ?? 3)
  let byLevel = rendered.get(state)
  if (!byLevel) rendered.set(state, (byLevel = new Map<number, string>()))
  const known = byLevel.get(headingLevel)
  if (known !== undefined) return known
  const html = convert(state, headingLevel)
  byLevel.set(headingLevel, html)
  return html
}

function convert(state: RichTextState, headingLevel: number): string {
  const data = state as unknown as Parameters<typeof convertLexicalToHTML>[0]['data']
  const highest = highestHeading(state.root.children)
  return convertLexicalToHTML({
    data,
    disableContainer: true,
    // Alignment and indentation typed in the editor would arrive as inline styles; the page sets its own layout.
    disableIndent: true,
    disableTextAlign: true,
    converters: ({ defaultConverters }) => ({
      ...defaultConverters,
      ...converters({ headingShift: headingLevel - highest }),
    }),
  })
}

function converters({ headingShift }: { headingShift: number }): HTMLConverters {
  const text: HTMLConverter<SerializedTextNode> = ({ node }) =>
    FORMAT_TAGS.reduce(
      (html, [bit, tag]) => (node.format & bit ? `<${tag}>${html}</${tag}>` : html),
      escapeHtml(node.text),
    )

  const paragraph: HTMLConverter<SerializedParagraphNode> = ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children }).join('')
    // Empty paragraphs are how editors make space; the stylesheet spaces paragraphs already.
    return children.trim() === '' ? '' : `<p class="utrecht-paragraph">${children}</p>`
  }

  const heading: HTMLConverter<SerializedHeadingNode> = ({ node, nodesToHTML }) => {
    const level = clampHeading(headingNumber(node.tag) + headingShift)
    return `<h${level} class="utrecht-heading-${level}">${nodesToHTML({ nodes: node.children }).join('')}</h${level}>`
  }

  const quote: HTMLConverter<SerializedQuoteNode> = ({ node, nodesToHTML }) =>
    `<blockquote class="rich-text-quote">${nodesToHTML({ nodes: node.children }).join('')}</blockquote>`

  const list: HTMLConverter<SerializedListNode> = ({ node, nodesToHTML, parent }) => {
    const ordered = node.listType === 'number'
    const nested = parent.type === 'listitem'
    const block = ordered ? 'utrecht-ordered-list' : 'utrecht-unordered-list'
    const classes = [block, nested ? `${block}--nested` : ''].filter(Boolean).join(' ')
    const start = ordered && node.start > 1 ? ` start="${node.start}"` : ''
    const items: string[] = []
    for (const item of node.children) {
      if (!isListItem(item)) continue
      const inner = nodesToHTML({ nodes: item.children, parent: { ...item, parent: node } }).join('')
      // Lexical keeps a nested list in an item of its own after its parent item; in HTML it belongs inside that item.
      const onlyLists = item.children.length > 0 && item.children.every((child) => child.type === 'list')
      const previous = items.at(-1)
      if (onlyLists && previous !== undefined) {
        items[items.length - 1] = previous.replace(/<\/li>$/, `${inner}</li>`)
      } else {
        items.push(`<li class="${block}__item">${inner}</li>`)
      }
    }
    const tag = ordered ? 'ol' : 'ul'
    return `<${tag} class="${classes}"${start}>${items.join('')}</${tag}>`
  }

  // Only reached for an item outside a list, which Lexical does not produce; kept so it never renders as "unknown".
  const listitem: HTMLConverter<SerializedListItemNode> = ({ node, nodesToHTML }) =>
    `<li>${nodesToHTML({ nodes: node.children }).join('')}</li>`

  const link: HTMLConverter<SerializedLinkNode | SerializedAutoLinkNode> = ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children }).join('')
    // Internal links point at CMS documents the public site does not show; the words stay, the link goes.
    if (node.fields.linkType === 'internal') return children
    const href = sanitizeUrl(node.fields.url ?? '')
    if (href === '' || href === '#') return children
    const newTab = node.fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''
    return `<a class="utrecht-link utrecht-link--html-a" href="${escapeHtml(href)}"${newTab}>${children}</a>`
  }

  const nothing: HTMLConverter = () => ''

  return {
    text,
    paragraph,
    heading,
    quote,
    list,
    listitem,
    link,
    autolink: link,
    // No uploads, relations or blocks on the public site: render nothing rather than Payload's "unknown node".
    // (A function, not '': convertLexicalToHTML treats an empty-string converter as missing.)
    upload: nothing,
    relationship: nothing,
    unknown: nothing,
  }
}

function isListItem(node: SerializedLexicalNode): node is SerializedListItemNode {
  return node.type === 'listitem' && Array.isArray((node as { children?: unknown }).children)
}

function headingNumber(tag: string): number {
  const level = Number(tag.replace(/^h/, ''))
  return Number.isInteger(level) ? level : 1
}

function clampHeading(level: number): number {
  return Math.min(6, Math.max(1, Math.round(level)))
}

function highestHeading(nodes: readonly { type: unknown; [k: string]: unknown }[]): number {
  let highest = 6
  for (const node of nodes) {
    if (node.type === 'heading' && typeof node.tag === 'string') highest = Math.min(highest, headingNumber(node.tag))
  }
  return highest
}
