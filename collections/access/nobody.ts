import type { Access, FieldAccess } from 'payload'

/** Explicitly denied for every role: the operation happens only in trusted server code. */
export const nobody: Access = () => false

/** The same for a field: it is set by hooks, never by a person or a client. */
export const nobodyField: FieldAccess = () => false
