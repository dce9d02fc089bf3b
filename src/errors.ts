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
  | 'RECIPIENT_BLOCKED'
  | 'RECIPIENT_NEEDS_CONFIRMATION'
  | 'HOLD_STORE_FAILED'
  | 'MESSAGE_UNREADABLE';

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
  }
}

/** One field that failed validation: its path from the root of the input, and why. */
export interface InputIssue {
  /** Path of the field, e.g. `['customer', 'emails', 0]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Input that breaks an API's schema. `field` names the first offending field as a dotted path
 * (`customer.emails.0`); `issues` lists every one.
 */
export class InvalidInputError extends EmailGuardError {
  override readonly name = 'InvalidInputError';
  override readonly code = 'INVALID_INPUT' as const;
  readonly field: string;
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[], options?: { cause?: unknown }) {
    const first = issues[0];
    const field = first ? formatPath(first.path) : '(input)';
    const detail = issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
    super('INVALID_INPUT', `Invalid input at ${detail || field}`, options);
    this.field = field;
    this.issues = issues;
  }
}

/** A customer lookup that threw, or did not answer in time. */
export class LookupFailedError extends EmailGuardError {
  override readonly name = 'LookupFailedError';
  override readonly code = 'LOOKUP_FAILED' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super('LOOKUP_FAILED', message, options);
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
