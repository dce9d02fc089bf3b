import type { SentMessageInfo, Transporter } from 'nodemailer';
import { z } from 'zod';
import { parseAddress } from '../address/parse-address.js';
import { InvalidInputError } from '../errors.js';
import type { LookupFailure } from '../guard/settle-lookup.js';
import { parseInput } from '../internal/parse-input.js';
import { comparableAddress } from '../pipeline/comparable-address.js';
import type { Recipient, RecipientVerdict } from '../pipeline/recipient.js';
import type { AuditLog, ReleaseOutcome } from './audit-log.js';
import { releaseNeedError, releaseNeeds } from './release-needs.js';
import { replaceRecipients } from './replace-recipients.js';
import { sendReleased } from './send-released.js';
import { stoppedWhenHeld } from './stopped-when-held.js';
import { type HeldVerificationStoreId, isVerificationStoreIdUnread } from './verification-store-id.js';

/** The SMTP envelope a message is delivered with (RFC 5321 §3.3: MAIL FROM and RCPT TO). */
export interface HeldEnvelope {
  /** The reverse-path; absent when the message named no sender. */
  readonly from?: string;
  /** Every address the message would have been delivered to, Bcc included. */
  readonly to: readonly string[];
}

/** What the nodemailer plugin hands a hold store: one whole message that must not be sent as it is. */
export interface HoldInput {
  /** The whole message as it would have gone out (RFC 5322: header, body, attachments). */
  readonly raw: Uint8Array;
  readonly envelope: HeldEnvelope;
  /** The Message-ID (RFC 5322 §3.6.4), when the message has one. */
  readonly messageId?: string;
  /** The customer the message was checked against, when known. */
  readonly customerId?: string;
  /**
   * The Subject field (RFC 5322 §3.6.5) as the sender wrote it, decoded: kept beside the message so a
   * list of held messages (the review page) tells them apart without reading each message.
   */
  readonly subject?: string;
  /** Why it was held: a recipient's verdict was `block`, or `confirm` without a confirmation. */
  readonly action: 'block' | 'confirm';
  /** Every recipient with its verdict. */
  readonly recipients: readonly RecipientVerdict[];
  /** Why the customer could not be resolved, when it could not. */
  readonly customerLookup?: LookupFailure;
  /**
   * How many customers the directory that held the message knew, where it could say (an in-memory
   * directory): a release checked against fewer is refused, since a filtered or out-of-date export
   * lacks the customer whose address a correction may be. Absent for a message held without one,
   * or before it was kept; such a message is released as before.
   */
  readonly customersKnown?: number;
  /**
   * The check that held the message also knew the addresses verified by code (its guard had
   * `verifiedAddresses`, as `nodemailerGuard({ verifier })` gives it): a release whose guard
   * lacks them is refused, since an address verified for another customer, or a slip of one,
   * would pass there as merely new. Absent for a message held without them.
   */
  readonly verifiedAddressesChecked?: boolean;
  /**
   * The id of the verification store those addresses were read from (`VerificationStore.id`),
   * beside `verifiedAddressesChecked`: a release through a guard whose store answers another id is
   * refused (`InvalidInputError`, issue code `verification-store-differs`), since another store, an
   * empty one, reads as "nobody verified it". `null`: the store had no id, and the message is
   * released as one held before ids were kept (absent). `{ unread: 'error' | 'timeout' }`: the
   * store failed to say its id, or did not within `lookupTimeoutMs`; no store can be shown to be
   * the one the check read, so a release is refused (issue code `verification-store-unknown`).
   */
  readonly verificationStoreId?: HeldVerificationStoreId;
  /**
   * The new addresses the verifier was asked to send the customer a code to (`unverified:
   * 'verify'`): the message waits for the code to be read back, and goes out by itself once it
   * is. A release by hand skips that proof. Absent for a message held for a person to confirm.
   */
  readonly awaitingCode?: readonly string[];
  /**
   * The directory that held the message was asked how many customers it knew, and its count failed
   * (a database's count query): the message was held all the same, and a release is refused as one
   * against fewer customers is (`FewerCustomersError`, `whenHeld` undefined), since nothing shows
   * it knows as many, unless `fewerCustomers: true`.
   */
  readonly customersCountFailed?: true;
}

