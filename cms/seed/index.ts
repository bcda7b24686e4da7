import type { Payload } from 'payload'

import type { Env } from '../env'
import { seedRegulation } from './regulation/seedRegulation'

export type SeedStep = {
  name: string
  /** Must be idempotent: called on every start, it only adds what is missing. */
  run: (payload: Payload, env: Env) => Promise<string | null>
}

/** The first administrator from ADMIN_EMAIL / ADMIN_PASSWORD, only while no user exists. */
const firstAdmin: SeedStep = {
  name: 'first administrator',
  run: async (payload, env) => {
    if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return null
    const { totalDocs } = await payload.count({ collection: 'users' })
    if (totalDocs > 0) return null
    // Trusted start-up code: no request user exists yet, so access control is bypassed on purpose.
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, name: 'Beheerder', roles: ['admin'] },
    })
    return `beheerder ${env.ADMIN_EMAIL} aangemaakt`
  },
}

/** Seed steps in order; later issues add theirs (the regulation, letter texts). */
export const seedSteps: SeedStep[] = [firstAdmin, seedRegulation]

export async function seed(payload: Payload, env: Env, steps: SeedStep[] = seedSteps): Promise<string[]> {
  const done: string[] = []
  for (const step of steps) {
    const result = await step.run(payload, env)
    if (result) done.push(result)
  }
  return done
}
