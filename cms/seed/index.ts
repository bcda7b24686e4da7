import type { Payload } from 'payload'

import { hashServiceKey } from '../../hooks/complaints/serviceKey'
import type { Env } from '../env'
import { seedLetterTemplates } from './letterTemplates'
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

/** The site's doors: the intake, and the complainant's own page (Decision 20). */
const SITE_SCOPES = ['complaint-intake', 'complainant'] as const

/**
 * The public site's create-only identity (service account `site`, scopes complaint-intake and complainant),
 * with the API key from SITE_API_KEY (derived from PAYLOAD_SECRET unless set). A changed key
 * is written over the old one, so the site and the CMS always agree after a start.
 */
const siteServiceAccount: SeedStep = {
  name: 'site service account',
  run: async (payload, env) => {
    const keyHash = hashServiceKey(payload, env.SITE_API_KEY)
    // Trusted start-up code: service accounts are administered by admins only.
    const { docs } = await payload.find({
      collection: 'service-accounts',
      where: { name: { equals: 'site' } },
      limit: 1,
      overrideAccess: true,
      showHiddenFields: true,
    })
    const existing = docs[0]
    if (!existing) {
      await payload.create({
        collection: 'service-accounts',
        overrideAccess: true,
        data: { name: 'site', scopes: [...SITE_SCOPES], keyHash },
      })
      return 'service-account voor de website aangemaakt'
    }
    // An installation from before Decision 20 gets the complainant scope on its next start.
    const scopes = existing.scopes ?? []
    const missing = SITE_SCOPES.filter((scope) => !scopes.includes(scope))
    if (existing.keyHash === keyHash && missing.length === 0) return null
    await payload.update({
      collection: 'service-accounts',
      id: existing.id,
      overrideAccess: true,
      data: { keyHash, scopes: [...scopes, ...missing] },
    })
    return missing.length > 0 ? 'rechten van de website bijgewerkt' : 'sleutel van de website bijgewerkt'
  },
}

/** The default text of every letter the regulation requires (Art. 5–8, Decisions 8, 9, 12); edited texts are kept. */
const letterTexts: SeedStep = { name: 'letter texts', run: (payload) => seedLetterTemplates(payload) }

/** Seed steps in order. */
export const seedSteps: SeedStep[] = [firstAdmin, siteServiceAccount, seedRegulation, letterTexts]

export async function seed(payload: Payload, env: Env, steps: SeedStep[] = seedSteps): Promise<string[]> {
  const done: string[] = []
  for (const step of steps) {
    const result = await step.run(payload, env)
    if (result) done.push(result)
  }
  return done
}
