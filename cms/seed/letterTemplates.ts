import type { Payload } from 'payload'

import { LETTER_KIND_DEFINITIONS, LETTER_KINDS } from '../../hooks/letters/kinds'

/** Seed: the default text of every letter that has none yet (idempotent; edited texts are kept). */
export async function seedLetterTemplates(payload: Payload): Promise<string | null> {
  // Trusted start-up code: letter texts cannot be created through the API.
  const { docs } = await payload.find({
    collection: 'letter-templates',
    depth: 0,
    limit: 100,
    overrideAccess: true,
    pagination: false,
    select: { kind: true },
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
  if (missing.length === 0) return null
  return missing.length === 1 ? '1 brieftekst toegevoegd' : `${missing.length} briefteksten toegevoegd`
}
