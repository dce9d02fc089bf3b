import { z } from 'zod';
import type { Customer } from '../contacts/customer.js';
import type { Guard } from '../guard/create-guard.js';

/** The customer a message is for: the customer itself, or an id the guard's `lookupCustomer` knows. */
export type CustomerReference = Customer | string;

/**
 * What every recipient check in the mail pipeline is configured with. `Source` is what the
 * customer is resolved from: nodemailer's `mail.data`, or a raw message's header fields.
 */
export interface PipelineOptions<Source> {
  /** The configured guard (`createGuard`). */
  readonly guard: Guard;
  /**
   * Finds the customer the message is for. Return the customer, or an id the guard's
   * `lookupCustomer` knows, or `undefined` when there is none. May be async; the signal aborts
   * when `resolveTimeoutMs` passes. An empty id counts as none found, and a record that does not
   * match `CustomerSchema` as a failed lookup: either way the message fails closed, on record.
   */
  readonly resolveCustomer: (
    source: Source,
    context: { readonly signal: AbortSignal },
  ) => CustomerReference | undefined | Promise<CustomerReference | undefined>;
  /**
   * When the customer cannot be resolved (`resolveCustomer` throws, times out or finds nobody), let
   * `confirm` verdicts through instead of holding; a `block` verdict still holds. Recorded either way.
   * @default guard.options.failOpen ?? false (fail closed)
   */
  readonly failOpen?: boolean;
  /** How long `resolveCustomer` may take before the customer counts as unresolved. @default 2000 */
  readonly resolveTimeoutMs?: number;
}

const isFunction = (value: unknown) => typeof value === 'function';

/** The schema of {@link PipelineOptions}, for each entry point to extend with its own options. */
export const PipelineOptionsSchema = z.object({
  guard: z.object(
    { check: z.custom<unknown>(isFunction, 'guard.check must be a function') },
    { error: 'a guard from createGuard is required' },
  ),
  resolveCustomer: z.custom<unknown>(isFunction, 'resolveCustomer must be a function'),
  failOpen: z.boolean().optional(),
  resolveTimeoutMs: z.number().positive().optional(),
});

/** A schema for an object with a method, such as a hold store's `hold` or an audit log's `record`. */
export function withMethod(method: string, error: string) {
  return z.object({ [method]: z.custom<unknown>(isFunction, `${method} must be a function`) }, { error });
}
