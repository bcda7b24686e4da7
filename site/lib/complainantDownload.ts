import type { APIContext } from 'astro'

import { complainantCms, SESSION_COOKIE } from './complainant'

/**
 * Decision 20: a file of the complainant's own case (a letter, the dossier, the hearing's calendar
 * file), passed on from the CMS for the session in the cookie only. Without a session (or from
 * another site) the browser goes to the case page, which says how to get a new link; a missing
 * file is a 404.
 */
export async function downloadForSession(context: APIContext, path: string): Promise<Response> {
  // A download is a delivery on the record (the access log, the dossier's timeline entry): only from
  // our own pages, never from a link on another site (the Lax cookie would go along with that one).
  if (context.request.headers.get('sec-fetch-site') === 'cross-site') return context.redirect('/mijn-klacht/zaak', 303)
  const session = context.cookies.get(SESSION_COOKIE)?.value
  const answer = session ? await complainantCms().download(session, path) : 'signedOut'
  if (answer === 'signedOut') return context.redirect('/mijn-klacht/zaak', 303)
  if (answer === 'notFound')
    return new Response('Dit bestand bestaat niet (meer).', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  if (answer === 'unavailable')
    return new Response('Door een storing bij ons lukt dit nu even niet. Probeer het over een paar minuten opnieuw.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  const headers = new Headers({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
  for (const name of ['content-type', 'content-disposition', 'content-length']) {
    const value = answer.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(answer.body, { status: 200, headers })
}
