import type { Finding, Verdict } from '../guard/verdict.js';
import { OTHER_CUSTOMER_CODES } from './stopped-when-held.js';

/**
 * Findings about an address nobody knows yet, rather than about its likeness to a known one: what a
 * releaser's `confirmNew` answers (the customer gave a new address and it was read back).
 */
const NEW_ADDRESS_CODES: ReadonlySet<string> = new Set([
  'unverified-address',
  'unverified-phone',
  'disposable-domain',
  'role-address',
]);

/**
 * The findings that say a corrected address is probably not the one meant: a sibling or mistyped
 * domain, a near miss or look-alike of a known address, a known address rewritten (its number
 * dropped or changed, the names turned round). Confirming the address as new to the customer does
 * not answer them: `check` says of such an address that it probably belongs to someone else, so
 * a release to it is refused unless sent past the check on the releaser's own account.
 * Another customer's address is refused on its own ({@link OTHER_CUSTOMER_CODES}).
 *
 * @example
 * ```ts
 * probablyWrong(verdict).map(({ code }) => code); // ['sibling-domain']
 * ```
 */
export function probablyWrong(verdict: Pick<Verdict, 'findings'>): Finding[] {
  return verdict.findings.filter(
    (finding) =>
      finding.action !== 'send' &&
      !NEW_ADDRESS_CODES.has(finding.code) &&
      !OTHER_CUSTOMER_CODES.has(finding.code),
  );
}
