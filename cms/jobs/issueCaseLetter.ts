import type { TaskConfig } from 'payload'

import { CASE_LETTER_TASK, issueStoredLetter, type StoredLetter } from '../../hooks/letters/retryLetter'

export type IssueCaseLetterTask = {
  input: { complaintId: string; letter: StoredLetter; actor?: string | null }
  output: { letter: string }
}

/**
 * A letter of the workflow that could not be issued right after its save (e.g. the disk was full):
 * issued again, exactly as it was composed then, with the jobs queue's retries. The case was saved;
 * its letter is not lost.
 */
export const issueCaseLetterTask: TaskConfig<IssueCaseLetterTask> = {
  slug: CASE_LETTER_TASK,
  label: 'Brief van een klacht opnieuw opstellen',
  inputSchema: [
    { name: 'complaintId', type: 'text', required: true },
    { name: 'letter', type: 'json', required: true },
    { name: 'actor', type: 'text' },
  ],
  outputSchema: [{ name: 'letter', type: 'text', required: true }],
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    const letter = await issueStoredLetter(req.payload, input.complaintId, input.letter, req, input.actor ?? null)
    return { output: { letter } }
  },
}
