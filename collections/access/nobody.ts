import type { Access } from 'payload'

/** Explicitly denied for every role: the operation happens only in trusted server code. */
export const nobody: Access = () => false
