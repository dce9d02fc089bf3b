/**
 * Every error email-guard throws is an {@link EmailGuardError} with a literal `code`, so callers can
 * branch on `error.code` without `instanceof` across realms or bundles.
 *
 * A suspicious address is never an error: it is a verdict with findings. Errors are for misuse
 * (input that breaks the API's schema) and for infrastructure that failed.
 */

/** The codes an {@link EmailGuardError} can carry. Stable: new codes may be added, none renamed. */
export type EmailGuardErrorCode =
  | 'INVALID_INPUT'
  | 'LOOKUP_FAILED'
  | 'DIRECTORY_WRITE_FAILED'
  | 'RECIPIENT_BLOCKED'
  | 'RECIPIENT_NEEDS_CONFIRMATION'
  | 'RECIPIENT_AWAITING_VERIFICATION'
  | 'VERIFICATION_RATE_LIMITED'
  | 'VERIFICATION_STORE_FAILED'
  | 'HOLD_STORE_FAILED'
  | 'FEWER_CUSTOMERS'
  | 'MESSAGE_UNREADABLE'
  | 'AUDIT_LOG_FAILED'
  | 'MIGRATE_FAILED';

/**
 * The brand every {@link EmailGuardError} carries. `Symbol.for` gives the same symbol in every copy
 * of the package loaded in one process (the ESM and the CommonJS build, two versions, a bundle),
 * where `instanceof` only knows its own copy's classes.
 */
const emailGuardErrorBrand: unique symbol = Symbol.for('email-guard.error');

/**
 * The one base class of everything email-guard throws.
 *
 * @example
 * ```ts
 * try {
 *   checkRecipient({ entered: 'anna@example.se', customer: { id: '' } });
 * } catch (error) {
 *   if (error instanceof EmailGuardError && error.code === 'INVALID_INPUT') console.log(error.message);
 * }
 * ```
 */
export class EmailGuardError extends Error {
  override readonly name: string = 'EmailGuardError';
  readonly code: EmailGuardErrorCode;

  constructor(code: EmailGuardErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    // Not enumerable: the brand stays out of logs, JSON and deep-equality checks.
    Object.defineProperty(this, emailGuardErrorBrand, { value: true });
  }
}

/**
 * Whether `value` is an error thrown by email-guard, by any copy of it: true for an error from the
 * CommonJS build checked with the ESM build, where `instanceof EmailGuardError` is false. With a
 * `code`, also whether it carries that code.
 *
 * @example
 * ```ts
 * try {
 *   checkRecipient({ entered: 'anna@example.se', customer: { id: '' } });
 * } catch (error) {
 *   if (isEmailGuardError(error, 'INVALID_INPUT')) console.log(error.code);
 * }
 * ```
 */
export function isEmailGuardError<Code extends EmailGuardErrorCode = EmailGuardErrorCode>(
  value: unknown,
  code?: Code,
): value is EmailGuardError & { readonly code: Code } {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [emailGuardErrorBrand]?: unknown })[emailGuardErrorBrand] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}

/** One field that failed validation: its path from the root of the input, and why. */
export interface InputIssue {
  /** Path of the field, e.g. `['customer', 'emails', 0]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /**
   * A stable name for why, where the schema gives one (`'not-an-address'`): a caller branches on it
   * rather than on the message, whose wording may change or be translated.
   */
  readonly code?: string;
}

/**
 * Input that breaks an API's schema. `field` names the first offending field as a dotted path
 * (`customer.emails.0`); `issues` lists every one. With `locale: 'sv'` the message that lists them
 * is Swedish (the issues' own messages are as given).
 */
