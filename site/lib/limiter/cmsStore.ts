import { createHmac } from 'node:crypto'

import type { Hit, RateLimitStore, TakeAnswer } from './store'

/**
 * The store every site process shares: the counts live in the CMS database (collection
 * `rate-limit-slots`, cms/endpoints/rateLimit.ts), where a unique place per key lets exactly one of
 * two processes take the last place. The CMS never sees an IP or e-mail address: each key is sent
 * as an HMAC with a key only the site derives (from its API key). When the CMS cannot be asked,
 * the form is not held up by its own protection: the hit counts as taken (and the log says so),
 * as the CMS that stores the complaint is then most likely unreachable too.
 */
export function cmsRateLimitStore({
  apiUrl,
  apiKey,
  timeoutMs = 3000,
  fetchImpl = fetch,
}: {
  apiUrl: string
  apiKey: string
  timeoutMs?: number
  fetchImpl?: typeof fetch
}): RateLimitStore {
  const secret = createHmac('sha256', apiKey).update('rate-limit-keys').digest()
  const hash = (key: string) => createHmac('sha256', secret).update(key).digest('hex')
  const post = async (path: string, body: unknown): Promise<unknown> => {
    const response = await fetchImpl(`${apiUrl}/rate-limit-slots/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `service-accounts API-Key ${apiKey}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok) throw new Error(`rate limit ${path}: HTTP ${response.status}`)
    return response.json()
  }
  return {
    async take(key: string, hit: Hit, since: number, limit: number): Promise<TakeAnswer> {
      try {
        return (await post('take', { key: hash(key), id: hit.id, at: hit.at, since, limit })) as TakeAnswer
      } catch (error) {
        console.error(`[site] rate limit not checked (${(error as Error).message}); counted as taken`)
        return { kind: 'taken' }
      }
    },
    async release(key: string, id: string): Promise<void> {
      await post('release', { key: hash(key), id }).catch((error: unknown) =>
        console.error(`[site] rate limit place not given back (${(error as Error).message})`),
      )
    },
  }
}