/** A held message as listed: everything but the raw message. */
export interface HeldMessage extends Omit<HoldInput, 'raw'> {
  /** Time-sortable id, unique in the store. */
  readonly id: string;
  /** ISO 8601 time the message was held. */
  readonly heldAt: string;
  /** Size of the raw message in bytes. */
  readonly size: number;
  /**
   * `held`, or `releasing` while a release is sending it. An entry that stays `releasing` was being
   * sent when the process stopped: it is never sent again by itself; check the recipient's mailbox
   * or the transport's log, then discard it or release it again, either with `{ force: true }`.
   */
  readonly state: 'held' | 'releasing';
  /**
   * ISO 8601 time the release (or a discard) that holds the entry claimed it, while `state` is
   * `releasing`; absent while it is `held`. An entry releasing for longer than a send takes was
   * left by a process that stopped mid-send: the time to look for in the transport's log.
   */
  readonly releasingSince?: string;
  /**
   * The process that holds the claim of an entry `releasing`, where the store can tell (the folder
   * store's lock names its process and host): `running` is true while that process runs on this
   * host, false once it has stopped there (a stale claim: the release ended without its end, so it
   * is in doubt), and absent for a process on another host, which this one cannot see.
   */
  readonly releasingBy?: ReleasingProcess;
  /**
   * What the audit log says of the send of an entry `releasing`, when the store was given a log it
   * can read (`auditLog`, one with `lastReleaseOutcomes`, the log the guard's releases write to):
   * `not-started`: no send of it began, or the last one ended unsent (`release-failed`,
   * `release-refused`): the release stopped before its `release-started` line, so the message did
   * not go out; `started`: a `release-started` line without an end, a release in doubt (the
   * message may have reached the server): check the mail server's log; `sent`: a `released` line,
   * the transport accepted it (its row or files could not be removed): discard it with
   * `{ force: true }`, never release it again. Absent while `held`, and without such a log.
   */
  readonly releaseProgress?: ReleaseProgress;
}

/** The process that claimed an entry `releasing` ({@link HeldMessage.releasingBy}). */
export interface ReleasingProcess {
  readonly pid: number;
  readonly host: string;
  readonly running?: boolean;
}

/** What the audit log says of the send of an entry left `releasing` ({@link HeldMessage.releaseProgress}). */
export type ReleaseProgress = 'not-started' | 'started' | 'sent';

/** The progress a release's last audit line shows; `not-started` for none. */
export function releaseProgressOf(outcome: ReleaseOutcome | undefined): ReleaseProgress {
  if (outcome === 'released' || outcome === 'released-despite-block') return 'sent';
  return outcome === 'release-started' ? 'started' : 'not-started';
}

/** The sentence a refusal adds for an entry's {@link ReleaseProgress}, empty when it is not known. */
export function describeReleaseProgress(progress: ReleaseProgress | undefined): string {
  if (progress === 'sent')
    return '; the audit log says it WAS sent (the transport accepted it): never release it again';
  if (progress === 'started')
    return "; the audit log says its send began and never ended, so it may have reached the mail server: check the server's log";
  if (progress === 'not-started') return '; the audit log shows no send of it begun';
  return '';
}

/** A held message with its raw bytes. */
export interface HeldMessageWithRaw extends HeldMessage {
  readonly raw: Buffer;
}

/** An entry a hold store cannot list whole, and why (see `createFileHoldStore().listProblems()`). */
export interface HoldStoreProblem {
  /** The entry's id, from its file name. */
  readonly id: string;
  /** The file that is wrong. */
  readonly file: string;
  readonly code:
    | 'malformed'
    | 'not-a-file'
    | 'unreadable'
    | 'digest-mismatch'
    | 'unsealed'
    | 'message-missing'
    | 'uncommitted';
  /** What is wrong, in words. */
  readonly message: string;
}

