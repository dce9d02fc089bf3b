import { randomUUID } from 'node:crypto';
import type { MailMessage, MailMessageData, PluginFunction } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { z } from 'zod';
import { indexMailboxRules } from '../address/mailbox-key.js';
import {
  AuditLogFailedError,
  EmailGuardError,
  HoldStoreFailedError,
  InvalidInputError,
  MessageUnreadableError,
  RecipientBlockedError,
  RecipientNeedsConfirmationError,
} from '../errors.js';
import { createGuard, type Guard, type GuardOptions } from '../guard/create-guard.js';
import { describeFindings } from '../guard/describe-findings.js';
import { stopsRecipient } from '../guard/stops-recipient.js';
import type { Action } from '../guard/verdict.js';
import { parseInput } from '../internal/parse-input.js';
import { ANSWER_FIELDS, answerFieldName } from '../pipeline/answer-fields.js';
import { checkRecipients, type RecipientsCheck } from '../pipeline/check-recipients.js';
import {
  collectAnswers,
  collectRecipients,
  collectReplyTo,
  type ParsedAddressList,
} from '../pipeline/collect-recipients.js';
import { comparableAddress } from '../pipeline/comparable-address.js';
import { findShownAddresses } from '../pipeline/find-shown-addresses.js';
import {
  type CustomerReference,
  type PipelineOptions,
  PipelineOptionsSchema,
  withMethod,
} from '../pipeline/pipeline-options.js';
import { readMessageHeader } from '../pipeline/read-message-header.js';
import type { Recipient, RecipientVerdict } from '../pipeline/recipient.js';
import { attachHoldStore, type Verifier } from '../verification/create-verifier.js';
import { findNewAddresses, isThrowAway } from '../verification/find-new-addresses.js';
import {
  findVerificationMessage,
  onVerificationMessageSettled,
  type PendingVerificationMessage,
} from '../verification/verification-marks.js';
import type { AuditEntry, AuditLog, AuditOutcome } from './audit-log.js';
import { awaitVerification } from './await-verification.js';
import { customersKnownWhenHeld } from './customers-known.js';
import type { HeldEnvelope, HoldStore } from './hold-store.js';
import { probablyWrong } from './probably-wrong.js';
import { releaseLookupFailed } from './release-lookup-failed.js';
import {
  answeredByOverride,
  guardReleaseNeeds,
  type ReleaseNeed,
  releaseNeedError,
  releaseNeeds,
} from './release-needs.js';
import { CORRECT_PROBABLY_WRONG } from './release-next-steps.js';
import { verificationsWhenHeld } from './verification-store-id.js';
import './mail-options.js';
import { confirmationKey } from './confirmation-key.js';
import { findUnreadableMailboxes } from './find-unreadable-mailboxes.js';
import { findRelease, onReleaseSettled, type PendingRelease } from './release-tokens.js';
import { OTHER_CUSTOMER_CODES, stoppedWhenHeld as stoppedAsHeld } from './stopped-when-held.js';

export { OTHER_CUSTOMER_CODES } from './stopped-when-held.js';

import { namesShownInMessage } from './names-shown-in-message.js';
import { removeHeaderFields } from './remove-header-fields.js';
import { endWatch, isSendInDoubt, keepFailureReason, recordSendFailure, watchSend } from './watch-send.js';

/**
 * Options of {@link nodemailerGuard}. The customer a message is for is taken, in this order, from
 * the message's `emailGuard.customerId`, from the `customerIdHeader` field, or from
 * `resolveCustomer(mail.data)`; a message that names none is held (it fails closed).
 */
export interface NodemailerGuardOptions extends Omit<PipelineOptions<MailMessageData>, 'resolveCustomer'> {
  /**
   * Finds the customer from nodemailer's `mail.data`, when a message does not carry
   * `emailGuard: { customerId }`.
   * @default undefined (only `emailGuard.customerId` and `customerIdHeader` name the customer)
   */
  readonly resolveCustomer?: PipelineOptions<MailMessageData>['resolveCustomer'];
  /**
   * A header field that carries the customer id (`'X-Customer-Id'`), for code that already sets one.
   * Its name is matched without case, and the field is removed before the message is sent or held:
   * a customer number is personal data, and the recipient has no use for it.
   * @default undefined
   */
  readonly customerIdHeader?: string;
  /** Where messages that are not sent are kept whole (`createFileHoldStore`). */
  readonly holdStore: HoldStore;
  /**
   * `enforce` holds what the verdicts say to hold; `monitor` sends everything and records what
   * would have been held (`outcome: 'monitored'`), for a trial run on live traffic. A line break in
   * an address field is held in both modes: it is an injection, not a judgement call.
   * @default 'enforce'
   */
  readonly mode?: 'enforce' | 'monitor';
  /**
   * Where every decision is recorded (`createJsonLinesAuditLog(path)`), or `false` to keep no record.
   * Required: no file is written anywhere the caller did not name.
   */
  readonly auditLog: AuditLog | false;
  /**
   * Proves new addresses with a code (`createVerifier`). Its verified addresses count as known to
   * the guard, and with `unverified: 'verify'` it is sent the new addresses of held messages.
   * @default undefined
   */
  readonly verifier?: Verifier;
  /**
   * What happens to a message held only because an address is new to the customer (every
   * recipient not sent is `confirm` for `unverified-address` alone, in `enforce` mode): `hold`
   * keeps it for a person (`RECIPIENT_NEEDS_CONFIRMATION`); `verify` also has the verifier send a
   * code to the address and rejects with `RECIPIENT_AWAITING_VERIFICATION`; the message goes out
   * by itself once the code is confirmed. A near miss, a domain typo or another customer's address
   * is never sent a code.
   * @default 'hold'
   */
  readonly unverified?: 'hold' | 'verify';
}

const isFunction = (value: unknown) => typeof value === 'function';

const OptionsSchema = PipelineOptionsSchema.extend({
  resolveCustomer: z.custom<unknown>(isFunction, 'resolveCustomer must be a function').optional(),
  customerIdHeader: z
    .string()
    .regex(/^[\x21-\x39\x3b-\x7e]+$/, 'a header field name (RFC 5322 §2.2: printable ASCII, no colon)')
    .optional(),
  holdStore: withMethod('hold', 'a hold store is required'),
  mode: z.enum(['enforce', 'monitor']).optional(),
  auditLog: z.union([z.literal(false), withMethod('record', 'an audit log needs a record method')], {
    error: 'an audit log is required: createJsonLinesAuditLog(path), or false to keep no record',
  }),
  verifier: withMethod('start', 'a verifier from createVerifier').optional(),
  unverified: z.enum(['hold', 'verify']).optional(),
}).refine((options) => options.unverified !== 'verify' || options.verifier !== undefined, {
  path: ['verifier'],
  message: "unverified: 'verify' needs a verifier (createVerifier)",
});

/**
 * What a message may carry in `mail.data.emailGuard`. The key is nodemailer's to pass through and
 * ours to read; it is removed before the message is built, so it never reaches a header.
 */
const ControlSchema = z
  .object({
    /** The customer the message is for: checked against, never sent. */
    customerId: z.string().trim().min(1, 'a customer id must not be empty').optional(),
    /**
     * A person confirmed the recipients (read back on the phone): lets through the `confirm`
     * recipients it names in `addresses` (required when more than one needs confirming), and never
     * one that another customer's address explains.
     */
    confirmation: z
      .object({
        by: z.string().trim().min(1, 'who confirmed the recipients is required'),
        reason: z.string().trim().min(1, 'why the recipients are right is required'),
        addresses: z
          .array(z.string().trim().min(1, 'an address read back must not be empty'))
          .min(1, 'name at least one address read back, or leave addresses out')
          .optional(),
      })
      .optional(),
    /** Set by `sendReleased`; a token only this process gave out. */
    release: z.string().optional(),
    /** Set by the verifier on its own message; a mark only this process gave out. */
    verification: z.string().optional(),
  })
  .optional();

/** What the plugin rejects `sendMail` with when it holds a message. */
export type HeldMessageError =
  | RecipientBlockedError<RecipientVerdict>
  | RecipientNeedsConfirmationError<RecipientVerdict>;

/** The message as nodemailer will send it: its SMTP envelope and the recipients its header names. */
interface CompiledMessage {
  readonly envelope: HeldEnvelope;
  /** Other keys of an explicit envelope (`size`, `use8BitMime`): passed on as given. */
  readonly envelopeOptions: Record<string, unknown>;
  /**
   * The To, Cc and Bcc fields of the message, as nodemailer writes them (Bcc is not written, only
   * delivered to), and its Resent-To, Resent-Cc and Resent-Bcc fields (RFC 5322 §3.6.6).
   */
  readonly named: readonly Recipient[];
  /** The Reply-To addresses the message is written with (RFC 5322 §3.6.2): where the customer's reply goes. */
  readonly replyTo: readonly Recipient[];
  /** A prebuilt (`raw`) message, read to its end: the bytes that are sent. */
  readonly raw?: Buffer;
  /**
   * The raw content of the composed node when it was checked (mime-node `setRaw`): a node given
   * raw content later is built from it alone, its header fields and parts unread.
   */
  readonly rawContent: unknown;
  readonly messageId?: string;
  /** The value of `customerIdHeader`, read before the field was removed. */
  readonly headerCustomerId?: string;
  /** Nodemailer's composition of the message (a MimeNode): the one checked, and the one sent. */
  readonly node: ComposedNode;
}

