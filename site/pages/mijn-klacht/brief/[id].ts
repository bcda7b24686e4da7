import type { APIRoute } from 'astro'

import { downloadForSession } from '../../../lib/complainantDownload'

/** /mijn-klacht/brief/<id> (Decision 20): one letter to the complainant, as its PDF; of the session's case only. */
export const GET: APIRoute = (context) =>
  downloadForSession(context, `/case/letters/${encodeURIComponent(context.params.id ?? '')}`)
