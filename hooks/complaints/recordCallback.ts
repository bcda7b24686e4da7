import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { relId } from '../relations'
import { systemOperationOf } from './workflow/systemOperations'

type Callback = NonNullable<Complaint['callback']>

/**
 * Art. 3: "WORKING PROGRESSION zal, indien gewenst, de klager ondersteunen bij de verwoording van de
 * klacht." A complaint that asks for help writing it down (`wantsHelpWriting`) is a task — a
 * call-back — until a member of staff records that they called; the portal records who and when,
 * on every path (the admin, REST, the Local API with or without a user). Once recorded it stands.
 * `callback.state` is what the queue shows and filters on: pending, done, or empty (no request).
 */
export const recordCallback: CollectionBeforeChangeHook<Complaint> = ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (systemOperationOf(context)) return data
  const before: Callback = operation === 'update' ? (originalDoc?.callback ?? {}) : {}
  const wanted = Boolean('wantsHelpWriting' in data ? data.wantsHelpWriting : originalDoc?.wantsHelpWriting)
  const ticked = Boolean(data.callback && 'done' in data.callback ? data.callback.done : before.done)
  const fail = (message: string): never => {
    throw new ValidationError({ collection: 'complaints', errors: [{ path: 'callback.done', message }], req }, req.t)
  }

  if (before.doneAt) {
    if (!ticked) fail('Het terugbellen is al vastgelegd; dat blijft zo staan.')
    // Who and when stay as recorded, whatever a write sends.
    return { ...data, callback: { ...before, doneBy: relId(before.doneBy), state: 'done', done: true } }
  }
  if (ticked) {
    if (!wanted) fail('De klager heeft niet gevraagd om teruggebeld te worden.')
    const person = req.user?.collection === 'users' ? String(req.user.id) : null
    if (!person) fail('Alleen een medewerker kan vastleggen dat de klager is teruggebeld.')
    return { ...data, callback: { state: 'done', done: true, doneAt: new Date().toISOString(), doneBy: person } }
  }
  // Nothing recorded yet: the task follows the request (a write cannot set who or when).
  return { ...data, callback: { state: wanted ? 'pending' : null, done: false, doneAt: null, doneBy: null } }
}