/** What `MailComposer.compile()` returns: the message nodemailer builds and hands to the transport. */
type ComposedNode = MailMessage['message'];

/**
 * A nodemailer `compile` plugin that checks every recipient of every message before it is sent.
 * What is checked is what nodemailer delivers to, read with nodemailer's own composer: the SMTP
 * envelope (RCPT TO) and the To, Cc and Bcc fields it writes (a prebuilt `raw` message's own fields
 * included), as well as every address the message options name. That envelope is pinned as the
 * message's explicit envelope, and nodemailer's final build is compared with what was checked
 * before it is sent, so no shape of input nodemailer reads differently can add a recipient nobody
 * checked. Register it as the last `compile` plugin: a later one that changes the recipients makes
 * `sendMail` reject.
 *
 * One recipient that fails holds the whole message, never a partial send: it goes whole into the
 * hold store and `sendMail` rejects with `RECIPIENT_BLOCKED` or `RECIPIENT_NEEDS_CONFIRMATION`.
 *
 * A `confirm` verdict can be let through by a person who read the address back:
 * `sendMail({ ...message, emailGuard: { confirmation: { by, reason } } })`. A `block` verdict
 * cannot. Every decision goes to the audit log.
 *
 * @example
 * ```ts
 * transporter.use('compile', nodemailerGuard({
 *   guard: createGuard({ lookupCustomer: (id) => crm.byId(id) }),
 *   holdStore: createFileHoldStore('./held-mail'),
 *   auditLog: createJsonLinesAuditLog('./email-guard-audit.jsonl'),
 * }));
 * await transporter.sendMail({ ...message, emailGuard: { customerId: 'C-1001' } });
 * // rejects with err.code 'RECIPIENT_BLOCKED' on a typo
 * ```
 */
