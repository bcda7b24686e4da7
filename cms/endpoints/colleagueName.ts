import type { Endpoint } from 'payload'

import { hasRole, ROLES } from '../../collections/access/roles'

/**
 * GET /api/users/colleague-name?email=… — the name of the colleague whose address Payload's lock
 * notice shows ("… bewerkt dit document nu"), for any staff member: an editor may read no other
 * account, yet should see who holds the text they want to change (cms/components/DutchLockNotice).
 * Only the name, never the account; nobody else (a custom endpoint is public until it checks).
 */
export const colleagueName: Endpoint = {
  path: '/colleague-name',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: 'Log eerst in.' }, { status: 401 })
    if (!hasRole(req.user, ...ROLES))
      return Response.json({ error: 'Alleen medewerkers zien de naam van een collega.' }, { status: 403 })
    const email = req.searchParams.get('email')?.trim() ?? ''
    if (email === '' || email.length > 254)
      return Response.json({ errors: [{ field: 'email', message: 'Vul een e-mailadres in.' }] }, { status: 400 })
    const { docs } = await req.payload.find({
      collection: 'users',
      where: { email: { equals: email.toLowerCase() } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { name: true },
      req,
    })
    const name = docs[0]?.name
    return Response.json(
      { name: typeof name === 'string' && name.trim() ? name.trim() : null },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
