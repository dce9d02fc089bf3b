import { z } from 'zod';
import { RegionSchema } from '../phone/region-schema.js';

// The directory stores each customer's list lengths in one byte; far more than any real customer has.
const MAX_CONTACTS = 255;

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
export const CustomerSchema = z.object({
  /** The customer's id in the caller's system. */
  id: z
    .string()
    .min(1, 'a customer id is required')
    // A lone UTF-16 surrogate cannot be stored as UTF-8, so such an id could never be found again.
    .refine((id) => !/[\uD800-\uDFFF]/u.test(id), 'a customer id must be valid Unicode text'),
  /** Full name as the customer gave it. */
  name: z.string().optional(),
  /** Addresses the customer is known to receive mail at (confirmed earlier, or on file). */
  emails: z.array(z.string()).max(MAX_CONTACTS, `at most ${MAX_CONTACTS} addresses per customer`).optional(),
  /** Phone numbers in any format libphonenumber-js reads (national or +E.164). */
  phones: z
    .array(z.string())
    .max(MAX_CONTACTS, `at most ${MAX_CONTACTS} phone numbers per customer`)
    .optional(),
  /** Birth date as an ISO 8601 calendar date (YYYY-MM-DD). */
  birthDate: z.iso.date().optional(),
  /** ISO 3166-1 alpha-2 region (one libphonenumber-js knows) for reading national phone numbers. @default 'SE' */
  country: RegionSchema.optional(),
});

/** A customer as the caller passes it (see {@link CustomerSchema}). */
export type Customer = z.input<typeof CustomerSchema>;