export function nodemailerGuard(options: NodemailerGuardOptions): PluginFunction {
  parseInput(OptionsSchema, options, ['options']);
  const mode = options.mode ?? 'enforce';
  const auditLog = options.auditLog;
  const headerName = options.customerIdHeader;
  const verifier = options.verifier;
  // The verifier's addresses are known to the guard: a verified address is an `exact-match`.
  const guard =
    verifier && !options.guard.options.verifiedAddresses
      ? createGuard({ ...options.guard.options, verifiedAddresses: verifier })
      : options.guard;
  // The verifier reads spellings as this guard does, unless it was given rules of its own.
  if (verifier)
    (verifier as Partial<VerifierHooks>)[attachHoldStore]?.(
      options.holdStore,
      guard.options.mailboxRules,
      guard,
    );
  const verifyNew = mode === 'enforce' && options.unverified === 'verify' && verifier !== undefined;

  async function record(entry: AuditEntry): Promise<void> {
    if (auditLog === false) return;
    try {
      await auditLog.record(entry);
    } catch (error) {
      // A held message is safe in the store; say where, so it is not looked for in vain.
      const where =
        entry.outcome === 'held'
          ? `the message was held as ${entry.holdId}, but `
          : entry.outcome === 'release-started'
            ? `the release of ${entry.holdId} was not sent, and the message stays held: `
            : '';
      // A send's decision is written before nodemailer sends (the plugin runs at compile): its
      // failure rejects the message, which is then in no store either.
      const unsent =
        entry.outcome === 'sent' || entry.outcome === 'monitored'
          ? '; the message was neither sent nor held (send it again)'
          : '';
      throw new AuditLogFailedError(`${where}the decision could not be written to the audit log${unsent}`, {
        cause: error,
      });
    }
  }

  /**
   * The pipeline options for one message: the customer id it names, looked up by the guard's
   * `lookupCustomer`; without one (or without a `lookupCustomer` to look an id up), `resolveCustomer`.
   */
  const resolvedOptions: PipelineOptions<MailMessageData> = {
    ...options,
    guard,
    resolveCustomer: options.resolveCustomer ?? (() => undefined),
  };
  function customerOptions(customerId: string | undefined): PipelineOptions<MailMessageData> {
    const byId =
      customerId !== undefined && (options.guard.options.lookupCustomer || !options.resolveCustomer);
    if (!byId) return resolvedOptions;
    return { ...options, guard, resolveCustomer: (): CustomerReference => customerId };
  }

  async function guardMail(mail: MailMessage): Promise<void> {
    const data = mail.data;
    const control = takeControl(data);
    const release = findRelease(control?.release);
    if (release) data.envelope = { ...release.envelope, to: [...release.envelope.to] };
    const verification = release ? undefined : findVerificationMessage(control?.verification);
    // Read before the message is pinned: pinning replaces the envelope with the one nodemailer built.
    // Each To, Cc and Bcc text is parsed once: the composed header holds the same texts.
    const parsedLists = new Map<string, ParsedAddressList>();
    // A mailbox nodemailer would read as something else than was typed is checked as typed, first.
    const given = release
      ? []
      : [
          ...findUnreadableMailboxes(data),
          ...collectRecipients({ ...data, ...resentHeaders(data) }, { parsedLists }),
        ];
    const givenReplyTo = release ? [] : collectReplyTo(data);
    const compiled = await compileMessage(mail, headerName, parsedLists);
    pinMessage(mail, compiled);
    if (release) return guardRelease(data, compiled, release, control?.release as string);
    if (verification)
      return passVerificationMessage(data, compiled, verification, control?.verification as string);

    const messageId = messageIdOf(data, compiled);
    // What display names show, encoded-words decoded, as the recipient's mail client shows them.
    const shown = findShownAddresses(compiled, { prebuilt: compiled.raw !== undefined });
    const recipients = mergeRecipients([...given, ...shown.recipients], compiled);
    // Nodemailer itself refuses a message without recipients; there is nothing to check.
    if (recipients.length === 0) return;
    const check = await checkRecipients(
      {
        recipients,
        source: data,
        replyTo: [...givenReplyTo, ...compiled.replyTo, ...shown.answers, ...bounceAddress(compiled)],
      },
      customerOptions(control?.customerId ?? compiled.headerCustomerId),
    );
    const confirmation = control?.confirmation;
    const cover =
      confirmation && check.action === 'confirm'
        ? coverConfirmation(check, confirmation, guard.options.mailboxRules)
        : undefined;
    const confirmed = cover?.confirmed === true;
    // A confirmation given for another customer's address is no judgement call left to a person.
    const heldAs: Action = check.action === 'block' || cover?.otherCustomers.length ? 'block' : check.action;
    const allowed =
      check.action === 'send' || (check.action === 'confirm' && (confirmed || check.failedOpen));
    const facts = {
      check,
      action: heldAs,
      mode,
      messageId,
      confirmation,
      confirmed,
      envelope: compiled.envelope,
    };

    // With no RCPT TO, nodemailer's SMTP transports refuse the message themselves (EENVELOPE "No
    // recipients defined"), and the error reaches the caller: the log says it did not go out, and
    // why. Other transports may still deliver it (sendmail -t and SES read the header's recipients,
    // the stream and JSON transports hand it on), so for them it stays "passed to the transport".
    if (allowed && compiled.envelope.to.length === 0 && refusesEmptyEnvelope(mail))
      return record({ ...auditEntry(facts, 'not-sent'), notSent: { reason: NO_ENVELOPE_RECIPIENTS } });
    if (allowed) return passOn(mail, facts, 'sent');
    // A line break is held in every mode: sent on, nodemailer would split it into recipients nobody
    // typed (`a@example.se\r\nBcc: b@example.com` names b@example.com).
    if (mode === 'monitor' && !check.recipients.some(isInjection)) return passOn(mail, facts, 'monitored');

    const addresses = verifyNew && !confirmation && !check.failedOpen && findNewAddresses(check.recipients);
    // Whether the verifier will be asked for a code: kept with the message, so a list of held
    // messages tells one waiting for the customer's code from one waiting for a person.
    const awaitingCode =
      verifier && addresses && check.customerId !== undefined && check.customerLookup === undefined
        ? addresses
        : undefined;
    let holdId: string;
    try {
      const held = await options.holdStore.hold({
        raw: compiled.raw ?? (await buildMessage(mail, compiled.node)),
        envelope: compiled.envelope,
        action: heldAs === 'block' ? 'block' : 'confirm',
        recipients: check.recipients,
        ...(messageId === undefined ? {} : { messageId }),
        ...(check.customerId === undefined ? {} : { customerId: check.customerId }),
        ...(typeof data.subject === 'string' ? { subject: data.subject } : {}),
        ...(check.customerLookup === undefined ? {} : { customerLookup: check.customerLookup }),
        ...(await customersKnownWhenHeld(guard)),
        ...(await verificationsWhenHeld(guard)),
        ...(awaitingCode ? { awaitingCode } : {}),
      });
      holdId = held.id;
    } catch (error) {
      await record(auditEntry(facts, 'hold-failed')).catch(() => undefined);
      throw error instanceof EmailGuardError
        ? error
        : new HoldStoreFailedError('the message was not sent and could not be held', { cause: error });
    }
    await record(auditEntry(facts, 'held', holdId));
    if (verifier && awaitingCode && check.customerId !== undefined) {
      const awaiting = await awaitVerification(verifier, {
        holdId,
        customerId: check.customerId,
        recipients: check.recipients,
        addresses: awaitingCode,
        ...(messageId === undefined ? {} : { messageId }),
      });
      // No code went out: the held message waits for a person, not for a code, and says so. Held it
      // stays whatever this answers; an entry that cannot be updated (locked by a release, a full
      // disk) is said in a process warning, since a list of held messages may still call it waiting
      // for the customer's code, which never comes.
      if (awaiting.codeNotSent)
        await options.holdStore
          .dropAwaitingCode?.(holdId)
          .catch((error: unknown) =>
            process.emitWarning(
              `email-guard: held message ${holdId} stays held, waiting for a person since no verification code could be sent, but its entry could not be updated to say so (${describeFailure(error)}): it may still say it waits for the customer's code`,
              { code: 'EMAIL_GUARD_HOLD_STORE_FAILED' },
            ),
          );
      throw awaiting.error;
    }
    const details = {
      holdId,
      recipients: check.recipients,
      ...(messageId === undefined ? {} : { messageId }),
    };
    const who = describeStopped(check);
    const throwAway =
      verifyNew && check.recipients.some(({ verdict }) => verdict.action !== 'send' && isThrowAway(verdict));
    if (check.action === 'block')
      throw new RecipientBlockedError(`Held ${holdId}, not sent: blocked recipient ${who}`, details);
    if (cover?.otherCustomers.length)
      throw new RecipientBlockedError(
        `Held ${holdId}, not sent: a confirmation never covers another customer's address, and ${describeRecipients(cover.otherCustomers, OTHER_CUSTOMER_CODES)} is one or is one slip from one; correct the recipient, then release the message`,
        details,
      );
    const uncovered = cover?.uncovered.length
      ? `; the confirmation by ${JSON.stringify(confirmation?.by)} does not name ${describeRecipients(cover.uncovered)} in addresses${confirmation?.addresses ? '' : ' (required when more than one recipient needs confirming)'}`
      : '';
    throw new RecipientNeedsConfirmationError(
      `Held ${holdId}, not sent: recipient ${who} needs confirming${uncovered}${throwAway ? '; no code was sent, since the address is a throw-away mailbox (disposable-domain) whose inbox anyone can read, so a code would prove nothing' : ''}; read it back, then release it`,
      details,
    );
  }

  /**
   * Records a message passed to the transport, and watches it until it is sent: one refused after
   * all (by a later plugin, nodemailer or the server) gets a `send-failed` line with the error, so
   * the log never keeps claiming a message went out that did not.
   */
  async function passOn(
    mail: MailMessage,
    facts: Parameters<typeof auditEntry>[0],
    outcome: 'sent' | 'monitored',
  ): Promise<void> {
    await record(auditEntry(facts, outcome));
    watchSend(mail, (failure, refused, how) =>
      record({
        ...auditEntry(facts, refused ? 'recipients-refused' : how?.inDoubt ? 'send-in-doubt' : 'send-failed'),
        sendFailed: { error: describeFailure(failure), ...(refused ? { recipients: [...refused] } : {}) },
      }).catch((error: unknown) =>
        // The caller hears of the failed send from `sendMail` itself; only the line is missing.
        process.emitWarning(
          `email-guard: message ${facts.messageId ?? '(no Message-ID)'} did not reach ${refused ? refused.join(', ') : 'its recipients'}, but the audit log line saying so could not be written: ${describeFailure(error)}`,
          { code: 'EMAIL_GUARD_AUDIT_LOG_FAILED' },
        ),
      ),
    );
  }

  /**
   * A held message on its way out through `sendReleased`: its final recipients are checked again,
   * with the same guard and policy, against the customer it was held for. The person releasing it
   * is the confirmation a `confirm` verdict asks for; a `block` verdict stops the release unless it
   * was asked to override the block outright, which is recorded as such. Another customer's address
   * is refused like a `block` (the error this guard exists to stop), kept or corrected. Corrected
   * recipients are typed at release time, so they get no benefit of the doubt: an address merely new
   * to the customer goes out only when the releaser confirmed it (`confirmNew`), and so does a kept
   * recipient judged `confirm` because it is new to the customer.
   */
  /**
   * The release rule's answer for a release: asked of the held message when the release carries it
   * (`sendReleased({ held })`, as the hold stores give it), without the override, which the release
   * weighs itself (`answeredByOverride`); else only what the guard alone can say.
   */
  async function releaseRule(release: PendingRelease): Promise<ReleaseNeed[]> {
    const asked = release.fewerCustomers ? { fewerCustomers: true } : {};
    if (!release.held) return guardReleaseNeeds({ ...release, id: release.holdId }, guard.options, asked);
    return releaseNeeds(release.held, {
      guard: guard.options,
      ...(release.corrected ? { to: release.envelope.to } : {}),
      ...asked,
    });
  }

  async function guardRelease(
    data: MailMessageData,
    compiled: CompiledMessage,
    release: PendingRelease,
    token: string,
  ): Promise<void> {
    // The recipients as they were held, when the release keeps them: what nodemailer made of a
    // line break when it built the stored message no longer shows it.
    const recipients = mergeRecipients(release.recipients ?? [], compiled);
    // The rule every release tool asks first (releaseNeeds), asked once, here, of the held message
    // when the release carries it: what the hold stopped stays stopped, the verification store the
    // hold read, as many customers as it knew (a partial customer file never undoes a block), the
    // verified addresses it knew. Given only addresses (`stoppedWhenHeld`), what the guard alone can
    // say is asked (guardReleaseNeeds) and those addresses stand.
    const needs = await releaseRule(release);
    // The addresses the answer fields' display names show are answer addresses too, kept as held.
    const answers = [
      ...compiled.replyTo,
      ...findShownAddresses(compiled, { prebuilt: compiled.raw !== undefined }).answers,
    ];
    const check = await checkRecipients(
      { recipients, source: data, replyTo: answers },
      customerOptions(release.customerId ?? compiled.headerCustomerId),
    );
    // Another customer's address is refused whether it was corrected or kept: a person who reviewed
    // a `confirm` verdict confirmed the recipient is the customer's, which an address on another
    // customer's record contradicts (and the export given at release may know more than the check
    // that held it). Only `sendDespiteBlock` sends it, recorded as `released-despite-block`.
    const otherCustomers = check.recipients.filter(({ verdict }) =>
      verdict.findings.some((finding) => OTHER_CUSTOMER_CODES.has(finding.code)),
    );
    // What the check that held it stopped stays stopped: the customer file given at release may lack
    // the customer whose address it is, and a stale export must never undo a block.
    // The Reply-To field is kept whatever the release corrects: an address in it the check stopped
    // stays stopped too.
    // Given the held message, the rule says which stops stand; asked for corrected recipients, it
    // says no stop (the held ones are not what a correction sends), yet every held one still goes.
    const stoppedWhenHeld = new Set(
      release.held
        ? needs.flatMap((need) =>
            need.code === 'stopped-when-held' || need.code === 'answer-field'
              ? need.recipients.map(({ address }) => comparableAddress(address))
              : need.code === 'corrected-recipients' && release.held
                ? stoppedAsHeld(release.held.recipients).map(({ address }) => comparableAddress(address))
                : [],
          )
        : (release.stoppedWhenHeld ?? []),
    );
    // A stop for a display name that showed another address is lifted by corrected recipients only
    // when the message as it goes out shows that address nowhere (releaseNeeds, `stopped-when-held`,
    // which reads the held message corrected; without it, the bytes nodemailer built for the release
    // are read once, for every such name).
    if (!release.held && release.corrected && compiled.raw !== undefined) {
      const names = (release.shownInNamesWhenHeld ?? []).filter(
        (heldAs) => !release.stoppedItselfWhenHeld?.includes(comparableAddress(heldAs)),
      );
      const stillShown = await namesShownInMessage(compiled.raw, names);
      for (const heldAs of names)
        if (!stillShown.has(heldAs)) stoppedWhenHeld.delete(comparableAddress(heldAs));
    }
    const heldStopped: Recipient[] = [...check.recipients, ...answers].filter(({ address }) =>
      stoppedWhenHeld.has(comparableAddress(address)),
    );
    // A recipient the check finds probably not the customer's (a sibling domain, a rewritten known
    // address) is refused even with `confirmNew`, which says only that a new address was read back:
    // typed at release or kept as held, the customer confirming "the new address" does not answer
    // a check that believes it is a slip of a known one.
    const doubted = check.recipients.filter(
      ({ verdict }) => verdict.action === 'confirm' && probablyWrong(verdict).length > 0,
    );
    // A need of the rule that no override answered stands whatever the check now says.
    const standing = release.sendDespiteBlock ? needs.filter((need) => !answeredByOverride(need)) : needs;
    const blocked =
      check.action === 'block' ||
      otherCustomers.length > 0 ||
      heldStopped.length > 0 ||
      doubted.length > 0 ||
      needs.length > 0;
    // A corrected recipient judged `confirm`, and a kept one judged `confirm` because it is new to
    // the customer (`unverified-address`), go out only when the releaser confirmed it as theirs: the
    // same rule for the address whether it was typed at release or held (docs/cli.md, holds release).
    const isNew = check.recipients.some(
      ({ verdict }) =>
        verdict.action === 'confirm' &&
        verdict.findings.some((finding) => finding.code === 'unverified-address'),
    );
    const unconfirmed =
      !blocked && check.action === 'confirm' && (release.corrected === true || isNew) && !release.confirmNew;
    // `sendDespiteBlock` overrides a judgement about a mailbox the releaser can vouch for (a slip, a
    // look-alike, another customer's); an `invalid-address` finding, whatever its reason, says there
    // is no such mailbox, or that the address hides where the mail goes (`"erik.lind@telia.com"@evil.com`
    // is delivered to evil.com, RFC 5322 §3.4.1): no override sends it (docs/check.md).
    const notAnAddress = check.recipients.some(({ verdict }) =>
      verdict.findings.some((finding) => finding.code === 'invalid-address'),
    );
    // An override goes only to recipients the releaser named (docs/nodemailer.md, `release`): the
    // rule's `corrected-recipients`, or, given no held message, an envelope that is not `corrected`
    // past a block for more than a failed lookup (`stopsRecipient`), which names no one.
    const namesNobody =
      release.sendDespiteBlock === true &&
      (release.held
        ? standing.some(({ code }) => code === 'corrected-recipients')
        : !release.corrected &&
          (heldStopped.length > 0 ||
            otherCustomers.length > 0 ||
            check.recipients.some(({ verdict }) => verdict.findings.some(stopsRecipient))));
    const outcome: AuditOutcome = blocked
      ? release.sendDespiteBlock && !notAnAddress && !namesNobody && standing.length === 0
        ? 'released-despite-block'
        : 'release-refused'
      : unconfirmed
        ? 'release-refused'
        : 'released';
    const messageId = messageIdOf(data, compiled);
    const entry = (settled: AuditOutcome, failure?: unknown, refusal?: EmailGuardError): AuditEntry => ({
      ...auditEntry(
        {
          check,
          mode,
          messageId,
          confirmation: undefined,
          confirmed: false,
          envelope: compiled.envelope,
        },
        settled,
        release.holdId,
      ),
      release: {
        by: release.by,
        reason: release.reason,
        ...(release.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
        ...(release.confirmNew && (release.corrected || isNew) ? { confirmNew: true } : {}),
        ...(release.force ? { force: true } : {}),
        ...(failure === undefined ? {} : { error: describeFailure(failure) }),
        ...(refusal === undefined ? {} : { refusal: { code: refusal.code, message: refusal.message } }),
      },
    });
    // A refusal is logged with the error it is answered with, so the log says why, not only that.
    const refuse = async (refusal: EmailGuardError): Promise<EmailGuardError> => {
      await record(entry('release-refused', undefined, refusal));
      return refusal;
    };
    // Refused with the rule's first reason where it has an error of its own; the others are the
    // recipients', said below with the verdicts.
    const [first] = standing;
    const refusal = first && releaseNeedError(first, release.holdId, guard.options.locale ?? 'en');
    if (refusal) throw await refuse(refusal);
    // `failOpen` lets new mail through a lookup that failed; a held message is not new mail, and a
    // release is never weaker than the hold: a check that saw no customer clears nothing. Only
    // `sendDespiteBlock`, on the releaser's own account, sends it.
    if (check.failedOpen && !release.sendDespiteBlock)
      throw await refuse(releaseLookupFailed(release.holdId, check.customerId, guard.options.locale ?? 'en'));
    if (outcome !== 'release-refused') {
      // The intent first, before the message goes to the transport: a process that stops between
      // the send and `released` leaves this line without an end, a release in doubt, and never a
      // release nobody recorded. A line that cannot be written stops the send (fail closed).
      await record(entry('release-started'));
      // Recorded once the transport has answered: a release it did not take is `release-failed`
      // (the message stays held), and `released` is written once, for the send that went out.
      onReleaseSettled(token, (failure) =>
        record(failure === undefined ? entry(outcome) : entry('release-failed', failure)),
      );
      return;
    }
    const details = {
      holdId: release.holdId,
      recipients: check.recipients,
      ...(messageId === undefined ? {} : { messageId }),
    };
    if (namesNobody && !notAnAddress)
      throw await refuse(
        new RecipientBlockedError(
          `Release of ${release.holdId} refused, the message stays held: sendDespiteBlock sends past a block only to the recipients the releaser names, and this release names none, so it would go to every held recipient, blind copies included (${compiled.envelope.to.join(', ')}); give them with \`to\` (\`cc\`, \`bcc\`) and release it again, or correct the recipient`,
          details,
        ),
      );
    if (unconfirmed)
      throw await refuse(
        new RecipientNeedsConfirmationError(
          `Release of ${release.holdId} refused, the message stays held: recipient ${describeStopped(check)} is not known for the customer; release it with confirmNew (--confirm-new) once the address is confirmed as theirs`,
          details,
        ),
      );
    // Said to the person releasing (the review page, `email-guard holds release`): each recipient
    // stopped, the finding in words with its code, the suggestion, and the next step. The hold id
    // is on the error (`holdId`), for whoever logs it.
    const stopped =
      check.action === 'block'
        ? check.recipients.filter(({ verdict }) => verdict.action === 'block')
        : otherCustomers;
    const said = stopped
      .map((recipient) => {
        const { address, verdict } = recipient;
        // The findings that decided (a block's, or the other customer's), not every remark.
        const findings = describeFindings(
          verdict.findings.filter((finding) =>
            check.action === 'block' ? finding.action === 'block' : OTHER_CUSTOMER_CODES.has(finding.code),
          ),
        );
        const state =
          check.action === 'block'
            ? 'is blocked'
            : verdict.findings.some((finding) => finding.code === 'belongs-to-other-customer')
              ? "is another customer's address"
              : "is one slip from another customer's address";
        const suggested = verdict.suggestion ? `; did you mean ${verdict.suggestion}?` : '';
        return `${address}${whereNamed(recipient)} ${state}: ${findings}${suggested}`;
      })
      .join(' ');
    // Stopped only by the check that held it: the check now passes it, which a customer file
    // lacking the address's owner explains, so that check's verdict is what stands.
    const saidKeys = new Set(stopped.map(({ field, address }) => `${field} ${comparableAddress(address)}`));
    const alreadySaid = ({ field, address }: Recipient) =>
      saidKeys.has(`${field} ${comparableAddress(address)}`);
    // A recipient held in a field whose display name showed another address
    // (`"erik.lind@telia.com" <anna@…>`) was stopped for that name, not for the mailbox behind it,
    // which is often the customer's own: said as it was, since the stop stands all the same.
    const heldInNames = new Map(
      (release.shownInNamesWhenHeld ?? []).map((held) => [comparableAddress(held), held] as const),
    );
    const heldOnlyRecipients = [
      ...new Map(
        heldStopped
          .filter((recipient) => !alreadySaid(recipient))
          .map((recipient) => [`${recipient.field} ${comparableAddress(recipient.address)}`, recipient]),
      ).values(),
    ];
    const inNames = heldOnlyRecipients.some(({ address }) => heldInNames.has(comparableAddress(address)));
    const heldOnly = heldOnlyRecipients
      .map((recipient) => {
        const heldAs = heldInNames.get(comparableAddress(recipient.address));
        return heldAs === undefined
          ? `${recipient.address}${whereNamed(recipient)} was blocked or found to be another customer's address when the message was held, and a check now cannot clear that`
          : `${recipient.address} was not blocked itself: the message was held because its own header showed another address in a display name (${heldAs}), and what the check that held it stopped stays stopped at release`;
      })
      .join('; ');
    const doubtedOnly = doubted
      .filter((recipient) => !alreadySaid(recipient) && !heldStopped.includes(recipient))
      .map(({ address, verdict }) => {
        const findings = describeFindings(probablyWrong(verdict));
        const suggested = verdict.suggestion ? `; did you mean ${verdict.suggestion}?` : '';
        return `${address} is probably not the customer's address, whether or not it is new to them: ${findings}${suggested}`;
      })
      .join(' ');
    // Refused by the rule alone (the check now passes every recipient): its first reason, in words.
    const ruleOnly = [said, heldOnly, doubtedOnly].some(Boolean) || !first ? '' : describeNeed(first);
    const why = [said, heldOnly, doubtedOnly, ruleOnly].filter(Boolean).join(' ');
    // Only the envelope is corrected at release (`to`): an answer field (Reply-To,
    // Mail-Reply-To, Errors-To, …) is sent as it was held, named after the one that stopped it.
    const answerFields = [
      ...new Set([
        ...[...stopped, ...heldStopped].map(answerFieldName).filter((name) => name !== undefined),
        ...standing.flatMap((need) => (need.code === 'answer-field' ? need.fields : [])),
      ]),
    ];
    const next = inNames
      ? 'Discard the message and send it again with no other address in a display name.'
      : answerFields.length > 0
        ? `A release corrects the recipients, not ${answerFields.join(' or ')}: discard the message and send it again with the company's own address there.`
        : doubtedOnly
          ? CORRECT_PROBABLY_WRONG
          : 'Correct the recipient and release the message again, or discard it.';
    throw await refuse(
      new RecipientBlockedError(
        `Not sent, the message stays held: ${why}${why.endsWith('?') ? '' : '.'} ${next}`,
        details,
      ),
    );
  }

  /**
   * The verifier's own message: a code, to the one address it was made for, and nothing personal.
   * It is not checked (the address is the one being proven), only pinned to that address and logged.
   */
  async function passVerificationMessage(
    data: MailMessageData,
    compiled: CompiledMessage,
    verification: PendingVerificationMessage,
    mark: string,
  ): Promise<void> {
    const only = (address: string) => address === verification.address;
    if (!compiled.envelope.to.every(only) || !compiled.named.every(({ address }) => only(address))) {
      throw new InvalidInputError([
        {
          path: ['to'],
          message: 'a verification message goes to the address it was made for, and nobody else',
        },
      ]);
    }
    const messageId = messageIdOf(data, compiled);
    // Recorded once the transport has answered (the verifier reports it): a refused code message
    // is `verification-failed`, never claimed as sent.
    onVerificationMessageSettled(mark, (failure) =>
      record({
        at: new Date().toISOString(),
        ...(messageId === undefined ? {} : { messageId }),
        mode,
        outcome: failure === undefined ? 'verification-sent' : 'verification-failed',
        action: 'send',
        recipients: [{ field: 'to', address: verification.address, action: 'send', codes: [] }],
        envelope: { ...compiled.envelope, to: [...compiled.envelope.to] },
        verification: {
          challengeId: verification.challengeId,
          ...(failure === undefined ? {} : { error: describeFailure(failure) }),
        },
      }),
    );
  }

  // Nodemailer ignores a plugin's return value: the callback is the only way to answer, and a
  // rejected promise that never calls it would leave `sendMail` waiting forever.
  // One async function per message, not a pair of closures around a promise.
  async function answer(mail: MailMessage, done: (error?: Error | null) => void): Promise<void> {
    try {
      await guardMail(mail);
    } catch (error) {
      done(error as Error);
      return;
    }
    handOver(mail, plugin, done);
  }
  const plugin: PluginFunction = (mail, done) => {
    void answer(mail, done);
  };
  return plugin;
}

/**
 * Whether the message's transport is nodemailer's SMTP transport or pool (`name` "SMTP", "SMTP
 * (pool)"), which refuse a message without an envelope recipient before connecting.
 */
function refusesEmptyEnvelope(mail: MailMessage): boolean {
  const name = (mail.mailer as unknown as { transporter?: { name?: unknown } } | undefined)?.transporter
    ?.name;
  return typeof name === 'string' && name.startsWith('SMTP');
}

const NO_ENVELOPE_RECIPIENTS =
  'the message names no address to deliver to (no envelope recipient, RFC 5321 RCPT TO), so nodemailer refuses it';

/** What `nodemailerGuard` calls on a verifier it is given. */
interface VerifierHooks {
  [attachHoldStore](
    holdStore: HoldStore,
    mailboxRules: GuardOptions['mailboxRules'],
    guard: Pick<Guard, 'check'>,
  ): void;
}

/** The transport's answer for the audit log: its message, which carries the SMTP reply. */
function describeFailure(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

/** A reason of the release rule the check at release does not show, in words (the need's code with it). */
function describeNeed(need: ReleaseNeed): string {
  switch (need.code) {
    case 'customer':
      return 'no customer was known when the message was held (customer), so no recipient can pass a check against its customer';
    case 'customer-in-directory':
      return `the customers the release is checked against do not have the message's customer ${need.customerId} (customer-in-directory)`;
    case 'corrected-recipients':
      return `${need.recipients.map(({ address }) => address).join(', ')} was blocked when the message was held, and the release names no corrected recipient (corrected-recipients)`;
    case 'answer-field':
      return `${need.recipients.map(({ address }) => address).join(', ')} in ${need.fields.join(', ')} was stopped when the message was held, and a release sends that field as held (answer-field)`;
    case 'stopped-when-held':
      return `${need.recipients.map(({ address }) => address).join(', ')} was blocked or found to be another customer's address when the message was held, and a check now cannot clear that (stopped-when-held)`;
    default:
      return `the release lacks what the hold knew (${need.code})`;
  }
}

function describeStopped(check: RecipientsCheck): string {
  return check.recipients
    .filter(({ verdict }) => verdict.action === check.action)
    .map((recipient) => {
      const { address, verdict } = recipient;
      const why = [verdict.findings[0]?.code, verdict.suggestion && `suggestion ${verdict.suggestion}`];
      return `${JSON.stringify(address)}${whereNamed(recipient)} (${why.filter(Boolean).join('; ')})`;
    })
    .join(', ');
}

/**
 * The envelope's sender (MAIL FROM, RFC 5321 §4.1.1.2), where a bounce returns the message
 * (RFC 3464 §2), when it is not an address of the header's answer fields already: an explicit
 * `envelope.from` is sent as given, whatever From says.
 */
function bounceAddress({ envelope, replyTo }: CompiledMessage): Recipient[] {
  const from = envelope.from;
  if (!from || replyTo.some(({ address }) => address === from)) return [];
  return [{ field: 'envelope-from', address: from }];
}

/**
 * Where an address was named, said only of a field an answer goes to (Reply-To, From, a receipt
 * field, MAIL FROM): it receives no copy of the message, so a person who reads "recipient" looks
 * for it among To, Cc and Bcc in vain.
 */
function whereNamed(recipient: Pick<Recipient, 'field' | 'header'>): string {
  const name = answerFieldName(recipient);
  return name === undefined ? '' : ` in ${name}`;
}

/**
 * What a confirmation covers: the `confirm` recipients a person read back, named in its
 * `addresses` (compared by mailbox key, as the check reads them: {@link confirmationKey}), or the
 * only one when it names none.
 * A recipient another customer's address explains is never covered: the person on the phone is the
 * customer, who cannot confirm an address that is someone else's (docs/nodemailer.md, confirmation).
 */
function coverConfirmation(
  check: RecipientsCheck,
  confirmation: { readonly addresses?: readonly string[] | undefined },
  mailboxRules: GuardOptions['mailboxRules'],
): { confirmed: boolean; otherCustomers: RecipientVerdict[]; uncovered: RecipientVerdict[] } {
  const toConfirm = check.recipients.filter(({ verdict }) => verdict.action === 'confirm');
  const otherCustomers = toConfirm.filter(({ verdict }) =>
    verdict.findings.some((finding) => OTHER_CUSTOMER_CODES.has(finding.code)),
  );
  const rules = indexMailboxRules(mailboxRules);
  const keyOf = (address: string) => confirmationKey(address, rules);
  const readBack = confirmation.addresses
    ? new Set(confirmation.addresses.map(keyOf))
    : new Set(toConfirm.length === 1 ? toConfirm.map(({ address }) => keyOf(address)) : []);
  const uncovered = toConfirm.filter(({ address }) => !readBack.has(keyOf(address)));
  return { confirmed: otherCustomers.length === 0 && uncovered.length === 0, otherCustomers, uncovered };
}

/** Each recipient by its address and the finding codes that matter here (all of them by default). */
function describeRecipients(recipients: readonly RecipientVerdict[], codes?: ReadonlySet<string>): string {
  return recipients
    .map(({ address, verdict }) => {
      const named = verdict.findings
        .map((finding) => finding.code)
        .filter((code) => codes === undefined || codes.has(code));
      return `${JSON.stringify(address)} (${named.join(', ')})`;
    })
    .join(', ');
}

function isInjection({ verdict }: RecipientVerdict): boolean {
  return verdict.findings.some(
    (finding) => finding.code === 'invalid-address' && finding.reason === 'control-characters',
  );
}

/** Reads and removes `mail.data.emailGuard`, so it is never part of the message. */
function takeControl(data: MailMessageData): z.output<typeof ControlSchema> {
  const holder = data as { emailGuard?: unknown };
  const control = holder.emailGuard;
  delete holder.emailGuard;
  // Most messages carry none: the schema has nothing to say about `undefined` but that it is allowed.
  if (control === undefined) return undefined;
  return parseInput(ControlSchema, control, ['emailGuard']);
}

/**
 * Reads the message as nodemailer will build it, with nodemailer's own composer (the step
 * lib/mailer/index.js `sendMail` takes after the compile plugins): its SMTP envelope and the
 * To, Cc and Bcc fields it writes. A prebuilt `raw` message (a file, a URL or a stream) is read to
 * its end here, and its own header read back with mailparser, as a receiving system would read it.
 * The `customerIdHeader` field is read and removed before anything is built from the message.
 */
async function compileMessage(
  mail: MailMessage,
  customerIdHeader: string | undefined,
  parsedLists: Map<string, ParsedAddressList>,
): Promise<CompiledMessage> {
  const headerCustomerId =
    customerIdHeader === undefined ? undefined : takeHeader(mail.data, customerIdHeader);
  if (customerIdHeader !== undefined) removeFromParts(mail.data, customerIdHeader);
  // A message without a Message-ID is composed with a placeholder, and given its id below, from
  // the envelope read here anyway: left to the composer, `messageId()` would parse From, To and Cc
  // a second time (mime-node `_generateMessageId` asks `getEnvelope` for the sender's domain).
  // A Message-ID among the custom header fields is the message's id (the composer keeps it when
  // the option is not set), so it is left to the composer.
  const givesId = !mail.data.raw && !mail.data.messageId && !hasHeader(mail.data, 'message-id');
  if (givesId) mail.data.messageId = PENDING_MESSAGE_ID;
  let node: ComposedNode;
  try {
    node = new MailComposer(mail.data).compile();
  } catch (error) {
    if (givesId) delete mail.data.messageId;
    throw error;
  }
  let raw: Buffer | undefined;
  let named: Recipient[];
  let replyTo: Recipient[];
  let messageId: string | undefined;
  let rawCustomerId: string | undefined;
  let envelope: ReturnType<ComposedNode['getEnvelope']> | undefined;
  if (mail.data.raw) {
    raw = await node.build();
    // The whole message is in memory already: a limit on its header would protect nothing.
    const header = await readMessageHeader(raw, Number.POSITIVE_INFINITY);
    if ('problem' in header) {
      throw new MessageUnreadableError(`the raw message cannot be checked: ${header.problem.message}`);
    }
    if (customerIdHeader !== undefined) {
      rawCustomerId = singleValue(header.headers.get(customerIdHeader.toLowerCase()));
      raw = removeHeaderFields(raw, [customerIdHeader]);
    }
    named = collectRecipients(header.recipients, { fromHeader: true });
    replyTo = collectAnswers(header.answers);
    messageId = header.messageId;
    // What is sent is these bytes, not the stream or file they were read from.
    mail.data.raw = raw;
    node = new MailComposer(mail.data).compile();
  } else {
    ({ named, replyTo, envelope } = recipientFieldsOf(node, parsedLists));
  }
  const { from, to, ...envelopeOptions } = envelope ?? node.getEnvelope();
  if (givesId) {
    // Shaped as mime-node `_generateMessageId` makes it: random hex in UUID form, at the sender's
    // domain, else the node's host name, else `localhost` (RFC 5322 §3.6.4: unique, `id-left@id-right`).
    // An explicit envelope sender nodemailer reads as another address than was given
    // (`order@butiken.se>\r\nRCPT TO:<erik@example.com` gives erik's) names no domain of the sender's.
    const sender = from && sendsAsGiven(mail.data.envelope, from) ? from : undefined;
    const id = `<${randomUUID()}@${(sender || node.hostname || 'localhost').split('@').pop()}>`;
    // Under the key mail-composer `compile` sets it with, so a `normalizeHeaderKey` of the caller
    // writes it as it would have written the composer's own.
    node.setHeader('message-id', id);
    mail.data.messageId = id;
  } else if (raw === undefined && !(typeof mail.data.messageId === 'string' && mail.data.messageId)) {
    // The composer gave the message its Message-ID when it was composed; kept in the options too,
    // so the audit log, the hold store and any later composition name the same id.
    mail.data.messageId = node.messageId();
  }
  const customerId = headerCustomerId ?? rawCustomerId;
  return {
    envelope: { ...(from ? { from } : {}), to: [...to] },
    envelopeOptions,
    named,
    replyTo,
    ...(raw === undefined ? {} : { raw }),
    rawContent: (node as unknown as { _raw?: unknown })._raw,
    ...(messageId === undefined ? {} : { messageId }),
    ...(customerId === undefined ? {} : { headerCustomerId: customerId }),
    node,
  };
}

/**
 * Whether the envelope sender nodemailer derived is the one given: none given (it is then taken
 * from From, Sender or Reply-To, which are checked), or given as that very address.
 */
function sendsAsGiven(envelope: MailMessageData['envelope'], from: string): boolean {
  const given: unknown = (envelope as { from?: unknown } | undefined)?.from;
  if (!given) return true;
  const text = typeof given === 'object' ? (given as { address?: unknown }).address : given;
  return typeof text === 'string' && text.trim() === from;
}

// Stands for the Message-ID while `compileMessage` composes a message that has none: never sent.
const PENDING_MESSAGE_ID = '<pending@email-guard.invalid>';

const FIELDS = ['to', 'cc', 'bcc'] as const;

/**
 * The fields whose addresses a message is delivered to: To, Cc and Bcc, and the resent ones a relay
 * that reads the header delivers a resent message to (RFC 5322 §3.6.6, `sendmail -t`).
 */
const NAMED_FIELDS = ['to', 'cc', 'bcc', 'resent-to', 'resent-cc', 'resent-bcc'] as const;
type NamedField = (typeof NAMED_FIELDS)[number];
const isNamedField = (field: string): field is NamedField =>
  (NAMED_FIELDS as readonly string[]).includes(field);

/**
 * The recipient fields of a composed message and the envelope nodemailer derives from them
 * (`readRecipientFields`); from the node's own `getAddresses` when it lacks the parts that reads,
 * which names no resent field.
 */
function recipientFieldsOf(
  node: ComposedNode,
  parsedLists: Map<string, ParsedAddressList>,
): {
  named: Recipient[];
  replyTo: Recipient[];
  envelope: ReturnType<ComposedNode['getEnvelope']> | undefined;
} {
  const fields = readRecipientFields(node, parsedLists);
  if (fields) return fields;
  const addresses = node.getAddresses();
  return {
    named: FIELDS.flatMap((field) =>
      (addresses[field] ?? []).map(
        ({ address = '', name }): Recipient => (name ? { field, address, name } : { field, address }),
      ),
    ),
    replyTo: collectReplyTo({ replyTo: addresses['reply-to'] }),
    envelope: undefined,
  };
}

/** An address list as nodemailer's MimeNode parses a header value (addressparser, then normalised). */
interface ParsedAddress {
  address?: string;
  name?: string;
  group?: ParsedAddress[];
}

/** The parts of nodemailer's MimeNode that its own `getAddresses` and `getEnvelope` read. */
interface AddressFieldReader {
  _headers: { key: string; value: unknown }[];
  _envelope?: unknown;
  _parseAddresses(value: unknown): ParsedAddress[];
  _normalizeAddress(address: string): string;
  _normalizeParsedAddresses?(parsed: ParsedAddress[]): ParsedAddress[];
}

/**
 * The To, Cc and Bcc fields of a composed message and the SMTP envelope nodemailer derives from
 * them, read in one pass: each recipient field is parsed once and serves both, where
 * mime-node `getAddresses` and `getEnvelope` would each parse it again (and `getAddresses` the
 * From, Sender and Reply-To fields too, which no recipient is taken from). The envelope follows
 * `getEnvelope` step by step: its sender is the first address of From, else of the first Reply-To
 * or Sender field; its recipients are every To, Cc and Bcc address once, in order. With an
 * explicit envelope (`setEnvelope`), that envelope is nodemailer's, and is left to it. Undefined
 * when the node does not have those parts (another nodemailer version): the caller then asks the
 * node itself.
 */
function readRecipientFields(
  node: ComposedNode,
  parsedLists: Map<string, ParsedAddressList>,
):
  | {
      named: Recipient[];
      replyTo: Recipient[];
      envelope: ReturnType<ComposedNode['getEnvelope']> | undefined;
    }
  | undefined {
  const reader = node as unknown as Partial<AddressFieldReader>;
  const headers = reader._headers;
  if (
    !Array.isArray(headers) ||
    typeof reader._parseAddresses !== 'function' ||
    typeof reader._normalizeAddress !== 'function'
  )
    return undefined;
  const fieldReader = reader as AddressFieldReader;
  // mime-node `getEnvelope` returns an explicit envelope as it was set, whatever the header says.
  const derive = !reader._envelope;
  const named: Recipient[] = [];
  const replyTo: Recipient[] = [];
  const seenByField: Record<NamedField, Set<string>> = {
    to: new Set(),
    cc: new Set(),
    bcc: new Set(),
    'resent-to': new Set(),
    'resent-cc': new Set(),
    'resent-bcc': new Set(),
  };
  const to: string[] = [];
  const seenTo = new Set<string>();
  const found: ParsedAddress[] = [];
  let from: string | false = false;
  for (const { key, value } of headers) {
    const field = key.toLowerCase();
    if (isNamedField(field)) {
      // `getAddresses` matches the name without case, `getEnvelope` as nodemailer writes it.
      const inEnvelope = derive && (key === 'To' || key === 'Cc' || key === 'Bcc');
      const seen = seenByField[field];
      found.length = 0;
      collectFieldAddresses(fieldReader, parseField(fieldReader, value, parsedLists), found);
      for (const { address = '', name } of found) {
        if (!seen.has(address)) {
          seen.add(address);
          named.push(name ? { field, address, name } : { field, address });
        }
        if (inEnvelope && !seenTo.has(address)) {
          seenTo.add(address);
          to.push(address);
        }
      }
    } else {
      const answer = ANSWER_FIELDS.get(field);
      const replies = answer !== undefined;
      const sends = derive && (key === 'From' || (!from && (key === 'Reply-To' || key === 'Sender')));
      if (!replies && !sends) continue;
      const parsed = fieldReader._parseAddresses(value);
      if (sends) {
        const first = firstAddress(fieldReader, parsed);
        if (first !== undefined) from = first;
      }
      if (answer) {
        found.length = 0;
        collectFieldAddresses(fieldReader, parsed, found);
        for (const { address = '', name } of found)
          replyTo.push(name ? { ...answer, address, name } : { ...answer, address });
      }
    }
  }
  return { named, replyTo, envelope: derive ? { from, to } : undefined };
}

/**
 * A To, Cc or Bcc field's value parsed as mime-node `_parseAddresses` parses it. A text the
 * options' reading parsed already is not parsed again: for one string, `_parseAddresses` is
 * `_normalizeParsedAddresses(addressparser(text))`, and that reading kept `addressparser(text)`
 * untouched. The kept list is taken out of the map, since normalising rewrites it in place.
 */
function parseField(
  reader: AddressFieldReader,
  value: unknown,
  parsedLists: Map<string, ParsedAddressList>,
): ParsedAddress[] {
  if (typeof value === 'string' && typeof reader._normalizeParsedAddresses === 'function') {
    const parsed = parsedLists.get(value);
    if (parsed !== undefined) {
      parsedLists.delete(value);
      return reader._normalizeParsedAddresses(parsed as unknown as ParsedAddress[]);
    }
  }
  return reader._parseAddresses(value);
}

/**
 * Each address of a parsed field, group members included, normalised as mime-node
 * `_convertAddresses` does it (the entry is updated in place there too).
 */
function collectFieldAddresses(
  reader: AddressFieldReader,
  list: readonly ParsedAddress[],
  found: ParsedAddress[],
): void {
  for (const entry of list) {
    if (entry.address) {
      entry.address = reader._normalizeAddress(entry.address);
      found.push(entry);
    } else if (entry.group?.length) {
      collectFieldAddresses(reader, entry.group, found);
    }
  }
}

/** The first address of a parsed field, as `getEnvelope` takes the sender from it. */
function firstAddress(reader: AddressFieldReader, list: readonly ParsedAddress[]): string | undefined {
  for (const entry of list) {
    if (entry.address) return reader._normalizeAddress(entry.address);
    if (entry.group?.length) {
      const first = firstAddress(reader, entry.group);
      if (first !== undefined) return first;
    }
  }
  return undefined;
}

/**
 * Reads and removes the customer id header from `mail.data.headers` (an object or a list), its
 * name compared as nodemailer writes it: without case, white space or colons (mime-node
 * `_normalizeHeaderKey`). The caller's own headers object is left as it was.
 */
function takeHeader(data: MailMessageData, name: string): string | undefined {
  const wanted = normalizeHeaderName(name);
  const headers: unknown = data.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const values: unknown[] = [];
  if (Array.isArray(headers)) {
    const kept = headers.filter((entry: unknown) => {
      const key = (entry as { key?: unknown } | null)?.key;
      if (typeof key !== 'string' || normalizeHeaderName(key) !== wanted) return true;
      values.push((entry as { value?: unknown }).value);
      return false;
    });
    if (values.length === 0) return undefined;
    data.headers = kept;
  } else {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(headers)) {
      if (normalizeHeaderName(key) === wanted) values.push(value);
      else kept[key] = value;
    }
    if (values.length === 0) return undefined;
    data.headers = kept as MailMessageData['headers'];
  }
  // A value may be a list, or a prepared `{ value }`.
  const texts = values
    .flat()
    .map((value) => (value && typeof value === 'object' ? (value as { value?: unknown }).value : value));
  return singleValue(texts);
}

/**
 * Removes a header field from the header of every part nodemailer composes a message from: an
 * attachment's, an alternative's, and a text or HTML body given as an object with `headers`
 * (mail-composer adds each part's `headers` to its MIME part, RFC 2045 §3). The customer id header
 * is personal data wherever it is written. Each part is replaced with a copy, so the caller's
 * options are left as they were. The value a part carries names no customer: only the message's
 * own field does.
 */
function removeFromParts(data: MailMessageData, name: string): void {
  const options = data as unknown as Record<string, unknown>;
  for (const key of ['attachments', 'alternatives']) {
    const parts = options[key];
    if (Array.isArray(parts)) options[key] = parts.map((part: unknown) => withoutField(part, name));
  }
  for (const key of ['text', 'html', 'watchHtml', 'amp', 'icalEvent']) {
    const part = withoutField(options[key], name);
    if (part !== options[key]) options[key] = part;
  }
}

/** A plain object part without the field among its `headers`; anything else (text, a Buffer, a stream) as it is. */
function withoutField(part: unknown, name: string): unknown {
  if (!part || typeof part !== 'object' || Object.getPrototypeOf(part) !== Object.prototype) return part;
  if (!hasHeader(part as MailMessageData, name)) return part;
  const copy = { ...(part as MailMessageData) };
  takeHeader(copy, name);
  return copy;
}

/**
 * The resent destination fields (RFC 5322 §3.6.6) given among `mail.data.headers`: nodemailer writes
 * them as they are, and a relay that takes its recipients from the header (`sendmail -t`) delivers
 * to them, as it does for those of a prebuilt message, which are checked.
 */
function resentHeaders(data: MailMessageData): {
  resentTo?: unknown;
  resentCc?: unknown;
  resentBcc?: unknown;
} {
  const headers: unknown = data.headers;
  if (!headers || typeof headers !== 'object') return {};
  const entries: [unknown, unknown][] = Array.isArray(headers)
    ? headers.map((entry: unknown) => {
        const { key, value } = (entry ?? {}) as { key?: unknown; value?: unknown };
        return [key, value];
      })
    : Object.entries(headers);
  const found: Record<string, unknown[]> = {};
  for (const [key, value] of entries) {
    if (typeof key !== 'string') continue;
    const field = RESENT_FIELDS[normalizeHeaderName(key)];
    if (field) found[field] = [...(found[field] ?? []), value];
  }
  return found;
}

const RESENT_FIELDS: Readonly<Record<string, 'resentTo' | 'resentCc' | 'resentBcc'>> = {
  'resent-to': 'resentTo',
  'resent-cc': 'resentCc',
  'resent-bcc': 'resentBcc',
};

/** Whether `mail.data.headers` (an object or a list) has a field of this name, compared as `takeHeader` does. */
function hasHeader(data: MailMessageData, name: string): boolean {
  const headers: unknown = data.headers;
  if (!headers || typeof headers !== 'object') return false;
  const wanted = normalizeHeaderName(name);
  const keys = Array.isArray(headers)
    ? headers.map((entry: unknown) => (entry as { key?: unknown } | null)?.key)
    : Object.keys(headers);
  return keys.some((key) => typeof key === 'string' && normalizeHeaderName(key) === wanted);
}

function normalizeHeaderName(name: string): string {
  return name.replace(/[\s\p{Cc}:]/gu, '').toLowerCase();
}

/** One header field's value; a field given twice with different values names no one customer. */
function singleValue(value: unknown): string | undefined {
  const values = (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === 'string' ? item.trim() : '',
  );
  const [first] = values;
  return first && values.every((item) => item === first) ? first : undefined;
}

/**
 * Builds the checked composition as nodemailer would send it (with the headers the mailer adds
 * after its compile plugins), for the hold store.
 */
async function buildMessage(mail: MailMessage, node: ComposedNode): Promise<Buffer> {
  const before = mail.message;
  mail.message = node;
  try {
    mail.setMailerHeader();
    mail.setPriorityHeaders();
    mail.setListHeaders();
  } finally {
    mail.message = before;
  }
  return node.build();
}

/**
 * Makes what nodemailer sends the message that was checked. The envelope it was checked against
 * becomes the explicit envelope (addresses as objects, so nodemailer takes each whole instead of
 * parsing it again), and when nodemailer builds the message it sends, after every compile plugin,
 * that build's envelope and recipient fields are compared with what was checked: a plugin
 * registered after the guard that changed them makes `sendMail` reject instead of sending.
 */
function pinMessage(mail: MailMessage, compiled: CompiledMessage): void {
  const { envelope } = compiled;
  mail.data.envelope = {
    ...compiled.envelopeOptions,
    from: envelope.from ? { name: '', address: envelope.from } : false,
    to: envelope.to.map((address) => ({ name: '', address })),
  } as MailMessageData['envelope'];
  // The checked composition gets the same explicit envelope nodemailer would give its own
  // (mail-composer `compile` calls `setEnvelope(mail.envelope)`), so it can be sent as it is.
  // Not written to the node directly: `setEnvelope` normalises each address again, and mime-node
  // `_normalizeAddress` is not idempotent (`@[@@]` gives `""@[@`, which gives `"\"\"@["@`), so
  // only nodemailer's own call is sure to give the envelope nodemailer would have.
  compiled.node.setEnvelope(mail.data.envelope as Parameters<ComposedNode['setEnvelope']>[0]);
  pinnedMessages.set(mail, { compiled, message: mail.message });
  // The accessors are shared by every message: their state is in `pinnedMessages`.
  Object.defineProperty(mail, 'message', MESSAGE_ACCESSORS);

  checkedEnvelopes.set(mail, envelope);
  guardTransport(mail.mailer?.transporter);
}

/** What `pinMessage` keeps of each message: what was checked, and the message nodemailer is to send. */
const pinnedMessages = new WeakMap<MailMessage, { compiled: CompiledMessage; message: ComposedNode }>();

/**
 * `mail.message` of a pinned message. When nodemailer builds the message it sends, after every
 * compile plugin, that build's envelope and recipient fields are compared with what was checked.
 */
const MESSAGE_ACCESSORS: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: MailMessage) {
    return pinnedMessages.get(this)?.message;
  },
  set(this: MailMessage, node: ComposedNode) {
    const pinned = pinnedMessages.get(this);
    if (pinned === undefined) return;
    const { compiled } = pinned;
    const handedOver = handedOverData.get(this);
    if (handedOver !== undefined && this.data === handedOver.standIn) {
      // Nodemailer composed the stand-in (see `handOver`): the message it sends is the one checked.
      handedOverData.delete(this);
      this.data = handedOver.data;
      pinned.message = compiled.node;
      return;
    }
    if (node === compiled.node) {
      pinned.message = node;
      return;
    }
    const built = node as unknown as Partial<BuiltNode> | undefined;
    if (typeof built?.getEnvelope === 'function' && !sameAsChecked(this, compiled, built as BuiltNode)) {
      const changed = new InvalidInputError([
        {
          path: ['envelope'],
          message:
            'a compile plugin registered after nodemailerGuard changed the message after it was checked; register nodemailerGuard last',
        },
      ]);
      keepFailureReason(this, changed);
      throw changed;
    }
    pinned.message = node;
  },
};

