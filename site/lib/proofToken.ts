import { createHmac, timingSafeEqual } from 'node:crypto'

import { z } from 'zod'

/**
 * The proof of receipt shown after a complaint was stored (post/redirect/get): the confirmation
 * page's address carries it, signed, because the site may not read complaints back. It holds no
 * personal data — only the reference and the dates — and expires, after which the e-mail is the proof.
 *
 * Format: base64url(JSON) "." base64url(HMAC-SHA256(JSON)).
 */
const proofSchema = z.object({
  reference: z.string().regex(/^WP-\d{4}-\d+$/),
  receivedAt: z.iso.datetime({ offset: true }),
  acknowledgeBy: z.iso.datetime({ offset: true }),
  decisionTargetBy: z.iso.datetime({ offset: true }),
  decisionLimitBy: z.iso.datetime({ offset: true }),
  emailed: z.boolean(),
  /** Art. 3: the complainant asked for help writing the complaint down; staff will call back. */
  callbackRequested: z.boolean().optional(),
  /** The same form was sent again with changes after it was stored: the first version stands, the changes were not stored. */
  changeNotStored: z.boolean().optional(),
  /** A new complaint with other content after one sent from the same browser shortly before: that one's reference. */
  earlierReference: z
    .string()
    .regex(/^WP-\d{4}-\d+$/)
    .optional(),
})

export type Proof = z.infer<typeof proofSchema>

const signedSchema = proofSchema.extend({ expiresAt: z.number().int() })

export const PROOF_LIFETIME_MS = 24 * 60 * 60 * 1000

/** A key for this purpose only, derived from the site's secret (so a cache signal can never pass as a proof). */
export function proofKey(siteSecret: string): Buffer {
  return createHmac('sha256', siteSecret).update('klacht-indienen:ontvangstbewijs').digest()
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest()

export function signProof(proof: Proof, key: Buffer, now: Date, lifetimeMs = PROOF_LIFETIME_MS): string {
  const payload = Buffer.from(
    JSON.stringify({ ...proofSchema.parse(proof), expiresAt: now.getTime() + lifetimeMs }),
  ).toString('base64url')
  return `${payload}.${mac(key, payload).toString('base64url')}`
}

/** The proof, or null when the token is malformed, tampered with or expired. */
export function verifyProof(token: string | null | undefined, key: Buffer, now: Date): Proof | null {
  if (!token || token.length > 2048) return null
  const [payload, signature, ...rest] = token.split('.')
  if (!payload || !signature || rest.length > 0) return null
  const expected = mac(key, payload)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    // Cannot happen for a token we signed; a forged one already failed the signature check.
    return null
  }
  const parsed = signedSchema.safeParse(json)
  if (!parsed.success || parsed.data.expiresAt <= now.getTime()) return null
  const { expiresAt: _expiresAt, ...proof } = parsed.data
  return proof
}