export class InvalidInputError extends EmailGuardError {
  override readonly name: string = 'InvalidInputError';
  override readonly code = 'INVALID_INPUT' as const;
  readonly field: string;
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[], options?: { cause?: unknown; locale?: 'sv' | 'en' }) {
    const first = issues[0];
    const field = first ? formatPath(first.path) : '(input)';
    const detail = issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
    const prefix = options?.locale === 'sv' ? 'Ogiltiga uppgifter i' : 'Invalid input at';
    super(
      'INVALID_INPUT',
      `${prefix} ${detail || field}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.field = field;
    this.issues = issues;
  }
}

/** An envelope address a release names, and where: `['message', 'envelope', 'to', 0]`. */
export interface EnvelopeAddress {
  readonly path: readonly (string | number)[];
  readonly address: string;
}

/**
 * A release refused before anything was logged or sent: its sender or a recipient has a local part
 * outside ASCII (`åsa.öberg@telia.se`), and the SMTP server does not announce SMTPUTF8, which
 * RFC 6531 §3.4 requires before such a mailbox is named in MAIL FROM or RCPT TO. An
 * {@link InvalidInputError} (`INVALID_INPUT`), one issue per address (issue code
 * `smtputf8-not-announced`); `addresses` lists them, the sender first. The message stays held.
 *
 * @example
 * ```ts
 * await holdStore.release(id, transporter, { by: 'lena@butiken.se', reason: 'read back' }).catch((error) => {
 *   if (error instanceof SmtpUtf8NotAnnouncedError) console.log(error.addresses);
 * });
 * ```
 */
export class SmtpUtf8NotAnnouncedError extends InvalidInputError {
  override readonly name = 'SmtpUtf8NotAnnouncedError';
  /** The addresses the server cannot be given, as the envelope names them. */
  readonly addresses: readonly string[];

  constructor(refused: readonly EnvelopeAddress[], options?: { cause?: unknown }) {
    super(
      refused.map(({ path, address }) => ({
        path,
        code: 'smtputf8-not-announced',
        message: `${address} has a local part outside ASCII, and the SMTP server does not announce SMTPUTF8 (RFC 6531 §3.4): not sent, the message stays held`,
      })),
      options,
    );
    this.addresses = refused.map(({ address }) => address);
  }
}

/**
 * A customer lookup that threw, or did not answer in time. Thrown by a release too (`holdId` set)
 * whose check could not look the customer up: `failOpen` lets new mail through a failed lookup, but
 * a release is never weaker than the hold, so nothing held goes out on a check that saw no customer.
 *
 * @example
 * ```ts
 * await holdStore.release(id, transporter, { by: 'lena@butiken.se', reason: 'read back' }).catch((error) => {
 *   if (error instanceof LookupFailedError) console.log(error.holdId); // release again once the lookup answers
 * });
 * ```
 */
export class LookupFailedError extends EmailGuardError {
  override readonly name = 'LookupFailedError';
  override readonly code = 'LOOKUP_FAILED' as const;
  /** The hold store's id of the message whose release was refused; undefined for a check. */
  readonly holdId: string | undefined;

  constructor(message: string, options?: { cause?: unknown; holdId?: string }) {
    super('LOOKUP_FAILED', message, options);
    this.holdId = options?.holdId;
  }
}

/**
 * A directory write (`upsert`, `remove` of `email-guard/postgres`) that the database did not take:
 * nothing of the call was written, and it can be made again. Apart from {@link LookupFailedError},
 * so a caller syncing its customers tells a failed write from a failed check. `cause` is the
 * driver's error.
 *
 * @example
 * ```ts
 * await directory.upsert(customers).catch((error) => {
 *   if (error instanceof DirectoryWriteFailedError) console.log('sync again later:', error.message);
 * });
 * ```
 */
export class DirectoryWriteFailedError extends EmailGuardError {
  override readonly name = 'DirectoryWriteFailedError';
  override readonly code = 'DIRECTORY_WRITE_FAILED' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super('DIRECTORY_WRITE_FAILED', message, options);
  }
}

function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(input)' : path.map(String).join('.');
}

/**
 * A message that could not be read at all (not a string, a Buffer or a parsed message, or one the
 * MIME parser gave up on). Carries the parser's error as `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await inventoryMessage(42 as never);
 * } catch (error) {
 *   if (error instanceof EmailGuardError && error.code === 'MESSAGE_UNREADABLE') console.log(error.message);
 * }
 * ```
 */
export class MessageUnreadableError extends EmailGuardError {
  override readonly name = 'MessageUnreadableError';
  override readonly code = 'MESSAGE_UNREADABLE' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super('MESSAGE_UNREADABLE', message, options);
  }
}

/** What an error about a message that was not sent says about it. */
export interface HeldMessageDetails<Recipient> {
  /** The id under which the hold store keeps the message; absent when it was not stored. */
  readonly holdId?: string;
  /** The message's Message-ID header (RFC 5322 §3.6.4). */
  readonly messageId?: string;
  /** Every recipient with its verdict (from `email-guard/nodemailer`: a `RecipientVerdict`). */
  readonly recipients: readonly Recipient[];
}

/**
 * A message that was not sent, and why: the base of {@link RecipientBlockedError} and
 * {@link RecipientNeedsConfirmationError}, for a `catch` that treats both alike.
 *
 * @example
 * ```ts
 * try {
 *   await transporter.sendMail(message);
 * } catch (error) {
 *   if (error instanceof MessageHeldError) console.log(`held as ${error.holdId}`, error.recipients);
 * }
 * ```
 */
export class MessageHeldError<Recipient = unknown> extends EmailGuardError {
  override readonly name: string = 'MessageHeldError';
  readonly holdId: string | undefined;
  readonly messageId: string | undefined;
  readonly recipients: readonly Recipient[];

  constructor(
    code: 'RECIPIENT_BLOCKED' | 'RECIPIENT_NEEDS_CONFIRMATION' | 'RECIPIENT_AWAITING_VERIFICATION',
    message: string,
    details: HeldMessageDetails<Recipient>,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.holdId = details.holdId;
    this.messageId = details.messageId;
    this.recipients = details.recipients;
  }
}

/**
 * A message was held, not sent, because at least one recipient's verdict is `block` (or the customer
 * could not be resolved and the guard fails closed). Carries the hold id and every verdict.
 *
 * @example
 * ```ts
 * try {
 *   await transporter.sendMail(message);
 * } catch (error) {
 *   if (error instanceof RecipientBlockedError) console.log(error.holdId, error.recipients);
 * }
 * ```
 */
export class RecipientBlockedError<Recipient = unknown> extends MessageHeldError<Recipient> {
  override readonly name = 'RecipientBlockedError';
  override readonly code = 'RECIPIENT_BLOCKED' as const;

  constructor(message: string, details: HeldMessageDetails<Recipient>, options?: { cause?: unknown }) {
    super('RECIPIENT_BLOCKED', message, details, options);
  }
}

/**
 * A message was held, not sent, because a recipient's verdict is `confirm` and the message carried
 * no confirmation. Read the address back to the customer, then release the held message.
 *
 * @example
 * ```ts
 * try {
 *   await transporter.sendMail(message);
 * } catch (error) {
 *   if (error instanceof RecipientNeedsConfirmationError) console.log(`held as ${error.holdId}`);
 * }
 * ```
 */
export class RecipientNeedsConfirmationError<Recipient = unknown> extends MessageHeldError<Recipient> {
  override readonly name = 'RecipientNeedsConfirmationError';
  override readonly code = 'RECIPIENT_NEEDS_CONFIRMATION' as const;

  constructor(message: string, details: HeldMessageDetails<Recipient>, options?: { cause?: unknown }) {
    super('RECIPIENT_NEEDS_CONFIRMATION', message, details, options);
  }
}

/** A verification challenge sent to a new address: its id, the address and when its code expires. */
export interface ChallengeDetails {
  readonly id: string;
  readonly address: string;
  /** ISO 8601 time after which the code is refused. */
  readonly expiresAt: string;
}

/** What {@link RecipientAwaitingVerificationError} says beyond a held message's details. */
export interface AwaitingVerificationDetails<Recipient> extends HeldMessageDetails<Recipient> {
  /** One challenge per new address of the message, in the order the addresses were named. */
  readonly challenges: readonly ChallengeDetails[];
}

/**
 * A message was held, not sent, because a recipient is an address new to the customer (nothing
 * else is wrong with it), and a code was sent there to prove it is the customer's. The held message
 * goes out by itself when the code is confirmed (`verifier.confirm`). Carries the hold id and the
 * challenge id (`challengeId`, the first of `challenges`).
 *
 * @example
 * ```ts
 * try {
 *   await transporter.sendMail(message);
 * } catch (error) {
 *   if (error instanceof RecipientAwaitingVerificationError) console.log(error.holdId, error.challengeId);
 * }
 * ```
 */
export class RecipientAwaitingVerificationError<Recipient = unknown> extends MessageHeldError<Recipient> {
  override readonly name = 'RecipientAwaitingVerificationError';
  override readonly code = 'RECIPIENT_AWAITING_VERIFICATION' as const;
  /** The id of the (first) challenge the code was sent with. */
  readonly challengeId: string;
  readonly challenges: readonly ChallengeDetails[];

  constructor(
    message: string,
    details: AwaitingVerificationDetails<Recipient>,
    options?: { cause?: unknown },
  ) {
    super('RECIPIENT_AWAITING_VERIFICATION', message, details, options);
    this.challenges = details.challenges;
    this.challengeId = details.challenges[0]?.id ?? '';
  }
}

/**
 * No new verification code was sent: the address has had as many as it may have in an hour
 * (`maxStartsPerAddressPerHour`), so nobody can use the verifier to flood a mailbox.
 *
 * @example
 * ```ts
 * await verifier.start({ customerId: 'C-1', address: 'karin@example.se' }).catch((error) => {
 *   if (error instanceof VerificationRateLimitedError) console.log(error.retryAt);
 * });
 * ```
 */
export class VerificationRateLimitedError extends EmailGuardError {
  override readonly name = 'VerificationRateLimitedError';
  override readonly code = 'VERIFICATION_RATE_LIMITED' as const;
  /** ISO 8601 time from which a new code may be sent to the address. */
  readonly retryAt: string;

  constructor(message: string, retryAt: string, options?: { cause?: unknown }) {
    super('VERIFICATION_RATE_LIMITED', message, options);
    this.retryAt = retryAt;
  }
}

/**
 * The verification store could not read or write a record (the disk, a damaged file). Nothing was
 * confirmed or sent on a record that could not be written; `cause` is the underlying error.
 *
 * @example
 * ```ts
 * await verifier.isVerified({ customerId: 'C-1', address: 'karin@example.se' }).catch((error) => {
 *   if (error instanceof VerificationStoreFailedError) console.log(error.message, error.cause);
 * });
 * ```
 */
export class VerificationStoreFailedError extends EmailGuardError {
  override readonly name = 'VerificationStoreFailedError';
  override readonly code = 'VERIFICATION_STORE_FAILED' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super('VERIFICATION_STORE_FAILED', message, options);
  }
}

/**
 * The hold store could not keep, read, release or discard a message. A message that could not be
 * held was not sent either; `cause` is the underlying error.
 *
 * @example
 * ```ts
 * await holdStore.release(id, transporter).catch((error) => {
 *   if (error instanceof HoldStoreFailedError) console.log(error.message, error.cause);
 * });
 * ```
 */
export class HoldStoreFailedError extends EmailGuardError {
  override readonly name: string = 'HoldStoreFailedError';
  override readonly code = 'HOLD_STORE_FAILED' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super('HOLD_STORE_FAILED', message, options);
  }
}

/** The two counts a {@link FewerCustomersError} compares, and the message they are about. */
export interface FewerCustomers {
  /** The hold store's id of the message. */
  readonly holdId: string;
  /**
   * Customers the check that held the message knew (`HeldMessage.customersKnown`); undefined when
   * its count failed (`HeldMessage.customersCountFailed`), which cannot show the release knows as many.
   */
  readonly whenHeld: number | undefined;
  /**
   * Customers the check at release knows; undefined when its directory cannot say (a custom
   * asynchronous directory without `size()`), which cannot show it is not fewer either.
   */
  readonly now: number | undefined;
}

/**
 * A release refused, sending nothing, because its check knows fewer customers than the check that
 * held the message did: a customer file filtered, emptied or out of date lacks customers, and a
 * corrected address that is one of theirs would pass as merely new to the customer (the order then
 * goes to another customer, GDPR art. 4(12), the breach this guard exists to stop). The message
 * stays held. Released anyway only with `fewerCustomers: true` (`--fewer-customers`), when the
 * smaller file is meant. The message is in the guard's `locale` (`sv` or `en`).
 *
 * @example
 * ```ts
 * await holdStore.release(id, transporter, { by: 'lena@butiken.se', reason: 'read back' }).catch((error) => {
 *   if (error instanceof FewerCustomersError) console.log(error.whenHeld, error.now); // 1200 3
 * });
 * ```
 */
export class FewerCustomersError extends EmailGuardError {
  override readonly name = 'FewerCustomersError';
  override readonly code = 'FEWER_CUSTOMERS' as const;
  /** The hold store's id of the message. */
  readonly holdId: string;
  /** Customers the check that held the message knew; undefined when its count failed. */
  readonly whenHeld: number | undefined;
  /** Customers the check at release knows; undefined when its directory cannot say. */
  readonly now: number | undefined;

  constructor(counts: FewerCustomers, locale: 'sv' | 'en' = 'en') {
    super('FEWER_CUSTOMERS', fewerCustomersMessage(counts, locale));
    this.holdId = counts.holdId;
    this.whenHeld = counts.whenHeld;
    this.now = counts.now;
  }
}

function fewerCustomersMessage({ holdId, whenHeld, now }: FewerCustomers, locale: 'sv' | 'en'): string {
  if (whenHeld === undefined) {
    return locale === 'sv'
      ? `${holdId} släpps inte och ligger kvar: kunderna kunde inte räknas när meddelandet stoppades, så inget visar att kontrollen vid släppet känner till lika många, och en rättad adress som tillhör en kund som saknas där skulle gå igenom som ny. Släpp det med fewerCustomers (--fewer-customers) när kundregistret vid släppet är det avsedda`
      : `Release of ${holdId} refused, the message stays held: the customers could not be counted when it was held, so nothing shows the check at release knows as many, and a corrected address of a customer missing from it would pass as new. Release it with fewerCustomers (--fewer-customers) once the customer directory at release is the one meant`;
  }
  if (locale === 'sv') {
    const known =
      now === undefined
        ? `kan inte säga hur många kunder den känner till, och kontrollen som stoppade meddelandet kände till ${whenHeld}`
        : `känner till ${now} ${now === 1 ? 'kund' : 'kunder'}, färre än de ${whenHeld} som kontrollen som stoppade meddelandet kände till`;
    return `${holdId} släpps inte och ligger kvar: kontrollen vid släppet ${known}, så en rättad adress som tillhör en kund som saknas där skulle gå igenom som ny. Släpp det med ett fullständigt kundregister, eller med fewerCustomers (--fewer-customers) om de här kunderna är avsedda`;
  }
  const known =
    now === undefined
      ? `cannot say how many customers it knows, and the check that held it knew ${whenHeld}`
      : `knows ${now} ${now === 1 ? 'customer' : 'customers'}, fewer than the ${whenHeld} the check that held it knew`;
  return `Release of ${holdId} refused, the message stays held: the check at release ${known}, so a corrected address of a customer missing from it would pass as new. Release it with a complete customer directory, or with fewerCustomers (--fewer-customers) if these customers are meant`;
}

/**
 * A release or discard that found the held message claimed by another one (in this process or
 * another, on this instance or another), which may be sending it now: this one did nothing. A
 * {@link HoldStoreFailedError} (`HOLD_STORE_FAILED`); `claimedAt` says when the other one claimed
 * it, where the store knows. An entry a stopped process left claimed goes with `{ force: true }`,
 * once someone has checked that its message did not arrive.
 *
 * @example
 * ```ts
 * await holdStore.discard(id).catch((error) => {
 *   if (error instanceof HeldMessageClaimedError) console.log(error.holdId, error.claimedAt);
 * });
 * ```
 */
export class HeldMessageClaimedError extends HoldStoreFailedError {
  override readonly name = 'HeldMessageClaimedError';
  /** The hold store's id of the message. */
  readonly holdId: string;
  /** ISO 8601 time at which the other release or discard claimed it; undefined where not known. */
  readonly claimedAt: string | undefined;

  constructor(
    message: string,
    claim: { readonly holdId: string; readonly claimedAt?: string | undefined },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.holdId = claim.holdId;
    this.claimedAt = claim.claimedAt;
  }
}

/**
 * A release or discard could not take the held message's lock for a reason other than another one
 * holding it (that is {@link HeldMessageClaimedError}): the store's folder not writable, a full
 * disk, a read-only file system. Nothing was sent or removed. A {@link HoldStoreFailedError}
 * (`HOLD_STORE_FAILED`); `causeCode` is the system's error code of the cause (POSIX errno names,
 * as Node gives them: `EACCES`, `ENOSPC`, `EROFS`), where it has one.
 *
 * @example
 * ```ts
 * await holdStore.release(id, transporter).catch((error) => {
 *   if (error instanceof HeldMessageNotLockedError) console.log(error.holdId, error.causeCode); // H-1 EACCES
 * });
 * ```
 */
export class HeldMessageNotLockedError extends HoldStoreFailedError {
  override readonly name = 'HeldMessageNotLockedError';
  /** The hold store's id of the message. */
  readonly holdId: string;
  /** The cause's system error code (`EACCES`); undefined where the cause has none. */
  readonly causeCode: string | undefined;

  constructor(holdId: string, options: { cause: unknown }) {
    const code = (options.cause as { code?: unknown } | undefined)?.code;
    const causeCode = typeof code === 'string' ? code : undefined;
    const why = causeCode ?? (options.cause instanceof Error ? options.cause.message : String(options.cause));
    super(`held message ${holdId} cannot be locked (${why})`, options);
    this.holdId = holdId;
    this.causeCode = causeCode;
  }
}

/**
 * A decision could not be written to the audit log. The message was not sent: a decision that
 * cannot be accounted for is not made.
 *
 * @example
 * ```ts
 * try {
 *   await transporter.sendMail(message);
 * } catch (error) {
 *   if (error instanceof AuditLogFailedError) console.log('audit log unavailable', error.cause);
 * }
 * ```
 */
export class AuditLogFailedError extends EmailGuardError {
  override readonly name = 'AuditLogFailedError';
  override readonly code = 'AUDIT_LOG_FAILED' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super('AUDIT_LOG_FAILED', message, options);
  }
}

/**
 * `migrate` of `email-guard/postgres` did not bring the schema to this version: the database could
 * not be reached or refused a statement (the driver's error as `cause`, its SQLSTATE in the
 * message), or the schema is at a version newer than this email-guard knows. The schema is left as
 * it was (each run is one transaction).
 *
 * @example
 * ```ts
 * await migrate(pool).catch((error) => {
 *   if (error instanceof MigrateFailedError) console.error(error.message); // then start again later
 *   throw error;
 * });
 * ```
 */
export class MigrateFailedError extends EmailGuardError {
  override readonly name = 'MigrateFailedError';
  override readonly code = 'MIGRATE_FAILED' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super('MIGRATE_FAILED', message, options);
  }
}
