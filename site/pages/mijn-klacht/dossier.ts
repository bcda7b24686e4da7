import type { APIRoute } from 'astro'

import { downloadForSession } from '../../lib/complainantDownload'

/** /mijn-klacht/dossier (Decision 20, AVG art. 15): the dossier for inspection as a ZIP, for the session's case. */
export const GET: APIRoute = (context) => downloadForSession(context, '/case/dossier')
