import { type CollectionBeforeChangeHook, ValidationError } from 'payload'
import type { Complaint } from '../../cms/payload-types'
import { z } from 'zod'

import { listCharacters, unprintable } from '../letters/pdf/fonts'
import { relId } from '../relations'
import { complaintFields, fieldErrors } from './schema'
import { byComplainant } from './enforceWorkflow/load'
import { systemOperationOf } from './workflow/systemOperations'

type Version = NonNullable<NonNullable<Complaint['writtenVersion']>['versions']>[number]

/**
 * Art. 3 and Decision 8: a handler writes the complaint down with the complainant, and the
 * complainant receives that version to correct. Decision 16: every version is kept. The original
 * complaint text is never overwritten (it has no update access); each version sent is added to
 * `writtenVersion.versions` with who and when, and the versions already there never change, whatever a
 * write sends. The workflow (enforceWorkflow) then sends the letter with the new version, and
 * refuses a new version once a decision or non-admission quoted the complaint (frozen.ts).
 */
export const recordWrittenVersion: CollectionBeforeChangeHook<Complaint> = ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (systemOperationOf(context)) return data
  const kept: Version[] = (operation === 'update' ? (originalDoc?.writtenVersion?.versions ?? []) : []).map((v) => ({
    ...v,
    by: relId(v.by),
  }))
  const draft = data.writtenVersion?.draft ?? (operation === 'update' ? originalDoc?.writtenVersion?.draft : null)
  if (!data.writtenVersion?.send || operation === 'create') {
    return { ...data, writtenVersion: { draft: draft ?? null, send: false, versions: kept } }
  }
  const fail = (message: string): never => {
    throw new ValidationError(
      { collection: 'complaints', errors: [{ path: 'writtenVersion.draft', message }], req },
      req.t,
    )
  }
  const person = req.user?.collection === 'users' ? String(req.user.id) : null
  // Decision 8: the complainant corrects the version staff wrote down, on their own page (Decision 20);
  // their version has no staff member in `by` (and the timeline names the complainant).
  const complainant = operation === 'update' && originalDoc ? byComplainant(context, req, originalDoc.id) : false
  if (!person && !complainant) fail('Alleen een medewerker kan een schriftelijke versie van de klacht vastleggen.')
  // The same rules as the complaint text itself (Art. 3: stored whole or refused, never cut).
  const parsed = z.object({ description: complaintFields.description }).safeParse({ description: draft ?? '' })
  if (!parsed.success) fail(fieldErrors(parsed.error).description ?? 'Schrijf de klacht op.')
  const text = parsed.success ? parsed.data.description : ''
  const characters = unprintable(text)
  if (characters.length > 0)
    fail(
      `Brieven kunnen deze tekens nog niet afdrukken: ${listCharacters(characters)}. Schrijf ze in Latijnse letters of laat ze weg.`,
    )
  if (kept.at(-1)?.text === text) fail('Deze versie is al naar de klager gestuurd.')
  return {
    ...data,
    writtenVersion: {
      draft: null,
      send: false,
      versions: [...kept, { text, at: new Date().toISOString(), by: person }],
    },
  }
}
