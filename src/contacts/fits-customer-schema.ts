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

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The ISO 8601 calendar date `z.iso.date()` accepts, leap days included: zod 4's `regexes.date`
 * (zod/v4/core/regexes.js), written out because importing zod here would put all of it in what a
 * page loads first. test/guard/fits-check-recipient-input.test.ts holds the two to the same answers.
 */
export const ISO_DATE =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;
const CUSTOMER_FIELD_SET: ReadonlySet<string> = new Set(CUSTOMER_FIELDS);

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
  for (const key in record) if (!CUSTOMER_FIELD_SET.has(key)) return false;
  const { id, name, emails, phones, birthDate, country } = record;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    !LONE_SURROGATE.test(id) &&
    (name === undefined || (typeof name === 'string' && name.length <= MAX_NAME_LENGTH)) &&
    isStringList(emails) &&
    isStringList(phones) &&
    (birthDate === undefined || (typeof birthDate === 'string' && isIsoDate(birthDate))) &&
    (country === undefined || (typeof country === 'string' && isSupportedRegion(country)))
  );
}
