import type { Endpoint } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { hasServiceScope } from '../../hooks/complaints/serviceKey'
import { renderReportPdf } from '../../hooks/reports/files/pdf'
import { reportCsv } from '../../hooks/reports/files/csv'
import { loadReport } from '../../hooks/reports/loadReport'
import { reportFileName, reportQuery } from '../components/report/reportQuery'

// The numbers change with every case: no cache (the browser's or a proxy's) keeps an old answer.
const NO_STORE = { 'Cache-Control': 'no-store' }

const FORBIDDEN = { status: 403, headers: NO_STORE }

const file = (type: string, name: string) => ({
  ...NO_STORE,
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${name}"`,
})

/**
 * GET /api/complaints/report?from=YYYY-MM-DD&to=YYYY-MM-DD[&asOf=…][&format=csv|pdf] — the Art. 9
 * report (DOMAIN.md, "Contracts added"), for managers only (DOMAIN.md, People; Decision 15: not
 * admins). A custom endpoint is public until it checks the user: this one does first, before it
 * reads the query. A thin adapter over `loadReport`, the one entry point every presentation uses.
 * It logs nothing of the request: the numbers are anonymous, and so is what it records (nothing).
 */
export const reportEndpoint: Endpoint = {
  path: '/report',
  method: 'get',
  handler: async (req) => {
    if (!req.user) {
      // The site's service key is a known identity, but it only files complaints: refused, not "who are you".
      const service = await hasServiceScope(req.payload, req.headers.get('authorization'), 'complaint-intake')
      return service
        ? Response.json({ error: 'Een servicesleutel geeft geen toegang tot de verantwoording.' }, FORBIDDEN)
        : Response.json({ error: 'Log eerst in.' }, { status: 401, headers: NO_STORE })
    }
    if (!hasRole(req.user, 'manager'))
      return Response.json({ error: 'Alleen een manager ziet de verantwoording (art. 9).' }, FORBIDDEN)
    const query = reportQuery(req.query)
    if (!query.ok) return Response.json({ errors: query.errors }, { status: 400, headers: NO_STORE })
    const report = await loadReport(req.payload, query.period, query.asOf, req)
    if (query.format === 'csv')
      return new Response(reportCsv(report), {
        headers: file('text/csv; charset=utf-8', reportFileName(query.period, 'csv')),
      })
    if (query.format === 'pdf')
      return new Response(Buffer.from(await renderReportPdf(report)), {
        headers: file('application/pdf', reportFileName(query.period, 'pdf')),
      })
    return Response.json(report, { headers: NO_STORE })
  },
}
