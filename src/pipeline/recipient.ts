import type { Verdict } from '../guard/verdict.js';

/**
 * Where a recipient was named: a destination field of the header (RFC 5322 §3.6.3), a resent
 * destination field of a raw message (§3.6.6: `Resent-To`, `Resent-Cc`, `Resent-Bcc`, where a relay
 * that reads its recipients from the header delivers a resent message) or the SMTP envelope's RCPT
 * TO list (RFC 5321 §4.1.1.3), which is where mail is actually delivered. An
 * originator field (`from`, `sender`, `reply-to`) appears only when it holds a line break or another
 * control character, and any other header (`header`) only when its value holds a line break, as the
 * injection attempt it is. The fields an answer to the message goes to (`ANSWER_FIELDS`), and the
 * envelope's sender (`envelope-from`, MAIL FROM), appear when they name another customer's address.
 */
export type RecipientField =
  | 'to'
  | 'cc'
  | 'bcc'
  | 'resent-to'
  | 'resent-cc'
  | 'resent-bcc'
  | 'envelope'
  | 'envelope-from'
  | 'from'
  | 'sender'
  | 'reply-to'
  | 'header';

/** One recipient of a message, as named in one field. */
export interface Recipient {
  readonly field: RecipientField;
  /**
   * The address as given. A value that could not be split safely (it holds a line break or another
   * control character) is kept whole here, so the guard sees, and refuses, exactly what was given.
   */
  readonly address: string;
  /** The display name, when one was given. */
  readonly name?: string;
  /** For field `header`: the name of the header the value was given in (`X-Order`). */
  readonly header?: string;
}

/** One recipient and the guard's verdict on it. */
export interface RecipientVerdict extends Recipient {
  readonly verdict: Verdict;
}
