import type { RateLimitStore } from './store'

/** A limit: at most `limit` events per `windowMs` for each value of one key (an IP address, an e-mail address). */
export type RateRule = { limit: number; windowMs: number }

/** A held place; `release` gives it back (nothing new was stored after all). */
export type Reservation<R extends string> =
  | { ok: true; release: () => Promise<void> }
  /** Refused by `rule`: `retryAt` is when the first place in it frees up. */
  | { ok: false; rule: R; limit: number; retryAt: Date }

/**
 * A sliding-window rate limiter over named rules, each counting per its own key. One event (named
 * by `id`: e.g. a form token) counts once per key, however often it comes; an event refused by one
 * rule takes no place in the others. Pure logic: time comes from `clock`, counts from `store`.
 */
export function createRateLimiter<R extends string>({
  store,
  rules,
  clock = () => new Date(),
}: {
  store: RateLimitStore
  rules: Record<R, RateRule>
  clock?: () => Date
}) {
  const names = Object.keys(rules) as R[]
  return {
    rules,
    /**
     * Takes a place under every rule whose key is given, before the work is done (so that two
     * events at once cannot both slip under a limit). A rule without a key is not applied.
     */
    async reserve(keys: Partial<Record<R, string>>, id: string): Promise<Reservation<R>> {
      const at = clock().getTime()
      const taken: string[] = []
      const giveBack = () => Promise.all(taken.map((key) => store.release(key, id))).then(() => undefined)
      for (const name of names) {
        const value = keys[name]
        if (value === undefined) continue
        const rule = rules[name]
        const key = `${name}:${value}`
        const answer = await store.take(key, { id, at }, at - rule.windowMs, rule.limit)
        if (answer.kind === 'full') {
          await giveBack()
          return { ok: false, rule: name, limit: rule.limit, retryAt: new Date(answer.oldest + rule.windowMs) }
        }
        // A repeat holds the place of its first time; releasing this one must not free that.
        if (answer.kind === 'taken') taken.push(key)
      }
      return { ok: true, release: giveBack }
    },
  }
}

export type RateLimiter<R extends string> = ReturnType<typeof createRateLimiter<R>>
