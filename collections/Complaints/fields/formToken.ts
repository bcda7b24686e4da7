import type { Field } from 'payload'

import { nobodyField } from '../../access/nobody'
import { readOnlyField } from './readOnly'

/** The public form's token: a repeated submission returns the first one's result. */
export const formToken: Field = {
  name: 'formToken',
  type: 'text',
  unique: true,
  index: true,
  access: { ...readOnlyField, read: nobodyField },
  admin: { hidden: true },
}
