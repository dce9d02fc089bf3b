import * as z from 'zod';
import { editDistance } from '../matching/edit-distance.js';
import { RegionSchema } from '../phone/region-schema.js';
import { CUSTOMER_FIELDS, MAX_CONTACTS, MAX_NAME_LENGTH } from './fits-customer-schema.js';

// Kept apart so that the check's hand-written input test reads them without loading zod.
export { fitsCustomerSchema, MAX_NAME_LENGTH } from './fits-customer-schema.js';

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

/** A customer as the caller passes it (see {@link CustomerSchema}). */
export type Customer = z.input<typeof CustomerSchema>;
