// The schemas of the check (and zod with them), as the chunk the browser build loads when input
// does not fit the hand-written tests (see lazy-check-input.ts).
export { parseCheckInput, parseCheckOptions } from '../guard/parse-check-input.js';
