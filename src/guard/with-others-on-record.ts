import { byActionSeverity, moreSevere } from './policy.js';
import type { Verdict } from './verdict.js';

/**
 * Adds to a verdict made with the addresses verified for the customer the `belongs-to-other-customer`
 * findings of the same check against the customer as on record (`onRecord`): an address verified
 * by code for one customer is theirs to receive mail, but it never hides that the directory has it
 * on another customer's record (docs/nodemailer.md: a directory that knows more at release counts
 * as a block). Without such findings the verdict is returned as it is.
 *
 * @example
 * ```ts
 * const verdict = withOthersOnRecord(
 *   checkRecipient({ entered, customer: withVerifiedAddresses, directory }),
 *   checkRecipient({ entered, customer: asOnRecord, directory }),
 * );
 * ```
 */
export function withOthersOnRecord(verdict: Verdict, onRecord: Verdict): Verdict {
  const others = onRecord.findings.filter(
    (finding) =>
      finding.code === 'belongs-to-other-customer' &&
      !verdict.findings.some((known) => known.code === finding.code),
  );
  if (others.length === 0) return verdict;
  return {
    ...verdict,
    action: others.reduce((action, finding) => moreSevere(action, finding.action), verdict.action),
    findings: [...verdict.findings, ...others].sort(byActionSeverity),
  };
}
