'use client'

import { format, isValid, parse } from 'date-fns'
import { enUS } from 'date-fns/locale/en-US'
import { nl } from 'date-fns/locale/nl'
import { type ReactNode, useEffect } from 'react'

import { DATE_TIME_FORMAT } from '../../collections/fields/dutchDate'

/** Payload 3.90's notice formats with a fixed `Intl.DateTimeFormat('en-US', …)`: "Dec 1, 2026, 7:48 PM". */
const PAYLOAD_LOCK_FORMAT = 'MMM d, yyyy, h:mm a'

function dutchSince(since: Element): void {
  const text = (since.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ').trim()
  const date = parse(text, PAYLOAD_LOCK_FORMAT, new Date(), { locale: enUS })
  if (isValid(date)) since.textContent = format(date, DATE_TIME_FORMAT, { locale: nl })
}

/**
 * The notice that someone else is editing a document ("Document vergrendeld") is the one part of
 * Payload 3.90's admin that ignores its language and date settings: it gives the time in American
 * English ("Dec 1, 2026, 7:48 PM"). There is no option or slot for it, so this provider puts a Dutch
 * date in it. (It still names the editor by e-mail address: Payload renders `user.email`.)
 */
export function DutchLockNotice({ children }: { children?: ReactNode }) {
  useEffect(() => {
    // Every change of the page: Payload renders the notice again as the lock's details arrive.
    const visit = () => {
      for (const content of document.querySelectorAll('.document-locked__content')) {
        const since = content.querySelectorAll('p strong')[1]
        if (since) dutchSince(since)
      }
    }
    const observer = new MutationObserver(visit)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    visit()
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
