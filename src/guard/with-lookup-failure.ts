import { messageFor } from './messages.js';
import { byActionSeverity, findingSeverity, moreSevere, type Policy } from './policy.js';
import type { LookupFailure } from './settle-lookup.js';
import type { Action, Finding, Locale, Verdict } from './verdict.js';

/** What decides the action of a `lookup-failed` finding. */
export interface LookupFailureOptions {
  readonly policy: Policy;
  readonly locale: Locale;
  /** Check the address as a new customer's instead of blocking. */
  readonly failOpen: boolean;
}

/**
 * Adds the `lookup-failed` finding to a verdict made without the customer's details: blocking
 * under the default policy (fail closed), `confirm` when the caller chose to fail open, so the
 * verdict rests on the address alone, as for a new customer, but is never a silent `send`: nothing
 * known about the customer was compared.
 *
 * @example
 * ```ts
 * const verdict = withLookupFailure(
 *   checkRecipient({ entered: 'anna@example.se', customer: { id: 'C-1001' } }),
 *   { reason: 'timeout' },
 *   { policy: defaultPolicy, locale: 'en', failOpen: false },
 * );
 * verdict.action; // 'block'
 * ```
 */
export function withLookupFailure(
  verdict: Verdict,
  failure: LookupFailure,
  options: LookupFailureOptions,
): Verdict {
  const action: Action = options.failOpen
    ? 'confirm'
    : moreSevere('confirm', options.policy['lookup-failed']);
  const facts = {
    code: 'lookup-failed' as const,
    reason: failure.reason,
    ...(failure.kind ? { kind: failure.kind } : {}),
    ...(failure.error ? { error: failure.error } : {}),
    ...(failure.causeCode ? { causeCode: failure.causeCode } : {}),
    action,
    severity: findingSeverity['lookup-failed'],
  };
  const finding: Finding = { ...facts, message: messageFor(facts, options.locale) };
  const findings = [finding, ...verdict.findings].sort(byActionSeverity);
  return { ...verdict, action: moreSevere(action, verdict.action), findings };
}
