import { randomUUID } from 'node:crypto'

import type { Complaint } from '../../cms/payload-types'

/** A valid web complaint as the site sends it to the intake endpoint, with a fresh form token; overrides win. */
export const validIntake = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  formToken: randomUUID(),
  consent: true,
  complainantRole: 'client',
  clientOrganisation: 'uwv',
  name: 'Jan Jansen',
  email: 'jan@example.nl',
  phone: '06 12345678',
  conductWhen: 'date',
  conductDate: '2026-11-02',
  involvedKind: 'employee',
  involvedName: 'Mijn coach, mevrouw De Vries',
  categories: ['negligence', 'incorrect_information'],
  description: 'Mijn coach kwam drie afspraken niet opdagen en belde niet af.',
  desiredOutcome: 'Een andere coach.',
  discussedBefore: 'no',
  wantsHearing: false,
  wantsHelpWriting: false,
  ...overrides,
})

/** The multipart body of POST /api/complaints/intake: the fields as one `data` part, and the files. */
export function intakeForm(
  data: Record<string, unknown>,
  files: { name: string; type: string; bytes: Buffer }[] = [],
): FormData {
  const form = new FormData()
  form.set('data', JSON.stringify(data))
  for (const f of files) form.append('files', new File([new Uint8Array(f.bytes)], f.name, { type: f.type }))
  return form
}

/**
 * A complaint recorded by staff, as the Local API takes it: received by phone a day ago (Art. 3, Decision 8),
 * about coach Chris. Overrides replace whole fields (a `complainant` given replaces the default one).
 */
export const recordedComplaint = (overrides: Partial<Complaint> = {}): Complaint =>
  ({
    channel: 'phone',
    receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
    complainant: { role: 'client', name: 'Jan Jansen', email: 'jan@example.nl' },
    conduct: { when: 'date', date: '2026-11-02' },
    involved: { kind: 'employee', description: 'Chris Coach' },
    categories: ['negligence'],
    complaintText: 'Mijn coach kwam drie afspraken niet opdagen en belde niet af.',
    discussedBefore: 'no',
    ...overrides,
  }) as Partial<Complaint> as Complaint
