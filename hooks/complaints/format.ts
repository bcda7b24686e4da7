// renderLetterPdf.ts imports the date from here; the formats live in ../dates/amsterdam.
export { formatDutchDate } from '../dates/amsterdam'
