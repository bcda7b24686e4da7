import type { CollectionConfig, Field } from 'payload'

import { nobody } from './access/nobody'

const score = (name: string, label: string): Field => ({
  name,
  type: 'number',
  required: true,
  min: 1,
  max: 5,
  label: { nl: label, en: name },
})

/**
 * The satisfaction survey's scores (ISO 10002), one row per answer and nothing that leads back to
 * the case or the person: no case id, no name, no e-mail address, no timestamps (a moment could be
 * matched with the case's timeline), only the quarters of receipt and of ending. Counted in the
 * Art. 9 report as its own table (hooks/reports/loadReport.ts); nobody reads a row through the API.
 */
export const SurveyResponses: CollectionConfig = {
  slug: 'survey-responses',
  labels: {
    singular: { nl: 'Tevredenheidsscore', en: 'Survey response' },
    plural: { nl: 'Tevredenheidsscores', en: 'Survey responses' },
  },
  admin: { hidden: true },
  lockDocuments: false,
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    score('careful', 'Zorgvuldig behandeld'),
    score('quick', 'Snel genoeg'),
    score('clear', 'Duidelijk uitgelegd'),
    // Art. 9 counts by date of receipt; a quarter ("2026-Q4") is as close as the row comes to a date.
    { name: 'receivedQuarter', type: 'text', required: true, index: true },
    { name: 'endedQuarter', type: 'text', required: true },
  ],
}

/**
 * "This case has answered the survey": the unique key (`survey:<case id>`) that lets one answer
 * per case through, also when the same form is sent twice at once (hooks/effects/once.ts). It holds
 * no score, and the response holds no key, so the two cannot be joined.
 */
export const SurveyReceipts: CollectionConfig = {
  slug: 'survey-receipts',
  labels: {
    singular: { nl: 'Tevredenheid ingevuld', en: 'Survey receipt' },
    plural: { nl: 'Tevredenheid ingevuld', en: 'Survey receipts' },
  },
  admin: { hidden: true },
  lockDocuments: false,
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [{ name: 'key', type: 'text', required: true, unique: true, index: true }],
}
