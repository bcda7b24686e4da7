import type { Payload } from 'payload'

import type { LetterTemplate } from '../../hooks/letters/compose'
import { EARLIER_DEFAULTS } from '../../hooks/letters/earlierDefaults'
import { LETTER_KIND_DEFINITIONS, LETTER_KINDS } from '../../hooks/letters/kinds'

const sameText = (a: LetterTemplate, b: LetterTemplate) =>
  a.subject === b.subject && a.salutation === b.salutation && a.body === b.body && a.closing === b.closing

/**
 * Seed: the default text of every letter that has none yet, and the current default in place of an
 * earlier default nobody edited (earlierDefaults.ts), so an existing installation gets new wording
 * and placeholders on its next start. Idempotent; an edited text is kept as the editor left it (a
 * change is a new version, so the earlier text stays traceable).
 */
export async function seedLetterTemplates(payload: Payload): Promise<string | null> {
  // Trusted start-up code: letter texts cannot be created through the API.
  const { docs } = await payload.find({
    collection: 'letter-templates',
    depth: 0,
    limit: 100,
    overrideAccess: true,
    pagination: false,
    select: { kind: true, subject: true, salutation: true, body: true, closing: true },
  })
  const present = new Set(docs.map((d) => d.kind))
  const missing = LETTER_KINDS.filter((kind) => !present.has(kind))
  for (const kind of missing) {
    await payload.create({
      collection: 'letter-templates',
      overrideAccess: true,
      data: { kind, ...LETTER_KIND_DEFINITIONS[kind].defaults },
    })
  }
  let upgraded = 0
  for (const doc of docs) {
    const kind = doc.kind
    const stored = { subject: doc.subject, salutation: doc.salutation, body: doc.body, closing: doc.closing }
    if (!(EARLIER_DEFAULTS[kind] ?? []).some((earlier) => sameText(earlier, stored))) continue
    await payload.update({
      collection: 'letter-templates',
      id: doc.id,
      overrideAccess: true,
      data: { ...LETTER_KIND_DEFINITIONS[kind].defaults },
    })
    upgraded++
  }
  const done = [
    missing.length === 0
      ? ''
      : missing.length === 1
        ? '1 brieftekst toegevoegd'
        : `${missing.length} briefteksten toegevoegd`,
    upgraded === 0 ? '' : upgraded === 1 ? '1 brieftekst bijgewerkt' : `${upgraded} briefteksten bijgewerkt`,
  ].filter(Boolean)
  return done.length > 0 ? done.join(', ') : null
}