/** Whether a message nodemailer built after the check has the recipients that were checked. */
function sameAsChecked(mail: MailMessage, compiled: CompiledMessage, built: BuiltNode): boolean {
  if (!sameEnvelope(built.getEnvelope(), compiled.envelope)) return false;
  // Raw content given to the node (`setRaw`) is what it is built from, its header fields unread.
  if ((built as Partial<{ _raw: unknown }>)._raw !== compiled.rawContent) return false;
  if (compiled.raw !== undefined) return mail.data.raw === compiled.raw;
  // A prebuilt message set after the check is sent as its own bytes: none of it was read.
  if (mail.data.raw) return false;
  // Field by field, every field that names a recipient or where a reply goes: an address moved
  // from Bcc into To reaches the same mailboxes, but every recipient then sees it (RFC 5322 §3.6.3),
  // a Resent-Bcc added is delivered to by a relay that reads the header, a Reply-To changed takes
  // the customer's answer elsewhere: none of that was judged.
  const inField = ({ field, address }: Recipient) => `${field} ${address}`;
  const checked = new Set([...compiled.named, ...compiled.replyTo].map(inField));
  const fields = recipientFieldsOf(built as unknown as ComposedNode, new Map());
  const written = new Set([...fields.named, ...fields.replyTo].map(inField));
  return written.size === checked.size && [...written].every((entry) => checked.has(entry));
}

