import { fitsCustomerSchema } from '../contacts/fits-customer-schema.js';
import { isDirectory } from '../contacts/is-directory.js';
import type { CheckRecipientInput } from './recipient-checker.js';

/**
 * Whether `CheckRecipientInputSchema` accepts `value` and would give back the same fields,
 * decided by hand: running the schema on every check was a tenth of a check's time, and nearly
 * every call passes a plain `{ entered, customer }`. `false` for anything else, which then goes
 * through the schema and gets its errors naming every field. Never `true` for anything the schema
 * refuses (test/guard/fits-check-recipient-input.test.ts).
 *
 * @example
 * ```ts
 * fitsCheckRecipientInput({ entered: 'anna@example.se', customer: { id: 'C-1001' } }); // true
 * fitsCheckRecipientInput({ entered: 42, customer: { id: 'C-1001' } });                // false
 * ```
 */
export function fitsCheckRecipientInput(value: unknown): value is CheckRecipientInput {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  // Only the schema's own keys: it strips any other, so the input would not be what it gives back.
  for (const key in value) if (key !== 'entered' && key !== 'customer' && key !== 'directory') return false;
  const { entered, customer, directory } = value as Record<string, unknown>;
  return (
    typeof entered === 'string' &&
    fitsCustomerSchema(customer) &&
    (directory === undefined || isDirectory(directory))
  );
}
