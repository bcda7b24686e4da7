/**
 * The site's read cache of published content. Between publications no request reaches the CMS
 * (and so the database): a value is fetched once and then served from memory until the CMS
 * signals a publication, or the site's server finds the content version changed or the maximum
 * age passed (site/server.ts, createVersionCheck). After that the next request fetches again; if
 * the CMS cannot be reached, the last value keeps being served (and is retried after a short pause).
 */
export type CachedLoader<T> = {
  get: () => Promise<T>
  /** Marks the value stale: the next get() fetches, but keeps the old value if that fails. */
  invalidate: () => void
  /** True when the value held is the CMS's current one (fetched since the last signal). */
  isCurrent: () => boolean
}

const loaders = new Set<{ invalidate: () => void }>()
const RETRY_AFTER_FAILURE_MS = 10_000

export function cached<T>(name: string, load: () => Promise<T>, options: { now?: () => number } = {}): CachedLoader<T> {
  const now = options.now ?? Date.now
  let value: { data: T } | undefined
  let stale = true
  let inFlight: Promise<T> | undefined
  let lastFailureAt = -Infinity
  /** Grows with every invalidation: a fetch that began before one may hold the old text. */
  let epoch = 0

  const refresh = (): Promise<T> => {
    const startedIn = epoch
    inFlight ??= load()
      .then((data) => {
        value = { data }
        stale = startedIn !== epoch
        return data
      })
      .catch((error: unknown) => {
        lastFailureAt = now()
        if (!value) throw error
        console.error(`[site] ${name}: CMS unreachable, the last published version stays (${(error as Error).message})`)
        return value.data
      })
      .finally(() => {
        inFlight = undefined
      })
    return inFlight
  }

  const loader: CachedLoader<T> = {
    get: async () => {
      if (value && !stale) return value.data
      if (value && now() - lastFailureAt < RETRY_AFTER_FAILURE_MS) return value.data
      return refresh()
    },
    invalidate: () => {
      epoch += 1
      stale = true
      lastFailureAt = -Infinity
    },
    isCurrent: () => value !== undefined && !stale,
  }
  loaders.add(loader)
  return loader
}

/** Called on the CMS's signed signal after a publication, and by the server's version check. */
export function invalidateAll(): void {
  for (const loader of loaders) loader.invalidate()
}

// The site's server (site/server.ts, outside this bundle) finds a changed content version; it
// reaches this copy of the module through this registered symbol (DROP_PUBLISHED_CONTENT there).
;(globalThis as Record<symbol, unknown>)[Symbol.for('klachtenportaal.site.dropPublishedContent')] = invalidateAll
