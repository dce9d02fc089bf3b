import * as z from 'zod';
import { DirectorySchema } from '../contacts/create-directory.js';
import { CustomerSchema } from '../contacts/customer.js';

/**
 * The input of `checkRecipient`: the address as entered and the customer it is for.
 *
 * @example
 * ```ts
 * CheckRecipientInputSchema.safeParse({ entered: 'anna@example.se', customer: { id: 'C-1001' } }).success; // true
 * z.toJSONSchema(CheckRecipientInputSchema.omit({ directory: true })); // the same shape for other languages
 * ```
 */
export const CheckRecipientInputSchema = z.object({
  /** The address as typed; any string gets a verdict. */
  entered: z.string({ error: 'the entered address must be a string' }),
  customer: CustomerSchema,
  /** Every customer's contacts, to find the address on another customer's record. */
  directory: DirectorySchema.optional(),
});
