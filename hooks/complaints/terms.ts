/**
 * Art. 7: the absolute limit for a decision, six weeks after receipt, never extended. Its own
 * module so that the workflow's requirements (also read by the admin's browser code) need not load
 * the holiday calendar of deadlines.ts.
 */
export const DECISION_LIMIT_WEEKS = 6
