import type { APIRoute } from 'astro'

import { downloadForSession } from '../../lib/complainantDownload'

/** /mijn-klacht/gesprek.ics (Art. 6.2): the planned hearing as a calendar file, for the session's case. */
export const GET: APIRoute = (context) => downloadForSession(context, '/case/hearing.ics')
