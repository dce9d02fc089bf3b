import type { Readable } from 'node:stream';
import { type Headers, MailParser } from 'mailparser';
import { MessageUnreadableError } from '../errors.js';
import { ANSWER_FIELDS } from './answer-fields.js';
import { hidesAddressInComments } from './collect-recipients.js';
import { normaliseHeaderSection } from './find-header-end.js';
import { readHeaderSection } from './read-header-section.js';
import { utf7WordsAsUtf8 } from './utf7-words-as-utf8.js';

/** Why a raw message's header could not be read as it is. */
export interface MessageProblem {
  readonly code: 'no-recipients' | 'header-too-large' | 'unreadable-header';
  readonly message: string;
}

/** A raw message's header: the parsed fields, and what the recipient check reads from them. */
export interface MessageHeader {
  /** Every field, keyed by lower-case name, as mailparser reads them. */
  readonly headers: Headers;
  /**
   * The destination fields (RFC 5322 §3.6.3) and the resent ones (§3.6.6), which a relay that
   * takes its recipients from the header (`sendmail -t`) delivers to, as `collectRecipients` takes them.
   */
  readonly recipients: {
    readonly to: unknown;
    readonly cc: unknown;
    readonly bcc: unknown;
    readonly resentTo: unknown;
    readonly resentCc: unknown;
    readonly resentBcc: unknown;
  };
  /**
   * The text of each Reply-To field (RFC 5322 §3.6.2), unfolded: a message may carry more than one,
   * whatever the RFC allows, and mailparser keeps only one of them in `headers`.
   */
  readonly replyTo: readonly string[];
  /**
   * Each field an answer to the message goes to ({@link ANSWER_FIELDS}), by lower-case name, with
   * its unfolded text, every occurrence of a repeated field, in the order of the header.
   */
  readonly answers: readonly (readonly [string, string])[];
  /** The Message-ID field (RFC 5322 §3.6.4), when the message has one. */
  readonly messageId?: string;
}

/**
 * Reads the header section of a raw RFC 5322 message (a string, bytes or a stream, left paused at
 * the start of the body) and parses it with mailparser. Shared by `checkMessage` and the
 * nodemailer plugin's check of a prebuilt (`raw`) message, so both read recipients alike.
 *
 * A header that is too large or cannot be parsed is answered with a problem; only a stream that
 * fails rejects (`MessageUnreadableError`).
 *
 * @example
 * ```ts
 * const header = await readMessageHeader('To: anna@example.se\r\n\r\nHej', 1024 * 1024);
 * if ('headers' in header) collectRecipients(header.recipients); // [{ field: 'to', address: 'anna@example.se' }]
 * ```
 */
export async function readMessageHeader(
  raw: string | Uint8Array | Readable,
  maxBytes: number,
): Promise<MessageHeader | { readonly problem: MessageProblem }> {
  let section: Awaited<ReturnType<typeof readHeaderSection>>;
  try {
    section = await readHeaderSection(raw, maxBytes);
  } catch (error) {
    throw new MessageUnreadableError('the message stream failed before its header was read', {
      cause: error,
    });
  }
  if ('tooLarge' in section) {
    return {
      problem: { code: 'header-too-large', message: `the header section is larger than ${maxBytes} bytes` },
    };
  }
  let headers: Headers;
  let lines: readonly HeaderLine[];
  try {
    // UTF-7 encoded-words are read as a client that decodes UTF-7 shows them: mailparser does not.
    // Written again as UTF-8 they may be longer than the limit the section was read under.
    const readable = utf7WordsAsUtf8(normaliseHeaderSection(section.header));
    ({ headers, lines } = await parseHeaders(readable, Math.max(maxBytes, readable.length)));
  } catch (error) {
    return {
      problem: {
        code: 'unreadable-header',
        message: `the header section cannot be parsed: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
  const messageId = headers.get('message-id');
  return {
    headers,
    recipients: {
      to: withTextsAsTyped(headers.get('to'), lines, 'to'),
      cc: withTextsAsTyped(headers.get('cc'), lines, 'cc'),
      bcc: withTextsAsTyped(headers.get('bcc'), lines, 'bcc'),
      // mailparser leaves these as the unfolded text of each field (a list when repeated).
      resentTo: headers.get('resent-to'),
      resentCc: headers.get('resent-cc'),
      resentBcc: headers.get('resent-bcc'),
    },
    replyTo: lines.filter(({ key }) => key === 'reply-to').map(fieldText),
    answers: lines
      .filter(({ key }) => ANSWER_FIELDS.has(key))
      .map((line): [string, string] => [line.key, fieldText(line)]),
    ...(typeof messageId === 'string' && messageId ? { messageId } : {}),
  };
}

/**
 * A destination field as mailparser read it, with the text of each of its lines whose comment holds
 * an address mailparser dropped (`To: Anna <anna@…> (erik@…)`), for the collector to refuse as
 * typed, as it refuses the same text given as the `to` option.
 */
function withTextsAsTyped(parsed: unknown, lines: readonly HeaderLine[], key: string): unknown {
  const typed = lines
    .filter((line) => line.key === key)
    .map(fieldText)
    .filter(hidesAddressInComments);
  return typed.length === 0 ? parsed : [parsed, ...typed];
}

/** A field's text after its name, unfolded (RFC 5322 §2.2.3). */
function fieldText({ line }: HeaderLine): string {
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '');
}

/** One header field as mailparser read it: its lower-case name and its whole (folded) line. */
interface HeaderLine {
  readonly key: string;
  readonly line: string;
}

/**
 * Parses a header section (and the empty line after it) with mailparser's streaming parser: the
 * fields, and each field's line (mailparser emits `headerLines` right after `headers`).
 */
function parseHeaders(
  header: Buffer,
  maxBytes: number,
): Promise<{ headers: Headers; lines: readonly HeaderLine[] }> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({
      maxHeadSize: maxBytes,
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      checksumAlgo: false,
    });
    let headers: Headers = new Map();
    parser.once('headers', (read) => {
      headers = read;
    });
    parser.once('headerLines', (lines: HeaderLine[]) => resolve({ headers, lines }));
    parser.once('error', reject);
    // Nothing but the header goes in, so no attachment waits to be released; the text is dropped.
    parser.on('data', () => undefined);
    parser.once('end', () => resolve({ headers, lines: [] }));
    parser.end(header);
  });
}