/** Options of {@link HoldStore.release}. */
export interface ReleaseOptions {
  /**
   * The corrected recipients. When given (or `cc` or `bcc` is), the message goes to exactly these
   * addresses and those of `cc` and `bcc`, and nobody else: they replace the envelope and the `To`
   * field (`cc` is written in a new `Cc` field, `bcc` in the envelope only), and the held `Cc`,
   * `Bcc`, `Resent-To`, `Resent-Cc` and `Resent-Bcc` fields are removed. Each is checked again like any recipient: a
   * correction that is itself a typo is refused, and so is one that holds another customer's
   * address (`belongs-to-other-customer`, `near-miss-other-customer`, `near-miss-other-name`),
   * even with `confirmNew`: the corrected recipients
   * must pass the check, or be new to the customer and confirmed as such (`confirmNew`).
   * @default the recipients the message was held with
   */
  readonly to?: string | readonly string[];
  /**
   * Corrected copy recipients, written in a `Cc` field of their own beside `to` (RFC 5322 §3.6.3):
   * a Cc recipient held stays one when corrected. Given with `to` or `bcc`, the message goes to
   * exactly the three lists together.
   * @default none (with `to` or `bcc`: no Cc)
   */
  readonly cc?: string | readonly string[];
  /**
   * Corrected blind-copy recipients: they go in the envelope only (RFC 5321 RCPT TO), never in the
   * header, so no other recipient sees them (RFC 5322 §3.6.3). An address held as a blind copy
   * (`Bcc`, `Resent-Bcc` or envelope only) is refused in `to` or `cc` (`InvalidInputError`, issue
   * code `blind-copy-shown`): it is given here, where it stays blind.
   * @default none (with `to` or `cc`: no blind copy)
   */
  readonly bcc?: string | readonly string[];
  /**
   * The corrected recipients (`to`) are new to the customer and the person releasing it confirmed
   * them (read back on the phone): a correction judged `confirm` for that reason is sent, and the
   * audit entry records `confirmNew: true`. The same holds for recipients kept as held: one judged
   * `confirm` because it is new to the customer (`unverified-address`) is sent only with it. It
   * never lets through a `block` verdict or another customer's address. Without it a correction
   * must be judged `send`.
   * @default false
   */
  readonly confirmNew?: boolean;
  /** Who released it, for the audit log. Required. */
  readonly by: string;
  /** Why, for the audit log. Required. */
  readonly reason: string;
  /**
   * Send it even though a recipient's verdict is still `block`, or the recipient is another
   * customer's address, on the account of the person releasing it (recorded as
   * `released-despite-block`). Without it such a recipient can leave only by being corrected (`to`)
   * to an address that passes.
   * @default false
   */
  readonly sendDespiteBlock?: boolean;
  /**
   * Release an entry left `releasing` by a process that stopped mid-send. Only when it is known
   * that the earlier send did not arrive.
   * @default false
   */
  readonly force?: boolean;
  /**
   * Release it although the guard's directory knows fewer customers than the check that held it
   * (`customersKnown`), because the smaller customer file is meant. Without it such a release is
   * refused with `FewerCustomersError` (`FEWER_CUSTOMERS`), nothing sent: a corrected address of a
   * customer missing from the file would pass as merely new.
   * @default false
   */
  readonly fewerCustomers?: boolean;
}

/** Options of {@link HoldStore.discard}. */
export interface DiscardOptions {
  /**
   * Discard an entry left `releasing` by a process that stopped mid-send. Only when it is known
   * that no release of it is still running.
   * @default false
   */
  readonly force?: boolean;
  /**
   * Who discards it, for the audit line of a store that writes one itself (the PostgreSQL store's
   * `discard`, a `discarded` line with `where: 'library'`).
   * @default 'not given'
   */
  readonly by?: string;
  /** Why, for that audit line. @default 'not given' */
  readonly reason?: string;
}

/** What a release did. */
export interface ReleaseResult {
  readonly id: string;
  readonly messageId?: string;
  /** The envelope the message was sent with. */
  readonly envelope: HeldEnvelope;
  /** What the transport answered, with `messageId` the message's own (as at the top). */
  readonly info: SentMessageInfo;
}

