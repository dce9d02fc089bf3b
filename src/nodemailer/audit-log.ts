import type { LookupFailure } from '../guard/settle-lookup.js';
import type { Action, FindingCode } from '../guard/verdict.js';
import type { RecipientField } from '../pipeline/recipient.js';
import type { HeldEnvelope } from './hold-store.js';

/**
 * What happened to a message:
 * - `sent`: passed to the transport (nothing to hold, a confirmation, or failing open), written
 *   before the transport answers (the plugin runs at compile); a refusal after it is a second line,
 *   `send-failed`, `send-in-doubt` or `recipients-refused`;
 * - `send-failed`: after a `sent` or `monitored` line of the same message, the message did not go out
 *   after all: a later plugin, nodemailer or the transport refused it (the SMTP server's answer to
 *   RCPT TO or DATA), and `sendFailed.error` says what it answered; `sendMail` rejected with it;
 * - `send-in-doubt`: after a `sent` or `monitored` line, the transport had the message and ended
 *   without the server's answer (an abort, a socket timeout, a dropped connection): one that ends
 *   after the message data went out, before the server's reply to it, may have been delivered (RFC
 *   5321 §4.1.1.4: the server takes responsibility with that reply, and may have acted on the data
 *   before it was lost), so the log claims neither; `sendFailed.error` says how it ended, and
 *   `sendMail` rejected with it. Check with the recipient before sending it again;
 * - `recipients-refused`: after a `sent` or `monitored` line, the SMTP server refused some recipients
 *   at RCPT TO and the message went to the others only: `sendFailed.recipients` are those it did not
 *   reach, `sendFailed.error` the server's answers (nodemailer's `info.rejected`, `rejectedErrors`);
 * - `not-sent`: passed the check, but names no address to deliver to (no RCPT TO: a prebuilt
 *   message without an envelope, only a group object): nodemailer refuses it (`EENVELOPE`), and
 *   `notSent.reason` says so;
 * - `held`: kept in the hold store, not sent;
 * - `monitored`: would have been held, but sent because the plugin runs in `monitor` mode;
 * - `release-started`: a release the check passed, written before the message goes to the transport
 *   (who, why, the recipients, the hold id); a release is not sent when this line cannot be written.
 *   Its end is `released`, `released-despite-block` or `release-failed`; one without an end is a
 *   release in doubt (the process stopped after the send began: the message may have gone out);
 * - `released`: a held message, corrected or not, checked again and accepted by the transport through
 *   `holdStore.release` (recorded once the transport answered);
 * - `release-failed`: a release the check passed but the transport did not take (server unreachable,
 *   message refused); the message stays held, and `release.error` says what the transport answered.
 *   `released` is recorded only once the transport accepted the message;
 * - `release-refused`: a release refused, the message still held: its recipients are still stopped,
 *   or its check knows fewer customers than the hold's, or could not look the customer up;
 *   `release.refusal` says which (the error's code and message);
 * - `released-despite-block`: a release a person sent to a blocked recipient with
 *   `sendDespiteBlock: true`, on their own account;
 * - `hold-failed`: should have been held, but the hold store failed; it was not sent either;
 * - `verification-sent`: the verifier's own message with a code, to the one new address it proves,
 *   accepted by the transport (recorded once the transport answered);
 * - `verification-failed`: that message, refused by the transport (`verification.error` says how);
 *   no code reached the address;
 * - `discarded`: a held message a person removed without sending it (`discard` says who, why and
 *   where: the review page, the API or the command line); written before the message is removed.
 */
export type AuditOutcome =
  | 'sent'
  | 'send-failed'
  | 'send-in-doubt'
  | 'recipients-refused'
  | 'not-sent'
  | 'held'
  | 'monitored'
  | 'release-started'
  | 'released'
  | 'release-refused'
  | 'release-failed'
  | 'released-despite-block'
  | 'hold-failed'
  | 'verification-sent'
  | 'verification-failed'
  | 'discarded';

/** The outcomes of a release's lines: `release-started`, and each line that ends a release. */
export type ReleaseOutcome = Extract<
  AuditOutcome,
  | 'release-started'
  | 'released'
  | 'released-despite-block'
  | 'release-failed'
  | 'release-refused'
  | 'discarded'
>;

/** The outcomes that end a release: after one of them, the hold's release is settled. */
export const RELEASE_ENDS: ReadonlySet<ReleaseOutcome> = new Set<ReleaseOutcome>([
  'released',
  'released-despite-block',
  'release-failed',
  'release-refused',
  'discarded',
]);

