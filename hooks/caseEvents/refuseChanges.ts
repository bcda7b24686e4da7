import { type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, Forbidden } from 'payload'

/** The timeline is append-only: no role edits an entry, whatever the access settings say. */
export const refuseEventUpdates: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'update') throw new Forbidden(req.t)
  return data
}

/**
 * Nor deletes one: the only exception is the intake's own clean-up of a complaint that was
 * never stored whole (context `undoIntake`), so that nothing half remains.
 */
export const refuseEventDeletes: CollectionBeforeDeleteHook = ({ context, req }) => {
  if (!context.undoIntake) throw new Forbidden(req.t)
}
