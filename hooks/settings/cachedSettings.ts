import type { GlobalAfterChangeHook, Payload } from 'payload'

import type { Setting } from '../../cms/payload-types'

/**
 * The settings global, read once and kept in memory: every registration needs it (the day mode
 * of the deadlines, the sender), and it changes a few times a year. Any save of the settings in
 * this process forgets every kept copy (`forgetCachedSettings`, an afterChange hook of the global);
 * a copy is also never older than MAX_AGE_MS, for a change made by another process (e.g. a script).
 */
const MAX_AGE_MS = 30_000

type Entry = { at: number; settings: Promise<Setting> }
let kept = new WeakMap<Payload, Entry>()

/**
 * The whole settings global (trusted: server code only, never handed to a user as is). Shared
 * between requests: read it, never change it. Read without the caller's request, because the
 * copy outlives that request.
 */
export function readSettings(payload: Payload): Promise<Setting> {
  const now = Date.now()
  const entry = kept.get(payload)
  if (entry && now - entry.at < MAX_AGE_MS) return entry.settings
  const settings = payload.findGlobal({ slug: 'settings', overrideAccess: true, depth: 0 })
  const fresh: Entry = { at: now, settings }
  kept.set(payload, fresh)
  // A failed read is not kept: the next call tries again.
  settings.catch(() => {
    if (kept.get(payload) === fresh) kept.delete(payload)
  })
  return settings
}

/** Forgets every kept copy, in every Payload instance of this process (tests run several). */
export function forgetSettings(): void {
  kept = new WeakMap()
}

export const forgetCachedSettings: GlobalAfterChangeHook = ({ doc }) => {
  forgetSettings()
  return doc as Setting
}
