import type { Endpoint } from 'payload'

import type { IncomingFile } from '../../hooks/complaints/attachments'
import { registerWebComplaint } from '../../hooks/complaints/registerComplaint'
import { hasServiceScope } from '../../hooks/complaints/serviceKey'

const json = (body: unknown, status: number) => Response.json(body, { status })

/**
 * POST /api/complaints/intake — multipart: `data` (JSON of the form) and `files`. Answers 201 with
 * the confirmation, 200 for a repeated form token (with `resubmission: 'same' | 'changed'`), 400
 * with messages per field, 503 with `stored: false` when storing failed and was undone.
 * The caller gets the confirmation only: it cannot read complaints. A thin adapter: it reads the
 * form and answers; registering is `registerWebComplaint` (hooks/complaints/registerComplaint.ts).
 */
export const submitComplaint: Endpoint = {
  path: '/intake',
  method: 'post',
  handler: async (req) => {
    // Only the key of a service account with the intake scope (the public site) opens this door.
    if (!(await hasServiceScope(req.payload, req.headers.get('authorization'), 'complaint-intake')))
      return json({ error: 'Geen toegang.' }, 403)
    let form: FormData
    try {
      if (!req.formData) throw new Error('no body')
      form = await req.formData()
    } catch {
      return json({ errors: { form: 'De klacht kon niet worden gelezen. Probeer het opnieuw.' } }, 400)
    }
    let raw: Record<string, unknown>
    try {
      const data = form.get('data')
      const parsed: unknown = JSON.parse(typeof data === 'string' ? data : '')
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
      raw = parsed as Record<string, unknown>
    } catch {
      return json({ errors: { form: 'De klacht kon niet worden gelezen. Probeer het opnieuw.' } }, 400)
    }
    const files: IncomingFile[] = []
    for (const entry of form.getAll('files')) {
      if (typeof entry === 'string') continue
      files.push({ name: entry.name, size: entry.size, bytes: new Uint8Array(await entry.arrayBuffer()) })
    }
    try {
      const result = await registerWebComplaint(req.payload, raw, files, req)
      if (result.kind === 'invalid') return json({ errors: result.errors }, 400)
      if (!result.repeated) return json(result.confirmation, 201)
      return json({ ...result.confirmation, resubmission: result.changed ? 'changed' : 'same' }, 200)
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'Complaint intake failed; nothing was stored' })
      // registerWebComplaint undid every write before it threw (and looked for a concurrent winner):
      // the site may tell the person for certain that nothing was stored.
      return json({ error: 'De klacht is niet opgeslagen.', stored: false }, 503)
    }
  },
}
