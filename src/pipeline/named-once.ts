import { comparableAddress } from './comparable-address.js';
import type { CorrectedRecipientsInput } from './corrected-recipients.js';

/** Corrected recipients by field, each mailbox once; a field left with none is absent. */
export interface NamedOnce {
  readonly to?: string[];
  readonly cc?: string[];
  readonly bcc?: string[];
}

/**
 * The corrected recipients of a release with each mailbox named once (compared as
 * `comparableAddress` does): kept as first given, in the first field that names it in the order
 * To, Cc, Bcc. Two held recipients corrected to the same address (a typo and a look-alike that
 * both suggest the known one, the envelope's override of the header's) would otherwise go to the
 * customer twice and show the address twice in the header.
 *
 * @example
 * ```ts
 * namedOnce({ to: ['anna@example.se', 'Anna@EXAMPLE.se'], cc: ['anna@example.se'] });
 * // { to: ['anna@example.se'] }
 * ```
 */
export function namedOnce(given: CorrectedRecipientsInput): NamedOnce {
  const named = new Set<string>();
  const once = (field: CorrectedRecipientsInput['to']): string[] | undefined => {
    if (field === undefined) return undefined;
    const kept = (typeof field === 'string' ? [field] : field).filter((address) => {
      const mailbox = comparableAddress(address);
      if (named.has(mailbox)) return false;
      named.add(mailbox);
      return true;
    });
    return kept.length > 0 ? kept : undefined;
  };
  const to = once(given.to);
  const cc = once(given.cc);
  const bcc = once(given.bcc);
  return { ...(to ? { to } : {}), ...(cc ? { cc } : {}), ...(bcc ? { bcc } : {}) };
}
