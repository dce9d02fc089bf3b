import { isSupportedRegion } from '../phone/is-supported-region.js';
import type { Customer } from './customer.js';

// The directory stores each customer's list lengths in one byte; far more than any real customer has.
export const MAX_CONTACTS = 255;

/**
 * The longest name kept: the longest names in national registers run to about a hundred characters
 * (Skatteverket allows at most 4 given names of up to 80 characters altogether), so 300 leaves room
 * for titles and company names while a name read from a broken export (a whole file in one cell)
 * is refused with a clear reason rather than compared character by character.
 */
export const MAX_NAME_LENGTH = 300;

export const CUSTOMER_FIELDS = ['id', 'name', 'emails', 'phones', 'birthDate', 'country'] as const;

/**
 * The ISO 8601 calendar date `z.iso.date()` accepts, leap days included: zod 4's `regexes.date`
 * (zod/v4/core/regexes.js), written out because importing zod here would put all of it in what a
 * page loads first. test/guard/fits-check-recipient-input.test.ts holds the two to the same answers.
 */
export const ISO_DATE =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;

/**
 * One of {@link CUSTOMER_FIELDS}. Compared one by one, not looked up in a set: a record's keys are
 * internalised strings, so each comparison is one of two pointers, and hashing every key of every
 * record showed in the benchmark.
 */
function isCustomerField(key: string): boolean {
  return (
    key === 'id' ||
    key === 'name' ||
    key === 'emails' ||
    key === 'phones' ||
    key === 'birthDate' ||
    key === 'country'
  );
}

/**
 * Whether `text` holds a lone surrogate, which zod's string checks refuse (a UTF-16 code unit from
 * U+D800 to U+DFFF not in a high-low pair, Unicode 15 §3.9 D91). A loop over the code units: an id
 * is a few characters, and running a regular expression on it cost more than the whole test.
 */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    // A high surrogate followed by a low one is one code point; anything else stands alone.
    if (unit > 0xdbff) return true;
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

// The dates a customer base holds recur check after check (one per customer, many per day of
// birth): each string is tried against the expression once while it is remembered.
const ISO_DATES_REMEMBERED = 4096;
const isoDates = new Set<string>();

function isIsoDate(value: string): boolean {
  if (isoDates.has(value)) return true;
  if (!ISO_DATE.test(value)) return false;
  if (isoDates.size >= ISO_DATES_REMEMBERED) isoDates.clear();
  isoDates.add(value);
  return true;
}

function isStringList(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > MAX_CONTACTS) return false;
  // Indexed, not iterated: a hole in the array is an element that is not a string.
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

/**
 * Whether `CustomerSchema` accepts `value` and would give back the same fields, decided by
 * hand for the plain records nearly every call passes: a plain object with only the schema's
 * keys and values of the right shapes. `false` for anything else, and then the schema is run and
 * names every fault. Never `true` for anything the schema refuses: the two are compared in
 * test/guard/fits-check-recipient-input.test.ts.
 *
 * @example
 * ```ts
 * fitsCustomerSchema({ id: 'C-1001', emails: ['anna@example.se'] }); // true
 * fitsCustomerSchema({ id: 'C-1001', email: 'anna@example.se' });    // false: the schema names "email"
 * ```
 */
export function fitsCustomerSchema(value: unknown): value is Customer {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Record<string, unknown>;
  for (const key in record) if (!isCustomerField(key)) return false;
  const { id, name, emails, phones, birthDate, country } = record;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    !hasLoneSurrogate(id) &&
    (name === undefined || (typeof name === 'string' && name.length <= MAX_NAME_LENGTH)) &&
    isStringList(emails) &&
    isStringList(phones) &&
    (birthDate === undefined || (typeof birthDate === 'string' && isIsoDate(birthDate))) &&
    (country === undefined || (typeof country === 'string' && isSupportedRegion(country)))
  );
}
