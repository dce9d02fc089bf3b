import { z } from 'zod';

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
  id: z.string().min(1, 'a customer id is required'),
  /** Full name as the customer gave it. */
  name: z.string().optional(),
  /** Addresses the customer is known to receive mail at (confirmed earlier, or on file). */
  emails: z.array(z.string()).optional(),
  /** Phone numbers in any format libphonenumber-js reads (national or +E.164). */
  phones: z.array(z.string()).optional(),
  /** Birth date as an ISO 8601 calendar date (YYYY-MM-DD). */
  birthDate: z.iso.date().optional(),
  /** ISO 3166-1 alpha-2 region for reading national phone numbers. @default 'SE' */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166-1 country code')
    .optional(),
});

/** A customer as the caller passes it (see {@link CustomerSchema}). */
export type Customer = z.input<typeof CustomerSchema>;
