import { nobodyField } from '../../access/nobody'

/** A field nobody writes through the API: the hooks set it. */
export const readOnlyField = { create: nobodyField, update: nobodyField }
