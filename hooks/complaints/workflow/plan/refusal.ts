/**
 * The workflow's decisions for one save of a case, as pure functions (the planners of this folder,
 * one file per step): each takes what it needs (the case before and after, the actor, `now`, what
 * the database said) and returns a plan or the refusals, with a Dutch message at the field that
 * needs attention. The hook (enforceWorkflow) only reads, calls these and writes; tests drive them
 * with tables and a clock of their own.
 */

export type Refusal = { path: string; message: string }

/** Who saves: a staff member (with the roles that matter here) or trusted server code (null). */
export type Person = { id: string; isManager: boolean; isHandler: boolean } | null

export const refuse = (path: string, message: string): Refusal => ({ path, message })