/** The message options of each message handed over with a stand-in (see `handOver`). */
const handedOverData = new WeakMap<MailMessage, { data: MailMessageData; standIn: MailMessageData }>();

/**
 * Answers nodemailer for a message that passed, so that it sends the composition that was checked
 * instead of composing the message again. After the last `compile` plugin calls back, nodemailer
 * composes `mail.data` at once, in the same call (lib/mailer `sendMail`: `_processPlugins('compile')`
 * then `new MailComposer(mail.data).compile()`): for that moment `mail.data` is a stand-in that
 * costs nothing to compose, and the `message` setter of `pinMessage` puts the options back and
 * keeps the checked composition. Only when this plugin is the last `compile` plugin: a later one
 * must see, and may change, the real options; its changes are then composed by nodemailer and
 * compared with what was checked, as before.
 */
function handOver(mail: MailMessage, plugin: PluginFunction, done: (error?: Error | null) => void): void {
  const data = mail.data;
  const plugins = (mail.mailer as unknown as { _userPlugins?: { compile?: unknown } } | undefined)
    ?._userPlugins?.compile;
  const last = Array.isArray(plugins) && plugins[plugins.length - 1] === plugin;
  if (!last || !checkedEnvelopes.has(mail)) {
    done();
    return;
  }
  // An empty text part with its id and boundary given: the cheapest thing nodemailer composes. A
  // prebuilt (`raw`) stand-in would cost more: mail-composer gives its node no `baseBoundary`, so
  // the node draws random bytes for one (mime-node constructor), and nothing of it is ever sent.
  const standIn = {
    messageId: STAND_IN_ID,
    baseBoundary: STAND_IN_BOUNDARY,
    ...(data.signal === undefined ? {} : { signal: data.signal }),
  } as MailMessageData;
  handedOverData.set(mail, { data, standIn });
  mail.data = standIn;
  try {
    done();
  } finally {
    // Composed later than nodemailer does today, or not at all (the send was aborted): the real
    // options are back before anything else can read them.
    if (mail.data === standIn) {
      handedOverData.delete(mail);
      mail.data = data;
    }
  }
}

