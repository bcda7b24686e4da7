import {
  type CollectionAfterReadHook,
  type CollectionBeforeChangeHook,
  type Payload,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import type { LetterTemplate as StoredTemplate } from '../../cms/payload-types'
import { checkTemplate, type LetterTemplate, placeholderGuide } from './compose'
import { LETTER_KIND_DEFINITIONS, type LetterKind } from './kinds'

/** Refuses a text that lacks a part its article requires, or holds an unknown placeholder. */
export const checkLetterTemplate: CollectionBeforeChangeHook<StoredTemplate> = ({ data, originalDoc, req }) => {
  const kind = (originalDoc?.kind ?? data.kind) as LetterKind
  const errors = checkTemplate(kind, { ...originalDoc, ...data })
  if (errors.length > 0) throw new ValidationError({ collection: 'letter-templates', errors, req }, req.t)
  const editor = req.user?.collection === 'users' ? req.user.id : undefined
  return { ...data, title: LETTER_KIND_DEFINITIONS[kind].label, ...(editor ? { lastEditedBy: editor } : {}) }
}

/** Shows the editor which placeholders this letter may use and which its article requires. */
export const describeLetterTemplate: CollectionAfterReadHook<StoredTemplate> = ({ doc }) => {
  const kind = doc.kind as LetterKind | undefined
  if (!kind || !LETTER_KIND_DEFINITIONS[kind]) return doc
  return { ...doc, article: LETTER_KIND_DEFINITIONS[kind].article, placeholders: placeholderGuide(kind) }
}

/**
 * The text of a letter as editors left it, read at the moment the letter is made (so a change
 * applies to the next letter without a deploy); the seeded default when none is stored.
 */
export async function loadTemplate(
  payload: Payload,
  kind: LetterKind,
  req?: Partial<PayloadRequest>,
): Promise<LetterTemplate> {
  // Trusted: composing a letter is server work; who may issue it was checked by the workflow.
  const { docs } = await payload.find({
    collection: 'letter-templates',
    where: { kind: { equals: kind } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
    pagination: false,
  })
  const stored = docs[0]
  if (!stored) return LETTER_KIND_DEFINITIONS[kind].defaults
  return { subject: stored.subject, salutation: stored.salutation, body: stored.body, closing: stored.closing }
}
