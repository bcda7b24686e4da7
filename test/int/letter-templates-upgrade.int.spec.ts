import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EARLIER_DEFAULTS } from '../../hooks/letters/earlierDefaults'
import { LETTER_KIND_DEFINITIONS, type LetterKind } from '../../hooks/letters/kinds'
import { seedLetterTemplates } from '../../cms/seed/letterTemplates'
import { loadTemplate } from '../../hooks/letters/templateHooks'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/*
 * An existing installation holds the letter texts it was seeded with. When a default text changes
 * (a new placeholder, a date that may have passed), the next start gives it the new text — only
 * where nobody edited it; an editor's text stays as they left it.
 */

let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  await seedLetterTemplates(payload)
})

afterAll(async () => {
  await ctx?.cleanup()
})

async function stored(kind: LetterKind) {
  const { docs } = await payload.find({
    collection: 'letter-templates',
    where: { kind: { equals: kind } },
    overrideAccess: true,
  })
  const doc = docs[0]
  if (!doc) throw new Error(`no template ${kind}`)
  return doc
}

/** The text as an installation seeded before the change holds it. */
async function setText(kind: LetterKind, text: { subject: string; salutation: string; body: string; closing: string }) {
  const doc = await stored(kind)
  await payload.update({ collection: 'letter-templates', id: doc.id, overrideAccess: true, data: text })
}

describe('letter texts of an existing installation (seed)', () => {
  it('replaces an earlier default nobody edited by the current one, keeps an edited text, and says so', async () => {
    const earlierWritten = EARLIER_DEFAULTS.written_version?.[0]
    const earlierDecision = EARLIER_DEFAULTS.decision?.[0]
    if (!earlierWritten || !earlierDecision) throw new Error('earlier defaults missing')
    await setText('written_version', earlierWritten)
    const edited = { ...earlierDecision, body: `${earlierDecision.body}\n\nMet dank voor uw geduld.` }
    await setText('decision', edited)
    // Control: before the start, the installation holds the old texts.
    expect((await loadTemplate(payload, 'written_version')).body).toBe(earlierWritten.body)

    expect(await seedLetterTemplates(payload)).toBe('1 brieftekst bijgewerkt')

    expect(await loadTemplate(payload, 'written_version')).toEqual(LETTER_KIND_DEFINITIONS.written_version.defaults)
    expect((await stored('written_version')).body).toContain('{{bevestiging_uiterlijk}} krijgt u een brief')
    expect((await loadTemplate(payload, 'decision')).body).toBe(edited.body)
    // The earlier text stays traceable: the upgrade is a new version.
    const { totalDocs } = await payload.countVersions({
      collection: 'letter-templates',
      where: { parent: { equals: (await stored('written_version')).id } },
      overrideAccess: true,
    })
    expect(totalDocs).toBeGreaterThanOrEqual(2)
    // Idempotent: the next start changes nothing.
    expect(await seedLetterTemplates(payload)).toBe(null)
  })
})
