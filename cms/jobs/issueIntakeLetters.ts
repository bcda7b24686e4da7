import type { TaskConfig } from 'payload'

import { INTAKE_LETTERS_TASK, issueIntakeLetters } from '../../hooks/letters/intakeLetters'

export type IssueIntakeLettersTask = {
  input: { complaintId: string; actor?: string | null }
  output: { issued: string }
}

/** The letters of registration, after the complainant has their answer (see hooks/letters/intakeLetters.ts). */
export const issueIntakeLettersTask: TaskConfig<IssueIntakeLettersTask> = {
  slug: INTAKE_LETTERS_TASK,
  label: 'Brieven bij ontvangst van een klacht',
  inputSchema: [
    { name: 'complaintId', type: 'text', required: true },
    { name: 'actor', type: 'text' },
  ],
  outputSchema: [{ name: 'issued', type: 'text', required: true }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    const issued = await issueIntakeLetters(req.payload, input.complaintId, req, input.actor ?? null)
    return { output: { issued: issued.join(',') } }
  },
}