/**
 * Where messages that were not sent are kept, whole, until someone corrects and releases or
 * discards them. `createFileHoldStore` is the default; implement this to keep them elsewhere.
 * A store must keep an entry whole or not at all, and send a released message at most once.
 *
 * @example
 * ```ts
 * const store: HoldStore = createFileHoldStore('./held-mail');
 * for (const held of await store.list()) console.log(held.id, held.action, held.recipients.length);
 * ```
 */
export interface HoldStore {
  /** Keeps a message. Resolves once it is durable. */
  hold(input: HoldInput): Promise<HeldMessage>;
  /**
   * Every held message, oldest first. An entry that cannot be read whole is left out rather than
   * making every other one unlistable; a store should offer a way to see those (the file store's
   * `listProblems()`).
   */
  list(): Promise<HeldMessage[]>;
  /** One held message with its raw bytes, or `undefined` when there is none with that id. */
  get(id: string): Promise<HeldMessageWithRaw | undefined>;
  /**
   * Sends a held message through `transporter` (one that uses `nodemailerGuard`, with `sendReleased`),
   * at most once even when called twice at the same time, and removes it once the transport
   * accepted it. Its final recipients are checked again; a release to a blocked recipient is
   * refused (`RECIPIENT_BLOCKED`) and the message stays held, as it does when the send fails. A
   * message another release or discard has claimed is refused with `HeldMessageClaimedError`.
   */
  release(id: string, transporter: Transporter, options: ReleaseOptions): Promise<ReleaseResult>;
  /**
   * Removes a held message without sending it. Resolves `false` when there was none. Rejects with
   * `HeldMessageClaimedError` (a `HoldStoreFailedError`) while the message is being released (it may be on its way to the
   * recipient, so it cannot be said to be discarded); an entry left `releasing` by a process that
   * stopped is discarded with `{ force: true }`.
   */
  discard(id: string, options?: DiscardOptions): Promise<boolean>;
  /**
   * Discards as `discard` does, calling `record` with the message while the store holds it for the
   * discard, so no release can start or end in between: the message is then either released or
   * discarded, and a `discarded` line written by `record` is never about a message that went out.
   * When `record` rejects, the message stays held and the rejection is passed on. Resolves the
   * message discarded, or `undefined` when there was none. `discardAndRecord` uses it when a store
   * has it (the folder and PostgreSQL stores do), else records first and then calls `discard`.
   */
  discardWithRecord?(
    id: string,
    record: (held: HeldMessage) => Promise<void>,
    options?: DiscardOptions,
  ): Promise<HeldMessage | undefined>;
  /**
   * Drops `awaitingCode` from a held message whose code could not be sent after all (the rate
   * limit, a transport failure): it then waits for a person, and `holds list` and `holds show`
   * say so instead of that it goes out by itself. Resolves once durable; nothing when the message
   * is gone or has no `awaitingCode`. The guard calls it when a store has it (the folder and
   * PostgreSQL stores do).
   */
  dropAwaitingCode?(id: string): Promise<void>;
}

const correctedList = z
  .union([z.string(), z.array(z.string()).min(1, 'at least one corrected recipient is required')])
  .optional();

const ReleaseOptionsSchema = z.object({
  to: correctedList,
  cc: correctedList,
  bcc: correctedList,
  by: z.string().trim().min(1, 'who releases the message is required'),
  reason: z.string().trim().min(1, 'why the message is released is required'),
  confirmNew: z.boolean().optional(),
  sendDespiteBlock: z.boolean().optional(),
  force: z.boolean().optional(),
  fewerCustomers: z.boolean().optional(),
});

/** Release options as a store reads them: checked, and the corrected recipients parsed. */
export interface CheckedRelease {
  readonly settings: z.output<typeof ReleaseOptionsSchema>;
  /**
   * Each corrected recipient as one plain address, To, Cc and Bcc together (the envelope); `undefined`
   * when the held ones stay.
   */
  readonly corrected: string[] | undefined;
  /** The corrected recipients by the field they are written in; `undefined` when the held ones stay. */
  readonly correctedFields?: CorrectedFields | undefined;
}

