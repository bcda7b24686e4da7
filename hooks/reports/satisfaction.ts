/** How many answered the survey, and the average score (1 to 5, one decimal) per question; null without answers. */
export type Satisfaction = { responses: number; careful: number | null; quick: number | null; clear: number | null }
