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

const isComplaintSave = (request: Request): boolean =>
  (request.method() === 'PATCH' || request.method() === 'POST') &&
  /^\/api\/complaints(\/|$)/.test(new URL(request.url()).pathname)

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
