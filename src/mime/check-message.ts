import { Readable } from 'node:stream';
import type { Headers } from 'mailparser';
import { z } from 'zod';
import type { LookupFailure } from '../guard/settle-lookup.js';
import type { Action } from '../guard/verdict.js';
import { parseInput } from '../internal/parse-input.js';
import { checkRecipients } from '../pipeline/check-recipients.js';
import { collectAnswers, collectRecipients } from '../pipeline/collect-recipients.js';
import { findShownAddresses } from '../pipeline/find-shown-addresses.js';
import { type PipelineOptions, PipelineOptionsSchema } from '../pipeline/pipeline-options.js';
import { type MessageProblem, readMessageHeader } from '../pipeline/read-message-header.js';
import type { RecipientVerdict } from '../pipeline/recipient.js';

export type { MessageProblem } from '../pipeline/read-message-header.js';

/** A message's parsed header fields, keyed by lower-case name, as mailparser reads them. */
export type MessageHeaders = Headers;

/**
 * Options of {@link checkMessage}; `resolveCustomer` gets the message's header fields
 * (e.g. `headers.get('x-customer-id')`).
 */
export interface CheckMessageOptions extends PipelineOptions<MessageHeaders> {
  /**
   * The SMTP envelope's recipients (RFC 5321 RCPT TO), for a content filter that knows them: mail
   * is delivered to these, whatever the header says, so they are checked too.
   * @default undefined (only the header's To, Cc and Bcc fields)
   */
  readonly envelope?: { readonly to: string | readonly string[] };
  /** The largest header section read; a larger one makes the message unreadable. @default 1048576 (1 MiB) */
  readonly maxHeaderBytes?: number;
}

/** The answer for one raw message. */
export interface MessageCheck {
  /** The message may be sent as it is. */
  readonly ok: boolean;
  /** What the verdicts add up to; `block` for a message that cannot be read. */
  readonly action: Action;
  /** The Message-ID field (RFC 5322 §3.6.4), when the message has one. */
  readonly messageId?: string;
  readonly customerId?: string;
  /** Every recipient, with the field that named it and the guard's verdict. */
  readonly recipients: readonly RecipientVerdict[];
  /** What is wrong with the message itself; absent when nothing is. */
  readonly problems?: readonly MessageProblem[];
  /** Why the customer could not be resolved, when it could not. */
  readonly customerLookup?: LookupFailure;
  /** `ok` only because the customer could not be resolved and the check fails open. */
  readonly failedOpen?: boolean;
}

const RawSchema = z.custom<string | Uint8Array | Readable>(
  (value) => typeof value === 'string' || value instanceof Uint8Array || value instanceof Readable,
  'the raw message must be a string, a Buffer or Uint8Array, or a readable stream',
);

const OptionsSchema = PipelineOptionsSchema.extend({
  envelope: z.object({ to: z.union([z.string(), z.array(z.string())]) }).optional(),
  maxHeaderBytes: z.number().int().positive().optional(),
});

/**
 * Checks the recipients of a raw RFC 5322 message, for a pipeline that sees bytes rather than
 * nodemailer objects: a queue consumer, a content filter. Only the header section is read (every
 * recipient is there, RFC 5322 §3.6.3), through mailparser, so a message of any size costs only its
 * header; a stream is left paused at the start of the body. Each recipient of To, Cc, Bcc and the
 * given envelope gets the guard's verdict, and one `block` blocks the message. An address in a
 * field an answer goes to (Reply-To, From, Sender, Disposition-Notification-To, Return-Receipt-To,
 * Mail-Followup-To, each line of a repeated one) is listed, blocked, only when it is another
 * customer's or one slip from one, its finding naming the field (`Reply-To names another
 * customer's address: ...`). A display name that shows an address (`"erik.lind@telia.com"
 * <kundtjanst@butiken.se>`, an encoded-word too) is checked as the nodemailer plugin checks it: in
 * To, Cc or Bcc it is refused as the mailbox shown to the recipient, in an answer field the address
 * shown is checked as an answer address.
 *
 * A malformed message (no recipients, a header that cannot be read) is answered with `block` and
 * a problem, never a throw. It throws only for misuse (`InvalidInputError`) and for a stream that
 * fails (`MessageUnreadableError`).
 *
 * @example
 * ```ts
 * const check = await checkMessage(createReadStream('order-4711.eml'), {
 *   guard,
 *   resolveCustomer: (headers) => String(headers.get('x-customer-id') ?? ''),
 * });
 * if (!check.ok) console.log(check.action, check.recipients.map((r) => `${r.field}: ${r.address}`));
 * ```
 */
export async function checkMessage(
  raw: string | Uint8Array | Readable,
  options: CheckMessageOptions,
): Promise<MessageCheck> {
  parseInput(RawSchema, raw, ['raw']);
  parseInput(OptionsSchema, options, ['options']);
  const maxBytes = options.maxHeaderBytes ?? 1024 * 1024;

  const header = await readMessageHeader(raw, maxBytes);
  if ('problem' in header) return unreadable(header.problem);
  const { messageId } = header;
  const named = collectRecipients(header.recipients, { fromHeader: true });
  const envelope = options.envelope ? collectRecipients({ envelope: { to: options.envelope.to } }) : [];
  if (named.length + envelope.length === 0) {
    return unreadable(
      { code: 'no-recipients', message: 'the message names no recipient in To, Cc, Bcc or the envelope' },
      messageId,
    );
  }

  // The fields an answer goes to (Reply-To, From, Sender, the receipt fields, Mail-Followup-To),
  // every line of a repeated one, read as the nodemailer plugin reads a raw message's: nothing is
  // delivered there, but the customer's reply, a receipt or a bounce is, with the order in it
  // (RFC 5322 §3.6.2, RFC 8098 §2.1, RFC 3464 §2). Only another customer's address there is kept.
  const answers = collectAnswers(header.answers);
  // What display names show, as the recipient's mail client shows them (`"erik.lind@telia.com"
  // <anna@example.se>`, an encoded-word decoded, RFC 2047), read as the nodemailer plugin reads a
  // prebuilt message's, so the same bytes get the same answer from both.
  const shown = findShownAddresses({ named, replyTo: answers }, { prebuilt: true });
  const check = await checkRecipients(
    {
      recipients: [...named, ...envelope, ...shown.recipients],
      source: header.headers,
      replyTo: [...answers, ...shown.answers],
    },
    options,
  );
  return {
    ok: check.action === 'send' || check.failedOpen,
    action: check.action,
    ...(messageId === undefined ? {} : { messageId }),
    ...(check.customerId === undefined ? {} : { customerId: check.customerId }),
    recipients: check.recipients,
    ...(check.customerLookup === undefined ? {} : { customerLookup: check.customerLookup }),
    ...(check.failedOpen ? { failedOpen: true } : {}),
  };
}

function unreadable(problem: MessageProblem, messageId?: string): MessageCheck {
  return {
    ok: false,
    action: 'block',
    ...(messageId === undefined ? {} : { messageId }),
    recipients: [],
    problems: [problem],
  };
}
