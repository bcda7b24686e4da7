import { civilDateIn } from '../dates/amsterdam'

/** The daily retention run's time of day (cms/jobs/applyRetention.ts, cron `0 30 3 * * *`). */
export const RETENTION_RUN_AT = { hour: 3, minute: 30 }

/**
 * The civil date (Amsterdam) of the next retention run after `now`: today when it is not yet 03:30
 * there, otherwise tomorrow. The scheduler's cron runs in the server's own time zone, so the preview
 * names the night's date only ("'s nachts"), never a clock time it cannot promise.
 */
export function nextRetentionRun(now: Date): string {
  const today = civilDateIn(now)
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now)
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const beforeRun = hour < RETENTION_RUN_AT.hour || (hour === RETENTION_RUN_AT.hour && minute < RETENTION_RUN_AT.minute)
  if (beforeRun) return today
  const next = new Date(`${today}T12:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}
