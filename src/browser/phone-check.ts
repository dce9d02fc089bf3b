// The core's phone check (and the schemas and zod it reads its input with), as the chunk the
// browser build loads the first time a page checks a phone number (see check-phone.ts).
export { checkPhone } from '../guard/check-phone.js';
