import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { SeedStep } from '../index'
import { parseRegulation } from './parseRegulation'
import { blocksToLexical } from './toLexical'

const seedFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'klachtenreglement.txt')

/**
 * Publishes the regulation from the seed text on the first start, complete and in place, and
 * never again: once the global has a title, it belongs to the editors.
 */
export const seedRegulation: SeedStep = {
  name: 'regulation',
  run: async (payload) => {
    // Trusted start-up code: reads the draft as well, to see whether editors have ever saved it.
    const current = await payload.findGlobal({ slug: 'regulation', draft: true, overrideAccess: true })
    if (current.title) return null
    const seed = parseRegulation(readFileSync(seedFile, 'utf8'))
    await payload.updateGlobal({
      slug: 'regulation',
      overrideAccess: true,
      context: { skipSiteCacheInvalidation: true },
      data: {
        _status: 'published',
        title: seed.title,
        validFrom: new Date().toISOString(),
        changeNote: 'Eerste versie, overgenomen uit de tekst van het klachtenreglement.',
        introductionHeading: seed.introductionHeading,
        introduction: blocksToLexical(seed.introduction),
        definitions: seed.definitions.map(({ term, meaning }) => ({ term, meaning })),
        articlesHeading: seed.articlesHeading,
        articles: seed.articles.map((article) => ({
          number: article.number,
          title: article.title,
          text: blocksToLexical(article.text),
          note: article.note ? blocksToLexical(article.note) : null,
        })),
      },
    })
    return `klachtenreglement gepubliceerd (${seed.articles.length} artikelen)`
  },
}
