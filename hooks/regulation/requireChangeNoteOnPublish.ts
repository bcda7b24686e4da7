import { type GlobalBeforeValidateHook, ValidationError } from 'payload'

/** Every published version carries a short change note, so the history says what changed and why. */
export const requireChangeNoteOnPublish: GlobalBeforeValidateHook = ({ data, req }) => {
  const status = (data as { _status?: string } | undefined)?._status
  const note = (data as { changeNote?: string | null } | undefined)?.changeNote
  if (status === 'published' && !note?.trim()) {
    throw new ValidationError(
      {
        global: 'regulation',
        errors: [
          {
            path: 'changeNote',
            message: 'Beschrijf kort wat er in deze versie is veranderd.',
          },
        ],
        req,
      },
      req.t,
    )
  }
  return data as unknown
}
