/**
 * An iCalendar (RFC 5545) file for the hearing invitation (Art. 6), so the complainant can put the
 * appointment in their calendar with one click. Pure: the same input gives the same text. A new
 * invitation for the same hearing keeps the UID and raises SEQUENCE, so calendars move the
 * appointment instead of adding a second one. A cancelled hearing gets the same UID with a higher
 * SEQUENCE, METHOD:CANCEL and STATUS:CANCELLED (RFC 5546, 3.2.5), so calendars remove it.
 */
export type CalendarEvent = {
  uid: string
  sequence: number
  start: Date
  durationMinutes: number
  /** When the file was made (DTSTAMP). */
  stamp: Date
  summary: string
  location: string
  description: string
  organizer?: { name: string; email: string } | null
  /** The hearing does not take place: the file takes the appointment out of the calendar. */
  cancelled?: boolean
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Lines longer than 75 octets are folded: CRLF plus one space (RFC 5545, 3.1), never inside a character. */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    const limit = out.length === 0 ? 75 : 74
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

export function calendarFile(event: CalendarEvent): string {
  if (Number.isNaN(event.start.getTime())) throw new Error('calendarFile: start is geen geldige datum')
  const end = new Date(event.start.getTime() + Math.max(15, event.durationMinutes) * 60_000)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Working Progression//Klachtenportaal//NL',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.organizer?.email
      ? [`ORGANIZER;CN=${JSON.stringify(event.organizer.name.replace(/"/g, "'"))}:mailto:${event.organizer.email}`]
      : []),
    ...(event.cancelled
      ? ['STATUS:CANCELLED', 'TRANSP:TRANSPARENT']
      : [
          'STATUS:CONFIRMED',
          'TRANSP:OPAQUE',
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          'TRIGGER:-P1D',
          `DESCRIPTION:${escapeText(event.summary)}`,
          'END:VALARM',
        ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
