import type { RecipientVerdict } from '../pipeline/recipient.js';

/**
 * The addresses a message waits on only because they are new to the customer: every recipient
 * that is not sent is held by `unverified-address` alone (no near miss, no domain typo, no other
 * customer's address, nothing else). `undefined` when any recipient is held for another reason:
 * such a message is for a person to look at, and a near miss stays a block.
 *
 * @example
 * ```ts
 * findNewAddresses(check.recipients); // ['karin.berg@outlook.com'] or undefined
 * ```
 */
export function findNewAddresses(recipients: readonly RecipientVerdict[]): string[] | undefined {
  const found: string[] = [];
  for (const { address, verdict } of recipients) {
    if (verdict.action === 'send') continue;
    if (!isOnlyNew(verdict)) return undefined;
    const parsed = verdict.address ?? address;
    if (!found.includes(parsed)) found.push(parsed);
  }
  return found.length > 0 ? found : undefined;
}

/**
 * A `confirm` verdict whose only finding that is not `send` is `unverified-address`, on a mailbox
 * that is not a throw-away one: anyone can read a public inbox (`disposable-domain`, e.g.
 * mailinator.com), so a code sent there proves nothing and the message is for a person.
 */
export function isOnlyNew(verdict: RecipientVerdict['verdict']): boolean {
  if (verdict.action !== 'confirm') return false;
  if (isThrowAway(verdict)) return false;
  const stopping = verdict.findings.filter((finding) => finding.action !== 'send');
  return stopping.length > 0 && stopping.every((finding) => finding.code === 'unverified-address');
}

/** A verdict on a throw-away mailbox (`disposable-domain`): never proven with a code. */
export function isThrowAway(verdict: RecipientVerdict['verdict']): boolean {
  return verdict.findings.some((finding) => finding.code === 'disposable-domain');
}
