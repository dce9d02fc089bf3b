import * as z from 'zod';
import { editDistance } from '../matching/edit-distance.js';
import { isSupportedRegion, RegionSchema } from '../phone/region-schema.js';

// The directory stores each customer's list lengths in one byte; far more than any real customer has.
const MAX_CONTACTS = 255;

/**
 * The longest name kept: the longest names in national registers run to about a hundred characters
 * (Skatteverket allows at most 4 given names of up to 80 characters altogether), so 300 leaves room
 * for titles and company names while a name read from a broken export (a whole file in one cell)
 * is refused with a clear reason rather than compared character by character.
 */
export const MAX_NAME_LENGTH = 300;

const CUSTOMER_FIELDS = ['id', 'name', 'emails', 'phones', 'birthDate', 'country'] as const;

/** Other names people give the customer fields, for the hint on an unknown key. */
const FIELD_ALIASES: Readonly<Record<string, (typeof CUSTOMER_FIELDS)[number]>> = {
  email: 'emails',
  mail: 'emails',
  emailaddress: 'emails',
  address: 'emails',
  addresses: 'emails',
  phone: 'phones',
  mobile: 'phones',
  phonenumber: 'phones',
  telephone: 'phones',
  customerid: 'id',
  fullname: 'name',
  birthday: 'birthDate',
  dateofbirth: 'birthDate',
  dob: 'birthDate',
  countrycode: 'country',
  region: 'country',
};

/** The customer field an unknown key most likely meant, by a known alias or a near spelling. */
function meantField(key: string): string | undefined {
  const folded = key.toLowerCase().replace(/[\s_\-.]+/g, '');
  const alias = FIELD_ALIASES[folded];
  if (alias) return alias;
  for (const field of CUSTOMER_FIELDS) if (field.toLowerCase() === folded) return field;
  // One or two letters off (`emials`, `birthdate`): a plain bounded comparison, keys are short.
  if (folded.length > 32) return undefined;
  let best: { field: string; distance: number } | undefined;
  for (const field of CUSTOMER_FIELDS) {
    const distance = editDistance(folded, field.toLowerCase(), { maxDistance: 2 });
    if (distance <= 2 && (!best || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

/**
 * The message for keys a customer record has that the schema does not: a misspelt field
 * (`email` for `emails`) would otherwise be dropped and the check run without the customer's
 * addresses, so it is refused, with the field it probably meant.
 */
function unknownKeysMessage(keys: readonly PropertyKey[]): string {
  const described = keys.map((key) => {
    const name = String(key);
    const meant = meantField(name);
    return `"${name}"${meant ? ` (did you mean "${meant}"?)` : ''}`;
  });
  return `unknown customer field${keys.length === 1 ? '' : 's'} ${described.join(', ')}; a customer has ${CUSTOMER_FIELDS.join(', ')}`;
}

/**
 * What is known about the customer an order is for. Every field but `id` is optional: a new
 * customer has no known address yet.
 *
 * @example
 * ```ts
 * const customer = CustomerSchema.parse({
 *   id: 'C-1001',
 *   name: 'Anna Svensson',
 *   emails: ['anna.svensson1985@gmail.com'],
 *   phones: ['070-123 45 67'],
 *   birthDate: '1985-04-12',
 * });
 * ```
 */
export const CustomerSchema = z.strictObject(
  {
    /** The customer's id in the caller's system. */
    id: z
      .string()
      .min(1, 'a customer id is required')
      // A lone UTF-16 surrogate cannot be stored as UTF-8, so such an id could never be found again.
      .refine((id) => !/[\uD800-\uDFFF]/u.test(id), 'a customer id must be valid Unicode text'),
    /** Full name as the customer gave it, at most {@link MAX_NAME_LENGTH} characters. */
    name: z.string().max(MAX_NAME_LENGTH, `a name of at most ${MAX_NAME_LENGTH} characters`).optional(),
    /** Addresses the customer is known to receive mail at (confirmed earlier, or on file). */
    emails: z
      .array(z.string())
      .max(MAX_CONTACTS, `at most ${MAX_CONTACTS} addresses per customer`)
      .optional(),
    /** Phone numbers in any format libphonenumber-js reads (national or +E.164). */
    phones: z
      .array(z.string())
      .max(MAX_CONTACTS, `at most ${MAX_CONTACTS} phone numbers per customer`)
      .optional(),
    /** Birth date as an ISO 8601 calendar date (YYYY-MM-DD). */
    birthDate: z.iso.date().optional(),
    /** ISO 3166-1 alpha-2 region (one libphonenumber-js knows) for reading national phone numbers. @default 'SE' */
    country: RegionSchema.optional(),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys) : undefined),
  },
);

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const CUSTOMER_FIELD_SET: ReadonlySet<string> = new Set(CUSTOMER_FIELDS);

function isStringList(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > MAX_CONTACTS) return false;
  // Indexed, not iterated: a hole in the array is an element that is not a string.
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

/**
 * Whether {@link CustomerSchema} accepts `value` and would give back the same fields, decided by
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
    (birthDate === undefined || (typeof birthDate === 'string' && z.regexes.date.test(birthDate))) &&
    (country === undefined || (typeof country === 'string' && isSupportedRegion(country)))
  );
}

/** A customer as the caller passes it (see {@link CustomerSchema}). */
export type Customer = z.input<typeof CustomerSchema>;