// What the stand-in of `handOver` is composed with; never part of a message that is sent.
const STAND_IN_ID = '<stand-in@localhost>';
const STAND_IN_BOUNDARY = 'stand-in';

/** The envelope each message in flight was checked against, for the transport to compare. */
const checkedEnvelopes = new WeakMap<MailMessage, HeldEnvelope>();
const guardedTransports = new WeakSet<object>();

/**
 * Wraps the transport's `send` (once per transport) so that a message the plugin checked is
 * handed to it only with the envelope it was checked against. `stream` plugins run after every
 * compile plugin, on the built message: one that calls `mail.message.setEnvelope`, replaces the
 * message or edits the envelope it is given would otherwise change RCPT TO (RFC 5321 §4.1.1.3)
 * after the check. The transport then gets a copy of the checked envelope on every read, so a
 * change made while it sends reaches nobody either.
 */
function guardTransport(transport: { send?: unknown } | undefined): void {
  if (!transport || typeof transport.send !== 'function' || guardedTransports.has(transport)) return;
  guardedTransports.add(transport);
  const send = transport.send as (mail: MailMessage, callback: TransportCallback) => void;
  transport.send = function guardedSend(this: unknown, mail: MailMessage, given: TransportCallback) {
    // A message the transport did not take is recorded as such before the caller hears of it.
    // Only once the transport has the message can a failure leave its delivery in doubt.
    let handedOver = false;
    const callback: TransportCallback = (error, ...answer) => {
      const recorded = error
        ? recordSendFailure(mail, error, { inDoubt: handedOver && isSendInDoubt(error) })
        : endWatch(mail, answer[0]);
      void recorded.finally(() => given(error, ...answer));
    };
    const checked = checkedEnvelopes.get(mail);
    const node = mail?.message as unknown as Partial<BuiltNode> | undefined;
    if (checked === undefined || typeof node?.getEnvelope !== 'function') {
      handedOver = true;
      return send.call(this, mail, callback);
    }
    const current = node.getEnvelope();
    const pinnedMessage = pinnedMessages.get(mail);
    const sameRecipients =
      pinnedMessage === undefined ||
      typeof node.getAddresses !== 'function' ||
      sameAsChecked(mail, pinnedMessage.compiled, node as BuiltNode);
    if (!sameEnvelope(current, checked) || !sameRecipients) {
      callback(
        new InvalidInputError([
          {
            path: ['envelope'],
            message:
              'a plugin changed the envelope or the To, Cc or Bcc field, a Resent- field, a field an answer goes to (Reply-To, From, Sender, Disposition-Notification-To, Return-Receipt-To, Mail-Followup-To) or the raw content after nodemailerGuard checked it; the message was not sent',
          },
        ]),
      );
      return undefined;
    }
    const pinned = { ...current, to: [...current.to] };
    node.getEnvelope = () => ({ ...pinned, to: [...pinned.to] });
    handedOver = true;
    return send.call(this, mail, callback);
  };
}

