/**
 * Counts what a person does in a browser test: every click, fill, check and select goes through
 * one helper, and every save of a complaint (a PATCH or POST to /api/complaints…) is counted from
 * the page's own requests. A measure of how much work a task takes in the admin, not a timing.
 */
import type { Locator, Page, Request } from 'playwright-core'

export type CountingActions = {
  click: (target: Locator) => Promise<void>
  fill: (target: Locator, value: string) => Promise<void>
  check: (target: Locator) => Promise<void>
  select: (target: Locator, value: string) => Promise<void>
  /** Clicks, fills, checks and selects so far. */
  readonly interactions: number
  /** Saves of a complaint so far (PATCH or POST to /api/complaints). */
  readonly saves: number
  /** Each interaction with a short description, for the report of a run. */
  readonly log: readonly string[]
}

/** A write of a complaint: POST /api/complaints (create) or PATCH /api/complaints/:id — not the admin's
 * permission check (POST /api/complaints/access/:id) that follows a save. */
const isComplaintSave = (request: Request): boolean => {
  const path = new URL(request.url()).pathname
  if (path.startsWith('/api/complaints/access/')) return false
  return (
    (request.method() === 'POST' && path === '/api/complaints') ||
    (request.method() === 'PATCH' && /^\/api\/complaints\/[^/]+$/.test(path))
  )
}

export function countingActions(page: Page): CountingActions {
  const log: string[] = []
  let saves = 0
  page.on('request', (request) => {
    if (isComplaintSave(request)) saves += 1
  })
  const note = (what: string, target: Locator) => log.push(`${what} ${target.toString()}`)
  return {
    click: async (target) => {
      note('click', target)
      await target.click()
    },
    fill: async (target, value) => {
      note('fill', target)
      await target.fill(value)
    },
    check: async (target) => {
      note('check', target)
      await target.check()
    },
    select: async (target, value) => {
      note('select', target)
      await target.selectOption(value)
    },
    get interactions() {
      return log.length
    },
    get saves() {
      return saves
    },
    get log() {
      return log
    },
  }
}
