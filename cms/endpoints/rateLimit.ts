import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { z } from 'zod'

import { hasServiceScope } from '../../hooks/complaints/serviceKey'
import { isUniqueViolation } from '../../hooks/effects/once'
import { forbidden, json, jsonBody } from './complainantCase'

/** The longest window the site may count over; rows older than this are removed. */
export const RATE_LIMIT_KEEP_MS = 60 * 60 * 1000
const MAX_LIMIT = 1000

/** The site's key (either of its scopes: both its forms are limited). */
const fromSite = (req: PayloadRequest) =>
  hasServiceScope(req.payload, req.headers.get('authorization'), ['complaint-intake', 'complainant'])

const key = z.string().regex(/^[a-f0-9]{64}$/, 'moet een HMAC (64 hexadecimale tekens) zijn')
const hit = z.string().min(1).max(200)
const takeSchema = z.object({
  key,
  id: hit,
  at: z.number().int(),
  since: z.number().int(),
  limit: z.number().int().min(1).max(MAX_LIMIT),
})
const releaseSchema = z.object({ key, id: hit })

export type TakeAnswer = { kind: 'taken' } | { kind: 'repeat' } | { kind: 'full'; oldest: number }

type SlotRow = { hit: string; at: string; slot: string }

async function slotsOf(payload: Payload, slotKey: string): Promise<SlotRow[]> {
  const { docs } = await payload.find({
    collection: 'rate-limit-slots',
    where: { key: { equals: slotKey } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { hit: true, at: true, slot: true },
  })
  return docs
}

/**
 * The store's one step (site/lib/limiter/store.ts, `take`), shared by every site process: forget
 * this key's hits at or before `since` (and every row past the longest window), answer `repeat`
 * for a hit already counted, `full` when `limit` are left, else take the first free place. Two
 * processes taking one place: the unique `slot` lets one through; the other looks again.
 */
export async function takeSlot(payload: Payload, args: z.infer<typeof takeSchema>): Promise<TakeAnswer> {
  await payload.delete({
    collection: 'rate-limit-slots',
    where: {
      or: [
        { and: [{ key: { equals: args.key } }, { at: { less_than_equal: new Date(args.since).toISOString() } }] },
        { at: { less_than: new Date(Date.now() - RATE_LIMIT_KEEP_MS).toISOString() } },
      ],
    },
    overrideAccess: true,
  })
  for (let attempt = 0; attempt <= args.limit; attempt++) {
    const rows = (await slotsOf(payload, args.key)).filter((row) => Date.parse(row.at) > args.since)
    if (rows.some((row) => row.hit === args.id)) return { kind: 'repeat' }
    if (rows.length >= args.limit) return { kind: 'full', oldest: Math.min(...rows.map((row) => Date.parse(row.at))) }
    const taken = new Set(rows.map((row) => row.slot))
    let place = 0
    while (taken.has(`${args.key}#${place}`)) place++
    try {
      await payload.create({
        collection: 'rate-limit-slots',
        data: { slot: `${args.key}#${place}`, key: args.key, hit: args.id, at: new Date(args.at).toISOString() },
        overrideAccess: true,
        depth: 0,
      })
      return { kind: 'taken' }
    } catch (error) {
      // Another process took this place first: look again.
      if (!isUniqueViolation(error, 'slot')) throw error
    }
  }
  const rows = await slotsOf(payload, args.key)
  return { kind: 'full', oldest: Math.min(...rows.map((row) => Date.parse(row.at))) }
}

const invalid = (error: z.ZodError) =>
  json({ error: `Ongeldige aanvraag: ${error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` }, 400)

/** POST /api/rate-limit-slots/take and /release: for the site's key only. */
export const rateLimitEndpoints: Endpoint[] = [
  {
    path: '/take',
    method: 'post',
    handler: async (req) => {
      if (!(await fromSite(req))) return forbidden()
      const parsed = takeSchema.safeParse(await jsonBody(req))
      if (!parsed.success) return invalid(parsed.error)
      if (parsed.data.at - parsed.data.since > RATE_LIMIT_KEEP_MS)
        return json({ error: 'Ongeldige aanvraag: het venster is langer dan een uur.' }, 400)
      return json(await takeSlot(req.payload, parsed.data), 200)
    },
  },
  {
    path: '/release',
    method: 'post',
    handler: async (req) => {
      if (!(await fromSite(req))) return forbidden()
      const parsed = releaseSchema.safeParse(await jsonBody(req))
      if (!parsed.success) return invalid(parsed.error)
      await req.payload.delete({
        collection: 'rate-limit-slots',
        where: { and: [{ key: { equals: parsed.data.key } }, { hit: { equals: parsed.data.id } }] },
        overrideAccess: true,
      })
      return json({ kind: 'released' }, 200)
    },
  },
]
