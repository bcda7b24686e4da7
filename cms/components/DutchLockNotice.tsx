'use client'

import { format, isValid, parse } from 'date-fns'
import { enUS } from 'date-fns/locale/en-US'
import { nl } from 'date-fns/locale/nl'
import { type ReactNode, useEffect } from 'react'

import { DATE_TIME_FORMAT } from '../../collections/fields/dutchDate'

/** Payload 3.90's notice formats with a fixed `Intl.DateTimeFormat('en-US', …)`: "Dec 1, 2026, 7:48 PM". */
const PAYLOAD_LOCK_FORMAT = 'MMM d, yyyy, h:mm a'

const names = new Map<string, Promise<string | null>>()

async function lookUpName(email: string): Promise<string | null> {
  const query = new URLSearchParams({ 'where[email][equals]': email, limit: '1', depth: '0' })
  const response = await fetch(`/api/users?${query.toString()}`, { credentials: 'include' })
  if (!response.ok) return null
  const body = (await response.json()) as { docs?: { name?: string | null }[] }
  return body.docs?.[0]?.name?.trim() || null
}

/** One look-up per address: the notice is rendered again as the lock's details arrive. */
const nameOf = (email: string): Promise<string | null> => {
  const known = names.get(email)
  if (known) return known
  const asked = lookUpName(email)
  names.set(email, asked)
  return asked
}

function dutchSince(since: Element): void {
  const text = (since.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ').trim()
  const date = parse(text, PAYLOAD_LOCK_FORMAT, new Date(), { locale: enUS })
  if (isValid(date)) since.textContent = format(date, DATE_TIME_FORMAT, { locale: nl })
}

async function dutchEditor(who: Element): Promise<void> {
  const email = (who.textContent ?? '').trim()
  if (!email.includes('@')) return
  const name = await nameOf(email)
  if (name && who.textContent?.trim() === email) who.textContent = name
}

/**
 * The notice that someone else is editing a document ("Document vergrendeld") is the one part of
 * Payload 3.90's admin that ignores its language and date settings: it names the editor by e-mail
 * address and gives the time in American English. There is no option or slot for it, so this
 * provider puts the editor's name and a Dutch date in it once it opens.
 */
export function DutchLockNotice({ children }: { children?: ReactNode }) {
  useEffect(() => {
    // Every change of the page: Payload renders the notice first with the editor's id, then with their address.
    const visit = () => {
      for (const content of document.querySelectorAll('.document-locked__content')) {
        const [who, since] = content.querySelectorAll('p strong')
        if (since) dutchSince(since)
        // Without the name (no answer), the notice keeps the address Payload put there.
        if (who)
          void dutchEditor(who).catch((error: unknown) => console.warn('lock notice: editor name not found', error))
      }
    }
    const observer = new MutationObserver(visit)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    visit()
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
