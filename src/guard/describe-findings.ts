import type { Finding } from './verdict.js';

/**
 * Findings as one line for a person: each message without its closing full stop, its code in
 * brackets (the code is what docs/check.md and the audit log name), joined with semicolons.
 *
 * @example
 * ```ts
 * describeFindings(verdict.findings);
 * // 'gmial.com looks like a typo of gmail.com (domain-typo); This address is new … (unverified-address)'
 * ```
 */
export function describeFindings(findings: readonly Pick<Finding, 'message' | 'code'>[]): string {
  return findings.map((finding) => `${finding.message.replace(/\.$/, '')} (${finding.code})`).join('; ');
}