/** Corrected recipients by field: `to` and `cc` are written in the header, `bcc` in the envelope only. */
export interface CorrectedFields {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
}

/**
 * Checks a release's options before a store claims the entry: an `InvalidInputError` naming the
 * field (`options.to.1`) when they break the schema or a corrected recipient is not one plain
 * address (no names, lists or line breaks). One whose local part shows another address is one
 * address: the check at release blocks it (`address-in-local-part`), and the refusal is audited.
 */
export function checkRelease(options: unknown): CheckedRelease {
  const settings = parseInput(ReleaseOptionsSchema, options, ['options']);
  if (settings.to === undefined && settings.cc === undefined && settings.bcc === undefined)
    return { settings, corrected: undefined };
  const fields: CorrectedFields = {
    to: settings.to === undefined ? [] : correctedRecipients(settings.to, 'to'),
    cc: settings.cc === undefined ? [] : correctedRecipients(settings.cc, 'cc'),
    bcc: settings.bcc === undefined ? [] : correctedRecipients(settings.bcc, 'bcc'),
  };
  return { settings, corrected: [...fields.to, ...fields.cc, ...fields.bcc], correctedFields: fields };
}

/** The fields that hold a blind copy: never shown to the other recipients (RFC 5322 §3.6.3). */
const BLIND_FIELDS = new Set(['bcc', 'resent-bcc', 'envelope']);

/**
 * Refuses a correction that writes an address held only as a blind copy into `To` or `Cc`: the
 * customer would see the address the sender kept from them (an archive, a colleague). It goes in
 * `bcc`, where it stays blind.
 */
function refuseBlindCopyShown(entry: HeldMessage, fields: CorrectedFields): void {
  const shown = new Set(
    entry.recipients
      .filter(({ field }) => !BLIND_FIELDS.has(field))
      .map(({ address }) => comparableAddress(address)),
  );
  const blind = new Set(
    entry.recipients
      .filter(({ field, address }) => BLIND_FIELDS.has(field) && !shown.has(comparableAddress(address)))
      .map(({ address }) => comparableAddress(address)),
  );
  const issues = (['to', 'cc'] as const).flatMap((field) =>
    fields[field].flatMap((address, index) =>
      blind.has(comparableAddress(address))
        ? [
            {
              path: ['options', field, index],
              code: 'blind-copy-shown',
              message: `${address} was held as a blind copy (Bcc): in ${field === 'to' ? 'To' : 'Cc'} every recipient would see it; give it in \`bcc\`, where it stays in the envelope only`,
            },
          ]
        : [],
    ),
  );
  if (issues.length > 0) throw new InvalidInputError(issues);
}

/**
 * The release every hold store does once it holds the entry (and its claim or lock): the message
 * goes to the corrected recipients (the `To` field rewritten) or to those it was held with, and
 * `sendReleased` checks its final recipients again; unchanged recipients are checked again as they
 * were named when held, and corrected ones as a correction (another customer's address refused, a
 * new address only with `confirmNew`). Rejects, sending nothing, when the check refuses the
 * recipients or the transport fails.
 */