/** One recipient in the audit log: the address, what the guard said, and why. */
export interface AuditRecipient {
  readonly field: RecipientField;
  /** For field `header`: the header's name. */
  readonly header?: string;
  readonly address: string;
  readonly action: Action;
  /** The finding codes, most severe first. */
  readonly codes: readonly FindingCode[];
}

/** One decision about one message. No subject, no body, no attachment: only who, what and why. */
export interface AuditEntry {
  /** ISO 8601 time of the decision. */
  readonly at: string;
  readonly messageId?: string;
  readonly customerId?: string;
  readonly mode: 'enforce' | 'monitor';
  readonly outcome: AuditOutcome;
  /** What the verdicts add up to (the most severe recipient's action). */
  readonly action: Action;
  readonly recipients: readonly AuditRecipient[];
  /**
   * The SMTP envelope of the message as built (RFC 5321 MAIL FROM and RCPT TO): exactly the
   * addresses it was, or would have been, delivered to. `recipients` may name more (a To field
   * an explicit envelope does not deliver to is checked too). Written by `nodemailerGuard` on every entry.
   */
  readonly envelope?: HeldEnvelope;
  /** The hold store's id for a held or released message. */
  readonly holdId?: string;
  /** The confirmation the message carried; `applied` is false when a `block` verdict stood regardless. */
  readonly override?: { readonly by: string; readonly reason: string; readonly applied: boolean };
  /**
   * Who released a held message, and why; `sendDespiteBlock` when a block was overridden,
   * `confirmNew` when the releaser confirmed corrected addresses new to the customer.
   */
  readonly release?: {
    readonly by: string;
    readonly reason: string;
    readonly sendDespiteBlock?: true;
    readonly confirmNew?: true;
    /** Released with `{ force: true }`: an entry left `releasing` by a process that stopped was sent again. */
    readonly force?: true;
    /** For `release-failed`: what the transport answered. */
    readonly error?: string;
    /**
     * For `release-refused`: why, as the error the release was refused with says it: its `code`
     * (`FEWER_CUSTOMERS`, `LOOKUP_FAILED`, `RECIPIENT_BLOCKED`, `RECIPIENT_NEEDS_CONFIRMATION`) and
     * its `message`. Absent on lines written before it was kept.
     */
    readonly refusal?: { readonly code: string; readonly message: string };
  };
  /** Why the customer could not be resolved, when it could not. */
  readonly customerLookup?: LookupFailure;
  /**
   * Who discarded a held message, why, and through what (`review-page`, `api`, `command-line`, or
   * `library` for a hold store's own `discard()`); `force` when an entry left `releasing` was discarded;
   * `damaged`, why an entry that could not be read was set aside (`HoldStoreProblem['code']`).
   */
  readonly discard?: {
    readonly by: string;
    readonly reason: string;
    readonly where: 'review-page' | 'api' | 'command-line' | 'library';
    readonly force?: true;
    readonly damaged?: string;
  };
  /**
   * For `verification-sent` and `verification-failed`: the challenge whose code the message carries,
   * and for `verification-failed` what the transport answered.
   */
  readonly verification?: { readonly challengeId: string; readonly error?: string };
  /**
   * For `send-failed`, `send-in-doubt` and `recipients-refused`: what refused the message after it was passed on (the
   * transport's error), and for `recipients-refused` the recipients it did not reach.
   */
  readonly sendFailed?: { readonly error: string; readonly recipients?: readonly string[] };
  /** For `not-sent`: why the message could not go out. */
  readonly notSent?: { readonly reason: string };
  /** The message was sent although the customer could not be resolved, because the plugin fails open. */
  readonly failedOpen?: boolean;
}

/**
 * Where decisions are recorded. `record` resolves once the entry is durable; if it rejects, the
 * message is not sent (a decision that cannot be accounted for is not made).
 *
 * @example
 * ```ts
 * const entries: AuditEntry[] = [];
 * const auditLog: AuditLog = { record: async (entry) => void entries.push(entry) };
 * ```
 */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /**
   * The outcome of the last release line (`release-started`, or a line that ends a release) the log
   * holds for each of `holdIds`; an id with none is left out. A hold store given this log reads
   * from it what became of an entry left `releasing` (`HeldMessage.releaseProgress`). Optional:
   * the PostgreSQL and JSON-lines logs have it; a log without it leaves `releaseProgress` unsaid.
   */
  lastReleaseOutcomes?(holdIds: readonly string[]): Promise<ReadonlyMap<string, ReleaseOutcome>>;
}
