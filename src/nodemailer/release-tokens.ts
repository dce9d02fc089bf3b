import { randomUUID } from 'node:crypto';
import type { Recipient } from '../pipeline/recipient.js';
import type { HeldEnvelope } from './hold-store.js';
import type { HeldForRelease } from './release-needs.js';
import type { VerificationStoreIdUnread } from './verification-store-id.js';

/** A release in progress: which held message, for which customer, and who released it, and why. */
export interface PendingRelease {
  readonly holdId: string;
  /**
   * Whom it goes to. Carried here, not in the message: a transporter without the guard finds no
   * recipient in the message, so a release cannot go out unchecked.
   */
  readonly envelope: HeldEnvelope;
  /** The customer the message was held for: its recipients are checked against them again. */
  readonly customerId?: string;
  readonly by: string;
  readonly reason: string;
  /** The recipients as the message was held with them, when it goes to them unchanged: checked again. */
  readonly recipients?: readonly Recipient[];
  /**
   * The addresses (lower case) the check that held the message stopped as `block` or as another
   * customer's: a release to one of them is refused like a block, whatever the check at release
   * time says, since a customer file given at release may lack the customer who owns it.
   */
  readonly stoppedWhenHeld?: readonly string[];
  /**
   * Of those, the recipients as held where a display name showed another address
   * (`"erik.lind@telia.com" <anna@…>`): stopped for the name, not for the mailbox behind it.
   */
  readonly shownInNamesWhenHeld?: readonly string[];
  /** Of `stoppedWhenHeld`, those stopped as a mailbox, not (only) for a display name: no correction lifts them. */
  readonly stoppedItselfWhenHeld?: readonly string[];
  /** The held message, when the release was given it: the release rule is asked with it. */
  readonly held?: HeldForRelease;
  /** Send to a blocked recipient all the same, on the releasing person's account. */
  readonly sendDespiteBlock?: boolean;
  /** The envelope is a correction: another customer's address is refused, a new one needs `confirmNew`. */
  readonly corrected?: boolean;
  /** The person releasing it confirmed the addresses new to the customer, corrected or kept. */
  readonly confirmNew?: boolean;
  /** Sent again with `{ force: true }`: an entry a stopped process left `releasing`. Recorded. */
  readonly force?: boolean;
  /** Customers the check that held the message knew (`HeldMessage.customersKnown`), when kept. */
  readonly customersKnown?: number;
  /** The check that held the message knew the verified addresses (`HeldMessage.verifiedAddressesChecked`). */
  readonly verifiedAddressesChecked?: boolean;
  /** The id of the verification store that check read (`HeldMessage.verificationStoreId`), or that it could not be read. */
  readonly verificationStoreId?: string | VerificationStoreIdUnread;
  /** The count of customers failed when the message was held (`HeldMessage.customersCountFailed`). */
  readonly customersCountFailed?: boolean;
  /** Checked against fewer customers than that, knowingly (fewerCustomersRefusal). */
  readonly fewerCustomers?: boolean;
}

// Tokens live only in this process and only while their send runs: a message cannot pass the
// guard by carrying a made-up token.
const pending = new Map<string, { release: PendingRelease; seen: boolean }>();
// Whether the transport took a released message is known only after the plugin has run; the
// plugin leaves here what it records then, so the audit log never says a message it could not
// send was released (as for verification messages, verification-marks.ts).
const settles = new Map<string, (failure: unknown) => Promise<void>>();

/** Registers a release and returns the token its message carries through the plugin. */
export function beginRelease(release: PendingRelease): string {
  const token = randomUUID();
  pending.set(token, { release, seen: false });
  return token;
}

/** The release a token stands for, while its send runs; marks it seen by the guard. */
export function findRelease(token: unknown): PendingRelease | undefined {
  const entry = typeof token === 'string' ? pending.get(token) : undefined;
  if (!entry) return undefined;
  entry.seen = true;
  return entry.release;
}

/** Whether a guard has read the token: false means the transporter has no guard. */
export function wasSeen(token: string): boolean {
  return pending.get(token)?.seen ?? false;
}

/** Has `settle` run with the transport's answer (`undefined` when it took the message) once the send ends. */
export function onReleaseSettled(token: string, settle: (failure: unknown) => Promise<void>): void {
  if (pending.has(token)) settles.set(token, settle);
}

/**
 * Ends a release, sent or not: `failure` is what the transport threw, or `undefined` when it
 * accepted the message. Resolves once what the plugin records is recorded.
 */
export async function endRelease(token: string, failure?: unknown): Promise<void> {
  pending.delete(token);
  const settle = settles.get(token);
  settles.delete(token);
  await settle?.(failure);
}