export async function sendHeldMessage(
  transporter: Transporter,
  entry: HeldMessage,
  raw: Buffer,
  { settings, corrected, correctedFields }: CheckedRelease,
  auditLog?: AuditLog,
): Promise<{ envelope: HeldEnvelope; info: SentMessageInfo }> {
  if (correctedFields) refuseBlindCopyShown(entry, correctedFields);
  const envelope: HeldEnvelope = {
    ...(entry.envelope.from ? { from: entry.envelope.from } : {}),
    to: corrected ?? entry.envelope.to,
  };
  // Held with no envelope (a raw message given without one) and released without `to`, it names no
  // one to deliver to (RFC 5321 §4.1.1.3: RCPT TO names them), and `sendReleased` takes no release
  // without a recipient: refused here on the rule a release tool asks, which says this first of all
  // (before an answer field or a missing customer). Every other reason is the guard's to refuse on,
  // asking the same rule once with the held message (`held`), the override weighed there: a block
  // overridden without `to` names no one and is refused, recorded with `sendDespiteBlock`.
  if (envelope.to.length === 0) {
    const [first] = await releaseNeeds(entry, {
      ...(settings.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
      ...(settings.fewerCustomers ? { fewerCustomers: true } : {}),
    });
    const refusal = first?.code === 'envelope-recipients' ? releaseNeedError(first, entry.id) : undefined;
    if (refusal) {
      // A refused release is audited like every other one (who, why, what was refused), in the log
      // the guard's releases write to; a line that cannot be written fails as the log's failure does.
      await auditLog?.record({
        at: new Date().toISOString(),
        ...(entry.messageId === undefined ? {} : { messageId: entry.messageId }),
        ...(entry.customerId === undefined ? {} : { customerId: entry.customerId }),
        mode: 'enforce',
        outcome: 'release-refused',
        action: 'block',
        recipients: entry.recipients.map(({ field, header, address, verdict }) => ({
          field,
          ...(header === undefined ? {} : { header }),
          address,
          action: verdict.action,
          codes: verdict.findings.map(({ code }) => code),
        })),
        holdId: entry.id,
        release: {
          by: settings.by,
          reason: settings.reason,
          ...(settings.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
          ...(settings.confirmNew ? { confirmNew: true } : {}),
          ...(settings.force ? { force: true } : {}),
          refusal: { code: refusal.code, message: refusal.message },
        },
      });
      throw refusal;
    }
  }
  const info = await sendReleased(transporter, {
    holdId: entry.id,
    raw: correctedFields
      ? replaceRecipients(raw, correctedFields.to, { cc: correctedFields.cc })
      : corrected
        ? replaceRecipients(raw, corrected)
        : raw,
    envelope,
    ...(entry.customerId === undefined ? {} : { customerId: entry.customerId }),
    by: settings.by,
    reason: settings.reason,
    ...(settings.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
    ...(settings.confirmNew ? { confirmNew: true } : {}),
    ...(settings.force ? { force: true } : {}),
    ...(entry.customersKnown === undefined ? {} : { customersKnown: entry.customersKnown }),
    ...(entry.verifiedAddressesChecked ? { verifiedAddressesChecked: true } : {}),
    ...(typeof entry.verificationStoreId === 'string' ||
    isVerificationStoreIdUnread(entry.verificationStoreId)
      ? { verificationStoreId: entry.verificationStoreId }
      : {}),
    ...(entry.customersCountFailed ? { customersCountFailed: true } : {}),
    ...(settings.fewerCustomers ? { fewerCustomers: true } : {}),
    stoppedWhenHeld: stoppedWhenHeld(entry.recipients).map(({ address }) => address),
    ...(corrected ? { corrected: true } : { recipients: entry.recipients.map(heldRecipient) }),
    held: { ...entry, raw },
  });
  // nodemailer makes up a Message-ID for a raw message it sends (it reads no header of it): the
  // answer names the one the message carries, the one the mail server logs (RFC 5322 §3.6.4).
  return { envelope, info: entry.messageId ? { ...info, messageId: entry.messageId } : info };
}

function correctedRecipients(to: string | readonly string[], field: 'to' | 'cc' | 'bcc'): string[] {
  const list = typeof to === 'string' ? [to] : to;
  return list.map((entered, index) => {
    const parsed = parseAddress(entered);
    // An address whose local part shows another one (`"erik.lind@telia.com"@evil.com`) is one
    // address, only a deceptive one: it goes on to the check at release, which blocks it with its
    // finding (where the mail would go) and records the refusal, `sendDespiteBlock` or not.
    if (!parsed.ok && parsed.reason === 'address-in-local-part') return entered.trim();
    if (!parsed.ok) {
      throw new InvalidInputError([
        {
          path: typeof to === 'string' ? ['options', field] : ['options', field, index],
          message: parsed.detail,
        },
      ]);
    }
    return parsed.address.address;
  });
}

/** A held recipient without its verdict: what it was named as, to be checked again. */
function heldRecipient({ field, address, name, header }: RecipientVerdict): Recipient {
  return {
    field,
    address,
    ...(name === undefined ? {} : { name }),
    ...(header === undefined ? {} : { header }),
  };
}
