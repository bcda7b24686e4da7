import type { Field } from 'payload'

import { personal } from './personal'
import { readOnlyField } from './readOnly'
import { dutchDate } from '../../fields/dutchDate'

/** When the complainant accepted the privacy statement. */
export const consentAt: Field = personal({
  name: 'consentAt',
  type: 'date',
  label: { nl: 'Toestemming privacyverklaring', en: 'Consent to the privacy statement' },
  access: readOnlyField,
  admin: { position: 'sidebar', readOnly: true, date: dutchDate('dayAndTime') },
})
