import type { CollectionConfig } from 'payload'

import { nobody } from './access/nobody'
import { dutchDate } from './fields/dutchDate'
import { hasRole } from './access/roles'

/**
 * Retention's own record (Decision 19): each run of the daily job (when, how many cases), and one
 * claim per anonymised case, keyed `case:<id>`, so that two runs at once anonymise a case once
 * (the unique key is the guard, hooks/effects/once.ts). Ids, dates and counts only: nothing
 * personal, also not the reason of an erasure (that stays on the case). Managers may read it;
 * only the job and the erasure endpoint write it.
 */
export const RetentionRuns: CollectionConfig = {
  slug: 'retention-runs',
  labels: {
    singular: { nl: 'Bewaartermijnronde', en: 'Retention run' },
    plural: { nl: 'Bewaartermijnrondes', en: 'Retention runs' },
  },
  admin: { hidden: true, useAsTitle: 'key' },
  lockDocuments: false,
  access: { read: ({ req }) => hasRole(req.user, 'manager'), create: nobody, update: nobody, delete: nobody },
  fields: [
    // `run:<uuid>` for a run, `case:<complaint id>` for a case's claim.
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'run', label: { nl: 'Ronde', en: 'Run' } },
        { value: 'claim', label: { nl: 'Dossier', en: 'Case' } },
      ],
    },
    { name: 'at', type: 'date', required: true, admin: { date: dutchDate('dayAndTime') } },
    /** A run: how many cases it anonymised. */
    { name: 'cases', type: 'number' },
    { name: 'finishedAt', type: 'date', admin: { date: dutchDate('dayAndTime') } },
    /** A claim: the case, as a text id (the complaint row stays, but the claim must not depend on it). */
    { name: 'complaint', type: 'text', index: true },
    /** A claim: retention or an erasure request, and the run that made it. */
    {
      name: 'by',
      type: 'select',
      options: [
        { value: 'retention', label: { nl: 'Bewaartermijn', en: 'Retention' } },
        { value: 'erasure', label: { nl: 'Verzoek om wissen', en: 'Erasure request' } },
      ],
    },
    { name: 'run', type: 'text' },
    { name: 'doneAt', type: 'date', admin: { date: dutchDate('dayAndTime') } },
  ],
}
