import { fitsCustomerSchema } from '../contacts/fits-customer-schema.js';
import type { GuardCheckInput } from './create-guard.js';

/**
 * Whether `GuardCheckInputSchema` accepts `value` and would give back the same fields, decided by
 * hand: with a database directory the schema (a union of two objects) was one of the larger costs
 * of a check in Node, and nearly every call passes a plain `{ entered, customer }` or
 * `{ entered, customerId }`. `false` for anything else, which then goes through the schema and
 * gets its errors naming every field. Never `true` for anything the schema refuses
 * (test/guard/fits-guard-check-input.test.ts).
 *
 * @example
 * ```ts
 * fitsGuardCheckInput({ entered: 'anna@example.se', customerId: 'C-1001' }); // true
 * fitsGuardCheckInput({ entered: 'anna@example.se', customerId: '' });       // false
 * ```
 */
export function fitsGuardCheckInput(value: unknown): value is GuardCheckInput {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  let customerKey = false;
  let customerIdKey = false;
  // Only the schema's own keys, and one of the union's two shapes: it strips any other key, so the
  // input would not be what it gives back.
  for (const key in value) {
    if (key === 'customer') customerKey = true;
    else if (key === 'customerId') customerIdKey = true;
    else if (key !== 'entered') return false;
  }
  const { entered, customer, customerId } = value as Record<string, unknown>;
  if (typeof entered !== 'string' || customerKey === customerIdKey) return false;
  return customerKey ? fitsCustomerSchema(customer) : typeof customerId === 'string' && customerId.length > 0;
}
