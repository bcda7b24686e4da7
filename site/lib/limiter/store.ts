/**
 * Where a rate limiter keeps its counts. The limiter (limiter.ts) holds the rules; a store only
 * keeps, per key, the recent hits and answers one question atomically, so that two requests at the
 * same moment cannot both slip under a limit. This module has the in-memory store (one site
 * process); a shared store (several processes) implements the same interface.
 */

/** One counted event: `id` names it, so the same event (the same form sent again) counts once. */
export type Hit = { id: string; at: number }

export type TakeAnswer =
  /** Counted now. */
  | { kind: 'taken' }
  /** This id was counted before, within the window: it does not count again. */
  | { kind: 'repeat' }
  /** `limit` hits within the window; `oldest` is the time of the earliest, which frees a place first. */
  | { kind: 'full'; oldest: number }

export interface RateLimitStore {
  /**
   * For one key, as one step: forget hits at or before `since`; answer `repeat` when a hit with this id
   * is left; `full` when `limit` hits are left; otherwise record the hit and answer `taken`.
   */
  take(key: string, hit: Hit, since: number, limit: number): Promise<TakeAnswer>
  /** Forgets the hit with this id (an event that, after all, does not count). */
  release(key: string, id: string): Promise<void>
}

/** Bounds memory when many keys are counted: the least recently counted keys are forgotten first. */
const MAX_KEYS = 10_000

/** The store of one process. Each operation runs without awaiting anything, so it is atomic in Node. */
export function memoryRateLimitStore({ maxKeys = MAX_KEYS }: { maxKeys?: number } = {}): RateLimitStore {
  const hits = new Map<string, Hit[]>()
  return {
    take(key, hit, since, limit) {
      const recent = (hits.get(key) ?? []).filter((h) => h.at > since)
      if (recent.some((h) => h.id === hit.id)) {
        hits.set(key, recent)
        return Promise.resolve({ kind: 'repeat' })
      }
      if (recent.length >= limit) {
        hits.set(key, recent)
        return Promise.resolve({ kind: 'full', oldest: Math.min(...recent.map((h) => h.at)) })
      }
      // Re-inserting moves the key to the end of the Map's order: the first key is the least recently used.
      hits.delete(key)
      hits.set(key, [...recent, hit])
      if (hits.size > maxKeys) {
        const oldest = hits.keys().next().value
        if (oldest !== undefined) hits.delete(oldest)
      }
      return Promise.resolve({ kind: 'taken' })
    },
    release(key, id) {
      const left = (hits.get(key) ?? []).filter((h) => h.id !== id)
      if (left.length === 0) hits.delete(key)
      else hits.set(key, left)
      return Promise.resolve()
    },
  }
}
