import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import { parsePhone } from '../phone/parse-phone.js';
import { settleLookup } from './settle-lookup.js';
import type { Verdict } from './verdict.js';

/**
 * The phone verdict without its suggestion when the directory has that number on another
 * customer's record: a suggestion is one of the customer's known numbers, and the same number on
 * someone else's record (a shared phone, a record typed with another's number) means an SMS sent
 * there reaches that customer. A database directory is asked here: the check itself was handed
 * only its answer for the entered number. A lookup that fails or does not answer in time leaves
 * the suggestion out too, as it costs only a retyping.
 *
 * @example
 * ```ts
 * await withoutOthersNumber(verdict, { directory, customerId: 'C-1', region: 'SE', timeoutMs: 2000 });
 * ```
 */
export async function withoutOthersNumber(
  verdict: Verdict,
  options: {
    readonly directory: Directory | AsyncDirectory | undefined;
    readonly customerId: string;
    readonly region: string;
    readonly timeoutMs: number;
  },
): Promise<Verdict> {
  const { directory } = options;
  if (verdict.suggestion === undefined || directory === undefined) return verdict;
  const known = parsePhone(verdict.suggestion, options.region);
  if (!known) return verdict;
  const outcome = await settleLookup(
    () => directory.findPhone({ entered: known.e164, excludeCustomerId: options.customerId }),
    options.timeoutMs,
  );
  const others = !('found' in outcome) || !Array.isArray(outcome.found) || outcome.found.length > 0;
  if (!others) return verdict;
  const { suggestion: _withheld, ...rest } = verdict;
  return rest;
}