/** How a transport answers for one message: its error, or none and what it says of the send. */
type TransportCallback = (error: Error | null, ...answer: unknown[]) => void;

/** What nodemailer's built message (a MimeNode) tells about its recipients. */
interface BuiltNode {
  getEnvelope(): { from: string | false; to: string[] };
  getAddresses(): Partial<Record<(typeof FIELDS)[number], { address?: string | undefined }[] | undefined>>;
}

function sameEnvelope(
  built: { from: string | false; to: readonly string[] },
  checked: HeldEnvelope,
): boolean {
  return (
    (built.from || undefined) === checked.from &&
    built.to.length === checked.to.length &&
    built.to.every((address, index) => address === checked.to[index])
  );
}

/** The Message-ID the message goes out with: the one given, or the one its prebuilt header names. */
function messageIdOf(data: MailMessageData, compiled: CompiledMessage): string | undefined {
  return typeof data.messageId === 'string' && data.messageId ? data.messageId : compiled.messageId;
}

/**
 * The recipients as the options name them, then each address of the built message not named so:
 * those of its To, Cc and Bcc fields, then those only its envelope has. A field of the header says
 * more than `envelope` about how an address was named. An address is checked once per message
 * however many fields name it.
 */
function mergeRecipients(given: readonly Recipient[], compiled: CompiledMessage): Recipient[] {
  const merged = given.slice();
  const seen = new Set<string>();
  for (const { address } of given) seen.add(address);
  for (const recipient of compiled.named) {
    if (seen.has(recipient.address)) continue;
    seen.add(recipient.address);
    merged.push(recipient);
  }
  for (const address of compiled.envelope.to) {
    if (seen.has(address)) continue;
    seen.add(address);
    merged.push({ field: 'envelope', address });
  }
  return merged;
}

