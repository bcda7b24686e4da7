import { randomUUID } from 'node:crypto'

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
