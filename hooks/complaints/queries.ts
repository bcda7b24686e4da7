import type { Where } from 'payload'

import { OPEN_STATUSES } from './workflow/transitions'

/** Complaints in which the clocks of Art. 5 and 7 run (`isOpen`), as a query. */
export const OPEN_CASES: Where = { status: { in: [...OPEN_STATUSES] } }

/** Complaints without a handler yet: the queue of new complaints. */
export const UNASSIGNED: Where = { assignedHandler: { exists: false } }
