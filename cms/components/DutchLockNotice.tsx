'use client'

import { useConfig } from '@payloadcms/ui'
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

/** The names of colleagues by e-mail address, asked once per page (null: no name to be had). */
const names = new Map<string, Promise<string | null>>()

function nameOf(api: string, email: string): Promise<string | null> {
  let found = names.get(email)
  if (!found) {
    found = fetch(`${api}/users/colleague-name?email=${encodeURIComponent(email)}`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ name?: unknown }>) : null))
      .then((body) => {
        const name = body?.name
        return typeof name === 'string' && name.trim() ? name.trim() : null
      })
      .catch(() => null)
    names.set(email, found)
  }
  return found
}

/**
 * The editor's name instead of the address Payload shows (GET /api/users/colleague-name, for any
 * staff member: cms/endpoints/colleagueName.ts). It changes the text React rendered in place, so that React's next render of the notice
 * writes into the same text, and this visit names the editor again.
 */
function nameTheEditor(api: string, who: Element): void {
  const email = (who.textContent ?? '').trim()
  if (!email.includes('@')) return
  void nameOf(api, email).then((name) => {
    if (!name || (who.textContent ?? '').trim() !== email) return
    const text = who.firstChild
    if (text && text.nodeType === Node.TEXT_NODE && who.childNodes.length === 1) text.nodeValue = name
    else who.textContent = name
  })
}

/**
 * The notice that someone else is editing a document ("Document vergrendeld") is the one part of
 * Payload 3.90's admin that ignores its language and date settings: it gives the time in American
 * English ("Dec 1, 2026, 7:48 PM"), and names the editor by e-mail address (DocumentLocked renders
 * `user.email` of the lock's user, whatever the collection's `useAsTitle`). There is no option or
 * slot for it, so this provider puts a Dutch date in it, and the editor's name: only the name,
 * which every staff member may ask (an editor may read no other account, but sees who holds the
 * text they want to change).
 */
export function DutchLockNotice({ children }: { children?: ReactNode }) {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  useEffect(() => {
    // Every change of the page: Payload renders the notice again as the lock's details arrive.
    const visit = () => {
      for (const content of document.querySelectorAll('.document-locked__content')) {
        const [who, since] = content.querySelectorAll('p strong')
        if (who) nameTheEditor(api, who)
        if (since) dutchSince(since)
      }
    }
    const observer = new MutationObserver(visit)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    visit()
    return () => observer.disconnect()
  }, [api])
  return <>{children}</>
}
