import type { CheckOptions } from './check-options.js';
import {
  type CheckRecipientInput,
  createRecipientChecker,
  type RecipientChecker,
} from './recipient-checker.js';
import type { Verdict } from './verdict.js';

const checkers = new WeakMap<CheckOptions, RecipientChecker>();
let defaultChecker: RecipientChecker | undefined;

/**
 * Checks an address someone entered against what is known about the customer, before anything is
 * sent to it. Synchronous and pure; any string as `entered` gives a verdict, never a throw. Input
 * that breaks the schema (a customer without an id, `entered` that is not a string) throws an
 * `InvalidInputError` naming the field.
 *
 * The tables behind a call are indexed once per options object: pass the same object (or use
 * `createGuard`) when checking many addresses.
 *
 * @example
 * ```ts
 * const verdict = checkRecipient({
 *   entered: ' Anna.Svensson185@gmail.com',
 *   customer: { id: 'C-1001', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
 * });
 * verdict.action;     // 'block'
 * verdict.suggestion; // 'anna.svensson1985@gmail.com'
 * verdict.findings[0]?.message;
 * // 'Looks like a typo of the customer\'s known address anna.svensson1985@gmail.com: a digit 9 is missing after "anna.svensson1".'
 * ```
 */
export function checkRecipient(input: CheckRecipientInput, options?: CheckOptions): Verdict {
  let checker: RecipientChecker | undefined;
  if (options) {
    checker = checkers.get(options);
    if (!checker) {
      checker = createRecipientChecker(options);
      checkers.set(options, checker);
    }
  } else {
    defaultChecker ??= createRecipientChecker();
    checker = defaultChecker;
  }
  return checker(input);
}