function auditEntry(
  facts: {
    check: RecipientsCheck;
    /** What was decided for the message, when it is not the check's own action. */
    action?: Action;
    mode: 'enforce' | 'monitor';
    messageId: string | undefined;
    confirmation: { by: string; reason: string } | undefined;
    confirmed: boolean;
    envelope: HeldEnvelope;
  },
  outcome: AuditOutcome,
  holdId?: string,
): AuditEntry {
  const { check, confirmation } = facts;
  return {
    at: new Date().toISOString(),
    ...(facts.messageId === undefined ? {} : { messageId: facts.messageId }),
    ...(check.customerId === undefined ? {} : { customerId: check.customerId }),
    mode: facts.mode,
    outcome,
    action: facts.action ?? check.action,
    recipients: check.recipients.map(({ field, header, address, verdict }) => ({
      field,
      ...(header === undefined ? {} : { header }),
      address,
      action: verdict.action,
      codes: verdict.findings.map((finding) => finding.code),
    })),
    envelope: { ...facts.envelope, to: [...facts.envelope.to] },
    ...(holdId === undefined ? {} : { holdId }),
    ...(confirmation === undefined
      ? {}
      : { override: { by: confirmation.by, reason: confirmation.reason, applied: facts.confirmed } }),
    ...(check.customerLookup === undefined ? {} : { customerLookup: check.customerLookup }),
    ...(check.failedOpen ? { failedOpen: true } : {}),
  };
}
