import type { SendMailOptions, SentMessageInfo, Transporter } from 'nodemailer';
import { z } from 'zod';
import { InvalidInputError, SmtpUtf8NotAnnouncedError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import { comparableAddress } from '../pipeline/comparable-address.js';
import type { Recipient } from '../pipeline/recipient.js';
import { announcesSmtpUtf8 } from './announces-smtp-utf8.js';
import type { HeldEnvelope } from './hold-store.js';
import type { HeldForRelease } from './release-needs.js';
import { beginRelease, endRelease, wasSeen } from './release-tokens.js';
import { showsAddressInName } from './shows-address-in-name.js';
import type { VerificationStoreIdUnread } from './verification-store-id.js';

/** What {@link sendReleased} sends: a held message as stored, and who released it, and why. */
export interface ReleasedMessage {
  /** The hold store's id of the message, for the audit log. */
  readonly holdId: string;
  /** The whole raw message (RFC 5322), sent as it is. */
  readonly raw: Uint8Array;
  /** Whom it goes to (RFC 5321 MAIL FROM and RCPT TO). */
  readonly envelope: HeldEnvelope;
  /**
   * The customer the message was held for (`HeldMessage.customerId`): its recipients are checked
   * against this customer again.
   * @default undefined (the plugin's own way of finding the customer, which a raw message rarely satisfies)
   */
  readonly customerId?: string;
  /**
   * The recipients the message was held with (`HeldMessage.recipients`), when it goes to them
   * unchanged: they are checked again as they were named, beside the envelope and the message's
   * own fields. The stored message cannot tell them: a line break nodemailer parsed into a group
   * or a display name when it built the message is no longer there to refuse.
   * @default undefined (only the envelope and the message's own fields are checked)
   */
  readonly recipients?: readonly Recipient[];
  /**
   * The addresses the check that held the message stopped as `block` or as another customer's
   * (`belongs-to-other-customer`, `near-miss-other-customer`, `near-miss-other-name`): a release to
   * one of them is refused like a `block` (or sent with `sendDespiteBlock`, recorded as such) even
   * when the check at release time passes it, because the customer file it is checked against
   * then may lack the customer who owns the address. The hold stores fill it from the held verdicts.
   * @default undefined (only the check at release time counts)
   */
  readonly stoppedWhenHeld?: readonly string[];
  /**
   * The held message as its store lists it, with its verdicts and its `raw` bytes (`holdStore.get(id)`):
   * the release is then refused on the release rule, `releaseNeeds` asked with it, this
   * guard, the `corrected` envelope as `to`, and `fewerCustomers` (what every release tool asks
   * first), instead of on `stoppedWhenHeld` alone. The hold stores give it.
   * @default undefined (what `stoppedWhenHeld` names stands, and `sendDespiteBlock` goes past a
   * block only to a `corrected` envelope)
   */
  readonly held?: HeldForRelease;
  /** Who released it, for the audit log. Required. */
  readonly by: string;
  /** Why, for the audit log. Required. */
  readonly reason: string;
  /**
   * Send it even though a recipient's verdict is `block` or the recipient is another customer's
   * address, on the account of the person releasing it. Recorded as `released-despite-block`.
   * It goes only to recipients the releaser named: a `corrected` envelope, or one the release rule
   * asks no correction of (given `held`: a message held only because its customer could not be
   * looked up). An envelope of the held recipients past a block for anything more is refused
   * (`RECIPIENT_BLOCKED`, `release-refused` with `sendDespiteBlock: true`): blind copies included,
   * nobody stated whom it goes to. Prefer correcting the address.
   * @default false
   */
  readonly sendDespiteBlock?: boolean;
  /**
   * The envelope is a correction the person releasing it typed, not the recipients it was held
   * with: a recipient that holds another customer's address (`belongs-to-other-customer`,
   * `near-miss-other-customer`, `near-miss-other-name`) is refused like a `block`, and a `confirm` verdict (an address new
   * to the customer) goes out only with `confirmNew`.
   * @default false
   */
  readonly corrected?: boolean;
  /**
   * The person releasing it confirmed that the addresses new to the customer (corrected ones, or
   * kept ones judged `confirm` as `unverified-address`) are right; without it such an address is
   * refused. Recorded in the audit entry (`release.confirmNew`).
   * @default false
   */
  readonly confirmNew?: boolean;
  /**
   * The hold store's release was forced (`{ force: true }`) over an entry a stopped process left
   * `releasing`: recorded in the audit entry (`release.force`), so the log says the send was repeated knowingly.
   * @default false
   */
  readonly force?: boolean;
  /**
   * How many customers the check that held the message knew (`HeldMessage.customersKnown`): the
   * release is refused (`FewerCustomersError`, `FEWER_CUSTOMERS`) when the guard's directory knows
   * fewer, or cannot say how many it knows, since a corrected address of a customer missing from
   * it would pass as new. The hold stores fill it from the held message.
   * @default undefined (no count compared: a message held before the count was kept)
   */
  readonly customersKnown?: number;
  /**
   * The count of customers failed when the message was held (`HeldMessage.customersCountFailed`):
   * the release is refused as one against fewer customers is, unless `fewerCustomers`.
   * @default false
   */
  readonly customersCountFailed?: boolean;
  /**
   * Check the release against fewer customers than the check that held the message knew, on the
   * account of the person releasing it: the smaller customer file is meant (customers removed).
   * @default false
   */
  readonly fewerCustomers?: boolean;
  /**
   * The check that held the message knew the addresses verified by code
   * (`HeldMessage.verifiedAddressesChecked`): the release is refused (`InvalidInputError` naming
   * `verifiedAddresses`) when the guard has none, since an address verified for another customer
   * would pass there as merely new. The hold stores fill it from the held message.
   * @default false
   */
  readonly verifiedAddressesChecked?: boolean;
  /**
   * The id of the verification store that check read (`HeldMessage.verificationStoreId`): the
   * release is refused (`InvalidInputError` naming `verifiedAddresses`, issue code
   * `verification-store-differs`) when the guard's verified addresses come from a store with
   * another id, or none; always (`verification-store-unknown`) when it is `{ unread }`, the id
   * could not be read when the message was held. The hold stores fill it from the held message.
   * @default undefined (any store, as for a message held before ids were kept)
   */
  readonly verificationStoreId?: string | VerificationStoreIdUnread;
}

// RFC 5321 §4.1.1: MAIL FROM and RCPT TO are command lines ended by CRLF, so a control character
// in an envelope address could write a command of its own (`a@example.se>\r\nRCPT TO:<b@example.com`).
// Nodemailer would parse such a value into other addresses than the one given; refuse it whole.
const envelopeAddress = z
  .string()
  .min(1, 'an envelope address must not be empty')
  .refine(
    (address) => !/[\p{Cc}\u2028\u2029]/u.test(address),
    'an envelope address must not hold a line break or another control character',
  );

const ReleasedMessageSchema = z.object({
  holdId: z.string().min(1, 'the held message id is required'),
  envelope: z.object({
    from: envelopeAddress.optional(),
    to: z.array(envelopeAddress).min(1, 'a released message needs at least one recipient'),
  }),
  customerId: z.string().optional(),
  by: z.string().trim().min(1, 'who released the message is required'),
  reason: z.string().trim().min(1, 'why the message is released is required'),
  sendDespiteBlock: z.boolean().optional(),
  corrected: z.boolean().optional(),
  confirmNew: z.boolean().optional(),
  force: z.boolean().optional(),
  customersKnown: z.number().int().nonnegative().optional(),
  customersCountFailed: z.boolean().optional(),
  fewerCustomers: z.boolean().optional(),
  verifiedAddressesChecked: z.boolean().optional(),
  verificationStoreId: z
    .union([z.string().min(1), z.object({ unread: z.enum(['error', 'timeout']) })])
    .optional(),
  stoppedWhenHeld: z.array(z.string()).optional(),
  held: z
    .custom<HeldForRelease>(
      (value) => typeof value === 'object' && value !== null && 'recipients' in value,
      'held must be the held message as its store lists it',
    )
    .optional(),
  recipients: z
    .array(
      z.object({
        field: z.string(),
        address: z.string(),
        name: z.string().optional(),
        header: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * Sends a released message through a transporter guarded by `nodemailerGuard`. The plugin checks
 * its final recipients again with the same guard and policy, against the customer it was held
 * for: the person releasing it stands for a `confirm` verdict, and a `block` verdict or another
 * customer's address refuses the release (`RECIPIENT_BLOCKED`) unless `sendDespiteBlock` is set. Either way the release is logged
 * with who and why. The release is a token that lives in this process only while this send runs,
 * so no message can claim it by itself. For a custom `HoldStore`'s `release`; the file hold store
 * uses it too. nodemailer reads no header of a raw message, so the answer's `messageId` is one it
 * made up, not the message's: a store's `ReleaseResult` names the held message's own in both places.
 *
 * @example
 * ```ts
 * const info = await sendReleased(transporter, {
 *   holdId: held.id,
 *   raw: held.raw,
 *   envelope: { from: 'order@butiken.se', to: ['anna.svensson1985@gmail.com'] },
 *   customerId: held.customerId,
 *   by: 'lena@butiken.se',
 *   reason: 'address read back on the phone',
 * });
 * ```
 */
export async function sendReleased(
  transporter: Transporter,
  message: ReleasedMessage,
): Promise<SentMessageInfo> {
  const release = parseInput(ReleasedMessageSchema, message, ['message']);
  await refuseUtf8WithoutSmtpUtf8(transporter, release.envelope);
  const token = beginRelease({
    holdId: release.holdId,
    envelope: {
      ...(release.envelope.from === undefined ? {} : { from: release.envelope.from }),
      to: [...release.envelope.to],
    },
    by: release.by,
    reason: release.reason,
    ...(release.customerId === undefined ? {} : { customerId: release.customerId }),
    ...(release.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
    ...(release.corrected ? { corrected: true } : {}),
    ...(release.confirmNew ? { confirmNew: true } : {}),
    ...(release.force ? { force: true } : {}),
    ...(release.customersKnown === undefined ? {} : { customersKnown: release.customersKnown }),
    ...(release.customersCountFailed ? { customersCountFailed: true } : {}),
    ...(release.fewerCustomers ? { fewerCustomers: true } : {}),
    ...(release.verifiedAddressesChecked ? { verifiedAddressesChecked: true } : {}),
    ...(release.verificationStoreId === undefined
      ? {}
      : { verificationStoreId: release.verificationStoreId }),
    ...(release.stoppedWhenHeld?.length
      ? { stoppedWhenHeld: release.stoppedWhenHeld.map(comparableAddress) }
      : {}),
    ...(release.stoppedWhenHeld?.some(showsAddressInName)
      ? {
          shownInNamesWhenHeld: release.stoppedWhenHeld.filter(showsAddressInName),
          stoppedItselfWhenHeld: release.stoppedWhenHeld
            .filter((address) => !showsAddressInName(address))
            .map(comparableAddress),
        }
      : {}),
    ...(release.recipients === undefined ? {} : { recipients: release.recipients as Recipient[] }),
    ...(release.held === undefined ? {} : { held: release.held }),
  });
  // No envelope here: the guard sets it from the token, so without the guard nothing is delivered.
  const data = {
    raw: Buffer.from(message.raw.buffer, message.raw.byteOffset, message.raw.byteLength),
    emailGuard: { release: token },
  };
  let info: SentMessageInfo;
  try {
    info = await transporter.sendMail(data as SendMailOptions);
  } catch (error) {
    if (wasSeen(token)) {
      // The guard passed it and the transport failed: logged as `release-failed`, with the error.
      await endRelease(token, error ?? new Error('the transport refused the released message'));
      throw error;
    }
    endRelease(token).catch(() => undefined);
    throw new InvalidInputError(
      [
        {
          path: ['transporter'],
          message: 'a release goes only through a transporter that uses nodemailerGuard',
        },
      ],
      { cause: error },
    );
  }
  // Accepted: only now is the release logged as `released`. The message is gone whatever the log
  // does next, so a line that cannot be written must not leave it held (a second release would
  // send it twice): the failure is raised as a process warning naming the hold, not thrown.
  try {
    await endRelease(token);
  } catch (error) {
    process.emitWarning(
      `email-guard: the release of held message ${message.holdId} was sent, but its audit log line could not be written: ${error instanceof Error ? error.message : String(error)}`,
      { code: 'EMAIL_GUARD_AUDIT_LOG_FAILED' },
    );
  }
  return info;
}

/**
 * Refuses, before anything is logged or sent, a release whose sender or a recipient has a local
 * part outside ASCII (`åsa.öberg@telia.se`) through an SMTP server that does not announce SMTPUTF8:
 * RFC 6531 §3.4 lets such a mailbox be named only with the extension, and nodemailer would send it
 * anyway, for the server to refuse or mangle. A domain outside ASCII is not a reason: nodemailer
 * writes it in its ASCII form (RFC 5890 A-labels).
 */
async function refuseUtf8WithoutSmtpUtf8(
  transporter: Transporter,
  envelope: { readonly from?: string | undefined; readonly to: readonly string[] },
): Promise<void> {
  const named = [
    ...(envelope.from === undefined
      ? []
      : [{ path: ['message', 'envelope', 'from'], address: envelope.from }]),
    ...envelope.to.map((address, index) => ({ path: ['message', 'envelope', 'to', index], address })),
  ];
  const outsideAscii = named.filter(({ address }) =>
    /[\u0080-\u{10ffff}]/u.test(address.slice(0, address.lastIndexOf('@'))),
  );
  if (outsideAscii.length === 0 || (await announcesSmtpUtf8(transporter)) !== false) return;
  throw new SmtpUtf8NotAnnouncedError(outsideAscii);
}
