import { type Customer, CustomerSchema } from '../contacts/customer.js';
import type { LookupOutcome } from './settle-lookup.js';

/**
 * Checks a customer record that a lookup found (`lookupCustomer`, `resolveCustomer`) against
 * {@link CustomerSchema}. A malformed record is the caller's system failing, not the caller
 * misusing the API: it becomes a lookup failure (`reason: 'error'`, naming the bad field), so the
 * check fails closed and the failure is on record, instead of a throw that loses the message.
 *
 * @example
 * ```ts
 * checkCustomerRecord({ id: 'C-1001', emails: ['anna@example.se'] }); // { found: { id: 'C-1001', ... } }
 * checkCustomerRecord({ id: 'C-1001', emails: null });
 * // { reason: 'error', kind: 'invalid-record',
 * //   error: 'invalid customer record: emails: Invalid input: expected array, received null' }
 * ```
 */
export function checkCustomerRecord(record: unknown): LookupOutcome<Customer> {
  const result = CustomerSchema.safeParse(record);
  if (result.success) return { found: result.data };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return {
    reason: 'error',
    kind: 'invalid-record',
    error: `invalid customer record: ${problems.join('; ')}`,
  };
}
