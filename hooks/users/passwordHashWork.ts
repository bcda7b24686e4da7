import crypto from 'node:crypto'

/**
 * Payload 3.90's password hash (payload/dist/auth/strategies/local/generatePasswordSaltHash.js,
 * `pbkdf2-sha256-v1:`): PBKDF2-SHA256, 600 000 iterations, 32 bytes, over a 32-byte hex salt.
 * test/int/login.int.spec.ts checks these against a hash Payload itself stored.
 */
export const PAYLOAD_PBKDF2 = { iterations: 600_000, keyLength: 32, digest: 'sha256' } as const

const DUMMY_SALT = crypto.randomBytes(32).toString('hex')
const DUMMY_HASH = Buffer.alloc(PAYLOAD_PBKDF2.keyLength)

/**
 * The work Payload does to check a wrong password (authenticate.js: pbkdf2, then a constant-time
 * compare), against a hash no password matches. `crypto.pbkdf2` is called through the module object,
 * as Payload calls it, so a test can count both.
 */
export function hashAgainstDummy(password: string): Promise<void> {
  const { iterations, keyLength, digest } = PAYLOAD_PBKDF2
  return new Promise((resolve, reject) =>
    crypto.pbkdf2(password, DUMMY_SALT, iterations, keyLength, digest, (error, derived) => {
      if (error) return reject(error)
      crypto.timingSafeEqual(derived, DUMMY_HASH)
      resolve()
    }),
  )
}
