import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { parseRegulation } from '../../cms/seed/regulation/parseRegulation'
import { blocksToLexical } from '../../cms/seed/regulation/toLexical'
import { type RichTextState, richTextToHtml } from '../../site/lib/richText'

type Node = { type: string; version: number; [k: string]: unknown }

const text = (value: string, format = 0): Node => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
})
const element = (type: string, children: Node[], extra: Record<string, unknown> = {}): Node => ({
  type,
  version: 1,
  children,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
})
const paragraph = (...children: Node[]) => element('paragraph', children, { textFormat: 0, textStyle: '' })
const heading = (tag: string, value: string) => element('heading', [text(value)], { tag })
const link = (fields: Record<string, unknown>, value: string) => element('link', [text(value)], { fields })
const list = (listType: 'bullet' | 'number', items: Node[]) =>
  element('list', items, { listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul' })
const item = (...children: Node[]) => element('listitem', children, { value: 1 })

function state(...children: Node[]): RichTextState {
  return { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } }
}

const seedPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../cms/seed/regulation/klachtenreglement.txt',
)
const seed = parseRegulation(readFileSync(seedPath, 'utf8'))

describe('richTextToHtml', () => {
  it.each([
    ['bold', 1, '<strong>woord</strong>'],
    ['italic', 2, '<em>woord</em>'],
    ['strikethrough', 4, '<s>woord</s>'],
    ['underline', 8, '<u>woord</u>'],
    ['code', 16, '<code>woord</code>'],
    ['bold and italic', 3, '<em><strong>woord</strong></em>'],
  ])('renders %s text as tags, not inline styles', (_, format, html) => {
    expect(richTextToHtml(state(paragraph(text('woord', format))))).toBe(`<p class="utrecht-paragraph">${html}</p>`)
  })

  it('escapes HTML in text, so editor input cannot inject markup', () => {
    expect(richTextToHtml(state(paragraph(text('<script>alert("x")</script> & \'y\''))))).toBe(
      '<p class="utrecht-paragraph">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    )
  })

  it('renders a line break inside a paragraph', () => {
    expect(richTextToHtml(state(paragraph(text('een'), { type: 'linebreak', version: 1 }, text('twee'))))).toBe(
      '<p class="utrecht-paragraph">een<br />twee</p>',
    )
  })

  it('returns an empty string for an empty or missing value (an article without note, as Art. 4)', () => {
    expect(richTextToHtml(null)).toBe('')
    expect(richTextToHtml(undefined)).toBe('')
    expect(richTextToHtml(state(paragraph()))).toBe('')
    expect(richTextToHtml(state(paragraph(text('   '))))).toBe('')
  })

  it.each([
    ['https://www.uwv.nl/', '<a class="utrecht-link utrecht-link--html-a" href="https://www.uwv.nl/">UWV</a>'],
    [
      'mailto:klachten@example.nl',
      '<a class="utrecht-link utrecht-link--html-a" href="mailto:klachten@example.nl">UWV</a>',
    ],
    [
      '/klacht-indienen?a=1&b=2',
      '<a class="utrecht-link utrecht-link--html-a" href="/klacht-indienen?a=1&amp;b=2">UWV</a>',
    ],
    ['javascript:alert(1)', 'UWV'],
    ['', 'UWV'],
  ])('links to %j safely', (url, html) => {
    expect(richTextToHtml(state(paragraph(link({ linkType: 'custom', url }, 'UWV'))))).toBe(
      `<p class="utrecht-paragraph">${html}</p>`,
    )
  })

  it('opens a link marked "new tab" with rel=noopener, and keeps only the words of an internal link', () => {
    expect(richTextToHtml(state(paragraph(link({ linkType: 'custom', url: 'https://a.nl', newTab: true }, 'A'))))).toBe(
      '<p class="utrecht-paragraph"><a class="utrecht-link utrecht-link--html-a" href="https://a.nl" target="_blank" rel="noopener noreferrer">A</a></p>',
    )
    expect(
      richTextToHtml(
        state(paragraph(link({ linkType: 'internal', doc: { relationTo: 'users', value: 1 } }, 'intern'))),
      ),
    ).toBe('<p class="utrecht-paragraph">intern</p>')
  })

  it('moves editor headings below the page headings without skipping a level', () => {
    const html = richTextToHtml(state(heading('h2', 'Boven'), heading('h3', 'Onder')), { headingLevel: 4 })
    expect(html).toBe('<h4 class="utrecht-heading-4">Boven</h4><h5 class="utrecht-heading-5">Onder</h5>')
    expect(richTextToHtml(state(heading('h1', 'Diep'), heading('h6', 'Dieper')), { headingLevel: 5 })).toBe(
      '<h5 class="utrecht-heading-5">Diep</h5><h6 class="utrecht-heading-6">Dieper</h6>',
    )
  })

  it('renders a quote as a blockquote', () => {
    expect(richTextToHtml(state(element('quote', [text('Citaat')])))).toBe(
      '<blockquote class="rich-text-quote">Citaat</blockquote>',
    )
  })

  it('renders bullet and numbered lists with Utrecht classes and no inline styles', () => {
    const html = richTextToHtml(
      state(list('bullet', [item(text('a')), item(text('b'))]), list('number', [item(text('c'))])),
    )
    expect(html).toBe(
      '<ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item">a</li><li class="utrecht-unordered-list__item">b</li></ul>' +
        '<ol class="utrecht-ordered-list"><li class="utrecht-ordered-list__item">c</li></ol>',
    )
    expect(html).not.toContain('style=')
  })

  it('Art. 8: puts the bullets of paragraphs 2 and 5 inside their numbered items, as nested lists', () => {
    const article = seed.articles.find((candidate) => candidate.number === 8)
    if (!article) throw new Error('Art. 8 missing from the seed')
    const html = richTextToHtml(blocksToLexical(article.text))
    const items = html.match(/<li class="utrecht-ordered-list__item">/g) ?? []
    expect(items).toHaveLength(5)
    expect(html).toContain(
      'onderdelen:<ul class="utrecht-unordered-list utrecht-unordered-list--nested"><li class="utrecht-unordered-list__item">Een weergave van de klacht',
    )
    expect(html).toContain(
      'Een beslissing over de klacht.</li></ul></li><li class="utrecht-ordered-list__item">De beslissing houdt in',
    )
    // No empty wrapper items (Lexical keeps a nested list in an item of its own).
    expect(html).not.toMatch(/<li[^>]*><ul/)
  })

  it('renders nothing for nodes the public site does not show (uploads, blocks), rather than "unknown node"', () => {
    const html = richTextToHtml(
      state(
        paragraph(text('voor')),
        { type: 'upload', version: 1, value: 3, relationTo: 'media' },
        { type: 'block', version: 1, fields: { blockType: 'x' } },
      ),
    )
    expect(html).toBe('<p class="utrecht-paragraph">voor</p>')
  })
})
