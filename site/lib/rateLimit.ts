import { siteEnv } from './env'

/**
 * Abuse protection for the public complaint form: at most N stored complaints per IP address per
 * hour (SITE_RATE_LIMIT_PER_HOUR, default 5). Only successful submissions count — a refused or
 * failed attempt gives its place back — and a form sent twice (same form token: double click,
 * back and send again) counts once.
 *
 * In memory: the site runs as one Node process. Several site processes would each count on their own.
 */
const HOUR_MS = 60 * 60 * 1000
/** Bounds memory when many addresses post: the oldest addresses are forgotten first. */
const MAX_ADDRESSES = 10_000

/** A held place; `release` gives it back when nothing new was stored. */
export type Reservation = { ok: true; release: () => void } | { ok: false; limit: number }

type Entry = { token: string; at: number }

export function createSubmissionLimiter({ limit, windowMs = HOUR_MS }: { limit: number; windowMs?: number }) {
  const byAddress = new Map<string, Entry[]>()

  const recent = (address: string, now: number): Entry[] => {
    const entries = (byAddress.get(address) ?? []).filter((e) => now - e.at < windowMs)
    if (entries.length === 0) byAddress.delete(address)
    else byAddress.set(address, entries)
    return entries
  }

  return {
    limit,
    /**
     * Takes a place for a submission of the form with this token, before the complaint is stored
     * (so two forms sent at once cannot both slip under the limit).
     */
    reserve(address: string, token: string, now: Date): Reservation {
      const at = now.getTime()
      const entries = recent(address, at)
      // The same form again: its first submission holds the place (or gives it back itself).
      if (entries.some((e) => e.token === token)) return { ok: true, release: () => {} }
      if (entries.length >= limit) return { ok: false, limit }
      const entry = { token, at }
      // Re-inserting moves the address to the end of the Map's order: the first key is the least recently used.
      byAddress.delete(address)
      byAddress.set(address, [...entries, entry])
      if (byAddress.size > MAX_ADDRESSES) {
        const oldest = byAddress.keys().next().value
        if (oldest !== undefined) byAddress.delete(oldest)
      }
      return {
        ok: true,
        release: () => {
          const left = (byAddress.get(address) ?? []).filter((e) => e !== entry)
          if (left.length === 0) byAddress.delete(address)
          else byAddress.set(address, left)
        },
      }
    },
  }
}

export type SubmissionLimiter = ReturnType<typeof createSubmissionLimiter>

let shared: SubmissionLimiter | undefined

/** The site's one limiter for the complaint form. */
export function complaintLimiter(): SubmissionLimiter {
  shared ??= createSubmissionLimiter({ limit: siteEnv().SITE_RATE_LIMIT_PER_HOUR })
  return shared
}

/** What the person sees when the limit is reached (the form keeps their input). */
export function rateLimitMessage(limit: number): string {
  const complaints = limit === 1 ? '1 klacht' : `${limit} klachten`
  return `U hebt het afgelopen uur al ${complaints} verstuurd. Probeer het over een uur opnieuw, of bel ons.`
}
