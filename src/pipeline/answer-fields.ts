import type { Recipient } from './recipient.js';

/**
 * The header fields, by lower-case name, whose addresses receive no copy of the message but an
 * answer to it, and how an address found in one is named: Reply-To (RFC 5322 §3.6.2) the
 * customer's reply; Mail-Followup-To a follow-up; Disposition-Notification-To (RFC 8098 §2.1) and
 * Return-Receipt-To, its older form, a read receipt; From and Sender (RFC 5322 §3.6.2) the
 * customer's reply when there is no Reply-To, and a bounce, which carries the whole message back
 * (RFC 3464 §2, the returned content). Agents read more: Mail-Reply-To, which mutt replies to
 * before Reply-To (mutt manual, "reply_to" and "Mail-Followup-To"); Errors-To, where some agents and
 * list servers send bounces, and X-Confirm-Reading-To, a read receipt in Pegasus Mail and others
 * (RFC 2076 §3.7 and §3.8); Return-Path, which the final delivery writes from MAIL FROM (RFC 5321
 * §4.4) but which a submitted header may already hold, and some agents bounce to. Another
 * customer's address in any of them reads the order.
 */
export const ANSWER_FIELDS: ReadonlyMap<string, Pick<Recipient, 'field' | 'header'>> = new Map([
  ['reply-to', { field: 'reply-to' }],
  ['from', { field: 'from' }],
  ['sender', { field: 'sender' }],
  ['disposition-notification-to', { field: 'header', header: 'Disposition-Notification-To' }],
  ['return-receipt-to', { field: 'header', header: 'Return-Receipt-To' }],
  ['mail-followup-to', { field: 'header', header: 'Mail-Followup-To' }],
  ['mail-reply-to', { field: 'header', header: 'Mail-Reply-To' }],
  ['errors-to', { field: 'header', header: 'Errors-To' }],
  ['x-confirm-reading-to', { field: 'header', header: 'X-Confirm-Reading-To' }],
  ['return-path', { field: 'header', header: 'Return-Path' }],
]);

const NAMES: Readonly<Partial<Record<Recipient['field'], string>>> = {
  'reply-to': 'Reply-To',
  from: 'From',
  sender: 'Sender',
  'envelope-from': 'MAIL FROM',
};

/**
 * The field an answer address was named in, as a person reads it in the header (`Reply-To`,
 * `Disposition-Notification-To`, `MAIL FROM` for the envelope's sender); `undefined` for a field a
 * copy of the message is delivered to (To, Cc, Bcc, the envelope's recipients).
 *
 * @example
 * ```ts
 * answerFieldName({ field: 'header', header: 'Mail-Followup-To' }); // 'Mail-Followup-To'
 * answerFieldName({ field: 'to' }); // undefined
 * ```
 */
export function answerFieldName({ field, header }: Pick<Recipient, 'field' | 'header'>): string | undefined {
  if (field === 'header')
    return header !== undefined && ANSWER_FIELDS.has(header.toLowerCase()) ? header : undefined;
  return NAMES[field];
}
