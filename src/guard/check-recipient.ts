import type { CheckOptions } from './check-options.js';
import {
  type CheckRecipientInput,
  createRecipientChecker,
  type RecipientChecker,
} from './recipient-checker.js';
import type { Verdict } from './verdict.js';

const checkers = new WeakMap<CheckOptions, RecipientChecker>();
const checkersBySettings = new Map<string, RecipientChecker>();
let defaultChecker: RecipientChecker | undefined;

/** Options that hold no tables: a checker for them is found by their values, not by the object. */
const SETTINGS_ONLY = new Set(['locale', 'policy', 'defaultCountry', 'revealOtherCustomers']);
/** Distinct settings are few (two locales, a handful of policies); the bound only stops a caller that varies them without end. */
const MAX_CHECKERS_BY_SETTINGS = 64;

/**
 * The settings of options that hold only plain values (`{ locale: 'sv' }` written inline at every
 * call, as `docs/directory.md` shows it), as a key; undefined when the options hold a table, whose
 * checker is remembered by the object instead. Without it, a fresh object per call would index every
 * table again on every check: the check ran orders of magnitude slower that way.
 */
function settingsKey(options: CheckOptions): string | undefined {
  if (Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  const { policy } = options;
  if (
    policy !== undefined &&
    (typeof policy !== 'object' || policy === null || Object.getPrototypeOf(policy) !== Object.prototype)
  )
    return undefined;
  for (const key of Object.keys(options)) if (!SETTINGS_ONLY.has(key)) return undefined;
  const policyEntries =
    policy === undefined ? [] : Object.entries(policy).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (policyEntries.some(([, action]) => typeof action !== 'string')) return undefined;
  return JSON.stringify([
    options.locale,
    options.defaultCountry,
    options.revealOtherCustomers,
    policyEntries,
  ]);
}

/**
 * The checker for a call's options: built once per options object, and once per distinct settings
 * for options holding only plain values. Exported for the tests only.
 */
export function checkerFor(options?: CheckOptions): RecipientChecker {
  if (!options) {
    defaultChecker ??= createRecipientChecker();
    return defaultChecker;
  }
  const byObject = checkers.get(options);
  if (byObject) return byObject;
  const key = settingsKey(options);
  let checker = key === undefined ? undefined : checkersBySettings.get(key);
  if (!checker) {
    checker = createRecipientChecker(options);
    if (key !== undefined) {
      if (checkersBySettings.size >= MAX_CHECKERS_BY_SETTINGS) checkersBySettings.clear();
      checkersBySettings.set(key, checker);
    }
  }
  checkers.set(options, checker);
  return checker;
}

/**
 * Checks an address someone entered against what is known about the customer, before anything is
 * sent to it. Synchronous and pure; any string as `entered` gives a verdict, never a throw. Input
 * that breaks the schema (a customer without an id, `entered` that is not a string) throws an
 * `InvalidInputError` naming the field.
 *
 * The tables behind a call are indexed once per options object, and once per distinct settings
 * for options holding only plain values (`{ locale: 'sv' }` written at each call costs nothing
 * more); options holding tables of their own: pass the same object (or use `createGuard`).
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
  return checkerFor(options)(input);
}
